"""Turn bench/out/results-<db>.json into bench/RESULTS.md; summarise py-spy raw profiles."""

import collections
import json
import re
from pathlib import Path
from urllib.parse import unquote_plus

import scenarios

TARGET_P95_MS = 25.0
TARGET_RPS = 300.0
TARGET_IMPORT = 2000.0
TARGET_PAGE_BYTES = 50 * 1024
DB_LABEL = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
OK, FAIL = "✅", "❌"


def mark(ok):
    return OK if ok else FAIL


def _fmt_int(x):
    return f"{x:,.0f}".replace(",", " ")


def load_results(out_dir):
    results = {}
    for db in ("sqlite", "postgres"):
        path = Path(out_dir) / f"results-{db}.json"
        if path.exists():
            results[db] = json.loads(path.read_text(encoding="utf-8"))
    return results


def _index(res):
    table = {}
    for s in res.get("scenarios", []):
        table[(s["kind"], s["surface"], s["temperature"], s["connections"])] = s
    return table


def _lat(s):
    if not s:
        return "–"
    lat = s["latency_ms"]
    return f"{lat['p50']:.1f} / {lat['p95']:.1f} / {lat['p99']:.1f}"


def _rps(s):
    return "–" if not s else f"{s['rps']:,.0f}"


def _errors(s):
    if not s:
        return 0
    e = s["errors"]
    return max(s.get("non200", 0), e["status"]) + e["connect"] + e["read"] + e["timeout"]


def cpu_ms_per_request(s):
    """Server (+ PostgreSQL backend) CPU time per request: robust against other load."""
    if not s or not s.get("cpu") or not s.get("rps"):
        return None
    if s["cpu"].get("database", 0) < 0:  # a backend ended during the pass: not measurable
        return None
    cores = s["cpu"].get("server", 0) + s["cpu"].get("database", 0)
    return 1000 * cores / s["rps"] if cores else None


def _cpu_ms(s):
    ms = cpu_ms_per_request(s)
    return "–" if ms is None else f"{ms:.1f}"


def _capacity(s):
    ms = cpu_ms_per_request(s)
    return "–" if not ms else f"~{2000 / ms:,.0f}"


def scenario_table(res):
    idx = _index(res)
    lines = [
        "| kind | surface | pass | 1 conn p50 / p95 / p99 ms | 1 conn req/s | 8 conn p50 / p95 / p99 ms "
        "| 8 conn req/s | p95 ≤ 25 ms @1 | ≥ 300 req/s @8 | n @1 / @8 | other load "
        "| CPU ms/request | ⇒ req/s on 2 idle cores |",
        "| --- | --- | --- | --- | ---: | --- | ---: | :---: | :---: | --- | ---: | ---: | ---: |",
    ]
    for kind in scenarios.KINDS:
        for surface in ("html", "api"):
            for temp in ("cold", "warm"):
                one = idx.get((kind, surface, temp, 1))
                eight = idx.get((kind, surface, temp, 8))
                if not one and not eight:
                    continue
                p95_ok = mark(one["latency_ms"]["p95"] <= TARGET_P95_MS) if one else "–"
                rps_ok = mark(eight["rps"] >= TARGET_RPS) if eight else "n/a"
                n = f"{one['requests'] if one else '–'} / {eight['requests'] if eight else '–'}"
                errs = _errors(one) + _errors(eight)
                if errs:
                    n += f" ({errs} errors)"
                if temp == "warm":
                    recycled = sum(s.get("worker_restarts", 0) for s in (one, eight) if s)
                    if recycled:
                        n += f" ({recycled} worker recycles)"
                valid = [s for s in (one, eight) if s and s.get("cpu") and s["cpu"].get("database", 0) >= 0]
                other = max((s["cpu"]["other"] for s in valid), default=0)
                lines.append(
                    f"| {scenarios.KIND_LABELS[kind]} | {surface.upper() if surface == 'api' else 'HTML'} "
                    f"| {temp} | {_lat(one)} | {_rps(one)} | {_lat(eight)} | {_rps(eight)} "
                    f"| {p95_ok} | {rps_ok} | {n} | {other:.2f} | {_cpu_ms(eight or one)} "
                    f"| {_capacity(eight or one)} |")
    return "\n".join(lines)


def target_summary(results):
    head = "| target (issue 2, 2 cores, 100,000 offers) | " + " | ".join(
        DB_LABEL[db] for db in results) + " |"
    lines = [head, "| --- |" + " --- |" * len(results)]

    def row(label, fn):
        cells = []
        for _db, res in results.items():
            try:
                cells.append(fn(res))
            except (KeyError, ValueError, TypeError, ZeroDivisionError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    def imp(res):
        i = res["import"]
        if i.get("reused"):
            return "– (database reused)"
        return (f"{i['rate']:,.0f} offers/s ({i['rows']:,} in {i['seconds']:.1f} s) "
                f"{mark(i['rate'] >= TARGET_IMPORT and i.get('rc') == 0)}")

    def worst_p95(temp):
        def fn(res):
            cand = [s for s in res["scenarios"] if s["temperature"] == temp and s["connections"] == 1]
            w = max(cand, key=lambda s: s["latency_ms"]["p95"])
            failing = [s for s in cand if s["latency_ms"]["p95"] > TARGET_P95_MS]
            fails = len(failing)
            recycled = sum(1 for s in failing if temp == "warm" and s.get("worker_restarts"))
            note = f" — {recycled} of the {fails} misses in passes where a worker was recycled" \
                if recycled else ""
            return (f"worst {w['latency_ms']['p95']:.1f} ms ({scenarios.KIND_LABELS[w['kind']]}, "
                    f"{w['surface']}); {len(cand) - fails}/{len(cand)} within "
                    f"{mark(fails == 0)}{note}")
        return fn

    def worst_rps(temp):
        def fn(res):
            cand = [s for s in res["scenarios"] if s["temperature"] == temp and s["connections"] == 8]
            w = min(cand, key=lambda s: s["rps"])
            failing = [s for s in cand if s["rps"] < TARGET_RPS]
            fails = len(failing)
            recycled = sum(1 for s in failing if temp == "warm" and s.get("worker_restarts"))
            note = f" — {recycled} of the {fails} misses in passes where a worker was recycled" \
                if recycled else ""
            return (f"lowest {w['rps']:,.0f} req/s ({scenarios.KIND_LABELS[w['kind']]}, "
                    f"{w['surface']}); {len(cand) - fails}/{len(cand)} reach it {mark(fails == 0)}{note}")
        return fn

    def page(res):
        pw = res["page_weight"]
        b = pw["html_css_js_wire_bytes"]
        return f"{b / 1024:.1f} KB (HTML+CSS+JS, gzip) {mark(b <= TARGET_PAGE_BYTES)}"

    def foreign(res):
        f = res["page_weight"]["foreign_resources"]
        return f"{mark(not f)} " + ("none" if not f else ", ".join(f[:5]))

    row("import ≥ 2,000 offers/s", imp)
    row("p95 ≤ 25 ms at 1 connection, every kind — warm", worst_p95("warm"))
    row("p95 ≤ 25 ms at 1 connection, every kind — cold", worst_p95("cold"))
    row("≥ 300 req/s at 8 connections — warm", worst_rps("warm"))
    row("≥ 300 req/s at 8 connections — cold", worst_rps("cold"))
    row("results page (20 offers) ≤ 50 KB over the wire", page)
    row("loads nothing from another origin", foreign)
    return "\n".join(lines)


def memory_section(res):
    mem = res.get("memory_kb") or {}
    rows = ["| process | RSS MB | peak RSS (VmHWM) MB | PSS MB |", "| --- | ---: | ---: | ---: |"]
    for entry in mem.values():
        rows.append(f"| {entry['role']} {entry['pid']} | {entry.get('VmRSS', 0) / 1024:.0f} "
                    f"| {entry.get('VmHWM', 0) / 1024:.0f} | {entry.get('Pss', 0) / 1024:.0f} |")
    restarts = sum(s.get("worker_restarts", 0) for s in res.get("scenarios", [])
                   if s["temperature"] == "warm")
    return "\n".join(rows) + (
        f"\n\nMeasured after the last pass. gunicorn recycles a worker after 10,000 ± 500 requests "
        f"(scripts/serve-prod.sh); during the warm passes {restarts} worker(s) were recycled, "
        "so a worker's figure may be that of a young process; VmHWM is the peak of that process.")


def page_section(res):
    pw = res.get("page_weight")
    if not pw:
        return "not measured"
    rows = ["| resource | type | status | over the wire (B) | gzip | uncompressed (B) |",
            "| --- | --- | --- | ---: | :---: | ---: |"]
    for i in pw["items"]:
        rows.append(f"| `{i['url'][:70]}` | {i['type']} | {i['status']} | {_fmt_int(i['wire_bytes'])} "
                    f"| {'yes' if i['gzip'] else 'no'} | {_fmt_int(i['raw_bytes'])} |")
    rows.append(f"\nHTML + CSS + JS: **{_fmt_int(pw['html_css_js_wire_bytes'])} B** bodies "
                f"({_fmt_int(pw['html_css_js_wire_bytes_with_headers'])} B with response headers); "
                f"everything it loads: {_fmt_int(pw['all_wire_bytes'])} B. Offer links on the page: "
                f"{pw['offer_links_on_page']}. Resources from other origins: "
                f"{', '.join(pw['foreign_resources']) or 'none'}.")
    return "\n".join(rows)


def hits_section(res):
    sanity = res.get("sanity") or {}
    rows = []
    for path, entry in sanity.items():
        if path.startswith("/api/") and "count" in entry and "q=" in path:
            rows.append((unquote_plus(path.split("?", 1)[1]) if "?" in path else "(all)", entry["count"]))
    if not rows:
        return ""
    total = res["import"].get("published") or res.get("offers")
    lines = ["| warm query (API) | results | share |", "| --- | ---: | ---: |"]
    for q, n in rows:
        share = f"{100 * n / total:.1f} %" if total and n is not None else "–"
        lines.append(f"| `{q}` | {n if n is not None else '–'} | {share} |")
    return "\n".join(lines)


def noise_note(res):
    others = [s["cpu"]["other"] for s in res.get("scenarios", [])
              if s.get("cpu") and s["cpu"].get("database", 0) >= 0]
    if not others:
        return ""
    worst = max(others)
    mean = sum(others) / len(others)
    return (f"Other load on the machine during the passes (cores busy outside server and load "
            f"generator): mean {mean:.2f}, worst {worst:.2f} of {res['machine'].get('nproc')}.")


def _code_line(code):
    if not code.get("fingerprint"):
        return "- code: the working tree as it was during the run"
    return (f"- code measured: a snapshot of the working tree at the start of the run: commit "
            f"{code.get('commit', '?')} plus {code.get('uncommitted_files', '?')} uncommitted files "
            f"(source fingerprint {code['fingerprint']})")


def _cold_browse_samples(res):
    return next((s["requests"] for s in res["scenarios"]
                 if s["kind"] == "browse_all" and s["temperature"] == "cold"), "?")


def write_results_md(out_dir, path):
    results = load_results(out_dir)
    if not results:
        Path(path).write_text("# Benchmark results\n\nNo results yet: run `make bench`.\n", encoding="utf-8")
        return
    first = next(iter(results.values()))
    m = first["machine"]
    parts = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); how it works: bench/README.md. Raw figures: "
        "bench/out/results-<db>.json (not in git).",
        "",
        "## Machine",
        "",
        f"- {m.get('nproc')} cores: {m.get('cpu', '?')}; RAM {m.get('ram_gib', '?')} GiB; "
        f"{m.get('platform')}",
        f"- Python {m.get('python')}, Django {m.get('django', '?')}, SQLite {m.get('sqlite')}, "
        f"PostgreSQL {m.get('postgresql')}",
        _code_line(m.get("code") or {}),
        f"- load generator: {first.get('loadgen')}, on the same machine (it shares the 2 cores "
        f"with the server); server: scripts/serve-prod.sh = gunicorn, {first.get('workers')} sync "
        "workers, DEBUG=0, whitenoise, access log on",
        "",
    ]
    for db, res in results.items():
        parts.append(f"- {DB_LABEL[db]}: run {res['date']}, {res['offers']:,} offers "
                     f"({res['import'].get('published', '?')} published after import), "
                     f"{res['duration_s']:.0f} s per pass, database size "
                     f"{res.get('db_size_bytes', 0) / 1024 / 1024:.0f} MB")
    parts += ["", "## Against the targets", "", target_summary(results), ""]
    parts += [
        "Datasette, for scale (issue 2 / FIELD-NOTES): on a comparable 100,000-offer table "
        "5–8 requests/s, 150–270 ms median for a search with two facets, 1.4 s to browse all "
        "rows with facets (FIELD-NOTES: search + city 112 ms median, 12 req/s at 8 connections; "
        "browse all with four facets 1.5 s, 1 req/s).",
        "",
    ]
    for db, res in results.items():
        imp = res["import"]
        parts += [f"## {DB_LABEL[db]}", ""]
        if not imp.get("reused"):
            own = ""
            if imp.get("command_reported_s"):
                own = (f"; the command itself reports {imp['command_reported_s']:.1f} s = "
                       f"{imp['command_reported_rate']:,.0f} rows/s")
            skip = "; needed --skip-invalid" if imp.get("skip_invalid") else ""
            ok = mark(imp["rate"] >= TARGET_IMPORT and imp.get("rc") == 0)
            parts.append(
                f"Import: {imp['rows']:,} offers in {imp['seconds']:.1f} s = "
                f"**{imp['rate']:,.0f} offers/s** (target ≥ 2,000 {ok}; wall time of "
                f"`manage.py import_offers`, Django start-up and index building included{own}{skip}). "
                f"migrate: {res.get('migrate_s', 0):.1f} s.")
            parts.append("")
        pg = res.get("postgres_settings")
        if pg:
            if pg.get("bench_ran_analyze_s") is not None:
                parts += [
                    f"PostgreSQL here runs with autovacuum={pg.get('autovacuum')} (CI settings), so "
                    "nothing analyses the freshly imported tables; a district's server would (autovacuum "
                    "analyses new tables within about a minute). The bench therefore ran `ANALYZE` "
                    f"after the import ({pg['bench_ran_analyze_s']:.1f} s, not counted in the import "
                    "rate). Without it the planner has no statistics and the facet-count statement "
                    "degrades badly — see bench/README.md, \"PostgreSQL and ANALYZE\".", ""]
            elif pg.get("autovacuum") == "off":
                parts += [
                    "PostgreSQL here runs with autovacuum=off and the bench did **not** analyse the "
                    "tables (--no-analyze): the planner works without statistics.", ""]
        parts += [scenario_table(res), ""]
        parts += [
            "p50 / p95 / p99 in milliseconds, as the load generator saw them (gzip accepted). "
            "Cold: every request a filter state the workers had not answered before (fresh "
            "workers, distinct URLs; browse-all: first request after a worker restart, 1 "
            "connection, "
            f"{_cold_browse_samples(res)}"
            " samples — the 8-connection cold figure does not exist for a single state). "
            "Warm: the kind's ~20 URLs in rotation after every worker has answered each. "
            "Other load: cores that processes other than the server and the load generator "
            "(other people's test runs on this shared machine) kept busy during the pass, "
            "worst of the two passes; above ~0.3 the figures of that row are pessimistic. "
            "CPU ms/request: CPU time of gunicorn master + workers (+ PostgreSQL backends) per "
            "answered request in the 8-connection pass — hardly affected by other load; "
            "'⇒ req/s on 2 idle cores' = 2,000 / that, an upper bound for an otherwise idle "
            "2-core machine (the load generator's share is small, see the JSON). "
            "Worker recycles: gunicorn replaced a worker during the pass (--max-requests 10000), "
            "and the new one starts with an empty cache: its first requests are cold, which shows "
            "in p95/p99 of warm rows.",
            "",
            noise_note(res),
            "",
            "### Memory per gunicorn process",
            "",
            memory_section(res),
            "",
            "### Page weight (results page, 20 offers, Accept-Encoding: gzip)",
            "",
            page_section(res),
            "",
        ]
        hits = hits_section(res)
        if hits:
            parts += ["### Results per warm query (how much of the data each query touches)", "",
                      hits, ""]
        for temp, prof in (res.get("profile") or {}).items():
            if not isinstance(prof, dict) or not prof.get("summary"):
                continue
            parts += [f"### Where the time goes: slowest {temp} scenario at 1 connection (py-spy)", "",
                      f"{scenarios.KIND_LABELS.get(prof['kind'])}, {prof['surface']} "
                      f"({prof['requests']} requests, p95 {prof['p95_under_profiler_ms']:.1f} ms "
                      "under the profiler):", "", prof["summary"], ""]
        if res.get("errors"):
            parts += ["### Errors", ""] + [f"- {e[:500]}" for e in res["errors"]] + [""]
    Path(path).write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")


FRAME_RE = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+):(?P<line>\d+)\)$")
ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()} | {"bench"}
CATEGORIES = [  # (label, predicate on the list of (func, file) frames of one sample)
    ("database: opening/closing connections",
     lambda fr: any(f in ("DatabaseWrapper.get_new_connection", "BaseDatabaseWrapper.connect",
                          "BaseDatabaseWrapper._close", "BaseDatabaseWrapper.close",
                          "DatabaseWrapper.init_connection_state") for f, _ in fr)),
    ("database: executing SQL (time inside the driver)",
     lambda fr: fr[-1][1].endswith(("sqlite3/base.py", "backends/utils.py", "db/utils.py"))
     or "psycopg" in fr[-1][1]),
    ("template rendering", lambda fr: any(f.startswith("Template.render") for f, _ in fr)),
    ("JSON encoding", lambda fr: any(fl.startswith("json/") for _, fl in fr)),
    ("gzip", lambda fr: any("gzip" in fl for _, fl in fr)),
    ("ORM: building queries and model instances",
     lambda fr: fr[-1][1].startswith("django/db/models/")),
    ("gunicorn access log and socket I/O",
     lambda fr: fr[-1][1].startswith("gunicorn/") or fr[-1][1].startswith("logging/")),
]


def summarise_pyspy(files, top=15):
    """Where request time goes, from py-spy --format raw stacks of the gunicorn workers.

    Only samples inside a request (under WSGIHandler.__call__) count."""
    self_time, project_incl, project_line = (collections.Counter() for _ in range(3))
    categories = collections.Counter()
    total = 0
    for f in files:
        for line in Path(f).read_text(encoding="utf-8", errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            if not count.isdigit():
                continue
            n = int(count)
            frames = []
            for fr in stack.split(";"):
                m = FRAME_RE.match(fr)
                if m:
                    frames.append((m["func"], m["file"], m["line"]))
            start = next((i for i, fr in enumerate(frames) if fr[0] == "WSGIHandler.__call__"), None)
            if start is None:
                continue
            frames = frames[start:]
            total += n
            self_time[f"{frames[-1][0]} ({frames[-1][1]})"] += n
            proj = [fr for fr in frames if fr[1].split("/", 1)[0] in PROJECT_DIRS]
            for name in {f"{fn} ({fl})" for fn, fl, _l in proj}:
                project_incl[name] += n
            if proj:
                fn, fl, ln = proj[-1]
                project_line[f"{fl}:{ln} {fn}"] += n
            pairs = [(fn, fl) for fn, fl, _l in frames]
            for label, pred in CATEGORIES:
                if pred(pairs):
                    categories[label] += n
                    break
            else:
                categories["other (Python: views, middleware, serialising …)"] += n
    if not total:
        return "no samples inside requests (py-spy could not attach?)"

    def table(counter, title, limit=top):
        rows = [f"| {title} | share of request time |", "| --- | ---: |"]
        for name, n in counter.most_common(limit):
            rows.append(f"| `{name}` | {100 * n / total:.1f} % |")
        return "\n".join(rows)

    return "\n\n".join([
        f"{total} samples inside requests (py-spy, 250 Hz, both workers).",
        table(categories, "category (first match)"),
        table(project_incl, "project function, inclusive"),
        table(project_line, "deepest project line on the stack (what our code was waiting on)"),
        table(self_time, "self time (leaf frame)", 10),
    ])
