#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when one is reachable.
# With CI=true PostgreSQL is required: an unreachable server fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

echo "== test suite on SQLite"
env -u DATABASE_URL "$PY" -m pytest "$@"

PG_URL="${TEST_POSTGRES_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
case "$PG_URL" in
  postgres://*|postgresql://*) ;;
  *) PG_URL="postgres://postgres@127.0.0.1:5432/postgres" ;;
esac

if "$PY" - "$PG_URL" <<'PYEOF'
import sys

import psycopg

try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
except Exception as exc:  # noqa: BLE001
    print(f"PostgreSQL not reachable: {exc}", file=sys.stderr)
    sys.exit(1)
PYEOF
then
  echo "== test suite on PostgreSQL ($PG_URL)"
  DATABASE_URL="$PG_URL" "$PY" -m pytest "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required under CI=true but is not reachable." >&2
  exit 1
else
  echo "== PostgreSQL not reachable: skipped the PostgreSQL run (CI=true makes this an error)"
fi
