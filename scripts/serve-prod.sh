#!/usr/bin/env bash
# Serve the app as a district would: gunicorn, static files from whitenoise, DEBUG off.
# Honours PORT, DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, WEB_CONCURRENCY. Loads no demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG="${DEBUG:-0}"
if [ -z "${SECRET_KEY:-}" ] && [ -z "${SECRET_KEY_FILE:-}" ]; then
  mkdir -p var
  [ -f var/secret_key ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
  export SECRET_KEY_FILE="$PWD/var/secret_key"
fi
# Plain HTTP on localhost unless the operator puts TLS in front and says so.
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput >/dev/null
# Workers are not recycled by default (MAX_REQUESTS=0): a new worker starts with empty caches
# and rebuilds its in-memory search index.
# ACCESS_LOG=off drops the access log (the benchmark does), otherwise it goes to stdout.
access_log=(--access-logfile -)
[ "${ACCESS_LOG:-on}" = "off" ] && access_log=()
exec .venv/bin/gunicorn config.wsgi:application \
  --bind "${BIND:-127.0.0.1}:${PORT:-8000}" \
  --workers "${WEB_CONCURRENCY:-2}" \
  "${access_log[@]}" \
  --max-requests "${MAX_REQUESTS:-0}" --max-requests-jitter "${MAX_REQUESTS_JITTER:-0}"
