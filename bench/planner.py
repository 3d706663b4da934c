"""`make bench-planner`: how fast are the planner pages of issue 7 (Angebotslandschaft, trends,
report, freshness, search map, radius search) at N offers?

    .venv/bin/python bench/planner.py [--offers N] [--db sqlite|postgres|both] [--runs R] [--reuse-db]

Per database: a fresh database with N offers from bench/generate.py, imported with
`manage.py import_offers` (the helpers of bench/run.py), plus a backdated history so the trends
have something to count (see add_history). Then, in a child process with DEBUG=0 and that
database, every page is requested in-process with Django's test client: `cold` = the first
request after a data change (search.version.bump(), which every edit of an offer calls),
`warm` = the same request again; medians over R runs each, and the SQL statements of one cold
and one warm request. Writes bench/out/planner-<db>.json and bench/PLANNER.md. See bench/README.md.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import run  # noqa: E402  (database preparation, import, machine info: shared with `make bench`)

OUT = BENCH / "out"
HISTORY_ACTOR = "bench-planner"  # marks the generated history, so a reused database gets it once
HISTORY_MONTHS = 24
# (action, every n-th even offer, day factor): a few thousand revisions at 20,000 offers
REVISION_PLAN = (("changed", 4, 91), ("confirmed", 10, 17), ("approved", 14, 29), ("archived", 50, 13))
SLOW_MS = 300  # the threshold of issue 7's review for a warm median at 20,000 offers
NOTES_MARKER = "<!-- notes: kept when planner.py rewrites the tables above -->"

# (name, path, staff?): what a planner, and a KI editor, opens.
PAGES = [
    ("matrix", "/de/angebotslandschaft/", False),
    ("matrix map_topic", "/de/angebotslandschaft/?map_topic=sprache", False),
    ("matrix filtered", "/de/angebotslandschaft/?target_group=frauen&language=ar", False),
    ("export.csv", "/de/angebotslandschaft/export.csv", False),
    ("trends", "/de/angebotslandschaft/entwicklung/", False),
    ("trends city 24 mo", "/de/angebotslandschaft/entwicklung/?city=marl&months=24", False),
    ("trends.csv", "/de/angebotslandschaft/entwicklung.csv?months=36", False),
    ("report", "/de/angebotslandschaft/bericht/", False),
    ("staff matrix", "/de/redaktion/angebotslandschaft/", True),
    ("staff export.csv", "/de/redaktion/angebotslandschaft/export.csv", True),
    ("freshness", "/de/redaktion/angebotslandschaft/aktualitaet/", True),
    ("freshness city", "/de/redaktion/angebotslandschaft/aktualitaet/?city=marl&sort=name", True),
    ("search map all", "/de/angebote/karte/", False),
    ("search map topic", "/de/angebote/karte/?topic=sprache", False),
    ("search map text", "/de/angebote/karte/?q=Beratung", False),
    ("orte.json", "/de/angebote/karte/orte.json?topic=sprache", False),
    ("radius 5 km", "/de/angebote/?near=45768&radius=5", False),
    ("radius 50 km", "/de/angebote/?near=45768&radius=50", False),
]


def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


# --- parent: data --------------------------------------------------------------------------------


def database_env(db, args, fresh):
    """The environment of a child process on the planner's own database (not `make bench`'s)."""
    env = run.base_env()
    if db == "sqlite":
        path = run.VAR / f"planner-{args.offers}.sqlite3"
        if fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        env["SQLITE_PATH"] = str(path)
    else:
        name = f"{args.pg_db}_{args.offers}"
        if fresh:
            run.pg_admin([f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"])
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    return env


def build_database(db, args, csv_path):
    env = database_env(db, args, fresh=True)
    logfile = run.VAR / f"planner-{db}.log"
    logfile.write_text("")
    rc, took, out = run.manage(env, "migrate", "--noinput", timeout=900, logfile=logfile)
    if rc != 0:
        raise RuntimeError(f"migrate failed: {out[-2000:]}")
    log(f"{db}: migrate {took:.0f} s; import {csv_path.name}")
    rc, took, out = run.manage(env, "import_offers", csv_path, timeout=3600, logfile=logfile)
    if rc != 0:
        rc, took, out = run.manage(env, "import_offers", csv_path, "--skip-invalid", timeout=3600,
                                   logfile=logfile)
        if rc != 0:
            raise RuntimeError(f"import failed: {out[-2000:]}")
    log(f"{db}: import {took:.0f} s")
    return env


# --- child: history and measurement (runs inside Django) -----------------------------------------


def add_history(months=HISTORY_MONTHS):
    """A backdated history for the trends: creation dates spread over `months` months, and for
    about half the offers confirmations, changes and (a few) archivings. bulk_create; written once.

    Revision.created_at is auto_now_add, so the generated revisions carry their date through
    a temporarily disabled auto_now_add (a bench database only)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from changes.models import Revision
    from freshness.models import Confirmation
    from offers.models import Offer

    content_type = ContentType.objects.get_for_model(Offer)
    if Revision.objects.filter(actor=HISTORY_ACTOR).exists():
        return 0
    ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()

    def back(days, hour=10):
        return now - datetime.timedelta(days=days, hours=hour)

    span = months * 30
    with transaction.atomic():
        # creation dates: 24 updates, one per month bucket, instead of one per offer
        buckets = {}
        for pk in ids:
            buckets.setdefault((pk * 7919) % months, []).append(pk)
        for month, pks in buckets.items():
            for start in range(0, len(pks), 900):  # SQLite's variable limit
                Offer.objects.filter(pk__in=pks[start:start + 900]).update(
                    created_at=back(month * 30 + 3))
        confirmations, revisions = [], []
        for pk in ids:
            if pk % 2:
                continue
            confirmations.append(Confirmation(offer_id=pk, confirmed_at=back((pk * 37) % span),
                                              email="bench@example.org", via=Confirmation.Via.LINK))
            if pk % 6 == 0:
                confirmations.append(Confirmation(offer_id=pk, confirmed_at=back((pk * 53) % span),
                                                  email="bench@example.org", via=Confirmation.Via.LINK))
            for action, every, factor in REVISION_PLAN:
                if pk % every == 0:
                    revisions.append(Revision(content_type=content_type, object_id=pk, object_repr=f"#{pk}",
                                              action=action, actor=HISTORY_ACTOR, approved=True,
                                              created_at=back((pk * factor) % span, 14)))
        Confirmation.objects.bulk_create(confirmations, batch_size=500)
        field = Revision._meta.get_field("created_at")
        field.auto_now_add = False
        try:
            Revision.objects.bulk_create(revisions, batch_size=500)
        finally:
            field.auto_now_add = True
    return len(confirmations) + len(revisions)


def editor_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="bench-planner-editor", defaults={"email": "bench-editor@example.org", "is_staff": True})
    return user


def measure(runs, pages):
    """{name: figures} for every page: cold and warm medians (ms), SQL statements, status, size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search import version

    anonymous, staff = Client(), Client()
    staff.force_login(editor_user())
    results = {}
    for name, path, is_staff in pages:
        client = staff if is_staff else anonymous
        cold, warm = [], []
        cold_queries = warm_queries = None
        for i in range(runs):
            version.bump()  # a data change: every cache keyed by the data version is stale
            started = time.perf_counter()
            if i == 0:
                with CaptureQueriesContext(connection) as ctx:
                    response = client.get(path)
                cold_queries = len(ctx.captured_queries)
            else:
                response = client.get(path)
            cold.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code}")
        for i in range(runs):
            started = time.perf_counter()
            if i == 0:
                with CaptureQueriesContext(connection) as ctx:
                    response = client.get(path)
                warm_queries = len(ctx.captured_queries)
            else:
                response = client.get(path)
            warm.append((time.perf_counter() - started) * 1000)
        body = response.content
        results[name] = {
            "path": path, "staff": is_staff, "status": response.status_code, "bytes": len(body),
            "cold_ms": round(statistics.median(cold), 1), "warm_ms": round(statistics.median(warm), 1),
            "cold_max_ms": round(max(cold), 1), "warm_max_ms": round(max(warm), 1),
            "cold_queries": cold_queries, "warm_queries": warm_queries, "runs": runs,
        }
        r = results[name]
        log(f"{name:18} cold {r['cold_ms']:8.1f} ms  warm {r['warm_ms']:8.1f} ms  "
            f"queries {cold_queries:3}/{warm_queries:3}  {len(body):7} B")
    return results


def child(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import override_settings

    from offers.models import Offer

    started = time.perf_counter()
    written = add_history()
    log(f"history: {written} records in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # autovacuum is off on these machines (bench/README.md)
            cursor.execute("ANALYZE")
    names = [n.strip() for n in args.pages.split(",")] if args.pages else None
    pages = [p for p in PAGES if names is None or p[0] in names]
    # Without `collectstatic` the manifest storage of DEBUG=0 has no entries; the plain storage
    # differs only in the (cheap) file-name lookup of {% static %}.
    storages = {**settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=storages):
        figures = measure(args.runs, pages)
    info = {"db": connection.vendor, "offers": Offer.objects.count(),
            "visible": Offer.objects.visible().count(), "debug": settings.DEBUG, "pages": figures}
    print("PLANNERJSON " + json.dumps(info, ensure_ascii=False))


# --- report --------------------------------------------------------------------------------------


def table(result):
    lines = ["| page | path | cold ms | warm ms | queries cold / warm | KB |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name, r in result["pages"].items():
        flag = " ⚠" if r["warm_ms"] > SLOW_MS else ""
        lines.append(f"| {name}{' (staff)' if r['staff'] else ''} | `{r['path']}` | {r['cold_ms']:.1f} | "
                     f"{r['warm_ms']:.1f}{flag} | {r['cold_queries']} / {r['warm_queries']} | "
                     f"{r['bytes'] / 1024:.0f} |")
    return "\n".join(lines)


def write_md(results, machine, code):
    parts = [
        "# Planner pages: latency and SQL statements (`make bench-planner`)", "",
        f"Written by bench/planner.py on {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
        f"commit {code.get('commit')} ({code.get('uncommitted_files')} uncommitted files). "
        f"Machine: {machine.get('cpu')}, {machine.get('nproc')} cores (shared with other jobs), "
        f"{machine.get('ram_gib')} GiB, Python {machine.get('python')}, Django {machine.get('django')}, "
        f"SQLite {machine.get('sqlite')}, PostgreSQL {machine.get('postgresql')}.", "",
        "In-process (Django test client, DEBUG=0, no HTTP server): **cold** = the first request after a "
        "data change (`search.version.bump()` before each run), **warm** = the same request again; "
        "medians of the runs named below; *queries* = SQL statements of one cold and one warm request. "
        "The search map and the radius search keep whole pages in the HTML cache "
        "(offers/results.py `cached_page`, as in production), so their warm figure is a cache hit; "
        "the landscape pages have no cache of their own and compute everything on every request. "
        f"⚠ marks a warm median above {SLOW_MS} ms.", "",
    ]
    for db, result in results.items():
        first = next(iter(result["pages"].values()), {})
        parts += [f"## {db}: {result['offers']:,} offers ({result['visible']:,} visible), "
                  f"{first.get('runs')} runs", "", table(result), ""]
    # Findings written by hand below the marker survive a rerun.
    target = BENCH / "PLANNER.md"
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    notes = old[old.index(NOTES_MARKER):] if NOTES_MARKER in old else NOTES_MARKER + "\n"
    target.write_text("\n".join(parts) + "\n" + notes, encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--offers", type=int, default=20_000)
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--runs", type=int, default=15, help="cold and warm requests per page (median)")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--pg-db", default="bench_planner",
                    help="PostgreSQL database name prefix (the offer count is appended)")
    ap.add_argument("--reuse-db", action="store_true", help="measure the database the last run built")
    ap.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    ap.add_argument("--no-report", action="store_true", help="do not rewrite bench/PLANNER.md")
    ap.add_argument("--report-only", action="store_true", help="rewrite PLANNER.md from bench/out")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    if args.report_only:
        saved = {db: json.loads((OUT / f"planner-{db}.json").read_text()) for db in ("sqlite", "postgres")
                 if (OUT / f"planner-{db}.json").exists()}
        write_md(saved, run.machine_info(), git_info())
        return 0
    run.VAR.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    csv_path = run.VAR / f"offers-{args.offers}-{args.seed}-v{generate.GENERATOR_VERSION}.csv"
    if not args.reuse_db and not csv_path.exists():
        generate.write_csv(csv_path, args.offers, args.seed)
    results = {}
    for db in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        env = database_env(db, args, fresh=False) if args.reuse_db else build_database(db, args, csv_path)
        cmd = [str(run.PY), str(BENCH / "planner.py"), "--child", "--runs", str(args.runs)]
        if args.pages:
            cmd += ["--pages", args.pages]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, timeout=7200)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("PLANNERJSON ")), None)
        if proc.returncode != 0 or line is None:
            log(f"{db}: measurement failed (rc={proc.returncode})")
            continue
        results[db] = json.loads(line.split(" ", 1)[1])
        (OUT / f"planner-{db}.json").write_text(json.dumps(results[db], indent=1, ensure_ascii=False))
        print(f"\n{db}, {results[db]['offers']} offers\n{table(results[db])}\n", flush=True)
    if results and not args.no_report:
        # keep the other database's figures of an earlier run when only one was measured now
        for db in ("sqlite", "postgres"):
            saved = OUT / f"planner-{db}.json"
            if db not in results and saved.exists():
                results[db] = json.loads(saved.read_text())
        code = git_info()
        write_md(dict(sorted(results.items(), key=lambda kv: kv[0] != "sqlite")), run.machine_info(), code)
    return 0 if results else 1


def git_info():
    info = {}
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                        capture_output=True, text=True, timeout=30).stdout.strip()
        status = subprocess.run(["git", "status", "--short"], cwd=ROOT, capture_output=True, text=True,
                                timeout=30).stdout
        info["uncommitted_files"] = len([x for x in status.splitlines() if x.strip()])
    except (OSError, subprocess.TimeoutExpired):
        pass
    return info


if __name__ == "__main__":
    sys.exit(main())
