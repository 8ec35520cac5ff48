#!/usr/bin/env python3
"""Greedy benefit/cost ranking — today's practice — on a scenario greenalloc has solved.

Usage: python3 greedy.py SCENARIO_YAML ALLOCATION_JSON   (prints one JSON object)

Reads the scenario's rules, the CSV tables and, from greenalloc's allocation.json, each project's score and
whether the rules let it be funded at all (`why`: ineligible, excluded, loan-only, minimum share impossible,
requires an unfundable project, locked out). Funding is all or nothing at the project's cap
u = min(1, per_project / request, share_of_investment × investment / request), as a finance office does.

1. `lock: in` projects first.
2. Targets on eco-parks (hard or soft): naming packages ranked by (Σ u·score + naming_value) / cost are
   funded whole until each target's count is reached.
3. The rest ranked by score / total request, funded down the list (a project with `requires` together with
   the projects it needs) while every rule holds: fund budgets per year, limits (absolute bounds; share
   bounds against the year's budget while the list is walked, then repaired against the real totals, then
   one more exact pass), exclusive groups.
4. Parks whose prerequisites are all funded (at their cap u) are named, as the naming-award budget of
   their naming year allows (parks in id order).
The result is checked against every rule again; `feasible` says whether it holds, `violations` what not.
"""
import csv
import json
import math
import os
import sys
from types import SimpleNamespace

import yaml

UNFUNDABLE = {"ineligible", "excluded", "loan_only", "outside_horizon", "min_share_impossible", "requires_unfundable",
              "locked_out"}
EPS = 1e-6


def read(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


class Problem:
    def __init__(self, scenario_path, allocation_path):
        with open(scenario_path, encoding="utf-8") as handle:
            self.scenario = yaml.safe_load(handle)
        with open(allocation_path, encoding="utf-8") as handle:
            self.allocation = json.load(handle)
        base = os.path.dirname(os.path.abspath(scenario_path))
        tables = self.scenario["tables"]
        load = lambda key: read(os.path.dirname(os.path.join(base, tables[key])), os.path.basename(tables[key]))
        self.parks = {row["id"]: row for row in load("parks")}
        rows = load("projects")
        self.years = [int(y) for y in self.scenario["years"]]
        self.as_of = str(self.scenario["as_of"])
        self.funds = {f["id"]: f for f in self.scenario["funds"]}
        self.award_fund = next((f for f in self.scenario["funds"] if f.get("kind") == "naming_award"), None)
        self.naming_value = float(self.scenario["objective"].get("naming_value", 0) or 0)
        decided = {p["id"]: p for p in self.allocation["projects"]}
        self.projects = {}
        for row in rows:
            info = decided[row["id"]]
            fund = self.funds.get(row["fund"]) if row["fund"] else None
            requests = [float(row.get(f"request_{y}") or 0) for y in self.years]
            later = [int(k[len("request_"):]) for k, v in row.items()
                     if k.startswith("request_") and int(k[len("request_"):]) > self.years[-1] and float(v or 0) > 0]
            total = sum(requests)
            cap = 1.0
            if fund is not None and total > 0:
                if fund.get("per_project") is not None:
                    cap = min(cap, float(fund["per_project"]) / total)
                if fund.get("share_of_investment") is not None:
                    cap = min(cap, float(fund["share_of_investment"]) * float(row["investment"] or 0) / total)
            self.projects[row["id"]] = SimpleNamespace(
                id=row["id"], row=row, park=row["park"], city=self.parks[row["park"]]["city"],
                fund=row["fund"], category=row.get("category", ""), requests=requests, later=later, total=total, cap=cap,
                cost=[cap * r for r in requests], score=float(info["score"]), benefit=cap * float(info["score"]),
                fundable=info["why"] not in UNFUNDABLE, locked_in=row.get("lock") == "in",
                requires=[q for q in (row.get("requires") or "").replace(";", " ").replace(",", " ").split() if q],
                group=row.get("exclusive_group") or None,
                prerequisite=(row.get("naming_prerequisite") or "").lower() == "true")
        self.limits = [self.compile_limit(limit) for limit in self.scenario.get("limits", []) if limit.get("sum") != "loan"]
        self.candidates = self.naming_candidates()

    # --- rules -------------------------------------------------------------------------------------------
    def compile_limit(self, limit):
        where = limit.get("where")
        fund = limit.get("fund")

        def in_base(p):
            return fund is None or p.fund == fund

        def in_scope(p):
            if not in_base(p):
                return False
            if not where:
                return True
            names = {"project": SimpleNamespace(**p.row), "park": SimpleNamespace(**self.parks[p.park]),
                     "as_of": self.as_of}
            return bool(eval(where.replace("true", "True").replace("false", "False"), {}, names))

        key = limit.get("group_by")
        group = (lambda p: "") if key is None else (lambda p: {"city": p.city, "park": p.park, "category": p.category,
                                                               "fund": p.fund}.get(key, p.row.get(key, "")))
        sum_kind = limit.get("sum", "subsidy")

        def quantity(p, year_index):
            if sum_kind == "subsidy":
                return p.cost[year_index] if year_index is not None else sum(p.cost)
            if sum_kind == "count":
                return 1.0
            if sum_kind == "investment":
                return p.cap * float(p.row["investment"] or 0)
            return p.cap * float(p.row.get(sum_kind) or 0)

        budget_base = None
        if fund is not None and sum_kind == "subsidy":
            budget = self.funds[fund]["budget"]
            budget_base = lambda yi: float(budget[self.years[yi]]) if yi is not None else sum(float(v) for v in budget.values())
        return SimpleNamespace(
            name=limit["name"], in_base=in_base, in_scope={pid: in_scope(p) for pid, p in self.projects.items()},
            group=group, quantity=quantity, per_year=bool(limit.get("per_year")),
            max=limit.get("max"), min=limit.get("min"), max_share=limit.get("max_share"),
            min_share=limit.get("min_share"), budget_base=budget_base)

    def naming_candidates(self):
        """Park id → (naming year, prerequisite ids), as the scenario format defines naming."""
        packages = {}
        for p in self.projects.values():
            if p.prerequisite:
                packages.setdefault(p.park, []).append(p)
        result = {}
        for park_id, park in self.parks.items():
            if park["status"] != "under_construction" or (park.get("barred_until") or "") > self.as_of:
                continue
            package = packages.get(park_id, [])
            if not package or not all(p.fundable for p in package):
                continue
            year = None
            for p in package:
                for y, amount in zip(self.years, p.requests):
                    if amount > 0:
                        year = max(year or y, y)
                for y in p.later:  # a package still drawing money after the horizon is not complete in it
                    year = max(year or y, y)
            if park.get("naming_year"):
                year = max(year or int(park["naming_year"]), int(park["naming_year"]))
            year = year or self.years[0]
            if year in self.years:
                result[park_id] = (year, [p.id for p in package])
        return result

    # --- state -------------------------------------------------------------------------------------------
    def violations(self, funded, exact=True):
        """Broken rules for the funded set (share limits against the budget when not exact)."""
        broken = []
        for fund_id, fund in self.funds.items():
            if fund.get("kind") == "naming_award":
                continue
            for yi, year in enumerate(self.years):
                spent = sum(self.projects[q].cost[yi] for q in funded if self.projects[q].fund == fund_id)
                if spent > float(fund["budget"][year]) + EPS:
                    broken.append(f"budget {fund_id} {year}")
        groups = {}
        for q in funded:
            p = self.projects[q]
            if p.group:
                groups[p.group] = groups.get(p.group, 0) + 1
            if any(r not in funded for r in p.requires):
                broken.append(f"requires {q}")
        broken += [f"exclusive {g}" for g, n in groups.items() if n > 1]
        for limit in self.limits:
            for yi in (range(len(self.years)) if limit.per_year else [None]):
                totals, base = {}, 0.0
                for q in funded:
                    p = self.projects[q]
                    if limit.in_base(p):
                        base += limit.quantity(p, yi)
                    if limit.in_scope[q]:
                        key = limit.group(p)
                        totals[key] = totals.get(key, 0.0) + limit.quantity(p, yi)
                if not exact and limit.budget_base is not None:
                    base = max(base, limit.budget_base(yi))
                for key, value in totals.items():
                    if limit.max is not None and value > float(limit.max) + EPS:
                        broken.append(f"{limit.name} {key} {yi}")
                    if limit.max_share is not None and value > float(limit.max_share) * base + EPS:
                        broken.append(f"{limit.name} {key} {yi} max_share")
        return broken

    def named(self, funded):
        """Parks named with the funded set, within the naming-award budget per year."""
        award = float(self.award_fund["award"]) if self.award_fund else 0.0
        left = {y: float(self.award_fund["budget"][y]) for y in self.years} if self.award_fund else {}
        result = []
        for park_id in sorted(self.candidates):
            year, package = self.candidates[park_id]
            if all(q in funded for q in package) and (award == 0 or left.get(year, 0) >= award - EPS):
                if award:
                    left[year] -= award
                result.append((park_id, year))
        return result

    def target_shortfalls(self, named):
        statuses = [park["status"] for park in self.parks.values()]
        eco = sum(1 for s in statuses if s in ("named_provincial", "named_national"))
        denominator = sum(1 for s in statuses if s != "revoked")
        result = []
        for target in self.scenario.get("targets", []):
            if target.get("report_only"):
                continue  # for reference only: neither a constraint nor a penalty
            year = int(target.get("year") or self.years[-1])
            count = sum(1 for _, y in named if y <= year)
            if target["metric"] == "eco_park_count":
                need = float(target["min"]) - eco - count
            elif target["metric"] == "eco_park_share":
                need = float(target["min"]) * denominator - eco - count
            else:
                continue
            result.append((target, max(0, math.ceil(need - 1e-9)), year))
        return result

    def objective(self, funded):
        named = self.named(funded)
        value = sum(self.projects[q].benefit for q in funded) + self.naming_value * len(named)
        for target, shortfall, _ in self.target_shortfalls(named):
            if target.get("penalty") is not None:
                value -= float(target["penalty"]) * shortfall
        return value, named

    # --- greedy ------------------------------------------------------------------------------------------
    def closure(self, pid, funded):
        bundle, stack = [], [pid]
        while stack:
            q = stack.pop()
            if q in funded or q in bundle:
                continue
            if q not in self.projects or not self.projects[q].fundable:
                return None
            bundle.append(q)
            stack += self.projects[q].requires
        return bundle

    def try_add(self, funded, bundle, exact):
        trial = funded | set(bundle)
        if self.violations(trial, exact=exact):
            return funded
        return trial

    def solve(self):
        ratio = lambda p: p.score / p.total if p.total > 0 else math.inf
        funded = set(q for q, p in self.projects.items() if p.fundable and p.locked_in)
        # Targets first: whole naming packages, best (benefit + naming value) per 万元 first.
        for target, _, year in self.target_shortfalls(self.named(funded)):
            packages = sorted(
                (pid for pid, (y, _) in self.candidates.items() if y <= year),
                key=lambda pid: -(sum(self.projects[q].benefit for q in self.candidates[pid][1]) + self.naming_value)
                / max(1e-9, sum(sum(self.projects[q].cost) for q in self.candidates[pid][1])))
            for park_id in packages:
                if next(s for t, s, _ in self.target_shortfalls(self.named(funded)) if t is target) == 0:
                    break
                bundle = []
                for q in self.candidates[park_id][1]:
                    bundle += self.closure(q, funded | set(bundle)) or []
                funded = self.try_add(funded, bundle, exact=False)
        protected = set(q for park, _ in self.named(funded) for q in self.candidates[park][1])
        order = sorted((p for p in self.projects.values() if p.fundable and p.id not in funded),
                       key=lambda p: (-ratio(p), p.id))
        for p in order:
            bundle = self.closure(p.id, funded)
            if bundle:
                funded = self.try_add(funded, bundle, exact=False)
        # Repair share limits against the real totals: drop the worst-ranked unprotected project of a group
        # that breaks one, then walk the list once more with exact checks.
        while True:
            broken = [v for v in self.violations(funded) if v.endswith("max_share")]
            if not broken:
                break
            worst = None
            for limit in self.limits:
                if limit.max_share is None:
                    continue
                for yi in (range(len(self.years)) if limit.per_year else [None]):
                    for q in funded:
                        p = self.projects[q]
                        if q in protected or p.locked_in or not limit.in_scope[q]:
                            continue
                        label = f"{limit.name} {limit.group(p)} {yi} max_share"
                        if label in broken and (worst is None or ratio(p) < ratio(self.projects[worst])):
                            worst = q
            if worst is None:
                break
            funded = {q for q in funded if q != worst and worst not in self.projects[q].requires}
        for p in order:
            if p.id not in funded:
                bundle = self.closure(p.id, funded)
                if bundle:
                    funded = self.try_add(funded, bundle, exact=True)
        return funded


def main():
    problem = Problem(sys.argv[1], sys.argv[2])
    funded = problem.solve()
    value, named = problem.objective(funded)
    broken = problem.violations(funded)
    unmet = [t["name"]["zh"] if isinstance(t["name"], dict) else t["name"] for t, shortfall, _ in problem.target_shortfalls(named)
             if shortfall > 0 and t.get("penalty") is None]
    optimum = problem.allocation.get("objective")
    print(json.dumps({
        "greedy_objective": value,
        "greedy_projects": len(funded),
        "greedy_subsidy": sum(sum(problem.projects[q].cost) for q in funded),
        "greedy_named": len(named),
        "feasible": not broken and not unmet,
        "violations": broken + [f"target {name} not met" for name in unmet],
        "optimum_objective": optimum,
        "optimum_status": problem.allocation.get("status"),
        "optimum_projects": sum(1 for p in problem.allocation["projects"] if p["funded"]),
        "optimum_subsidy": sum(p["subsidy_total"] for p in problem.allocation["projects"] if p["funded"]),
        "optimum_named": len(problem.allocation.get("parks", [])),
        "gain": (optimum - value) / abs(value) if optimum is not None and value else None,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
