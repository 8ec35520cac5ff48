#!/usr/bin/env python3
"""Independent check of the Shandong scenarios: builds each scenario's subsidy-stage model (scenario format, sections 6–10) from
the YAML and the CSVs and solves it with SciPy's MILP solver (HiGHS).

Usage: python3 tools/check_scenarios.py [baseline-2022.yaml target-2025.yaml ...]

Only what these scenarios use is implemented: `extends` (funds merged by id), fund eligibility, per-project cap
and share of investment (a project asking more is funded at its cap u), requests inside the horizon only,
exclusions, min_share (a share of u), lock (θ = u), requires, exclusive groups, naming packages and awards,
`max_share` limits (per year by city, over the horizon by a filter), eco-park count/share targets, weighted
benefits with bonuses and naming value. Expressions are evaluated as Python over the rows (they are written in
the common subset of both languages). It is a cross-check of feasibility and of the budget figures, not the
product's solver.
"""
import csv
import os
import sys

import numpy as np
import yaml
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
MATURITY = ["concept", "proposal", "fs_approved", "eia_approved", "design_approved", "ready_to_start",
            "under_construction"]


class Missing:
    def __eq__(self, other): return False
    def __ne__(self, other): return False
    def __lt__(self, other): return False
    def __le__(self, other): return False
    def __gt__(self, other): return False
    def __ge__(self, other): return False
    def __hash__(self): return 0


class Maturity(str):
    def _rank(self, other): return MATURITY.index(self), MATURITY.index(other)
    def __ge__(self, other): a, b = self._rank(other); return a >= b
    def __gt__(self, other): a, b = self._rank(other); return a > b
    def __le__(self, other): a, b = self._rank(other); return a <= b
    def __lt__(self, other): a, b = self._rank(other); return a < b


class Row:
    def __init__(self, row):
        for key, value in row.items():
            if value == "":
                value = Missing()
            elif key == "maturity":
                value = Maturity(value)
            setattr(self, key, value)


def load(path):
    with open(path, encoding="utf-8") as handle:
        scenario = yaml.safe_load(handle)
    if "extends" in scenario:
        base = load(os.path.join(os.path.dirname(path), scenario.pop("extends")))
        funds = {fund["id"]: fund for fund in base["funds"]}
        for fund in scenario.pop("funds", []):
            funds.setdefault(fund["id"], {}).update(fund)
        base["funds"] = list(funds.values())
        base.update(scenario)
        scenario = base
    return scenario


def read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def evaluate(expression, project, park, as_of):
    return bool(eval(expression, {}, {"project": Row(project), "park": Row(park), "as_of": as_of}))


def check(path):
    scenario = load(path)
    years = scenario["years"]
    as_of = str(scenario["as_of"])
    parks = {row["id"]: row for row in read(scenario["tables"]["parks"])}
    projects = read(scenario["tables"]["projects"])
    fund = next(f for f in scenario["funds"] if f.get("kind", "project_subsidy") == "project_subsidy")
    naming = next((f for f in scenario["funds"] if f.get("kind") == "naming_award"), None)

    def requests(project):
        return [float(project.get(f"request_{year}") or 0) for year in years]

    fundable, ceiling = [], {}
    for project in projects:
        park = parks[project["park"]]
        total = sum(requests(project))
        if project["fund"] != fund["id"] or total <= 0 or project["lock"] == "out":
            continue
        if any(evaluate(rule["when"], project, park, as_of) for rule in scenario.get("exclude", [])):
            continue
        if "eligible" in fund and not evaluate(fund["eligible"], project, park, as_of):
            continue
        u = min(1.0, fund.get("per_project", float("inf")) / total,
                fund.get("share_of_investment", float("inf")) * float(project["investment"]) / total)
        if u <= 0:
            continue
        fundable.append(project)
        ceiling[project["id"]] = u
    index = {p["id"]: i for i, p in enumerate(fundable)}
    count = len(fundable)

    # naming: parks under construction, not barred, whose whole package is fundable (each funded at its u);
    # the naming year counts every year a prerequisite asks for money, after the horizon too
    packages = {}
    for project in projects:
        if project["naming_prerequisite"] == "true":
            packages.setdefault(project["park"], []).append(project)
    nameable = []
    for park_id, package in packages.items():
        park = parks[park_id]
        if park["status"] != "under_construction" or (park["barred_until"] and park["barred_until"] > as_of):
            continue
        if any(p["id"] not in index for p in package):
            continue
        last = max(int(column[len("request_"):]) for p in package for column, value in p.items()
                   if column.startswith("request_") and float(value or 0) > 0)
        year = max(last, int(park["naming_year"] or last))
        if year in years:
            nameable.append((park_id, year, [index[p["id"]] for p in package]))

    # variables: theta (count), z (count), n (len(nameable))
    size = 2 * count + len(nameable)
    objective = np.zeros(size)
    weights = scenario["objective"]["weights"]
    for i, project in enumerate(fundable):
        park = parks[project["park"]]
        score = sum(w * float(project.get(column) or 0) for column, w in weights.items())
        for bonus in scenario["objective"].get("bonuses", []):
            if evaluate(bonus["when"], project, park, as_of):
                score *= bonus["factor"]
        objective[i] = -score
    naming_value = scenario["objective"].get("naming_value", 0)
    objective[2 * count:] = -naming_value

    rows, lower, upper = [], [], []

    def add(coefficients, low, high):
        rows.append(coefficients)
        lower.append(low)
        upper.append(high)

    for i, project in enumerate(fundable):
        u = ceiling[project["id"]]
        minimum = 1.0 if project["lock"] == "in" else float(project["min_share"] or 1)
        add({i: 1, count + i: -minimum * u}, 0, np.inf)           # theta >= min_share u z
        add({i: 1, count + i: -u}, -np.inf, 0)                    # theta <= u z
        if project["lock"] == "in":
            add({i: 1}, u, u)
        for required in filter(None, project["requires"].split(";")):
            if required in index:
                add({count + i: 1, count + index[required]: -1}, -np.inf, 0)
            else:
                add({count + i: 1}, 0, 0)
    groups = {}
    for i, project in enumerate(fundable):
        if project["exclusive_group"]:
            groups.setdefault(project["exclusive_group"], []).append(count + i)
    for members in groups.values():
        add({m: 1 for m in members}, -np.inf, 1)
    for k, (_, _, members) in enumerate(nameable):
        for m in members:
            add({2 * count + k: ceiling[fundable[m]["id"]], m: -1}, -np.inf, 0)  # named => theta = u

    budget = fund["budget"]
    for y, year in enumerate(years):
        cap = budget.get(year, 0) if isinstance(budget, dict) else budget
        add({i: requests(p)[y] for i, p in enumerate(fundable)}, -np.inf, cap)
        if naming:
            award_budget = naming["budget"].get(year, 0) if isinstance(naming["budget"], dict) else naming["budget"]
            add({2 * count + k: naming["award"] for k, (_, ny, _) in enumerate(nameable) if ny == year}, -np.inf,
                award_budget)

    for limit in scenario.get("limits", []):
        share = limit["max_share"]
        in_scope = [i for i, p in enumerate(fundable)
                    if "where" not in limit or evaluate(limit["where"], p, parks[p["park"]], as_of)]
        if limit.get("group_by") == "city":
            groups_of = {}
            for i in in_scope:
                groups_of.setdefault(parks[fundable[i]["park"]]["city"], []).append(i)
        else:
            groups_of = {None: in_scope}
        year_slices = [[y] for y in range(len(years))] if limit.get("per_year") else [list(range(len(years)))]
        for members in groups_of.values():
            for ys in year_slices:
                coefficients = {i: -share * sum(requests(p)[y] for y in ys) for i, p in enumerate(fundable)}
                for i in members:
                    coefficients[i] += sum(requests(fundable[i])[y] for y in ys)
                add(coefficients, -np.inf, 0)

    named_now = sum(1 for p in parks.values() if p["status"] in ("named_provincial", "named_national"))
    base = sum(1 for p in parks.values() if p["status"] != "revoked")
    for target in scenario.get("targets", []):
        ks = {2 * count + k: 1 for k, (_, ny, _) in enumerate(nameable) if ny <= target["year"]}
        needed = target["min"] if target["metric"] == "eco_park_count" else target["min"] * base
        add(ks, needed - named_now - 1e-9, np.inf)

    matrix = lil_matrix((len(rows), size))
    for r, coefficients in enumerate(rows):
        for column, value in coefficients.items():
            if value:
                matrix[r, column] = value
    integrality = np.zeros(size)
    integrality[count:] = 1
    bounds = Bounds(np.zeros(size), np.ones(size))
    result = milp(objective, constraints=LinearConstraint(matrix.tocsr(), lower, upper), integrality=integrality,
                  bounds=bounds, options={"time_limit": 120, "mip_rel_gap": 1e-6})
    print(f"== {os.path.basename(path)}: {scenario['scenario']}")
    by_year = {year: sum(1 for _, ny, _ in nameable if ny == year) for year in years}
    print(f"   fundable {count}, nameable {len(nameable)} {by_year}, status: {result.message}")
    if result.x is None:
        return False
    x = result.x
    funded = [i for i in range(count) if x[count + i] > 0.5]
    spend = [sum(x[i] * requests(fundable[i])[y] for i in range(count)) for y in range(len(years))]
    named = [nameable[k] for k in range(len(nameable)) if x[2 * count + k] > 0.5]
    print(f"   objective {-result.fun:.1f}; funded {len(funded)} projects")
    print("   subsidy per year", {year: round(s) for year, s in zip(years, spend)})
    print("   newly named per year", {year: sum(1 for _, ny, _ in named if ny == year) for year in years},
          f"-> eco parks {named_now + len(named)} of {base}")
    locked = [p["id"] for p in fundable if p["lock"] == "in"]
    print("   locked in funded:", all(x[count + index[pid]] > 0.5 for pid in locked), locked)
    return True


if __name__ == "__main__":
    files = sys.argv[1:] or ["baseline-2022.yaml", "tight-budget.yaml", "generous-budget.yaml", "target-2025.yaml"]
    ok = all([check(os.path.join(ROOT, name)) for name in files])
    sys.exit(0 if ok else 1)
