#!/usr/bin/env bash
# Mutation testing, a room at a time: [COVERAGE=off] scripts/mutation.sh ROOM[,ROOM...] [MINUTES] [FILE-GLOB]
#   ROOM       a folder of src/Coalitions.Core (Decisions, Polls, Governance, Kernel, ...); several small rooms separated
#              by commas share one run's fixed cost (Memberships,Partners,Hosting). Sqlite or PostgreSql measures that
#              storage package (src/Coalitions.Core.Sqlite, .PostgreSql) with the storage tests, which start a throwaway
#              PostgreSQL cluster when its binaries are installed (without them the PostgreSQL tests skip, and its mutants
#              survive: install them first)
#   MINUTES    a time limit for the run (default 60); the run stops, unfinished, when it is reached
#   FILE-GLOB  optionally narrows the run to some files of the room (for example 'Proposal.cs'); several globs are
#              separated by spaces ('DecisionTally.cs DecisionRule.cs QuorumRule.cs')
# STORAGE_TESTS=1 adds the storage tests (tests/Coalitions.Core.Storage.Tests) to a room's run; the Storage room always has them.
# TESTS='FILTER' narrows the tests run to a vstest filter (ANDed with the configuration's), for rooms the hostile host
#   reaches (each mutant would run it) and COVERAGE=off runs of files with static validators:
#   'FullyQualifiedName~Communication' runs that room's tests, plus the house tests that compare the docs with the code
#   (diagrams, authorization matrix). Fewer tests can only leave more survivors: a narrowed run never overstates a score.
# Fails when the room's mutation score is below its floor: 90 % for Decisions, 85 % for every other room.
# Not part of .ci/run (too slow for every submission); run it before a release. See docs/testing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rooms=${1:?usage: scripts/mutation.sh ROOM[,ROOM...] [MINUTES] [FILE-GLOB]}
minutes=${2:-60}
files=${3:-**/*.cs}
floor=85
project=src/Coalitions.Core/Coalitions.Core.csproj
tests=tests/Coalitions.Core.Tests
package=
if [ "$rooms" = Sqlite ] || [ "$rooms" = PostgreSql ]; then
  package=$rooms
  project=src/Coalitions.Core.$rooms/Coalitions.Core.$rooms.csproj
  tests=tests/Coalitions.Core.Storage.Tests
  rooms=
fi
IFS=, read -r -a room_list <<< "$rooms"
for room in "${room_list[@]}"; do
  [ -d "src/Coalitions.Core/$room" ] || { echo "no room src/Coalitions.Core/$room" >&2; exit 2; }
  # Several rooms in one run share its fixed cost (the build, the initial test run, compiling the mutants); the run
  # is held to the highest floor among them, and the summary gives each room's score.
  [ "$room" = "Decisions" ] && floor=90
done
room=${rooms//,/+}
room=${room:-$package}
# The storage tests (the event-store conformance suite run against every store, the hosting guide) are where the
# Storage room's own contracts are pinned: a run of that room, or one with STORAGE_TESTS=1, takes both test projects.
with_storage=${STORAGE_TESTS:-}
[[ ",$rooms," == *,Storage,* ]] && with_storage=1

dotnet tool restore >/dev/null
# A killed run can leave a mutated assembly behind; start from a clean build.
dotnet build "$project" -f net10.0 -v q >/dev/null

out="StrykerOutput/$room"
rm -rf "$out"
status=0
# Per-test coverage runs only the tests that reach a mutant, which makes a room take minutes instead of hours. Static
# validators are built once per process, though, so per-test coverage credits them to a single test: for files with
# static validators, run with COVERAGE=off (every test for every mutant).
config=$(mktemp --suffix=.json)
trap 'rm -f "$config"' EXIT
python3 - "$config" "$room" "$files" "${COVERAGE:-perTest}" "$floor" "${TESTS:-}" "$package" "$with_storage" <<'PY'
import json, sys
settings = json.load(open("stryker-config.json"))
section = settings["stryker-config"]
package = sys.argv[7]
if sys.argv[8] and not package:
    # The core's code is the same under every store: the in-memory and SQLite stores run the conformance suite without
    # a server, so a core room leaves out the tests that start a PostgreSQL cluster (seconds each, for every mutant), and
    # the stores' own concurrency tests (thousands of appends from several tasks, writers beside a reader, two scheduler
    # loops), which pin the packages' locking rather than the core's code.
    section["test-case-filter"] += ("&FullyQualifiedName!~PostgreSql&FullyQualifiedName!~PackageReadmeTests"
        "&FullyQualifiedName!~concurrent_appends&FullyQualifiedName!~while_writers_append&FullyQualifiedName!~scheduler_loops")
section["coverage-analysis"] = sys.argv[4]
if sys.argv[6] and not package:
    # The house tests that compare the docs with the code (lifecycle diagrams, the authorization matrix, the error
    # catalog) are cheap and pin every aggregate's guards, final states, role descriptions and each code's rule text: a
    # narrowed run keeps them.
    docs = "FullyQualifiedName~House.DesignRuleTests|FullyQualifiedName~House.AuthorizationTests|FullyQualifiedName~House.ErrorCatalogTests"
    section["test-case-filter"] = f"{section['test-case-filter']}&({sys.argv[6]}|{docs})"
# Stryker demands break <= low <= high: the room's floor is both the break and the low threshold.
floor = int(sys.argv[5])
section["thresholds"] = {"high": max(section["thresholds"]["high"], floor), "low": floor, "break": floor}
if package:
    # A storage package is a project of its own, measured from the storage tests (a narrowing filter applies as given).
    section["project"] = f"Coalitions.Core.{package}.csproj"
    if sys.argv[6]:
        section["test-case-filter"] = f"{section['test-case-filter']}&({sys.argv[6]})"
    section["mutate"] = [f"**/{glob.lstrip('/')}" for glob in sys.argv[3].split()]
else:
    section["mutate"] = [f"**/{room}/{glob.lstrip('/')}" for room in sys.argv[2].split("+") for glob in sys.argv[3].split()]
json.dump(settings, open(sys.argv[1], "w"), indent=2)
PY
# Stryker runs from the test project's folder (beside the solution it would switch to solution mode), or, with two test
# projects, from the source project's folder, given both.
if [ -n "$with_storage" ] && [ -z "$package" ]; then
  (cd src/Coalitions.Core && timeout --signal=INT "$((minutes * 60))" dotnet stryker \
    --config-file "$config" \
    --test-project ../../tests/Coalitions.Core.Tests/Coalitions.Core.Tests.csproj \
    --test-project ../../tests/Coalitions.Core.Storage.Tests/Coalitions.Core.Storage.Tests.csproj \
    --output "../../$out") || status=$?
else
  (cd "$tests" && timeout --signal=INT "$((minutes * 60))" dotnet stryker \
    --config-file "$config" \
    --output "../../$out") || status=$?
fi

report=$(find "$out" -name 'mutation-report.json' | head -n 1)
if [ -z "$report" ]; then
  echo "no mutation report: the run did not finish (time limit $minutes minutes?); the room is not measured" >&2
  [ "$status" -ne 0 ] || status=3
  exit "$status"
fi
# The summary checks the floor itself, so the script fails below it whatever Stryker's exit code says.
python3 scripts/mutation-summary.py "$report" "$floor" || status=$?
exit "$status"
