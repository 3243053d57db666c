#!/usr/bin/env bash
# Runs the whole system: installs what is missing, then starts the Aspire AppHost.
# Dashboard: http://localhost:15888 · Gateway: http://localhost:8080 · credentials: .dev/credentials.json
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
exec dotnet run --project AppHost "$@"
