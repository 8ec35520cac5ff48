#!/usr/bin/env python3
"""One JSON line of measurements from a directory run.sh filled.

Usage: python3 collect.py KIND NAME DIR, KIND one of scale, end_to_end, sweep, target, explain, greedy, scale100k
(one per workload of run.sh; NAME is the size or the scenario).
"""
import json
import os
import re
import sys


def timing(directory, label):
    """Wall seconds, peak RSS in MiB and exit code of a `timed` command (None when it did not run)."""
    path = os.path.join(directory, f"{label}.time")
    if not os.path.exists(path):
        return None
    # GNU time prints "Command exited with non-zero status N" first when the command fails.
    fields = open(path).read().split("\n")
    fields = [line for line in fields if line and not line.startswith("Command")][-1].split()
    return {"wall": float(fields[0]), "rss_mib": int(fields[1]) / 1024,
            "exit": int(open(os.path.join(directory, f"{label}.code")).read())}


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def glpsol_result(directory, name="glpsol.out"):
    text = open(os.path.join(directory, name), encoding="utf-8", errors="replace").read()
    found = [line.strip() for line in text.splitlines()
             if re.search(r"INTEGER OPTIMAL|TOLERANCE REACHED|LIMIT EXCEEDED|NO .*FEASIBLE", line)]
    status = found[-1] if found else "?"
    found = re.findall(r"mip =\s+(\S+)\s+(?:<=|>=)\s+(tree is empty|\S+)", text)
    incumbent, bound = None, None
    if found and found[-1][0] != "not":
        incumbent = float(found[-1][0])
        bound = incumbent if found[-1][1] == "tree is empty" else float(found[-1][1])
    used = re.search(r"Time used:\s+(\S+)", text)
    return {"status": status, "objective": incumbent, "bound": bound, "seconds": float(used.group(1)) if used else None}


def allocation_summary(directory):
    allocation = load(os.path.join(directory, "allocation.json")) or {}
    run = load(os.path.join(directory, "run.json")) or {}
    return {"status": allocation.get("status"), "objective": allocation.get("objective"),
            "gap": allocation.get("gap"), "timings": run.get("timings"), "model": run.get("model"),
            "tiebreak_status": (run.get("solver_settings") or {}).get("tiebreak_status")}


def runs(directory, label):
    """Every wall clock of a best-of measurement."""
    path = os.path.join(directory, f"{label}.runs")
    return [float(x) for x in open(path).read().split()] if os.path.exists(path) else []


def sweep_check(directory):
    """The sweep's points against the separate glpsol solves: statuses and the largest relative difference."""
    sweep = load(os.path.join(directory, "sweep.out")) or {}
    points = sweep.get("points") or []
    names = sorted(n for n in os.listdir(os.path.join(directory, "points")) if n.endswith(".glpsol"))
    separate = [glpsol_result(os.path.join(directory, "points"), name) for name in names]
    worst, compared = None, 0
    for point, reference in zip(points, separate):
        # Only where both proved their optimum: a point glpsol left at its time limit proves nothing.
        if point.get("status") != "optimal" or not reference["status"].startswith("INTEGER OPTIMAL"):
            continue
        compared += 1
        difference = abs(point["objective"] - reference["objective"]) / max(1.0, abs(reference["objective"]))
        worst = difference if worst is None else max(worst, difference)
    return {"points": len(points), "optimal": sum(1 for p in points if p.get("status") == "optimal"),
            "glpsol_points": len(separate),
            "glpsol_optimal": sum(1 for r in separate if r["status"].startswith("INTEGER OPTIMAL")),
            "glpsol_seconds": sum(r["seconds"] or 0 for r in separate), "compared": compared,
            "max_relative_difference": worst}


def target_summary(directory):
    found = load(os.path.join(directory, "target.out")) or {}
    return {key: found.get(key) for key in ("met", "scale", "lower_scale", "tolerance", "exact", "solves", "status")}


def main():
    kind, name, directory = sys.argv[1:4]
    line = {"kind": kind, "name": name}
    if kind == "scale":
        line["glpsol"] = timing(directory, "glpsol") | glpsol_result(directory)
        line["solve"] = timing(directory, "solve") | allocation_summary(os.path.join(directory, "out"))
        if os.path.exists(os.path.join(directory, "tiebreak.time")):
            line["exact"] = timing(directory, "exact") | allocation_summary(os.path.join(directory, "out-exact"))
            line["tiebreak"] = timing(directory, "tiebreak") | allocation_summary(os.path.join(directory, "out-tie"))
    elif kind == "end_to_end":
        for label in ("glpsol", "glpsol0"):
            line[label] = timing(directory, label) | glpsol_result(directory, f"{label}.out") | {"runs": runs(directory, label)}
        for label in ("solve", "tie"):
            line[label] = (timing(directory, label) | allocation_summary(os.path.join(directory, f"{label}.dir"))
                           | {"runs": runs(directory, label)})
    elif kind == "sweep":
        line["separate"] = timing(directory, "separate")
        line["sweep"] = timing(directory, "sweep") | {"runs": runs(directory, "sweep")}
        line["check"] = sweep_check(directory)
    elif kind == "target":
        line["target"] = timing(directory, "target") | target_summary(directory)
    elif kind == "explain":
        cards = sorted(n[len("card-"):-len(".time")] for n in os.listdir(directory) if n.startswith("card-") and n.endswith(".time"))
        line["cards"] = {project: timing(directory, f"card-{project}") for project in cards}
        line["listing"] = timing(directory, "listing")
    elif kind == "scale100k":
        line["solve"] = timing(directory, "solve") | allocation_summary(os.path.join(directory, "out"))
    else:
        line["exact"] = timing(directory, "exact") | allocation_summary(os.path.join(directory, "out-exact"))
        line["optimum"] = timing(directory, "optimum") | allocation_summary(os.path.join(directory, "out"))
        greedy = timing(directory, "greedy")
        if greedy and greedy["exit"] == 0:
            greedy |= json.loads(open(os.path.join(directory, "greedy.out"), encoding="utf-8").read())
        line["greedy"] = greedy
    print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
