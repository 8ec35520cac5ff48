#!/usr/bin/env python3
"""Writes the scenarios a budget sweep solves, one YAML per point, for separate reference solves.

Usage: python3 scale_budget.py SCENARIO_YAML FUND FROM TO STEPS OUTDIR

Point i (0-based) multiplies FUND's budget in every year by FROM + (TO − FROM)·i / (STEPS − 1) (the last point
by TO), the same scales in the same floating-point arithmetic as `greenalloc sweep`; tables are rewritten as
absolute paths so the copies can live anywhere. Prints one line per point: the scale and the file.
"""
import os
import sys

import yaml


def main():
    path, fund_id, start, end, steps, out = sys.argv[1:7]
    start, end, steps = float(start), float(end), int(steps)
    with open(path, encoding="utf-8") as handle:
        scenario = yaml.safe_load(handle)
    base = os.path.dirname(os.path.abspath(path))
    scenario["tables"] = {name: os.path.join(base, table) for name, table in scenario["tables"].items()}
    fund = next(f for f in scenario["funds"] if f["id"] == fund_id)
    budget = dict(fund["budget"])
    os.makedirs(out, exist_ok=True)
    for index in range(steps):
        scale = end if index == steps - 1 else start + (end - start) * index / (steps - 1)
        fund["budget"] = {year: amount * scale for year, amount in budget.items()}
        target = os.path.join(out, f"point-{index:03d}.yaml")
        with open(target, "w", encoding="utf-8") as handle:
            yaml.safe_dump(scenario, handle, allow_unicode=True, sort_keys=False)
        print(f"{scale!r} {target}")


if __name__ == "__main__":
    main()
