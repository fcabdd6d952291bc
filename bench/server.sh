#!/usr/bin/env bash
# npm run bench:server: the request benchmarks, then the live-stream ones. Ten thousand open
# streams need more open files than a shell allows by default: the limit is raised here, for the
# benchmark's processes only (a site raises it for its server the same way, or in its service file).
#
#   BENCH_SECONDS=3 BENCH_STREAMS=2000 bash scripts/with-postgres.sh bash bench/server.sh
#   BENCH_ONLY=streams …   only the stream benchmarks (BENCH_ONLY=requests: only the others)
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)"
# One secret for both: the servers each bench starts check the tokens it signs.
BENCH_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")"
export BENCH_SECRET
# The PostgreSQL this runs under (scripts/with-postgres.sh: fsync off) gives the "fsync off"
# figures; a second one, durable as a site runs it, gives the headline.
run() {
  if [ -n "${TEND_TEST_DATABASE_URL:-}" ]; then
    BENCH_FAST_DATABASE_URL="$TEND_TEST_DATABASE_URL" PG_DURABLE=1 bash scripts/with-postgres.sh "$@"
  else
    "$@"
  fi
}
if [ "${BENCH_ONLY:-}" != "streams" ]; then run node bench/server.bench.js; fi
if [ "${BENCH_ONLY:-}" != "requests" ]; then run node bench/streams.bench.js; fi
