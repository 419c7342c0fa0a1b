#!/usr/bin/env bash
# Mutation testing, one room at a time: [COVERAGE=off] scripts/mutation.sh ROOM [MINUTES] [FILE-GLOB]
#   ROOM       a folder of src/Coalitions.Core (Decisions, Polls, Governance, Kernel, ...)
#   MINUTES    a time limit for the run (default 60); the run stops, unfinished, when it is reached
#   FILE-GLOB  optionally narrows the run to some files of the room (for example 'Proposal.cs')
# Fails when the room's mutation score is below its floor: 90 % for Decisions, 85 % for every other room.
# Not part of .ci/run (too slow for every submission); run it before a release. See docs/testing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

room=${1:?usage: scripts/mutation.sh ROOM [MINUTES] [FILE-GLOB]}
minutes=${2:-60}
files=${3:-**/*.cs}
files=${files#/}
[ -d "src/Coalitions.Core/$room" ] || { echo "no room src/Coalitions.Core/$room" >&2; exit 2; }
floor=85
[ "$room" = "Decisions" ] && floor=90

dotnet tool restore >/dev/null
# A killed run can leave a mutated assembly behind; start from a clean build.
dotnet build src/Coalitions.Core/Coalitions.Core.csproj -f net10.0 -v q >/dev/null

out="StrykerOutput/$room"
rm -rf "$out"
status=0
# Per-test coverage runs only the tests that reach a mutant, which makes a room take minutes instead of hours. Static
# validators are built once per process, though, so per-test coverage credits them to a single test: for files with
# static validators, run with COVERAGE=off (every test for every mutant).
config=$(mktemp --suffix=.json)
trap 'rm -f "$config"' EXIT
python3 - "$config" "**/$room/$files" "${COVERAGE:-perTest}" <<'PY'
import json, sys
settings = json.load(open("stryker-config.json"))
section = settings["stryker-config"]
section["coverage-analysis"] = sys.argv[3]
section["mutate"] = [sys.argv[2]]
json.dump(settings, open(sys.argv[1], "w"), indent=2)
PY
# Stryker runs from the test project's folder (beside the solution it would switch to solution mode).
(cd tests/Coalitions.Core.Tests && timeout --signal=INT "$((minutes * 60))" dotnet stryker \
  --config-file "$config" \
  --break-at "$floor" \
  --output "../../$out") || status=$?

report=$(find "$out" -name 'mutation-report.json' | head -n 1)
if [ -n "$report" ]; then
  python3 - "$report" "$floor" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
killed = survived = timeout = nocov = 0
rows = []
for path, f in sorted(report["files"].items()):
    k = sum(m["status"] in ("Killed",) for m in f["mutants"])
    t = sum(m["status"] == "Timeout" for m in f["mutants"])
    s = sum(m["status"] == "Survived" for m in f["mutants"])
    n = sum(m["status"] == "NoCoverage" for m in f["mutants"])
    killed += k; timeout += t; survived += s; nocov += n
    total = k + t + s + n
    if total:
        rows.append((path.split("src/Coalitions.Core/")[-1], 100 * (k + t) / total, total))
for path, score, total in rows:
    print(f"{score:6.1f} %  {total:5d} mutants  {path}")
total = killed + timeout + survived + nocov
score = 100 * (killed + timeout) / total if total else 100
print(f"room score {score:.1f} % ({killed + timeout} of {total} detected; floor {sys.argv[2]} %)")
PY
fi
exit "$status"
