"""The production server (gunicorn, DEBUG off, whitenoise) on a scratch database of its own,
for the load and crash tests and `make bench-load`: a SQLite file under a temporary directory
or a scratch PostgreSQL database (g3_…) next to the one DATABASE_URL names.

Gunicorn for 2 cores: 2 gthread workers × 8 threads, backlog 2048. Connections beyond the 16
threads wait in the workers' queues (keep-alive connections are polled, not pinned to a
thread), so 200 concurrent clients are served, slower, never refused."""

import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
GUNICORN = REPO / ".venv" / "bin" / "gunicorn"
WORKERS, THREADS, BACKLOG = 2, 8, 2048


def postgres_url():
    """The DATABASE_URL of this run when it is PostgreSQL, else None (SQLite)."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _admin_connect(url):
    import psycopg

    parts = urlsplit(url.replace("postgres://", "postgresql://", 1))
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


class ProdSite:
    """A prepared site: scratch database migrated with the demo data, static files collected."""

    def __init__(self, workdir, name):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.pg_url = postgres_url()
        self.name = name
        (self.workdir / "g3_prod_settings.py").write_text(
            "from config.settings import *  # noqa: F403\n"
            "import os\nfrom pathlib import Path\n"
            "STATIC_ROOT = Path(os.environ['G3_STATIC_ROOT'])\n")
        self.env = {
            k: v for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "PYTEST", "TEST_DATABASE")) and k != "DATABASE_URL"
        }
        self.env.update({
            "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "g3_prod_settings",
            "PYTHONPATH": f"{self.workdir}:{REPO}", "G3_STATIC_ROOT": str(self.workdir / "static"),
            "OPEN_DATA_DIR": str(self.workdir / "opendata"), "LOG_LEVEL": "ERROR",
        })
        if self.pg_url:
            parts = urlsplit(self.pg_url)
            self.env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
        else:
            self.env["SQLITE_PATH"] = str(self.workdir / f"{name}.sqlite3")

    @property
    def vendor(self):
        return "postgresql" if self.pg_url else "sqlite"

    def manage(self, *args, check=True):
        return subprocess.run([str(PYTHON), "manage.py", *args], cwd=REPO, env=self.env,
                              capture_output=True, text=True, check=check, timeout=300)

    def shell(self, code):
        """Run Python with Django set up in the site's environment; returns its last line."""
        return self.manage("shell", "-c", code).stdout.strip().splitlines()[-1]

    def prepare(self):
        if self.pg_url:
            with _admin_connect(self.pg_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{self.name}"')
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput")
        return self

    def drop(self):
        if self.pg_url:
            with _admin_connect(self.pg_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def published_offer_paths(self):
        pks = json.loads(self.shell(
            "import json; from offers.models import Offer; "
            "print(json.dumps(list(Offer.objects.published().values_list('pk', flat=True))))"))
        return [f"/de/angebote/{pk}/" for pk in pks]


class Server:
    """gunicorn in a process group of its own (so SIGKILL reaches master and workers)."""

    def __init__(self, site, port):
        self.site, self.port = site, port
        self.proc = None
        self.log = site.workdir / f"gunicorn-{port}.log"

    def start(self, wait=30):
        cmd = [str(GUNICORN), "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
               "--workers", str(WORKERS), "--worker-class", "gthread", "--threads", str(THREADS),
               "--backlog", str(BACKLOG), "--timeout", "60", "--graceful-timeout", "5"]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=REPO, env=self.site.env, stdout=log, stderr=log,
                                         start_new_session=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log.read_text()[-2000:]}")
            try:
                if get(self.port, "/de/")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer in time")

    def kill(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


def get(port, path, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def load(port, paths, connections=200, duration=30.0, timeout=30.0):
    """`connections` clients, each with one keep-alive connection, request `paths` round-robin
    for `duration` seconds. Every failure is counted by kind; nothing is retried."""
    lock = threading.Lock()
    latencies, statuses = [], {}
    errors = {"connect": 0, "timeout": 0, "read": 0}
    counter = [0]
    start_barrier = threading.Barrier(connections + 1)
    deadline = [0.0]
    headers = {"Accept-Encoding": "gzip", "Accept": "text/html"}

    def client():
        conn = None
        start_barrier.wait()
        while time.monotonic() < deadline[0]:
            with lock:
                path = paths[counter[0] % len(paths)]
                counter[0] += 1
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                    conn.connect()
            except OSError:
                with lock:
                    errors["connect"] += 1
                conn = None
                continue
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    statuses[resp.status] = statuses.get(resp.status, 0) + 1
                if resp.will_close:
                    conn.close()
                    conn = None
            except TimeoutError:
                with lock:
                    errors["timeout"] += 1
                conn.close()
                conn = None
            except (OSError, http.client.HTTPException):
                with lock:
                    errors["read"] += 1
                conn.close()
                conn = None
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + duration
    began = time.monotonic()
    start_barrier.wait()
    for t in threads:
        t.join(duration + timeout + 10)
    took = time.monotonic() - began
    lat = sorted(latencies)
    return {
        "connections": connections, "duration_s": round(took, 2), "requests": len(lat),
        "req_per_s": round(len(lat) / took, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "status_5xx": sum(v for k, v in statuses.items() if k >= 500),
        "non_2xx": sum(v for k, v in statuses.items() if not 200 <= k < 300),
        "errors": errors,
        "latency_ms": {name: round(percentile(lat, p), 1)
                       for name, p in (("p50", 50), ("p95", 95), ("p99", 99), ("max", 100))},
    }


def search_paths():
    """A mix of search pages: text queries, filters, both, other languages, later pages."""
    queries = ["q=Deutschkurs", "q=Beratung", "q=Frauen", "q=Kinder", "q=Kurs", "q=deutsc",
               "q=Sprachcafe", "q=Deutschkurz", "q=Job", "city=marl", "city=recklinghausen",
               "topic=sprache", "q=Beratung&city=recklinghausen", "q=Kurs&city=castrop-rauxel",
               "city=gladbeck&topic=sprache", "q=Frauen&page=2", "", "page=3"]
    paths = [f"/de/angebote/?{q}" for q in queries]
    paths += [f"/{lang}/angebote/?q=Deutschkurs" for lang in ("en", "ar", "fa", "tr", "uk", "ru")]
    return paths


def mixed_paths(site):
    """Search pages and offer pages interleaved (about half each)."""
    searches, offers = search_paths(), site.published_offer_paths()
    mixed = []
    for i, offer in enumerate(offers):
        mixed += [offer, searches[i % len(searches)]]
    return mixed


if __name__ == "__main__":
    sys.exit("use bench/load_prod.py")
