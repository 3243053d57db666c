#!/usr/bin/env bash
# Runs every test: installs what is missing, then builds and runs the suite. The integration
# tests start the whole system (real PostgreSQL, Redis, Gateway) through the AppHost.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh --browser
dotnet build Provisioning.sln -nologo -v quiet
exec dotnet test Tests/Tests.csproj --no-build -nologo --logger "console;verbosity=normal" "$@"
