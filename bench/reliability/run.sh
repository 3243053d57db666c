#!/usr/bin/env bash
# The full reliability suite (docs/reliability.md): faults under write load, the 10-minute soak,
# 100,000 fuzz inputs and the bulk figure, on the real system the tests start (PostgreSQL and Redis
# as local processes, the four services, the Gateway). Figures go to TestResults/reliability/figures.md.
# The test suite (./test.sh) runs the same tests in their short versions.
set -euo pipefail
cd "$(dirname "$0")/../.."

report_dir="$PWD/TestResults/reliability"
mkdir -p "$report_dir"
rm -f "$report_dir/figures.md"

dotnet build Tests/Tests.csproj -c Release -nologo -v quiet
RELIABILITY_FULL=1 RELIABILITY_REPORT_DIR="$report_dir" \
  dotnet test Tests/Tests.csproj -c Release --no-build \
    --filter "FullyQualifiedName~Provisioning.Tests.Reliability" \
    --logger "console;verbosity=normal" "$@" || status=$?

echo
echo "Figures ($report_dir/figures.md):"
cat "$report_dir/figures.md" 2>/dev/null || echo "(none recorded)"
exit "${status:-0}"
