#!/usr/bin/env bash
# Installs and starts what the tests need beyond npm packages: Debian's Chromium for the
# end-to-end tests and a throwaway PostgreSQL server for the PostgreSQL integration run.
# Prints `export TEST_DATABASE_URL=…` for the caller to eval. Idempotent.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  echo "Installing ${need[*]} from Debian…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_PORT=${TEST_PG_PORT:-54329}
PG_DIR=${TEST_PG_DIR:-/tmp/concord-test-pg}
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if ! run_pg "$PG_BIN/pg_ctl -D $PG_DIR status" >/dev/null 2>&1; then
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  run_pg "$PG_BIN/initdb -D $PG_DIR -U postgres --auth=trust -E UTF8" >/dev/null
  run_pg "$PG_BIN/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -o '-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -w start" >/dev/null
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
