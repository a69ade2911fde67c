#!/usr/bin/env bash
# Load and crash benchmark of `crowdfit serve` (not run in CI). Publishes the CLI (published output, not build
# output: see STACK.md trap 6) and the load generator, then runs on loopback:
#   1. SQLite: answers at RATE/s from CONNECTIONS connections for SECONDS s;
#   2. the same on PostgreSQL (scripts/postgres-test.sh starts a throwaway server; needs root);
#   3. crash: kill -9 the server CRASH_AFTER s into a SQLite run, restart it, count acknowledged answers missing,
#      then `crowdfit audit verify` on the database;
#   4. fuzz: FUZZ (100,000) randomly malformed requests (seeded) on SQLite; any 5xx or lost reply fails.
# Usage: bench/service-load.sh [RATE] [SECONDS] [CONNECTIONS]; results go to bench/results/service-load.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-2000}; SECONDS_=${2:-60}; CONNECTIONS=${3:-32}; CRASH_AFTER=${CRASH_AFTER:-20}
OUT=${OUT:-/tmp/crowdfit-load}
rm -rf "$OUT"; mkdir -p "$OUT"
dotnet publish src/CrowdFit.Cli -c Release -o "$OUT/cli" --artifacts-path "$OUT/artifacts" >/dev/null
dotnet publish bench/CrowdFit.LoadGen -c Release -o "$OUT/loadgen" --artifacts-path "$OUT/artifacts" >/dev/null
LOADGEN=("$OUT/loadgen/CrowdFit.LoadGen" --server "$OUT/cli/crowdfit" --rate "$RATE" --seconds "$SECONDS_" --connections "$CONNECTIONS")
status=0

echo "## SQLite"
"${LOADGEN[@]}" --db "$OUT/sqlite.db" || status=1

echo "## PostgreSQL"
PG=$(scripts/postgres-test.sh | tail -1)
DB=crowdfit_load_$$
psql -h 127.0.0.1 -p 55432 -U postgres -qc "create database $DB"
"${LOADGEN[@]}" --postgres "${PG/Database=crowdfit/Database=$DB}" || status=1
psql -h 127.0.0.1 -p 55432 -U postgres -qc "drop database $DB with (force)"

echo "## Crash (kill -9 after ${CRASH_AFTER} s)"
"${LOADGEN[@]}" --db "$OUT/crash.db" --crash-after "$CRASH_AFTER" || status=1
"$OUT/cli/crowdfit" audit verify --db "$OUT/crash.db" || status=1
echo "## Fuzz (${FUZZ:-100000} malformed requests)"
"$OUT/loadgen/CrowdFit.LoadGen" --server "$OUT/cli/crowdfit" --db "$OUT/fuzz.db" --tasks 1000 --connections 16 --fuzz "${FUZZ:-100000}" | grep -v '^  \[server\]' || status=1
exit $status
