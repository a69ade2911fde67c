#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:55432 (trust auth, fsync off) for the storage tests and prints the
# connection string for CROWDFIT_TEST_POSTGRES as its last line. Idempotent; run as root (it uses `su postgres`).
#   export CROWDFIT_TEST_POSTGRES=$(sudo scripts/postgres-test.sh | tail -1)
# Stop it with: su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D /tmp/crowdfit-pg -m fast -w stop"
set -euo pipefail
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=${PGDATA:-/tmp/crowdfit-pg}; PGPORT=${PGPORT:-55432}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"; install -d -o postgres -g postgres -m 700 "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres -A trust -E UTF8 --no-locale" >/dev/null
fi
if ! su postgres -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c max_connections=200' -w -t 30 start" >/dev/null
fi
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select 1" >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -Atc "select 1 from pg_database where datname='crowdfit'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database crowdfit"
echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=crowdfit"
