#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then stops and removes the cluster.
#
#   scripts/with-postgres.sh npm run test:server
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only (a free port) and on a unix
# socket inside that folder, and runs with fsync off: it is for tests and benchmarks, never data.
# PG_DURABLE=1 runs it as a site would (fsync, synchronous_commit and full_page_writes on), for
# benchmarks that measure what durability costs.
# The command sees TEND_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres.
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user (Debian's
# package creates it). PG_BIN overrides where initdb and pg_ctl are found.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args…]" >&2
  exit 2
fi

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  # The newest installed major version that is 15 or later.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "with-postgres: no PostgreSQL found (Debian: apt-get install postgresql), or set PG_BIN" >&2
  exit 1
}
BIN=$(find_bin)

RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root needs a 'postgres' user to own the cluster" >&2
    exit 1
  fi
  RUN_AS=(runuser -u postgres --)
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/tend-pg.XXXXXX")
chmod 700 "$DIR"
if [ ${#RUN_AS[@]} -gt 0 ]; then chown postgres "$DIR"; fi

cleanup() {
  local status=$?
  if [ -f "$DIR/data/postmaster.pid" ]; then
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${PG_DURABLE:-}" = "1" ]; then
  DURABILITY="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  KIND="durable: fsync on"
else
  DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  KIND="fsync off"
fi

# A free port: bind port 0 and read what the kernel chose.
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR $DURABILITY -c max_connections=200" \
  start >/dev/null || { cat "$DIR/log" >&2; exit 1; }

export TEND_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PORT}/postgres"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:${PORT} (throwaway, $KIND)" >&2

# The command runs in the background so that a signal to this script (Ctrl-C, a CI timeout)
# is handled at once: passed on to the command, then the cluster is stopped and removed.
set +e
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' INT TERM
wait "$child"
status=$?
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  status=$?
done
exit "$status"
