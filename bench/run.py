"""`make bench`: generate N offers, import them, serve them with the production server, measure.

    .venv/bin/python bench/run.py [--offers N] [--db sqlite|postgres|both] [--duration S] [--quick]

Per database: a fresh database (SQLite file under var/bench/, or the PostgreSQL database
bench_integrationsangebote, dropped and created), `manage.py migrate`, `manage.py import_offers`
of the generated CSV (timed), then scripts/serve-prod.sh (gunicorn, WEB_CONCURRENCY=2) on
127.0.0.1:PORT, and for every kind of query (bench/scenarios.py) × surface (HTML page, JSON API)
× 1 and 8 connections a cold and a warm pass with wrk (bench/loadgen.lua; bench/loadgen.py if
wrk is missing). Then worker memory and page weight. Raw results: bench/out/results-<db>.json;
the report: bench/RESULTS.md. See bench/README.md.
"""

import argparse
import datetime
import gzip
import http.client
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import report  # noqa: E402
import scenarios  # noqa: E402

PY = ROOT / ".venv" / "bin" / "python"
VAR = ROOT / "var" / "bench"
OUT = BENCH / "out"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_DB = "bench_integrationsangebote"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
WORKERS = 2
CONNECTIONS = (1, 8)
RUN_ROOT = ROOT  # where manage.py and serve-prod.sh run: a snapshot of the tree (see snapshot_code)
SNAPSHOT_IGNORE = (".venv", "var", "staticfiles", ".git", "__pycache__", "node_modules", ".pytest_cache",
                   ".ruff_cache", "test-artifacts", "out", "*.egg-info", "*.pyc")


def snapshot_code():
    """Copy the working tree to var/bench/code and run everything from there.

    Other people edit the tree while a run (15+ minutes per database) goes on; a snapshot keeps
    the measured code consistent. Returns the git commit, whether the tree had local changes, and
    a fingerprint of the copied sources."""
    import hashlib

    dest = VAR / "code"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*SNAPSHOT_IGNORE), symlinks=True)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    digest = hashlib.sha256()
    for path in sorted(dest.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".json", ".sh", ".txt"):
            digest.update(str(path.relative_to(dest)).encode())
            digest.update(path.read_bytes())
    info = {"path": str(dest), "fingerprint": digest.hexdigest()[:12]}
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                        capture_output=True, text=True, timeout=30).stdout.strip()
        status = subprocess.run(["git", "status", "--short"], cwd=ROOT, capture_output=True,
                                text=True, timeout=30).stdout
        info["uncommitted_files"] = len([line for line in status.splitlines() if line.strip()])
    except (OSError, subprocess.TimeoutExpired):
        pass
    return info


def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", flush=True)


# --- environment -------------------------------------------------------------------------------


def base_env():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    secret = ROOT / "var" / "secret_key"
    if not secret.exists():
        secret.parent.mkdir(parents=True, exist_ok=True)
        import secrets

        secret.write_text(secrets.token_urlsafe(50) + "\n")
    env.update({
        "DEBUG": "0", "SECRET_KEY_FILE": str(secret), "SECURE_SSL_REDIRECT": "0",
        "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "WARNING",
    })
    env.pop("SECRET_KEY", None)
    return env


def find_wrk(install=True):
    path = shutil.which("wrk")
    if path or not install:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk missing: apt-get install -y wrk")
        try:
            subprocess.run(["apt-get", "install", "-y", "wrk"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=300, check=False)
        except subprocess.TimeoutExpired:
            pass
    return shutil.which("wrk")


def run_cmd(args, env, timeout, logfile=None):
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=RUN_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    out = proc.stdout + proc.stderr
    if logfile:
        with open(logfile, "a", encoding="utf-8") as fh:
            fh.write(f"$ {' '.join(map(str, args))}\n{out}\n(rc={proc.returncode}, {took:.1f}s)\n")
    return proc.returncode, took, out


def manage(env, *args, timeout=3600, logfile=None):
    return run_cmd([str(PY), "manage.py", *map(str, args)], env, timeout, logfile)


def pg_admin(sql_statements):
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=10) as conn:
        for sql in sql_statements:
            conn.execute(sql)


def pg_admin_db(sql):
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://", 1), autocommit=True,
                         connect_timeout=10) as conn:
        conn.execute(sql)


def pg_scalar(url, sql):
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=10) as conn:
        return conn.execute(sql).fetchone()[0]


def prepare_database(db, n):
    env = base_env()
    if db == "sqlite":
        path = VAR / f"bench-{n}.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        env["SQLITE_PATH"] = str(path)
        return env, {"engine": "sqlite", "path": str(path)}
    pg_admin([f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)", f"CREATE DATABASE {PG_DB}"])
    env["DATABASE_URL"] = PG_URL
    return env, {"engine": "postgresql", "url": PG_URL}


def database_size(db, env):
    if db == "sqlite":
        path = Path(env["SQLITE_PATH"])
        return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal")
                   if Path(str(path) + s).exists())
    return pg_scalar(PG_URL, f"SELECT pg_database_size('{PG_DB}')")


# --- machine -----------------------------------------------------------------------------------


def machine_info():
    info = {"nproc": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        rc, _t, out = run_cmd([str(PY), "-c", "import sqlite3, django; print(sqlite3.sqlite_version, "
                               "django.get_version())"], os.environ.copy(), 60)
        if rc == 0:
            info["sqlite"], info["django"] = out.split()[:2]
        rc, _t, out = run_cmd([str(PY), "-c", "import sys; print(sys.version.split()[0])"],
                              os.environ.copy(), 60)
        if rc == 0:
            info["python"] = out.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    try:
        info["postgresql"] = pg_scalar(PG_ADMIN_URL, "SHOW server_version")
    except Exception as exc:  # noqa: BLE001 - reported, not fatal
        info["postgresql"] = f"unavailable ({type(exc).__name__})"
    wrk = shutil.which("wrk")
    if wrk:
        out = subprocess.run([wrk, "-v"], capture_output=True, text=True, timeout=10)
        info["wrk"] = (out.stdout + out.stderr).split("\n")[0].strip()
    return info


# --- HTTP --------------------------------------------------------------------------------------


def http_get(port, path, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        took = time.perf_counter() - started
        raw_headers = "".join(f"{k}: {v}\r\n" for k, v in resp.getheaders())
        return resp.status, dict(resp.getheaders()), body, took, len(raw_headers) + 17
    finally:
        conn.close()


def port_free(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) != 0


class Server:
    def __init__(self, env, port, logpath):
        self.env = dict(env, PORT=str(port), BIND="127.0.0.1", WEB_CONCURRENCY=str(WORKERS))
        self.port = port
        self.logpath = logpath
        self.proc = None
        self.warm_counter = 0

    def start(self, timeout=240):
        if not port_free(self.port):
            raise RuntimeError(f"port {self.port} is in use; pick another with --port")
        self.logfh = open(self.logpath, "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(["bash", "scripts/serve-prod.sh"], cwd=RUN_ROOT, env=self.env,
                                     stdout=self.logfh, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited (rc={self.proc.returncode}); see {self.logpath}")
            if len(self.workers()) >= WORKERS and self.ready():
                return
            time.sleep(0.5)
        raise RuntimeError(f"server not ready after {timeout}s; see {self.logpath}")

    def ready(self):
        try:
            status, *_ = http_get(self.port, "/api/v1/openapi.json", timeout=10)
            return status == 200
        except OSError:
            return False

    def workers(self):
        if not self.proc:
            return []
        try:
            text = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def restart_workers(self, timeout=120):
        """SIGHUP to the gunicorn master: new worker processes with empty in-process caches."""
        old = set(self.workers())
        os.kill(self.proc.pid, signal.SIGHUP)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.workers()
            if len(now) == WORKERS and not (set(now) & old) and self.ready():
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("workers did not come back after SIGHUP")
        self.process_warmup()

    def process_warmup(self, rounds=6):
        """Warm the processes (imports, templates, DB connection, taxonomy) but not the result
        cache of any measured state: queries for words that occur nowhere."""
        statuses = []
        for _ in range(rounds):
            self.warm_counter += 1
            word = f"zqxwarm{self.warm_counter}"
            for base in scenarios.SURFACES.values():
                try:
                    status, *_ = http_get(self.port, f"{base}?q={word}", {"Accept-Encoding": "gzip"},
                                          timeout=120)
                    statuses.append(status)
                except OSError:
                    statuses.append(None)
        if statuses and all(s != 200 for s in statuses):
            raise RuntimeError(f"the server answers {statuses[-1]} to every request: "
                               f"{self.last_error()}")

    def last_error(self):
        try:
            lines = Path(self.logpath).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "?"
        errors = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|DoesNotExist)\b", line)]
        return errors[-1] if errors else "(no traceback in the server log)"

    def cpu_seconds(self):
        """CPU time of master + live workers + reaped workers."""
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for pid in [self.proc.pid, *self.workers()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
            total += (utime + stime + (cutime + cstime if pid == self.proc.pid else 0)) / tick
        return total

    def memory(self):
        result = {}
        for role, pid in [("master", self.proc.pid)] + [("worker", p) for p in self.workers()]:
            entry = {"pid": pid, "role": role}
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    key = line.split(":")[0]
                    if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                        entry[key] = int(line.split()[1])  # kB
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        entry["Pss"] = int(line.split()[1])
            except OSError:
                pass
            result[str(pid)] = entry
        return result

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        if getattr(self, "logfh", None):
            self.logfh.close()


# --- load --------------------------------------------------------------------------------------


def db_backend_cpu():
    """{pid: CPU seconds} of the PostgreSQL backends serving the bench database (empty for SQLite)."""
    result = {}
    tick = os.sysconf("SC_CLK_TCK")
    marker = PG_DB.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker not in (entry / "cmdline").read_bytes():
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        result[entry.name] = (int(fields[11]) + int(fields[12])) / tick
    return result


def db_cpu_delta(before):
    """CPU seconds the backends used since `before` (backends that ended meanwhile are lost)."""
    return sum(max(0.0, cpu - before.get(pid, 0.0)) for pid, cpu in db_backend_cpu().items())


def busy_cpu_seconds():
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


QUIET = {"budget": 0.0, "max_wait": 30.0, "threshold": 0.3}


def wait_for_quiet(server):
    """Wait (bounded per pass and in total) until the rest of the machine leaves the cores free.

    Other processes on this machine (test suites, builds) distort every figure; this waits up to
    QUIET["max_wait"] s per pass, QUIET["budget"] s per run, for them to use < threshold cores."""
    started = time.monotonic()
    other = 0.0
    for _ in range(int(QUIET["max_wait"]) + 1):
        b0, s0, d0 = busy_cpu_seconds(), server.cpu_seconds(), db_backend_cpu()
        time.sleep(1.0)
        other = max(0.0, (busy_cpu_seconds() - b0) - (server.cpu_seconds() - s0) - db_cpu_delta(d0))
        waited = time.monotonic() - started
        if other < QUIET["threshold"] or waited >= QUIET["max_wait"] or waited >= QUIET["budget"]:
            break
    waited = time.monotonic() - started
    QUIET["budget"] = max(0.0, QUIET["budget"] - max(0.0, waited - 1.0))
    return {"other_cores_before": round(other, 2), "waited_s": round(waited, 1)}


def run_load(server, wrk, paths, mode, connections, duration, tag):
    quiet = wait_for_quiet(server)
    pathfile = VAR / "paths" / f"{tag}.txt"
    pathfile.parent.mkdir(parents=True, exist_ok=True)
    pathfile.write_text("\n".join(paths) + "\n", encoding="utf-8")
    base = f"http://127.0.0.1:{server.port}"
    if wrk:
        cmd = [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(duration))}s", "--timeout", "30s",
               "-s", str(BENCH / "loadgen.lua"), base, "--", str(pathfile), mode]
    else:
        cmd = [sys.executable, str(BENCH / "loadgen.py"), base, str(pathfile), "--mode", mode,
               "--connections", str(connections), "--duration", str(duration)]
    workers_before = server.workers()
    busy0, srv0, db0 = busy_cpu_seconds(), server.cpu_seconds(), db_backend_cpu()
    child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120)
    child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = busy_cpu_seconds() - busy0
    srv = server.cpu_seconds() - srv0
    dbcpu = db_cpu_delta(db0)
    gen = (child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime)
    match = re.search(r"^BENCHJSON (.*)$", proc.stdout, re.M)
    if not match:
        raise RuntimeError(f"load generator gave no result: {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    result = json.loads(match.group(1))
    took = max(result["duration_s"], 1e-6)
    result["rps"] = round(result["requests"] / took, 1)
    result["cpu"] = {  # cores busy on average during the pass
        "machine": round(busy / took, 2), "server": round(srv / took, 2),
        "database": round(dbcpu / took, 2), "loadgen": round(gen / took, 2),
        "other": round(max(0.0, busy - srv - dbcpu - gen) / took, 2),
        "loadavg_before": round(load0, 2),
    }
    result["worker_restarts"] = len(set(workers_before) - set(server.workers()))
    result["quiet"] = quiet
    bad = max(result["non200"], result["errors"]["status"])
    if result["requests"] and bad > result["requests"] / 2:
        raise RuntimeError(f"{bad} of {result['requests']} answers were not 200 ({tag}): "
                           f"{server.last_error()}")
    return result


def fmt_lat(r):
    lat = r["latency_ms"]
    return (f"n={r['requests']:>5} p50={lat['p50']:7.1f} p95={lat['p95']:7.1f} p99={lat['p99']:7.1f} ms "
            f"{r['rps']:7.1f} req/s cpu(srv {r['cpu']['server']:.2f}, db {r['cpu'].get('database', 0):.2f}, "
            f"gen {r['cpu']['loadgen']:.2f}, "
            f"other {r['cpu']['other']:.2f}) non200={max(r['non200'], r['errors']['status'])}"
            f" err={r['errors']['connect'] + r['errors']['read'] + r['errors']['timeout']}")


def cold_browse_all(server, surface, samples):
    """browse-all has one filter state: cold = the first request after fresh workers."""
    path = scenarios.paths("browse_all", surface, "warm")[0]
    quiet = wait_for_quiet(server)
    lat, statuses = [], []
    for _ in range(samples):
        server.restart_workers()
        status, _h, _b, took, _hl = http_get(server.port, path, {"Accept-Encoding": "gzip"}, timeout=120)
        lat.append(took * 1000)
        statuses.append(status)
    s = sorted(lat)

    def pct(p):
        return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))] if s else 0.0

    return {
        "requests": len(s), "duration_s": round(sum(s) / 1000, 4), "bytes": 0, "paths": 1,
        "sent": len(s), "responses": len(s), "non200": sum(1 for x in statuses if x != 200),
        "extra": 0, "errors": {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0},
        "latency_ms": {"p50": pct(50), "p90": pct(90), "p95": pct(95), "p99": pct(99),
                       "mean": sum(s) / len(s) if s else 0, "max": s[-1] if s else 0,
                       "min": s[0] if s else 0},
        "rps": round(len(s) / max(sum(s) / 1000, 1e-6), 1),
        "cpu": {"machine": 0, "server": 0, "loadgen": 0, "other": 0,
                "loadavg_before": round(os.getloadavg()[0], 2)},
        "worker_restarts": samples, "method": "restart workers (SIGHUP) before each request",
        "quiet": quiet,
    }


def sanity(server, kinds, surfaces, budget_s=180):
    """One request per warm URL: status and (API) result counts; also warms those states."""
    checks = {}
    deadline = time.monotonic() + budget_s
    for kind in kinds:
        for surface in surfaces:
            for path in scenarios.paths(kind, surface, "warm"):
                if time.monotonic() > deadline:
                    checks[path] = {"status": None, "skipped": "time budget"}
                    continue
                status, _h, body, took, _hl = http_get(server.port, path, {}, timeout=120)
                entry = {"status": status, "ms": round(took * 1000, 1)}
                if surface == "api" and status == 200:
                    try:
                        data = json.loads(body)
                        entry["count"] = data.get("count")
                        entry["results"] = len(data.get("results", []))
                    except ValueError:
                        entry["error"] = "not JSON"
                checks[path] = entry
    return checks


# --- page weight -------------------------------------------------------------------------------


RESOURCE_RE = re.compile(
    r"<(?:link|script|img|source|iframe|embed|object|audio|video|track|input)\b[^>]*?"
    r"\b(?:href|src|srcset|data)\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.I)
LINK_REL_RE = re.compile(r"<link\b[^>]*>", re.I)
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]", re.I)


def page_weight(server, path):
    origin = f"http://127.0.0.1:{server.port}"
    gz = {"Accept-Encoding": "gzip"}
    status, headers, body, _t, hlen = http_get(server.port, path, gz)
    html = gzip.decompress(body).decode("utf-8", "replace") \
        if headers.get("Content-Encoding") == "gzip" else body.decode("utf-8", "replace")
    items = [{"url": path, "type": "html", "status": status, "wire_bytes": len(body),
              "header_bytes": hlen, "raw_bytes": len(html.encode()),
              "gzip": headers.get("Content-Encoding") == "gzip"}]
    foreign, seen = [], {path}
    loaded = []
    for tag in LINK_REL_RE.findall(html):
        rel = re.search(r"\brel\s*=\s*[\"']([^\"']+)", tag, re.I)
        href = re.search(r"\bhref\s*=\s*[\"']([^\"']+)", tag, re.I)
        if href and rel and any(r in rel.group(1).lower() for r in
                                ("stylesheet", "icon", "preload", "modulepreload", "manifest",
                                 "prefetch", "preconnect", "dns-prefetch")):
            loaded.append(href.group(1))
    for match in RESOURCE_RE.finditer(html):
        if match.group(0).lower().startswith("<link"):
            continue
        for url in match.group(1).split(","):
            loaded.append(url.strip().split(" ")[0])
    queue = list(dict.fromkeys(loaded))
    for _ in range(200):
        if not queue:
            break
        url = queue.pop(0)
        full = urljoin(origin + path, url)
        parts = urlsplit(full)
        if parts.scheme in ("data", "blob"):
            continue
        if f"{parts.scheme}://{parts.netloc}" != origin:
            foreign.append(url)
            continue
        rel_path = parts.path + (f"?{parts.query}" if parts.query else "")
        if rel_path in seen:
            continue
        seen.add(rel_path)
        st, h, b, _t, hl = http_get(server.port, rel_path, gz)
        ctype = h.get("Content-Type", "")
        kind = "css" if "css" in ctype else "js" if "javascript" in ctype else \
            "image" if "image" in ctype else "font" if "font" in ctype else "other"
        raw = gzip.decompress(b) if h.get("Content-Encoding") == "gzip" else b
        items.append({"url": rel_path, "type": kind, "status": st, "wire_bytes": len(b),
                      "header_bytes": hl, "raw_bytes": len(raw),
                      "gzip": h.get("Content-Encoding") == "gzip"})
        if kind == "css":
            for m in CSS_URL_RE.finditer(raw.decode("utf-8", "replace")):
                ref = m.group(1) or m.group(2)
                if ref and not ref.startswith("data:"):
                    queue.append(urljoin(full, ref).replace(origin, "", 1)
                                 if urljoin(full, ref).startswith(origin) else urljoin(full, ref))
    results_count = len(re.findall(r"href=\"/de/angebote/\d+/\"", html))
    core = [i for i in items if i["type"] in ("html", "css", "js")]
    return {
        "path": path, "items": items, "foreign_resources": sorted(set(foreign)),
        "offer_links_on_page": results_count,
        "html_css_js_wire_bytes": sum(i["wire_bytes"] for i in core),
        "html_css_js_wire_bytes_with_headers": sum(i["wire_bytes"] + i["header_bytes"] for i in core),
        "all_wire_bytes": sum(i["wire_bytes"] for i in items),
    }


# --- one database ------------------------------------------------------------------------------


def bench_database(db, args, csv_path, wrk, machine):
    log(f"== {db}: {args.offers} offers ==")
    logfile = VAR / f"bench-{db}.log"
    logfile.write_text("")
    result = {"db": db, "offers": args.offers, "date": datetime.datetime.now().astimezone().isoformat(
        timespec="seconds"), "machine": machine, "duration_s": args.duration,
        "loadgen": machine.get("wrk") if wrk else "bench/loadgen.py (Python fallback)",
        "workers": WORKERS, "scenarios": [], "errors": []}
    if args.reuse_db:
        env = base_env()
        if db == "sqlite":
            env["SQLITE_PATH"] = str(VAR / f"bench-{args.offers}.sqlite3")
        else:
            env["DATABASE_URL"] = PG_URL
        result["import"] = {"reused": True}
    else:
        env, dbinfo = prepare_database(db, args.offers)
        result["database"] = dbinfo
        rc, took, out = manage(env, "migrate", "--noinput", timeout=900, logfile=logfile)
        result["migrate_s"] = round(took, 2)
        if rc != 0:
            raise RuntimeError(f"migrate failed on {db}: {out[-3000:]}")
        log(f"migrate {took:.1f}s; importing {csv_path.name}")
        rc, took, out = manage(env, "import_offers", csv_path, timeout=args.import_timeout,
                               logfile=logfile)
        imp = {"rc": rc, "seconds": round(took, 2), "rows": args.offers,
               "rate": round(args.offers / took, 1), "output_tail": out[-1500:], "skip_invalid": False}
        if rc != 0:
            log(f"import failed (rc={rc}); retrying with --skip-invalid")
            imp["first_attempt"] = {"rc": rc, "seconds": round(took, 2), "output_tail": out[-3000:]}
            rc, took, out = manage(env, "import_offers", csv_path, "--skip-invalid",
                                   timeout=args.import_timeout, logfile=logfile)
            imp.update(rc=rc, seconds=round(took, 2), rate=round(args.offers / took, 1),
                       output_tail=out[-1500:], skip_invalid=True)
        own = re.search(r"(\d+) Zeilen in ([\d.]+) s", out)
        if own:
            imp["command_reported_s"] = float(own.group(2))
            imp["command_reported_rate"] = round(int(own.group(1)) / max(float(own.group(2)), 1e-6), 1)
        result["import"] = imp
        log(f"import rc={rc} {took:.1f}s = {imp['rate']:.0f} offers/s")
        if rc != 0:
            raise RuntimeError(f"import failed on {db}: {out[-3000:]}")
        if db == "postgres":
            result["postgres_settings"] = {
                "autovacuum": pg_scalar(PG_URL, "SHOW autovacuum"),
                "analyzed_tables_after_import": pg_scalar(
                    PG_URL, "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                    "OR last_autoanalyze IS NOT NULL"),
            }
            if result["postgres_settings"]["autovacuum"] == "off" and not args.no_analyze:
                # A district's PostgreSQL runs autovacuum, which analyses freshly loaded tables
                # within a minute; this server has it off (CI settings), so do what it would do.
                started = time.perf_counter()
                pg_admin_db("ANALYZE")
                took_analyze = round(time.perf_counter() - started, 2)
                result["postgres_settings"]["bench_ran_analyze_s"] = took_analyze
                log(f"autovacuum is off here: ran ANALYZE ({took_analyze} s)")
    rc, _t, out = manage(env, "shell", "-c", "from offers.models import Offer; "
                         "print(Offer.objects.published().count())", timeout=300, logfile=logfile)
    result.setdefault("import", {})["published"] = int(out.strip().split()[-1]) if rc == 0 else None
    try:
        result["db_size_bytes"] = database_size(db, env)
    except Exception as exc:  # noqa: BLE001
        result["errors"].append(f"db size: {exc}")
    log(f"published offers: {result['import'].get('published')}")

    server = Server(env, args.port, VAR / f"server-{db}.log")
    try:
        server.start()
        log(f"server up on {args.port}, workers {server.workers()}")
        kinds = [k for k in scenarios.KINDS if k in args.kinds]
        # Cold passes: fresh workers (SIGHUP) before each, then URLs nobody asked for before.
        for kind in kinds:
            for surface in args.surfaces:
                if kind == "browse_all":
                    r = cold_browse_all(server, surface, args.cold_samples)
                    result["scenarios"].append({"kind": kind, "surface": surface,
                                                "temperature": "cold", "connections": 1, **r})
                    log(f"cold {kind:13} {surface:4} c=1 {fmt_lat(r)}")
                    continue
                pool = scenarios.paths(kind, surface, "cold")
                for conns in CONNECTIONS:
                    server.restart_workers()
                    r = run_load(server, wrk, pool, "once", conns, args.duration,
                                 f"{db}-{kind}-{surface}-cold-{conns}")
                    r["method"] = "fresh workers; every URL distinct and requested once"
                    result["scenarios"].append({"kind": kind, "surface": surface,
                                                "temperature": "cold", "connections": conns, **r})
                    log(f"cold {kind:13} {surface:4} c={conns} {fmt_lat(r)}")
        # Warm passes: the ~20 URLs of a kind, requested until every worker has each cached.
        server.restart_workers()
        result["sanity"] = sanity(server, kinds, args.surfaces)
        bad = {p: c for p, c in result["sanity"].items() if c["status"] not in (200, None)}
        if bad:
            result["errors"].append(f"non-200 answers: {bad}")
            log(f"WARNING non-200 answers: {list(bad.items())[:5]}")
        for kind in kinds:
            for surface in args.surfaces:
                pool = scenarios.paths(kind, surface, "warm")
                deadline = time.monotonic() + args.prewarm_budget
                for _ in range(3):  # both workers see every URL at least once (almost surely)
                    for path in pool:
                        if time.monotonic() < deadline:
                            http_get(server.port, path, {"Accept-Encoding": "gzip"}, timeout=120)
                for conns in CONNECTIONS:
                    r = run_load(server, wrk, pool, "cycle", conns, args.duration,
                                 f"{db}-{kind}-{surface}-warm-{conns}")
                    r["method"] = "rotate over the warm list; cache filled beforehand"
                    result["scenarios"].append({"kind": kind, "surface": surface,
                                                "temperature": "warm", "connections": conns, **r})
                    log(f"warm {kind:13} {surface:4} c={conns} {fmt_lat(r)}")
        result["memory_kb"] = server.memory()
        result["page_weight"] = page_weight(server, "/de/angebote/")
        pw = result["page_weight"]
        log(f"page weight {pw['html_css_js_wire_bytes']} B (HTML+CSS+JS gzip), "
            f"foreign: {pw['foreign_resources']}")
        if args.profile:
            result["profile"] = profile(server, result)
    except Exception as exc:
        result["errors"].append(f"{type(exc).__name__}: {exc}")
        log(f"ERROR {db}: {exc}")
        raise
    finally:
        server.stop()
        OUT.mkdir(parents=True, exist_ok=True)
        out_path = OUT / f"results-{db}.json"
        out_path.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        log(f"wrote {out_path}")
    return result


def profile(server, result, seconds=15):
    """py-spy on both workers while the slowest cold and the slowest warm scenario (1 connection,
    by p95) run again: where does the time go?"""
    spy = shutil.which("py-spy")
    if not spy:
        return {"skipped": "py-spy not installed (pip install py-spy)"}
    out = {}
    for temp in ("cold", "warm"):
        cand = [s for s in result["scenarios"] if s["temperature"] == temp and s["connections"] == 1
                and not (temp == "cold" and s["kind"] == "browse_all")]
        if not cand:
            continue
        worst = max(cand, key=lambda s: s["latency_ms"]["p95"])
        pool = scenarios.paths(worst["kind"], worst["surface"], temp)
        if temp == "cold":
            server.restart_workers()
        else:
            for _ in range(3):
                for path in pool:
                    http_get(server.port, path, {"Accept-Encoding": "gzip"}, timeout=120)
        files, procs = [], []
        for pid in server.workers():
            path = OUT / f"pyspy-{result['db']}-{temp}-{worst['kind']}-{worst['surface']}-{pid}.txt"
            path.unlink(missing_ok=True)
            files.append(path)
            procs.append(subprocess.Popen(
                [spy, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "250",
                 "--format", "raw", "--output", str(path), "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        r = run_load(server, wrk_path, pool, "once" if temp == "cold" else "cycle", 1, seconds - 3,
                     f"profile-{result['db']}-{temp}")
        for p in procs:
            try:
                p.wait(timeout=seconds + 30)
            except subprocess.TimeoutExpired:
                p.kill()
        files = [f for f in files if f.exists()]
        out[temp] = {"kind": worst["kind"], "surface": worst["surface"],
                     "p95_under_profiler_ms": r["latency_ms"]["p95"], "requests": r["requests"],
                     "files": [str(f) for f in files], "summary": report.summarise_pyspy(files)}
        log(f"profiled {temp} {worst['kind']} {worst['surface']}: {len(files)} files")
    return out


wrk_path = None


def main(argv=None):
    global wrk_path
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--offers", type=int, default=None, help="number of offers (default 100000)")
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--duration", type=float, default=None, help="seconds per pass (default 10)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 2,000 offers, 3 s passes")
    ap.add_argument("--port", type=int, default=8061)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--kinds", default=",".join(scenarios.KINDS))
    ap.add_argument("--surfaces", default="html,api")
    ap.add_argument("--cold-samples", type=int, default=None,
                    help="restarts for the cold browse-all measurement (default 10)")
    ap.add_argument("--import-timeout", type=int, default=3600)
    ap.add_argument("--prewarm-budget", type=float, default=60.0,
                    help="seconds per kind and surface to fill the cache before a warm pass")
    ap.add_argument("--quiet-budget", type=float, default=None,
                    help="seconds in total to wait for other load to go away (default 300, quick 30)")
    ap.add_argument("--quiet-threshold", type=float, default=0.3,
                    help="cores other processes may use before a pass starts")
    ap.add_argument("--no-analyze", action="store_true",
                    help="PostgreSQL: do not ANALYZE after the import even when autovacuum is off")
    ap.add_argument("--reuse-snapshot", action="store_true",
                    help="measure the snapshot already in var/bench/code (same code as the last run)")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the working tree itself, not a copy in var/bench/code")
    ap.add_argument("--reuse-db", action="store_true", help="skip generate/migrate/import")
    ap.add_argument("--profile", action="store_true", help="py-spy the slowest cold scenario")
    ap.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from bench/out")
    ap.add_argument("--no-report", action="store_true", help="do not rewrite bench/RESULTS.md")
    args = ap.parse_args(argv)
    args.offers = args.offers or (2000 if args.quick else 100_000)
    args.duration = args.duration or (3.0 if args.quick else 10.0)
    args.cold_samples = args.cold_samples or (3 if args.quick else 10)
    QUIET["budget"] = args.quiet_budget if args.quiet_budget is not None else (30.0 if args.quick else 300.0)
    QUIET["threshold"] = args.quiet_threshold
    args.kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    args.surfaces = [s.strip() for s in args.surfaces.split(",") if s.strip()]
    if args.port == 8000:
        ap.error("port 8000 is reserved for `make run`")
    if args.report_only:
        report.write_results_md(OUT, BENCH / "RESULTS.md")
        return 0
    if not PY.exists():
        ap.error(f"{PY} missing: run `make bench` (it installs the venv first)")
    VAR.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    global RUN_ROOT
    code = None
    if args.reuse_snapshot and (VAR / "code" / "snapshot.json").exists():
        code = json.loads((VAR / "code" / "snapshot.json").read_text())
        RUN_ROOT = Path(code["path"])
        log(f"reusing the snapshot in {RUN_ROOT} (fingerprint {code['fingerprint']})")
    elif not args.no_snapshot:
        code = snapshot_code()
        (Path(code["path"]) / "snapshot.json").write_text(json.dumps(code))
        RUN_ROOT = Path(code["path"])
        log(f"measuring a snapshot of the tree in {RUN_ROOT} (commit {code.get('commit')}, "
            f"{code.get('uncommitted_files')} changed files, fingerprint {code['fingerprint']})")
    wrk_path = find_wrk()
    log(f"load generator: {wrk_path or 'bench/loadgen.py (Python fallback; wrk unavailable)'}")
    machine = machine_info()
    machine["code"] = code or {"path": str(ROOT), "snapshot": False}
    csv_path = VAR / f"offers-{args.offers}-{args.seed}-v{generate.GENERATOR_VERSION}.csv"
    if not args.reuse_db:
        if csv_path.exists():
            log(f"reusing {csv_path}")
        else:
            started = time.perf_counter()
            generate.write_csv(csv_path, args.offers, args.seed)
            log(f"generated {csv_path} in {time.perf_counter() - started:.1f}s")
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    failed = []
    for db in dbs:
        try:
            bench_database(db, args, csv_path, wrk_path, machine)
        except Exception as exc:  # noqa: BLE001 - go on with the other database
            failed.append(f"{db}: {exc}")
            log(f"{db} failed: {exc}")
    if not args.no_report:
        report.write_results_md(OUT, BENCH / "RESULTS.md")
        log(f"wrote {BENCH / 'RESULTS.md'}")
    if failed:
        log("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
