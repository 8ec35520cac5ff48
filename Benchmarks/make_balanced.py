#!/usr/bin/env python3
"""Writes a balanced-group-caps allocation: DIR/scenario.yaml, cities.csv, parks.csv, projects.csv.

Usage: python3 make_balanced.py --seed S [--projects 175] [--groups 5] [--uncapped K] [--out DIR]

The class: one budget, the projects spread over `groups` cities, each city capped at 1/groups of the money
actually spent (`max_share: 0.2` with five cities), maximize a benefit column. Every project is all-or-nothing
(no `min_share`); requests are whole 万元 between 80 and 2,500, skewed towards small ones, benefits roughly
proportional to the request with ±40% noise; the budget is about 45% of all requests. Same seed, same files.

With `--uncapped 0` the cities' shares add up to 1, so every city must get exactly its share: the plan has to
balance the cities' totals to the 万元 while filling the budget. `--uncapped K` (default 1) turns the last K
projects into province-level ones (`level: province`, park K00 in a seventh city): they count in the base,
the money spent, but belong to no capped city (the limit's `where`), which leaves the cities a little room.
"""
import argparse
import os
import random

CITIES = [
    ("370100", "济南市"), ("370200", "青岛市"), ("370300", "淄博市"), ("370600", "烟台市"),
    ("370700", "潍坊市"), ("370800", "济宁市"), ("371300", "临沂市"), ("371600", "滨州市"),
]
PROVINCE = ("370000", "省直")
CATEGORIES = ["air", "water", "soil", "solid_waste", "carbon"]


def projects(rng, count, groups, uncapped):
    rows = []
    for index in range(count):
        province = index >= count - uncapped
        city = groups if province else index % groups
        request = int(round(80 + rng.paretovariate(1.6) * 120))
        request = min(request, 2500)
        benefit = round(request * rng.uniform(0.6, 1.4) * rng.uniform(0.8, 1.25), 1)
        rows.append({
            "id": f"B{index + 1:04d}",
            "name": f"{PROVINCE[1] if province else CITIES[city][1]}减排项目{index + 1:03d}",
            "park": "K00" if province else f"K{city + 1:02d}",
            "level": "province" if province else "city",
            "fund": "balanced",
            "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
            "investment": request * 2,
            "request_2026": request,
            "benefit_t": benefit,
        })
    return rows


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(str(row[key]) for key in header) + "\n")


def scenario_text(seed, count, groups, budget):
    """The scenario: one fund, one share cap per city, maximize benefit_t; no tie rule (one solve)."""
    share = round(1 / groups, 6)
    return f"""# 均衡分组上限测试情景（合成数据，seed {seed}）
scenario: 均衡分组上限 {count}项 {groups}市 seed {seed}
as_of: 2026-03-31
years: [2026]

tables:
  cities: cities.csv
  parks: parks.csv
  projects: projects.csv

funds:
  - id: balanced
    name: 均衡分配专项资金
    budget: {budget}

limits:
  - name: 各市资金占比上限
    sum: subsidy
    fund: balanced
    where: "project.level == 'city'"
    group_by: city
    max_share: {share}

objective:
  maximize: benefit
  weights: {{benefit_t: 1}}

solver: {{time_limit: 60, mip_gap: 0, tiebreak: false}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--projects", type=int, default=175)
    parser.add_argument("--groups", type=int, default=5)
    parser.add_argument("--uncapped", type=int, default=1)
    parser.add_argument("--out", default=".")
    args = parser.parse_args()
    if not 2 <= args.groups <= len(CITIES):
        parser.error(f"--groups must be between 2 and {len(CITIES)}")
    rng = random.Random(args.seed)
    if not 0 <= args.uncapped < args.projects:
        parser.error("--uncapped must be between 0 and the number of projects - 1")
    rows = projects(rng, args.projects, args.groups, args.uncapped)
    budget = int(sum(row["request_2026"] for row in rows) * 0.45)
    os.makedirs(args.out, exist_ok=True)
    cities = [{"id": cid, "name": name} for cid, name in CITIES[: args.groups]]
    parks = [{"id": f"K{i + 1:02d}", "name": f"{c['name']}工业园区", "city": c["id"], "status": "none"}
             for i, c in enumerate(cities)]
    if args.uncapped:
        cities.append({"id": PROVINCE[0], "name": PROVINCE[1]})
        parks.append({"id": "K00", "name": "省直单位", "city": PROVINCE[0], "status": "none"})
    write_csv(os.path.join(args.out, "cities.csv"), ["id", "name"], cities)
    write_csv(os.path.join(args.out, "parks.csv"), ["id", "name", "city", "status"], parks)
    header = ["id", "name", "park", "level", "fund", "category", "investment", "request_2026", "benefit_t"]
    write_csv(os.path.join(args.out, "projects.csv"), header, rows)
    with open(os.path.join(args.out, "scenario.yaml"), "w", encoding="utf-8") as handle:
        handle.write(scenario_text(args.seed, args.projects, args.groups, budget))


if __name__ == "__main__":
    main()
