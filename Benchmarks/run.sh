#!/usr/bin/env bash
# greenalloc benchmarks: one run, one table of ratios (see Benchmarks/README.md).
#
#   swift build -c release && Benchmarks/run.sh
#
# Each workload is a function below (bench_*); SKIP_<NAME>=1 skips it (SKIP_SCALE, SKIP_END_TO_END,
# SKIP_SWEEP, SKIP_TARGET, SKIP_EXPLAIN, SKIP_GREEDY, SKIP_BALANCED); the 100,000-project check runs only with
# SCALE100K=1. Environment: SIZES (default "1000 10000 50000"), GAP (0.001), TIME_LIMIT (60 s), SEED (7),
# TIE_SIZES (sizes whose tie-rule cost is measured at gap 0, default "1000"), REPEAT (best of, default 3),
# SWEEP_REPEAT (best of for the sweep, default REPEAT),
# EXPLAIN_PROJECTS (default "P0003 P0554 P0858 P0885 P0018"), GREENALLOC (default .build/release/greenalloc),
# KEEP=1 keeps the work directory, RESULTS=FILE copies the raw measurements (JSON lines) to FILE, MARKDOWN=FILE
# writes the table's Markdown rows (for the README) to FILE.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/Benchmarks"
BIN=${GREENALLOC:-$ROOT/.build/release/greenalloc}
SIZES=${SIZES:-"1000 10000 50000"}
GAP=${GAP:-0.001}
TIME_LIMIT=${TIME_LIMIT:-60}
SEED=${SEED:-7}
TIE_SIZES=${TIE_SIZES:-"1000"}
REPEAT=${REPEAT:-3}
SWEEP_REPEAT=${SWEEP_REPEAT:-$REPEAT}
EXPLAIN_PROJECTS=${EXPLAIN_PROJECTS:-"P0003 P0554 P0858 P0885 P0018"}
BASELINE="$ROOT/Scenarios/shandong/baseline-2022.yaml"
TARGET_SCENARIO="$ROOT/Scenarios/shandong/target-2025.yaml"

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

# best_of N LABEL DIR -- COMMAND...: `timed` N times; the fastest run's files become DIR/LABEL.*, and every
# run's wall clock goes to DIR/LABEL.runs.
best_of() {
    local count=$1 label=$2 dir=$3
    shift 4
    local best="" run
    : >"$dir/$label.runs"
    for ((run = 1; run <= count; run++)); do
        timed "$label.try" "$dir" -- "$@"
        local wall
        wall=$(grep -v '^Command' "$dir/$label.try.time" | tail -1 | cut -d' ' -f1)
        echo "$wall" >>"$dir/$label.runs"
        if [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $wall < $best else 1)"; then
            best=$wall
            for ext in time out err code; do mv "$dir/$label.try.$ext" "$dir/$label.$ext"; done
            [[ -d "$dir/$label.try.dir" ]] && { rm -rf "$dir/$label.dir"; mv "$dir/$label.try.dir" "$dir/$label.dir"; }
        fi
        rm -rf "$dir/$label.try".*
    done
}

skipped() { [[ "${!1:-0}" == 1 ]]; }
load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# province SIZE: a generated province with baseline-2022's rules and its exported subsidy model, in $WORK/pSIZE.
province() {
    local size=$1 dir="$WORK/p$1"
    [[ -f "$dir/model.lp" ]] && return 0
    echo "== $size projects: generate (seed $SEED)" >&2
    "$BIN" generate --seed "$SEED" --projects "$size" --out "$dir" >/dev/null 2>"$WORK/generate-$size.err"
    python3 "$HERE/make_scenario.py" "$BASELINE" "$dir"
    "$BIN" export-model "$dir/scenario.yaml" --lp "$dir/model.lp" 2>/dev/null
}

# glpsol_args MODEL GAP: glpsol with the presolver and cuts GLPKSolver uses (MIR, Gomory, clique; the
# feasibility pump from 5,000 integer columns, as GLPKSolver switches it on there).
glpsol_args() {
    local integers
    integers=$(awk '/^(Binary|General)/{on=1;next} /^End/{on=0} on{n+=NF} END{print n+0}' "$1")
    echo "--lp $1 --mipgap $2 --tmlim $TIME_LIMIT --intopt --mir --gomory --clique"
    if (( integers >= 5000 )); then echo "--fpump"; fi
}

# --- workloads ---------------------------------------------------------------------------------------------

bench_scale() {
    local size=$1 dir="$WORK/p$1"
    province "$size"
    echo "== $size projects: glpsol, then greenalloc solve --no-tiebreak" >&2
    # shellcheck disable=SC2046
    timed glpsol "$dir" -- glpsol $(glpsol_args "$dir/model.lp" "$GAP") -w "$dir/glpsol.sol"
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
}

# The user's command on the 10,000-project province, best of REPEAT, against glpsol's single solve of the
# exported model (best of REPEAT): at GAP without the tie rule; at gap 0 with it (it runs only after a proven
# optimum), against glpsol at gap 0.
bench_end_to_end() {
    local size=10000 dir="$WORK/e2e"
    province "$size"
    mkdir -p "$dir"
    echo "== end to end, $size projects: best of $REPEAT" >&2
    # shellcheck disable=SC2046
    best_of "$REPEAT" glpsol "$dir" -- glpsol $(glpsol_args "$WORK/p$size/model.lp" "$GAP")
    best_of "$REPEAT" solve "$dir" -- "$BIN" solve "$WORK/p$size/scenario.yaml" --out "$dir/solve.try.dir" \
        --no-tiebreak --gap "$GAP" --time-limit "$TIME_LIMIT"
    # shellcheck disable=SC2046
    best_of "$REPEAT" glpsol0 "$dir" -- glpsol $(glpsol_args "$WORK/p$size/model.lp" 0)
    best_of "$REPEAT" tie "$dir" -- "$BIN" solve "$WORK/p$size/scenario.yaml" --out "$dir/tie.try.dir" \
        --gap 0 --time-limit "$TIME_LIMIT"
    python3 "$HERE/collect.py" end_to_end "$size" "$dir" >>"$LINES"
}

# The 31-point sweep of baseline-2022's special fund (0.5..2.0) against 31 glpsol solves of the same points
# (each point's exported model, at the scenario's gap and the run's time limit), one after another.
bench_sweep() {
    local dir="$WORK/sweep" fund=prov-special
    mkdir -p "$dir/points"
    echo "== sweep: 31 exported points" >&2
    python3 "$HERE/scale_budget.py" "$BASELINE" "$fund" 0.5 2.0 31 "$dir/points" >"$dir/points.txt"
    local gap
    gap=$(python3 -c "import yaml,sys; print((yaml.safe_load(open(sys.argv[1])).get('solver') or {}).get('mip_gap', 0))" "$BASELINE")
    : >"$dir/glpsol-commands"
    while read -r _ yaml; do
        "$BIN" export-model "$yaml" --lp "${yaml%.yaml}.lp" 2>/dev/null
        echo "glpsol $(glpsol_args "${yaml%.yaml}.lp" "$gap" | tr '\n' ' ') >${yaml%.yaml}.glpsol" >>"$dir/glpsol-commands"
    done <"$dir/points.txt"
    echo "== sweep: 31 glpsol solves one after another, then greenalloc sweep (best of $SWEEP_REPEAT)" >&2
    timed separate "$dir" -- bash "$dir/glpsol-commands"
    best_of "$SWEEP_REPEAT" sweep "$dir" -- "$BIN" sweep "$BASELINE" --fund "$fund" --from 0.5 --to 2.0 --steps 31 \
        --format json --time-limit "$TIME_LIMIT"
    python3 "$HERE/collect.py" sweep 31 "$dir" >>"$LINES"
}

# `target` on target-2025 as it is: time, whether exact, the scale found and the proved lower bound.
bench_target() {
    local dir="$WORK/target"
    mkdir -p "$dir"
    echo "== target on target-2025" >&2
    timed target "$dir" -- "$BIN" target "$TARGET_SCENARIO" --target "2025年生态工业园区占比不低于50%" \
        --fund prov-special --format json
    python3 "$HERE/collect.py" target target-2025 "$dir" >>"$LINES"
}

# Exact explain cards for a few projects and the full listing (estimates) on baseline-2022.
bench_explain() {
    local dir="$WORK/explain" project
    mkdir -p "$dir"
    for project in $EXPLAIN_PROJECTS; do
        echo "== explain --project $project" >&2
        timed "card-$project" "$dir" -- "$BIN" explain "$BASELINE" --project "$project" --format json
    done
    echo "== explain (full listing)" >&2
    timed listing "$dir" -- "$BIN" explain "$BASELINE" --format json
    python3 "$HERE/collect.py" explain baseline-2022 "$dir" >>"$LINES"
}

bench_greedy() {
    local name dir
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
}

# 100,000 projects to a 0.1% gap within 10 minutes: wall clock and peak RSS (opt-in: SCALE100K=1).
bench_scale100k() {
    local size=100000 dir="$WORK/p100000"
    province "$size"
    echo "== $size projects: greenalloc solve --no-tiebreak --gap 0.001 --time-limit 600" >&2
    timed solve "$dir" -- "$BIN" solve "$dir/scenario.yaml" --out "$dir/out" --no-tiebreak --gap 0.001 --time-limit 600
    python3 "$HERE/collect.py" scale100k "$size" "$dir" >>"$LINES"
}

# ---- hook: balanced group caps ------------------------------------------------------------------------------
# Benchmarks/balanced.sh, when present, measures the balanced-groups class (GLPK and CBC side by side) and
# prints JSON lines of generic rows ({"kind": "row", "workload", "size", "greenalloc", "reference", "ratio",
# "detail"}, see table.py); they are appended to this run's measurements. It gets GREENALLOC, TIME_LIMIT and
# a work directory of its own (BENCH_WORK).
bench_balanced() {
    mkdir -p "$WORK/balanced"
    echo "== balanced group caps (Benchmarks/balanced.sh)" >&2
    GREENALLOC="$BIN" TIME_LIMIT="$TIME_LIMIT" BENCH_WORK="$WORK/balanced" bash "$HERE/balanced.sh" >>"$LINES"
}
# -------------------------------------------------------------------------------------------------------------

LOAD_BEFORE=$(load_average)
if ! skipped SKIP_SCALE; then for size in $SIZES; do bench_scale "$size"; done; fi
skipped SKIP_END_TO_END || bench_end_to_end
skipped SKIP_SWEEP || bench_sweep
skipped SKIP_TARGET || bench_target
skipped SKIP_EXPLAIN || bench_explain
skipped SKIP_GREEDY || bench_greedy
[[ "${SCALE100K:-0}" == 1 ]] && bench_scale100k
if ! skipped SKIP_BALANCED && [[ -f "$HERE/balanced.sh" ]]; then bench_balanced; fi

[[ -n "${RESULTS:-}" ]] && cp "$LINES" "$RESULTS"
python3 "$HERE/table.py" "$LINES" --gap "$GAP" --time-limit "$TIME_LIMIT" \
    --load "$LOAD_BEFORE / $(load_average) on $(nproc 2>/dev/null || echo '?') cores" ${MARKDOWN:+--markdown "$MARKDOWN"}
