#!/usr/bin/env python3
"""Prints run.sh's measurements as one Markdown table of ratios, then the goals.

Usage: python3 table.py RESULTS.jsonl [--gap G] [--time-limit S] [--commands "solve validate …"]
"""
import argparse
import json


def number(value, digits=2):
    return "—" if value is None else f"{value:,.{digits}f}"


def ratio(a, b, digits=2):
    return "—" if a is None or not b else f"{a / b:.{digits}f}×"


def phases(summary):
    t = summary.get("timings") or {}
    parts = [f"{key} {t[key]:.2f}" for key in ("read", "compile", "solve", "write") if t.get(key) is not None]
    return " / ".join(parts) if parts else "no run.json"


def tie_row(label, exact, tie):
    """The tie rule's cost: a run with it against the same run with --no-tiebreak, both at gap 0."""
    timings = tie.get("timings") or {}
    return (
        "tie rule, extra wall s (gap 0)", label, number(tie["wall"] - exact["wall"]),
        f"no tie rule {number(exact['wall'])}", ratio(tie["wall"], exact["wall"]),
        f"second solve {number(timings.get('tiebreak'))} s, {tie.get('tiebreak_status') or 'not run'}; "
        f"first solve {exact.get('status')} in {number((exact.get('timings') or {}).get('solve'))} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--gap", type=float, default=0.001)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--commands", default="")
    args = parser.parse_args()
    lines = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]

    rows = [("workload", "size", "greenalloc", "reference", "ratio", "detail")]
    goals = []
    for line in lines:
        if line["kind"] == "scale":
            size, solve, glpsol, tie = int(line["name"]), line["solve"], line["glpsol"], line.get("tiebreak")
            model = solve.get("model") or {}
            label = f"{size:,}"
            gap = solve.get("gap")
            rows.append((
                "solve --no-tiebreak, wall s", label, number(solve["wall"]), f"glpsol {number(glpsol['wall'])}",
                ratio(solve["wall"], glpsol["wall"]),
                f"{phases(solve)}; {solve.get('status')} gap {number(gap, 5) if gap is not None else '—'}; "
                f"model {model.get('rows', '?')}×{model.get('columns', '?')} nz {model.get('nonzeros', '?')}; "
                f"glpsol: {glpsol['status'].lower()}"))
            same = (solve.get("objective") is not None and glpsol.get("objective") is not None)
            rows.append((
                "objective", label, number(solve.get("objective"), 0), f"glpsol {number(glpsol.get('objective'), 0)}",
                ratio(solve.get("objective"), glpsol.get("objective"), 4) if same else "—",
                f"both stop at a {args.gap:g} relative gap"))
            rows.append((
                "peak RSS, MiB", label, number(solve["rss_mib"], 0), f"glpsol {number(glpsol['rss_mib'], 0)}",
                ratio(solve["rss_mib"], glpsol["rss_mib"]), "/usr/bin/time %M"))
            if tie:
                rows.append(tie_row(label, line["exact"], tie))
            if size == 10000:
                r = solve["wall"] / glpsol["wall"] if glpsol["wall"] else None
                goals.append(f"10,000 projects end to end ≤ 1.25× glpsol: {ratio(solve['wall'], glpsol['wall'])} "
                             f"→ {'met' if r is not None and r <= 1.25 else 'NOT met'}")
            if size == 50000:
                solved = solve.get("status") == "optimal" or (gap is not None and gap <= args.gap + 1e-12)
                ok = solved and solve["wall"] <= 60
                goals.append(f"50,000 projects within 60 s to a {args.gap:g} gap: {number(solve['wall'])} s, "
                             f"{solve.get('status')}, gap {gap} → {'met' if ok else 'NOT met'}")
                goals.append(f"50,000 projects peak memory ≤ 1 GiB: {number(solve['rss_mib'], 0)} MiB → "
                             f"{'met' if solve['rss_mib'] <= 1024 else 'NOT met'}")
        else:
            optimum, greedy = line["optimum"], line["greedy"] or {}
            rows.append(tie_row(line["name"], line["exact"], optimum))
            value = greedy.get("greedy_objective")
            gain = greedy.get("gain")
            rows.append((
                "benefit, optimum vs greedy", line["name"], number(optimum.get("objective"), 0),
                f"greedy {number(value, 0)}", ratio(optimum.get("objective"), value, 4),
                (f"+{100 * gain:.2f}% benefit; " if gain is not None else "")
                + f"funded {greedy.get('optimum_projects')} vs {greedy.get('greedy_projects')}, "
                f"named {greedy.get('optimum_named')} vs {greedy.get('greedy_named')}, "
                f"subsidy {number(greedy.get('optimum_subsidy'), 0)} vs {number(greedy.get('greedy_subsidy'), 0)}万; "
                f"greedy {'keeps every rule' if greedy.get('feasible') else 'breaks: ' + ', '.join(greedy.get('violations', []))}; "
                f"solve {number(optimum['wall'])} s ({optimum.get('status')}, gap {number(optimum.get('gap'), 5)})"))
    missing = [c for c in ("sweep", "explain") if c not in args.commands.split()]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("| " + " | ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print()
    for goal in goals:
        print("- " + goal)
    if missing:
        print(f"- {' and '.join(missing)}: no such command in this build; no rows")


if __name__ == "__main__":
    main()
