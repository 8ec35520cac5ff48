#!/usr/bin/env bash
# greenalloc benchmarks: one run, one table of ratios (see Benchmarks/README.md).
#
#   swift build -c release && Benchmarks/run.sh
#
# Environment: SIZES (default "1000 10000 50000"), GAP (0.001), TIME_LIMIT (60 s), SEED (7), TIE_SIZES
# (sizes whose tie-rule cost is measured at gap 0, default "1000"),
# GREENALLOC (default .build/release/greenalloc), KEEP=1 keeps the work directory, RESULTS=FILE copies the
# raw measurements (JSON lines) to FILE.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/Benchmarks"
BIN=${GREENALLOC:-$ROOT/.build/release/greenalloc}
SIZES=${SIZES:-"1000 10000 50000"}
GAP=${GAP:-0.001}
TIME_LIMIT=${TIME_LIMIT:-60}
SEED=${SEED:-7}
TIE_SIZES=${TIE_SIZES:-"1000"}

for tool in "$BIN" glpsol /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (swift build -c release; scripts/setup.sh)" >&2; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "run.sh: python3 needs PyYAML (apt-get install python3-yaml)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/greenalloc-bench.XXXXXX")
if [[ "${KEEP:-0}" == 1 ]]; then echo "work directory: $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
LINES="$WORK/results.jsonl"
: >"$LINES"

# timed LABEL DIR -- COMMAND...: runs COMMAND with stdout/stderr into DIR/LABEL.{out,err}, wall clock and
# peak RSS (KiB) into DIR/LABEL.time; never fails (the exit code is recorded).
timed() {
    local label=$1 dir=$2
    shift 3
    local code=0
    /usr/bin/time -f '%e %M %x' -o "$dir/$label.time" "$@" >"$dir/$label.out" 2>"$dir/$label.err" || code=$?
    echo "$code" >"$dir/$label.code"
}

for size in $SIZES; do
    dir="$WORK/p$size"
    echo "== $size projects: generate (seed $SEED)" >&2
    "$BIN" generate --seed "$SEED" --projects "$size" --out "$dir" >/dev/null 2>"$WORK/generate-$size.err"
    python3 "$HERE/make_scenario.py" "$ROOT/Scenarios/shandong/baseline-2022.yaml" "$dir"
    "$BIN" export-model "$dir/scenario.yaml" --lp "$dir/model.lp" 2>/dev/null

    echo "== $size projects: glpsol" >&2
    # GLPKSolver switches the feasibility pump on from 5,000 integer columns: match it.
    integers=$(awk '/^(Binary|General)/{on=1;next} /^End/{on=0} on{n+=NF} END{print n+0}' "$dir/model.lp")
    fpump=(); if (( integers >= 5000 )); then fpump=(--fpump); fi
    timed glpsol "$dir" -- glpsol --lp "$dir/model.lp" --mipgap "$GAP" --tmlim "$TIME_LIMIT" \
        --intopt --mir --gomory --clique "${fpump[@]}" -w "$dir/glpsol.sol"
    echo "== $size projects: greenalloc solve --no-tiebreak" >&2
    timed solve "$dir" -- "$BIN" solve "$dir/scenario.yaml" --out "$dir/out" --no-tiebreak \
        --gap "$GAP" --time-limit "$TIME_LIMIT"
    if [[ " $TIE_SIZES " == *" $size "* ]]; then
        # The tie rule runs only after a proven optimum: measure it at gap 0, against --no-tiebreak at gap 0.
        echo "== $size projects: greenalloc solve at gap 0, without and with the tie rule" >&2
        timed exact "$dir" -- "$BIN" solve "$dir/scenario.yaml" --out "$dir/out-exact" --no-tiebreak \
            --gap 0 --time-limit "$TIME_LIMIT"
        timed tiebreak "$dir" -- "$BIN" solve "$dir/scenario.yaml" --out "$dir/out-tie" \
            --gap 0 --time-limit "$TIME_LIMIT"
    fi
    python3 "$HERE/collect.py" scale "$size" "$dir" >>"$LINES"
done

for name in baseline-2022 target-2025; do
    echo "== greedy against the optimum: $name" >&2
    dir="$WORK/$name"
    mkdir -p "$dir"
    # The scenario's own settings (gap 0, tie rule on), and the same without the tie rule.
    timed exact "$dir" -- "$BIN" solve "$ROOT/Scenarios/shandong/$name.yaml" --out "$dir/out-exact" --no-tiebreak \
        --time-limit "$TIME_LIMIT"
    timed optimum "$dir" -- "$BIN" solve "$ROOT/Scenarios/shandong/$name.yaml" --out "$dir/out" --time-limit "$TIME_LIMIT"
    if [[ -f "$dir/out/allocation.json" ]]; then
        timed greedy "$dir" -- python3 "$HERE/greedy.py" "$ROOT/Scenarios/shandong/$name.yaml" "$dir/out/allocation.json"
    fi
    python3 "$HERE/collect.py" greedy "$name" "$dir" >>"$LINES"
done

[[ -n "${RESULTS:-}" ]] && cp "$LINES" "$RESULTS"
commands=$("$BIN" --help 2>&1 | awk '/SUBCOMMANDS/ {on = 1; next} on && NF {print $1}' | tr '\n' ' ')
python3 "$HERE/table.py" "$LINES" --gap "$GAP" --time-limit "$TIME_LIMIT" --commands "$commands"
