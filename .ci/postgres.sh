#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and prints the line to export:
#   eval "$(.ci/postgres.sh)"   ->   TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres
# Installs Debian's postgresql first when it is missing. The server lives until the machine stops
# or `pg_ctl -D DIR stop` (DIR is printed on stderr).
set -euo pipefail

SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PORT=${TEST_POSTGRES_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done  # first free port
DIR=$(mktemp -d /tmp/netriage-pg-XXXXXX)

# PostgreSQL refuses to run as root: run it as the postgres user that the package creates.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"

as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync >/dev/null
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DIR/data" >&2
echo "export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
