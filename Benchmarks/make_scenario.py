#!/usr/bin/env python3
"""Writes DIR/scenario.yaml: baseline-2022's rules over the generated province in DIR.

Usage: python3 make_scenario.py BASELINE_YAML DIR

Same funds, limits, exclusions, objective and target as the baseline, without its `loans` section: the
comparison with glpsol is on the subsidy model that `export-model` writes, so greenalloc's wall time must
not include the loan stage (its cost on the bundle is in the README). Only the figures that depend on the
province's size are scaled:
- special-fund budgets per year: baseline budget × (fundable requests of DIR / fundable requests of the
  bundled data) in that year, so budgets stay ≈ 1/3.2 of what could be funded;
- naming-award budget per year: baseline × (parks under construction in DIR / in the bundle), whole awards;
- eco-park count target: parks named today + the baseline's new namings scaled the same way.
"""
import csv
import math
import os
import sys

import yaml


def read(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def figures(directory, scenario):
    """Fundable requests per horizon year, parks under construction, parks named today."""
    years = [int(y) for y in scenario["years"]]
    as_of = str(scenario["as_of"])
    special = next(f for f in scenario["funds"] if f.get("kind") != "naming_award")
    parks = {row["id"]: row for row in read(directory, "parks.csv")}
    requests = {year: 0.0 for year in years}
    for project in read(directory, "projects.csv"):
        park = parks[project["park"]]
        if project["fund"] != special["id"] or project.get("lock") == "out":
            continue
        if park["status"] in ("revoked", "rectifying") or (park.get("barred_until") or "") > as_of:
            continue
        if project.get("provincial_library") not in ("in_library", "supplementary", "funded"):
            continue
        amounts = [float(project.get(f"request_{year}") or 0) for year in years]
        total = sum(amounts)
        if total <= 0:
            continue
        cap = min(1.0, float(special["per_project"]) / total,
                  float(special["share_of_investment"]) * float(project["investment"] or 0) / total)
        if cap < float(project.get("min_share") or 1) - 1e-12:
            continue
        for year, amount in zip(years, amounts):
            requests[year] += amount
    statuses = [park["status"] for park in parks.values()]
    named = sum(1 for s in statuses if s in ("named_provincial", "named_national"))
    return requests, statuses.count("under_construction"), named


def main():
    baseline_path, directory = sys.argv[1], sys.argv[2]
    with open(baseline_path, encoding="utf-8") as handle:
        scenario = yaml.safe_load(handle)
    bundle = os.path.join(os.path.dirname(os.path.abspath(baseline_path)), "data")
    base_requests, base_uc, base_named = figures(bundle, scenario)
    requests, uc, named = figures(directory, scenario)
    uc_scale = uc / base_uc if base_uc else 1.0

    for fund in scenario["funds"]:
        if fund.get("kind") == "naming_award":
            award = float(fund["award"])
            fund["budget"] = {y: round(math.ceil(b * uc_scale / award) * award) for y, b in fund["budget"].items()}
        else:
            fund["budget"] = {y: round(b * requests[int(y)] / base_requests[int(y)]) for y, b in fund["budget"].items()}
    for target in scenario.get("targets", []):
        if target["metric"] == "eco_park_count":
            new = target["min"] - base_named
            target["min"] = named + math.ceil(new * uc_scale)
    scenario["scenario"] = f"{scenario['scenario']}（规模测试 {os.path.basename(os.path.normpath(directory))}）"
    scenario["tables"] = {name: f"{name}.csv" for name in ("cities", "parks", "projects", "banks")}
    scenario.pop("loans", None)
    scenario["tables"].pop("banks", None)
    with open(os.path.join(directory, "scenario.yaml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(scenario, handle, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()
