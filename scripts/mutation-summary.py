#!/usr/bin/env python3
"""Summarizes a Stryker mutation-report.json: survivors, the score per file and the room's score against its floor.

Usage: scripts/mutation-summary.py REPORT FLOOR   (exits 1 when the score is below FLOOR)
"""
import json, sys
report = json.load(open(sys.argv[1]))


def short_name(path):
    """A file's name from its room's folder on: Decisions/Proposal.cs, or Sqlite/SqliteEventStore.cs for a storage package."""
    return path.split("src/Coalitions.Core/")[-1].split("src/Coalitions.Core.")[-1]

floor = float(sys.argv[2])
killed = survived = timeout = nocov = 0
rows, survivors = [], []
for path, f in sorted(report["files"].items()):
    k = sum(m["status"] == "Killed" for m in f["mutants"])
    t = sum(m["status"] == "Timeout" for m in f["mutants"])
    s = sum(m["status"] == "Survived" for m in f["mutants"])
    n = sum(m["status"] == "NoCoverage" for m in f["mutants"])
    killed += k; timeout += t; survived += s; nocov += n
    total = k + t + s + n
    name = short_name(path)
    if total:
        rows.append((name, 100 * (k + t) / total, total))
    lines = f["source"].splitlines()
    for m in f["mutants"]:
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            code = lines[line - 1].strip() if line <= len(lines) else ""
            survivors.append(f"  {m['status']:<10} {name}:{line} {m['mutatorName']}: {m.get('replacement', '')!r}\n             {code[:150]}")
if survivors:
    print("survivors (and mutants no test reaches):")
    print("\n".join(survivors))
for path, score, total in rows:
    print(f"{score:6.1f} %  {total:5d} mutants  {path}")
rooms = {}
for path, f in report["files"].items():
    room = short_name(path).split("/")[0]
    counts = rooms.setdefault(room, [0, 0])
    for m in f["mutants"]:
        if m["status"] in ("Killed", "Timeout", "Survived", "NoCoverage"):
            counts[1] += 1
            counts[0] += m["status"] in ("Killed", "Timeout")
for room, (detected, tested) in sorted(rooms.items()):
    if tested:
        print(f"{100 * detected / tested:6.1f} %  {tested:5d} mutants  room {room}")
total = killed + timeout + survived + nocov
score = 100 * (killed + timeout) / total if total else 100
print(f"room score {score:.1f} % ({killed + timeout} of {total} detected; floor {floor:g} %)")
sys.exit(0 if score >= floor else 1)
