"""Which SQL statements a request runs, how long each takes, and the plan of the slowest.

Runs inside Django against the bench database (after `bench/run.py` left it behind), with an
empty cache, so it shows a cold request:

    .venv/bin/python bench/explain.py --db sqlite "/api/v1/offers?q=Beratung"
    .venv/bin/python bench/explain.py --db postgres --offers 100000 "/de/angebote/?q=Kurs&city=marl"

By default it uses the code snapshot in var/bench/code (what the last run measured); --code .
uses the working tree.
"""

import argparse
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--offers", type=int, default=100_000)
    ap.add_argument("--code", default=str(ROOT / "var" / "bench" / "code"))
    ap.add_argument("--top", type=int, default=3, help="plans of the N slowest statements")
    ap.add_argument("--repeat", type=int, default=1, help="requests per path (first one is cold)")
    args = ap.parse_args(argv)

    code = Path(args.code).resolve()
    os.chdir(code)
    sys.path.insert(0, str(code))
    os.environ.pop("DATABASE_URL", None)
    if args.db == "sqlite":
        os.environ["SQLITE_PATH"] = str(ROOT / "var" / "bench" / f"bench-{args.offers}.sqlite3")
    else:
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/bench_integrationsangebote"
    os.environ.update({"DEBUG": "0", "SECRET_KEY_FILE": str(ROOT / "var" / "secret_key"),
                       "SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "config.settings"})
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for path in args.paths:
        cache.clear()
        for attempt in range(args.repeat):
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                resp = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
                took = (time.perf_counter() - started) * 1000
            queries = ctx.captured_queries
            sql_ms = sum(float(q["time"]) for q in queries) * 1000
            label = "cold" if attempt == 0 else "again"
            print(f"\n== {path} [{label}]: {resp.status_code}, {took:.1f} ms, {len(queries)} statements, "
                  f"{sql_ms:.1f} ms in SQL")
            ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)
            for q in ranked[:10]:
                print(f"  {float(q['time']) * 1000:8.1f} ms  {q['sql'][:160]}")
            if attempt:
                continue
            for q in ranked[: args.top]:
                if float(q["time"]) * 1000 < 5:
                    break
                print(f"\n-- plan of the {float(q['time']) * 1000:.1f} ms statement:\n{q['sql'][:3000]}\n")
                prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" \
                    else "EXPLAIN QUERY PLAN "
                with connection.cursor() as cursor:
                    try:
                        cursor.execute(prefix + q["sql"])
                        for row in cursor.fetchall():
                            print("   ", " | ".join(str(c) for c in row))
                    except Exception as exc:  # noqa: BLE001 - a diagnostic tool
                        print(f"    (no plan: {exc})")


if __name__ == "__main__":
    main()
