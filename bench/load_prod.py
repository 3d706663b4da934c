"""`make bench-load`: the reliability figures of issue 6 into bench/RESULTS.md.

Runs the load test's scenario (200 concurrent connections for 30 s against search and offer
pages, production server: gunicorn gthread 2 workers × 8 threads, DEBUG off) on SQLite and,
when reachable, on PostgreSQL, each on a scratch database with the demo data; adds the crash
and backup figures the last test run left in var/test-artifacts/; appends a dated section.

    .venv/bin/python bench/load_prod.py [--seconds 30] [--no-postgres] [--dry-run]
"""

import argparse
import datetime
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from operations import prodserver  # noqa: E402

ARTIFACTS = REPO / "var" / "test-artifacts"
PG_URL = os.environ.get("TEST_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/postgres"


def run_load(vendor, seconds, port):
    saved = os.environ.pop("DATABASE_URL", None)
    if vendor == "postgresql":
        os.environ["DATABASE_URL"] = PG_URL
    try:
        with tempfile.TemporaryDirectory(prefix="g3-bench-") as tmp:
            site = prodserver.ProdSite(tmp, f"g3_bench_{os.getpid()}").prepare()
            try:
                paths = prodserver.mixed_paths(site)
                server = prodserver.Server(site, port).start()
                try:
                    return prodserver.load(port, paths, connections=200, duration=seconds)
                finally:
                    server.stop()
            finally:
                site.drop()
    finally:
        os.environ.pop("DATABASE_URL", None)
        if saved is not None:
            os.environ["DATABASE_URL"] = saved


def pg_reachable():
    try:
        import psycopg

        psycopg.connect(PG_URL.replace("postgres://", "postgresql://", 1), connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001
        return False


def artifact(name):
    path = ARTIFACTS / name
    return json.loads(path.read_text()) if path.exists() else None


def section(loads, seconds):
    lines = [f"## Reliability (issue 6): load, crash, backup — {datetime.date.today().isoformat()}", "",
             f"Written by `make bench-load` (bench/load_prod.py). Load: 200 concurrent keep-alive "
             f"connections for {seconds:g} s, every other request an offer page (all published demo "
             "offers) and a search page (24 queries/filters, 7 languages); demo data (246 offers); "
             "server gunicorn gthread, 2 workers × 8 threads, backlog 2048, DEBUG=0; the client "
             "(Python threads) shares the 2 cores with the server. The test "
             "(operations/tests/test_load.py) asserts the same in `make test`.", "",
             "| database | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 5xx |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for vendor, r in loads.items():
        lat = r["latency_ms"]
        lines.append(f"| {vendor} | {r['requests']:,} | {r['req_per_s']:,} | {lat['p50']} | {lat['p95']} | "
                     f"{lat['p99']} | {lat['max']} | {sum(r['errors'].values())} | {r['status_5xx']} |")
    crash = {v: artifact(f"crash-{v}.json") for v in ("sqlite", "postgresql")}
    if any(crash.values()):
        lines += ["", "Crash (operations/tests/test_crash.py, last test run): SIGKILL to gunicorn's process "
                  "group during a burst of contact edits from 4 clients.", "",
                  "| database | edits acknowledged | present after kill | integrity |",
                  "| --- | --- | --- | --- |"]
        for vendor, c in crash.items():
            if c:
                check = ("PRAGMA integrity_check ok, foreign_key_check empty" if vendor == "sqlite"
                         else f"amcheck bt_index_check ok on {c.get('btree_indexes_checked')} B-tree indexes")
                lines.append(f"| {vendor} | {c['acknowledged']} | {c['present']} | {check} |")
    backup = {v: artifact(f"backup-{v}.json") for v in ("sqlite", "postgresql")}
    if any(backup.values()):
        lines += ["", "Backup/restore (operations/tests/test_backup_restore.py, last test run): "
                  "every table compared by row count and content hash after the round trip.", "",
                  "| database | tables | rows | file bytes | backup s | restore s |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for vendor, b in backup.items():
            if b:
                lines.append(f"| {vendor} | {b['tables']} | {b['rows']} | {b['bytes']:,} | "
                             f"{b['backup_seconds']} | {b['restore_seconds']} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--dry-run", action="store_true", help="print the section, do not append it")
    args = ap.parse_args(argv)
    loads = {"SQLite": run_load("sqlite", args.seconds, 8305)}
    if not args.no_postgres and pg_reachable():
        loads["PostgreSQL"] = run_load("postgresql", args.seconds, 8306)
    text = section(loads, args.seconds)
    print(text)
    if not args.dry_run:
        with (REPO / "bench" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    failed = any(sum(r["errors"].values()) or r["status_5xx"] for r in loads.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
