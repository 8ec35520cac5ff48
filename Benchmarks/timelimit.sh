#!/usr/bin/env bash
# Time limits on hard models: how far past --time-limit does a run end, and with what?
#
#   swift build -c release && Benchmarks/timelimit.sh
#
# For each size N (SIZES, default "10000 50000"): a generated library (seed SEED, default 7) with the
# baseline's rules (make_scenario.py), solved to a zero gap with --time-limit L for each L in LIMITS
# (default "1 10 60"), against glpsol --tmlim L on the exported model (same presolver and cuts). Prints one
# Markdown row per run: wall clock of the whole process, overrun past the limit, exit code, status and gap.
# GLPK checks its limit only between branch-and-bound nodes; greenalloc's watchdog stops waiting for a
# solve max(1 s, 10% of the limit) after the limit (a long root LP), so glpsol is the run without one.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/Benchmarks"
BIN=${GREENALLOC:-$ROOT/.build/release/greenalloc}
SIZES=${SIZES:-"10000 50000"}
LIMITS=${LIMITS:-"1 10 60"}
SEED=${SEED:-7}

for tool in "$BIN" glpsol python3; do
    command -v "$tool" >/dev/null || { echo "timelimit.sh: $tool not found (swift build -c release; scripts/setup.sh)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/greenalloc-timelimit.XXXXXX")
if [[ "${KEEP:-0}" == 1 ]]; then echo "work directory: $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi
now() { date +%s.%N; }

echo "| size | limit s | program | wall s | overrun s | exit | status | gap |"
echo "|---:|---:|---|---:|---:|---:|---|---|"
for size in $SIZES; do
    dir="$WORK/p$size"
    "$BIN" generate --seed "$SEED" --projects "$size" --out "$dir" >/dev/null 2>&1
    python3 "$HERE/make_scenario.py" "$ROOT/Scenarios/shandong/baseline-2022.yaml" "$dir"
    "$BIN" export-model "$dir/scenario.yaml" --lp "$dir/model.lp" 2>/dev/null
    integers=$(awk '/^(Binary|General)/{on=1;next} /^End/{on=0} on{n+=NF} END{print n+0}' "$dir/model.lp")
    fpump=(); if (( integers >= 5000 )); then fpump=(--fpump); fi
    for limit in $LIMITS; do
        echo "== $size projects, --time-limit $limit" >&2
        code=0
        start=$(now)
        "$BIN" solve "$dir/scenario.yaml" --no-tiebreak --gap 0 --time-limit "$limit" --out "$dir/out-$limit" \
            >/dev/null 2>"$dir/solve-$limit.err" || code=$?
        wall=$(echo "$(now) - $start" | bc -l)
        python3 - "$size" "$limit" "$wall" "$code" "$dir/out-$limit/allocation.json" "$dir/solve-$limit.err" <<'PY'
import json, sys
size, limit, wall, code, path, err = sys.argv[1:]
try:
    allocation = json.load(open(path, encoding="utf-8"))
    status, gap = allocation.get("status", "?"), allocation.get("gap")
except OSError:
    status, gap = "(no output)", None
if "watchdog" in open(err, encoding="utf-8").read():
    status += " (watchdog)"
gap = "—" if gap is None else f"{gap:.2g}"
print(f"| {int(size):,} | {limit} | greenalloc | {float(wall):.1f} | {float(wall) - float(limit):+.1f} | {code} | {status} | {gap} |")
PY
        code=0
        start=$(now)
        glpsol --lp "$dir/model.lp" --tmlim "$limit" --intopt --mir --gomory --clique "${fpump[@]}" \
            >"$dir/glpsol-$limit.log" 2>&1 || code=$?
        wall=$(echo "$(now) - $start" | bc -l)
        status=$(grep -E "^(INTEGER OPTIMAL|TIME LIMIT EXCEEDED|PROBLEM HAS NO)" "$dir/glpsol-$limit.log" | tail -1 || true)
        gap=$(grep -oE "[0-9.]+% \(" "$dir/glpsol-$limit.log" | tail -1 | tr -d ' (' || true)
        printf '| %s | %s | glpsol | %.1f | %+.1f | %s | %s | %s |\n' "$(printf "%'d" "$size")" "$limit" "$wall" \
            "$(echo "$wall - $limit" | bc -l)" "$code" "${status:-?}" "${gap:-—}"
    done
done
