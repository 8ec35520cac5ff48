#!/usr/bin/env bash
# Balanced group caps: generated 175-project allocations, one budget, five cities each capped at 20% of the
# money spent and one province-level project outside the cities (make_balanced.py --uncapped 1), solved by
# greenalloc with GLPK, greenalloc --solver cbc, and glpsol --cuts on the exported model (glpsol's best
# settings on this class: finds the optimum early, proves it late). Prints one JSON line per instance and tool:
#   {"workload": "balanced-175 seed 1", "tool": "greenalloc glpk", "seconds": 3.21, "status": "optimal",
#    "gap": 0.0, "objective": 12345.6}
# seconds = wall clock of the whole process; status = greenalloc's (optimal, feasible, no_solution …) or
# glpsol's (optimal, time_limit …); gap = the relative gap reported at the end (null when none was reported).
#
# Environment: GREENALLOC (binary, default .build/release/greenalloc), SEEDS (default "1 2 3"), PROJECTS (175),
# CITY_GROUPS (5), UNCAPPED (1; 0 = the cities hold all the money, so each must get exactly 20%: far harder),
# TIME_LIMIT (60 s), KEEP=1 keeps the work directory. Needs glpsol and cbc (coinor-cbc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
greenalloc=${GREENALLOC:-$root/.build/release/greenalloc}
seeds=${SEEDS:-1 2 3}
projects=${PROJECTS:-175}
groups=${CITY_GROUPS:-5}
uncapped=${UNCAPPED:-1}
limit=${TIME_LIMIT:-60}
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "work directory: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

now() { python3 -c 'import time; print(time.monotonic())'; }

# line WORKLOAD TOOL SECONDS STATUS GAP OBJECTIVE (GAP and OBJECTIVE may be "null")
line() {
    python3 - "$@" <<'EOF'
import json, sys
workload, tool, seconds, status, gap, objective = sys.argv[1:7]
number = lambda text: None if text in ("", "null") else float(text)
print(json.dumps({"workload": workload, "tool": tool, "seconds": round(float(seconds), 3), "status": status,
                  "gap": number(gap), "objective": number(objective)}, ensure_ascii=False))
EOF
}

# greenalloc's status, gap and objective from allocation.json ("no_output" when it wrote none).
allocation_fields() {
    python3 - "$1" <<'EOF'
import json, sys
try:
    data = json.load(open(sys.argv[1], encoding="utf-8"))
except OSError:
    print("no_output null null"); sys.exit()
value = lambda v: "null" if v is None else repr(float(v))
print(data["status"], value(data.get("gap")), value(data.get("objective")))
EOF
}

# glpsol's status, last reported gap and objective from its terminal output.
glpsol_fields() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
status = "optimal" if "INTEGER OPTIMAL SOLUTION FOUND" in text else \
    "time_limit" if "TIME LIMIT EXCEEDED" in text else "other"
objective, gap = "null", "null"
# "+  9035: mip =   3.275590000e+04 <=   3.275889075e+04 < 0.1% (171; 2612)": the gap from plan and bound.
for match in re.finditer(r"mip =\s+(\S+) (?:<=|>=)\s+(\S+)", text):
    if match.group(1) == "not":
        continue
    objective = match.group(1)
    try:
        plan, bound = float(objective), float(match.group(2))
        gap = repr(abs(bound - plan) / max(1e-10, abs(plan)))
    except ValueError:
        gap = "0.0" if match.group(2) == "tree" else "null"
if status == "optimal":
    gap = "0.0"
print(status, gap, objective)
EOF
}

for seed in $seeds; do
    dir=$work/seed$seed
    workload="balanced-$projects seed $seed"
    [ "$uncapped" = 1 ] || workload="balanced-$projects uncapped $uncapped seed $seed"
    python3 "$here/make_balanced.py" --seed "$seed" --projects "$projects" --groups "$groups" --uncapped "$uncapped" \
        --out "$dir"
    "$greenalloc" export-model "$dir/scenario.yaml" --lp "$dir/model.lp" 2>/dev/null
    for backend in glpk cbc; do
        start=$(now)
        "$greenalloc" solve "$dir/scenario.yaml" --solver "$backend" --no-tiebreak --time-limit "$limit" \
            --out "$dir/out-$backend" >/dev/null 2>"$dir/$backend.log" || true
        end=$(now)
        read -r status gap objective < <(allocation_fields "$dir/out-$backend/allocation.json")
        line "$workload" "greenalloc $backend" "$(python3 -c "print($end - $start)")" "$status" "$gap" "$objective"
    done
    start=$(now)
    glpsol --lp "$dir/model.lp" --cuts --tmlim "$limit" >"$dir/glpsol.log" 2>&1 || true
    end=$(now)
    read -r status gap objective < <(glpsol_fields "$dir/glpsol.log")
    line "$workload" "glpsol --cuts" "$(python3 -c "print($end - $start)")" "$status" "$gap" "$objective"
done
