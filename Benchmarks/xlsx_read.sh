#!/bin/sh
# Reading a library from a workbook against reading it from CSV, at two sizes (see Benchmarks/README.md):
# `greenalloc validate` (read, type, check, compile the rules; nothing solved) on the same generated library
# as CSV files and as one workbook (csv_to_xlsx.py), best of N by hyperfine, and its peak memory.
# Environment: SIZES (default "10000 200000"), RUNS (5), GREENALLOC (.build/release/greenalloc), KEEP=1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
greenalloc=${GREENALLOC:-$here/../.build/release/greenalloc}
work=$(mktemp -d)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
for n in ${SIZES:-10000 200000}; do
    dir=$work/n$n
    "$greenalloc" generate --seed 7 --projects "$n" --out "$dir" >/dev/null
    python3 "$here/make_scenario.py" "$here/../Scenarios/shandong/baseline-2022.yaml" "$dir" >/dev/null
    python3 "$here/csv_to_xlsx.py" "$dir" "$dir/library.xlsx"
    sed -e 's#: cities.csv$#: library.xlsx\#cities#' -e 's#: parks.csv$#: library.xlsx\#parks#' \
        -e 's#: projects.csv$#: library.xlsx\#projects#' "$dir/scenario.yaml" >"$dir/scenario-xlsx.yaml"
    echo "== $n projects: workbook $(du -k "$dir/library.xlsx" | cut -f1) KB, CSV $(cat "$dir"/*.csv | wc -c | awk '{print int($1/1024)}') KB"
    hyperfine --runs "${RUNS:-5}" -N --style basic \
        "$greenalloc validate $dir/scenario.yaml" "$greenalloc validate $dir/scenario-xlsx.yaml" 2>&1 |
        grep -E "Time|validate|±|faster" || true
    for form in scenario scenario-xlsx; do
        /usr/bin/time -f "$form: peak RSS %M KB, %e s" "$greenalloc" validate "$dir/$form.yaml" >/dev/null 2>"$dir/time.txt" || true
        tail -1 "$dir/time.txt"
    done
done
