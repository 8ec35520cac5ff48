#!/bin/sh
# What-if runner cost: a 31-point budget sweep of the Shandong baseline against one solve (release build).
# Usage: Benchmarks/whatif.sh [SCENARIO] [FUND]   (defaults: the baseline and prov-special)
# Environment: REPEAT (default 3) rounds; each round times one solve, the sweep, the cold sweep and one
# --no-tiebreak solve back to back, so every ratio compares figures from the same round on the same machine.
# Prints each round and the median ratio (goal: the sweep costs at most 4 single solves). SEPARATE=1 also
# times the 31 points as separate processes, one cold solve each.
set -eu
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/shandong/baseline-2022.yaml}
fund=${2:-prov-special}
repeat=${REPEAT:-3}
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)/greenalloc
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sweep() { "$bin" sweep "$scenario" --fund "$fund" --from 0.5 --to 2.0 --steps 31 --format csv "$@" >/dev/null 2>&1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) on $(nproc 2>/dev/null || echo '?') cores"
ratios=""
cold_ratios=""
round=1
while [ "$round" -le "$repeat" ]; do
  start=$(now); "$bin" solve "$scenario" --format json >/dev/null 2>&1; solve=$(since "$start")
  start=$(now); sweep; warm=$(since "$start")
  start=$(now); sweep --cold; cold=$(since "$start")
  start=$(now); "$bin" solve "$scenario" --format json --no-tiebreak >/dev/null 2>&1; single=$(since "$start")
  ratio=$(echo "$warm / $solve" | bc -l)
  cold_ratio=$(echo "$cold / $solve" | bc -l)
  printf 'round %d: one solve %.2f s (--no-tiebreak %.2f s), sweep %.2f s = %.1fx, --cold %.2f s = %.1fx\n' \
    "$round" "$solve" "$single" "$warm" "$ratio" "$cold" "$cold_ratio"
  ratios="$ratios $ratio"
  cold_ratios="$cold_ratios $cold_ratio"
  round=$((round + 1))
done
printf 'median sweep / one solve: %.1fx (goal <= 4x); --cold: %.1fx\n' \
  "$(echo "$ratios" | tr ' ' '\n' | grep . | median)" "$(echo "$cold_ratios" | tr ' ' '\n' | grep . | median)"

if [ "${SEPARATE:-0}" = 1 ]; then
  start=$(now)
  i=0
  while [ $i -le 30 ]; do
    scale=$(echo "0.5 + 0.05 * $i" | bc -l)
    "$bin" sweep "$scenario" --fund "$fund" --from "$scale" --to "$scale" --steps 1 --cold >/dev/null 2>&1
    i=$((i + 1))
  done
  printf '31 separate cold solves, one after another: %.2f s\n' "$(since "$start")"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
