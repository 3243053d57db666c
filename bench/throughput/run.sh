#!/usr/bin/env bash
# The throughput benchmark (docs/benchmarks.md): the system in Release as production runs it, a seeded
# connection, alternating rounds of wrk through the Gateway, wrk through nginx straight to ScimService
# (and YARP alone, for GET by id) and pgbench on the same PostgreSQL; prints one Markdown table.
# Unattended; about 28 minutes with the defaults on 2 cores.
#   bench/throughput/run.sh [--users N (100000; up to 1000000)] [--seconds S (8)] [--rounds R (3)]
#                           [--threads T (2)] [--connections C (32)] [--warm-up S (10 per route and request)]
#                           [--only "GET /Users,filter userName" (parts of the requests' names; all by default)]
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/prerequisites.sh --bench
export PATH="$PATH:/usr/sbin"   # nginx lives there
dotnet build bench/ScimBench/ScimBench.csproj -c Release -nologo -v quiet
dotnet build bench/YarpAlone/YarpAlone.csproj -c Release -nologo -v quiet   # the third route, for GET by id
exec dotnet run -c Release --no-build --project bench/ScimBench -- throughput "$@"
