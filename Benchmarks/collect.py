#!/usr/bin/env python3
"""One JSON line of measurements from a directory run.sh filled.

Usage: python3 collect.py scale SIZE DIR | python3 collect.py greedy NAME DIR
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


def glpsol_result(directory):
    text = open(os.path.join(directory, "glpsol.out"), encoding="utf-8", errors="replace").read()
    found = [line.strip() for line in text.splitlines()
             if re.search(r"INTEGER OPTIMAL|TOLERANCE REACHED|LIMIT EXCEEDED|NO .*FEASIBLE", line)]
    status = found[-1] if found else "?"
    found = re.findall(r"mip =\s+(\S+)\s+(?:<=|>=)\s+(\S+)", text)
    incumbent, bound = (float(found[-1][0]), float(found[-1][1])) if found and found[-1][0] != "not" else (None, None)
    used = re.search(r"Time used:\s+(\S+)", text)
    return {"status": status, "objective": incumbent, "bound": bound, "seconds": float(used.group(1)) if used else None}


def allocation_summary(directory):
    allocation = load(os.path.join(directory, "allocation.json")) or {}
    run = load(os.path.join(directory, "run.json")) or {}
    return {"status": allocation.get("status"), "objective": allocation.get("objective"),
            "gap": allocation.get("gap"), "timings": run.get("timings"), "model": run.get("model"),
            "tiebreak_status": (run.get("solver_settings") or {}).get("tiebreak_status")}


def main():
    kind, name, directory = sys.argv[1:4]
    line = {"kind": kind, "name": name}
    if kind == "scale":
        line["glpsol"] = timing(directory, "glpsol") | glpsol_result(directory)
        line["solve"] = timing(directory, "solve") | allocation_summary(os.path.join(directory, "out"))
        if os.path.exists(os.path.join(directory, "tiebreak.time")):
            line["exact"] = timing(directory, "exact") | allocation_summary(os.path.join(directory, "out-exact"))
            line["tiebreak"] = timing(directory, "tiebreak") | allocation_summary(os.path.join(directory, "out-tie"))
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
