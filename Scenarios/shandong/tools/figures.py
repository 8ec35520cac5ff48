#!/usr/bin/env python3
"""Figures behind the Shandong scenarios' budgets and targets, read from data/*.csv.

Usage: python3 tools/figures.py [--per-project 5000] [--share 0.5] [--as-of 2022-03-31]

Applies the scenarios' rules by hand (exclusions (十六)(十七), "no library, no money" (十一), the per-project
cap and the share of investment) and prints: parks per status, requests per year (all / fundable), the naming
packages per park and year, and what the 2022 and 2025 targets need.
"""
import argparse
import csv
import math
import os
from collections import Counter, defaultdict

YEARS = [2022, 2023, 2024, 2025]
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-project", type=float, default=5000)
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--as-of", default="2022-03-31")
    args = parser.parse_args()

    parks = {row["id"]: row for row in read("parks.csv")}
    projects = read("projects.csv")
    banks = read("banks.csv")

    status = Counter(park["status"] for park in parks.values())
    print("parks", len(parks), dict(sorted(status.items())))
    named = status["named_national"] + status["named_provincial"]
    base = len(parks) - status["revoked"]
    need = math.ceil(0.5 * base)
    print(f"eco parks now {named}; non-revoked {base}; 50% needs {need} -> {need - named} newly named "
          f"of {status['under_construction']} under construction")

    def excluded(park):
        return (park["status"] in ("revoked", "rectifying")
                or (park["barred_until"] != "" and park["barred_until"] > args.as_of))

    def requests(project):
        return [float(project[f"request_{year}"] or 0) for year in YEARS]

    def fundable(project):
        if project["fund"] != "prov-special" or project["lock"] == "out":
            return False
        if excluded(parks[project["park"]]):
            return False
        if project["provincial_library"] not in ("in_library", "supplementary", "funded"):
            return False
        total = sum(requests(project))
        ceiling = min(1.0, args.per_project / total, args.share * float(project["investment"]) / total)
        return ceiling >= float(project["min_share"] or 1)

    print("projects", len(projects), "loan-only", sum(1 for p in projects if p["fund"] == ""))
    print("requests per year (all applications):",
          {year: round(sum(requests(p)[i] for p in projects)) for i, year in enumerate(YEARS)})
    ok = [p for p in projects if fundable(p)]
    print(f"fundable under per_project {args.per_project:g}, share {args.share:g}: {len(ok)} projects")
    print("fundable requests per year:",
          {year: round(sum(requests(p)[i] for p in ok)) for i, year in enumerate(YEARS)})
    capped = [p for p in projects if p["fund"] and sum(requests(p)) > args.per_project]
    print("requests above the per-project cap:", len(capped))

    # naming packages
    packages = defaultdict(list)
    for project in projects:
        if project["naming_prerequisite"] == "true":
            packages[project["park"]].append(project)
    uc = [pid for pid, park in parks.items() if park["status"] == "under_construction"]
    missing = [pid for pid in uc if pid not in packages]
    print("parks under construction", len(uc), "without a package", missing)
    by_year = defaultdict(list)
    for pid in uc:
        package = packages[pid]
        last = max(year for p in package for year, amount in zip(YEARS, requests(p)) if amount > 0)
        year = max(last, int(parks[pid]["naming_year"] or last))
        cost = [0.0] * 4
        for p in package:
            cost = [c + r for c, r in zip(cost, requests(p))]
        blocked = [p["id"] for p in package if not fundable(p)]
        by_year[year].append((pid, cost, blocked))
    for year in YEARS:
        rows = by_year[year]
        total = [round(sum(c[i] for _, c, _ in rows)) for i in range(4)]
        blocked = [(pid, b) for pid, _, b in rows if b]
        print(f"  nameable in {year}: {len(rows)} parks, package requests per year {total}, blocked {blocked}")
    package_total = sum(sum(requests(p)) for ps in packages.values() for p in ps)
    print(f"all packages: {sum(len(v) for v in packages.values())} projects, {package_total:.1f} 万元")

    locks = [p for p in projects if p["lock"] == "in"]
    print("lock in:", [(p["id"], sum(requests(p)), fundable(p)) for p in locks])
    print("lock out:", [p["id"] for p in projects if p["lock"] == "out"])
    groups = Counter(p["exclusive_group"] for p in projects if p["exclusive_group"])
    print("exclusive groups:", dict(groups))
    print("requires:", [(p["id"], p["requires"]) for p in projects if p["requires"]])
    capacity_requests = {year: round(sum(requests(p)[i] for p in ok if p["category"] == "capacity"))
                         for i, year in enumerate(YEARS)}
    print("fundable capacity-building requests:", capacity_requests)

    loans = [p for p in projects if p["loan_need"]]
    eligible = [p for p in loans if p["finance_tier"] in ("general", "preferred") and not excluded(parks[p["park"]])]
    print(f"loan need: {len(loans)} projects {sum(float(p['loan_need']) for p in loans):.0f}; "
          f"loan-eligible {len(eligible)} projects {sum(float(p['loan_need']) for p in eligible):.0f}; "
          f"bank capacity {sum(float(b['capacity']) for b in banks):.0f}; "
          f"25 bp subsidy on all eligible {sum(float(p['loan_need']) for p in eligible) * 25 / 10000:.0f}")


if __name__ == "__main__":
    main()
