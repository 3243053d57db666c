#!/usr/bin/env bash
# Runs every test: installs what is missing, then builds and runs the suite. The integration
# tests start the whole system (real PostgreSQL, Redis, Gateway) through the AppHost; the browser
# tests drive Debian's Chromium; the deployment tests render deploy/kubernetes with kubectl and
# validate it offline. Screenshots land in TestResults/screenshots/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh --browser --deploy
dotnet build Provisioning.sln -nologo -v quiet

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Tests/Tests.csproj --no-build -nologo --logger "console;verbosity=normal" "$@" | tee "$log" || status=$?

# One plain closing line, whatever the runner printed above it.
passed=$(sed -n 's/^ *Passed: *\([0-9][0-9]*\)$/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/^ *Failed: *\([0-9][0-9]*\)$/\1/p' "$log" | tail -n 1)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
