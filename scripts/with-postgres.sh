#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server (Debian's postgresql package), runs a command with
# GONGKAI_TEST_PG pointing at it, and stops it. Used by the test command so the database tests
# run against a real server as well as PGlite.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found: install the Debian package postgresql" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/gongkai-pg-XXXXXX)
# A free loopback port unless one is given, so that concurrent runs do not collide.
port=${GONGKAI_PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
run_as=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$dir"
  run_as=(runuser -u postgres --)
fi
cleanup() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null
export GONGKAI_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
