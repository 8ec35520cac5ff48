#!/bin/sh
# What-if runner cost: a 31-point budget sweep of the Shandong baseline against one solve (release build).
# Usage: Benchmarks/whatif.sh [SCENARIO] [FUND]   (defaults: the baseline and prov-special)
# Prints both wall-clock times and their ratio (goal: the sweep costs at most 4 single solves).
set -eu
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/shandong/baseline-2022.yaml}
fund=${2:-prov-special}
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/greenalloc
now() { date +%s.%N; }

start=$(now)
"$bin" solve "$scenario" --format json >/dev/null 2>&1
solve=$(echo "$(now) - $start" | bc -l)

start=$(now)
"$bin" sweep "$scenario" --fund "$fund" --from 0.5 --to 2.0 --steps 31 --format csv >/dev/null 2>&1
sweep=$(echo "$(now) - $start" | bc -l)

start=$(now)
"$bin" sweep "$scenario" --fund "$fund" --from 0.5 --to 2.0 --steps 31 --format csv --cold >/dev/null 2>&1
cold=$(echo "$(now) - $start" | bc -l)

start=$(now)
"$bin" solve "$scenario" --format json --no-tiebreak >/dev/null 2>&1
single=$(echo "$(now) - $start" | bc -l)

# Reference: the same 31 points as separate processes, one cold solve each, one after another.
start=$(now)
i=0
while [ $i -le 30 ]; do
  scale=$(echo "0.5 + 0.05 * $i" | bc -l)
  "$bin" sweep "$scenario" --fund "$fund" --from "$scale" --to "$scale" --steps 1 >/dev/null 2>&1
  i=$((i + 1))
done
separate=$(echo "$(now) - $start" | bc -l)

printf 'one solve (with tie rule):   %.2f s\n' "$solve"
printf 'one solve (--no-tiebreak):   %.2f s\n' "$single"
printf '31-point sweep of %s:  %.2f s\n' "$fund" "$sweep"
printf 'sweep / one solve:           %.2fx (goal <= 4x)\n' "$(echo "$sweep / $solve" | bc -l)"
printf '31-point sweep, --cold:      %.2f s (%.2fx one solve)\n' "$cold" "$(echo "$cold / $solve" | bc -l)"
printf 'sweep / one --no-tiebreak:   %.2fx\n' "$(echo "$sweep / $single" | bc -l)"
printf '31 separate cold solves:     %.2f s (sweep is %.2fx of that)\n' "$separate" "$(echo "$sweep / $separate" | bc -l)"
