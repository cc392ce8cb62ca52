#!/usr/bin/env python3
"""Reads a Stryker mutation-report.json (eng/mutation.sh calls it after each run).

  python3 eng/mutation-report.py score REPORT                 # "97.30% (1152 of 1184 detected; survived 30, no coverage 2)"
  python3 eng/mutation-report.py folders REPORT               # one "folder: …" line per source folder, for docs/quality.md
  python3 eng/mutation-report.py undetected REPORT            # one "undetected: …" line per surviving or uncovered mutant
  python3 eng/mutation-report.py record REPORT PACKAGE COMMIT SECONDS   # the run becomes PACKAGE's recorded full run

Detected is Killed + Timeout; scored adds Survived and NoCoverage, as Stryker's own score does (compile errors and
ignored mutants are not scored).
"""
import datetime
import json
import os
import sys

DETECTED = ("Killed", "Timeout")
UNDETECTED = ("Survived", "NoCoverage")
FULL_RUNS = "eng/mutation-full-runs.json"


def mutants(report):
    """(source path under src/, mutant) for every mutant of the report."""
    for path, f in sorted(report["files"].items()):
        for m in f["mutants"]:
            yield path.split("src/", 1)[-1], m


def count(statuses):
    counts = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    detected = sum(counts.get(s, 0) for s in DETECTED)
    return counts, detected, detected + sum(counts.get(s, 0) for s in UNDETECTED)


def describe(counts, detected, total, words=" detected; "):
    return (f"{100.0 * detected / total:.2f}% ({detected} of {total}{words}"
            f"survived {counts.get('Survived', 0)}, no coverage {counts.get('NoCoverage', 0)})")


def main(command, path, *rest):
    report = json.load(open(path, encoding="utf-8"))
    if command == "score":
        counts, detected, total = count(m["status"] for _, m in mutants(report))
        print(describe(counts, detected, total) if total else "n/a")
    elif command == "folders":
        folders = {}
        for rel, m in mutants(report):
            folders.setdefault(os.path.dirname(rel) or ".", []).append(m["status"])
        for folder, statuses in sorted(folders.items()):
            counts, detected, total = count(statuses)
            if total:
                print(f"folder: {folder}/ {describe(counts, detected, total, words='; ')}")
    elif command == "undetected":
        for rel, m in mutants(report):
            if m["status"] in UNDETECTED:
                print(f"undetected: {rel}:{m['location']['start']['line']} {m['status']} {m['mutatorName']}: {m.get('replacement', '')[:80]}")
    elif command == "record":
        package, commit, seconds = rest[0], rest[1], int(rest[2])
        _, detected, total = count(m["status"] for _, m in mutants(report))
        runs = json.load(open(FULL_RUNS, encoding="utf-8"))
        runs[package] = {
            "commit": commit,
            "date": datetime.date.today().isoformat(),
            "score": round(100.0 * detected / total, 2),
            "detected": detected,
            "scored": total,
            "minutes": round(seconds / 60),
        }
        with open(FULL_RUNS, "w", encoding="utf-8") as out:
            json.dump(runs, out, indent=2)
            out.write("\n")
        print(f"[mutation] {package}: recorded as the full run of {commit} in {FULL_RUNS}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
