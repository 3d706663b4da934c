"""The browser suite: a real headless Chromium (Debian's, driven by Playwright) against the app
served as in production (gunicorn, DEBUG=0, whitenoise's compressed static files, gzip).

One server and one browser per session. The server is a subprocess on a scratch database
loaded with the demo data (`load_demo`): a scratch SQLite file, or - when the suite runs on
PostgreSQL (DATABASE_URL) - a scratch PostgreSQL database <TEST_DATABASE_NAME>_browser that is
dropped afterwards. Static files are collected into a scratch folder (browser/server_settings.py).

Without a browser the suite is skipped locally and fails under CI=true.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = ROOT / "var" / "test-artifacts" / "screenshots"
PROVIDER = ("anbieter@example.org", "demo-anbieter")
EDITOR = ("redaktion@example.org", "demo-redaktion")
SECRET = "browser-suite-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
# two animation frames: the page is laid out again after the window changed its size
SETTLE_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser suite under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_admin(url, sql):
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def server_env(tmp_path_factory):
    """Environment of the server and its manage.py commands, on a fresh scratch database."""
    scratch = tmp_path_factory.mktemp("browser")
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE="browser.server_settings", BROWSER_STATIC_ROOT=str(scratch / "static"),
               DEBUG="0", SECRET_KEY=SECRET, SECURE_SSL_REDIRECT="0", ACCESS_LOG="off",
               SITE_URL="http://127.0.0.1", PYTHONDONTWRITEBYTECODE="1")
    pg_url = os.environ.get("DATABASE_URL", "")
    dbname = None
    if pg_url.startswith(("postgres://", "postgresql://")):
        dbname = os.environ.get("TEST_DATABASE_NAME", "test_integrationsangebote") + "_browser"
        _pg_admin(pg_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        _pg_admin(pg_url, f'CREATE DATABASE "{dbname}"')
        parts = urlsplit(pg_url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + dbname))
    else:
        env["SQLITE_PATH"] = str(scratch / "db.sqlite3")
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        done = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"manage.py {command[0]} failed:\n{done.stderr[-2000:]}"
    env["_SCRATCH"] = str(scratch)
    yield env
    if dbname:
        _pg_admin(pg_url, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture(scope="session")
def base_url(server_env):
    """http://127.0.0.1:<port> of a gunicorn serving the app with DEBUG=0."""
    port = _free_port()
    log = open(Path(server_env["_SCRATCH"]) / "server.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "2"],
        cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/de/impressum/", timeout=2).close()  # noqa: S310
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.close()
                pytest.fail("the server did not start: "
                            + (Path(server_env["_SCRATCH"]) / "server.log").read_text()[-2000:])
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Python Playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (no cookies, no cache) per test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    yield context
    context.close()


def login(browser, base_url, username, password):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(f"{base_url}/de/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_load_state()
    assert "/konto/anmelden/" not in page.url, f"login as {username} failed: {page.url}"
    return context, page


@pytest.fixture(scope="session")
def provider_page(browser, base_url):
    context, page = login(browser, base_url, *PROVIDER)
    yield page
    context.close()


@pytest.fixture(scope="session")
def editor_page(browser, base_url):
    context, page = login(browser, base_url, *EDITOR)
    yield page
    context.close()


@pytest.fixture(scope="session")
def visitor_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def demo_paths(browser, base_url):
    """Paths that depend on the demo data: an offer with a phone or e-mail contact, a provider,
    a Merkliste with three offers."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/de/angebote/?city=marl&topic=sprache")
    offers = page.locator("main a[href*='/angebote/']").evaluate_all(
        "els => [...new Set(els.map(e => e.getAttribute('href'))"
        "                      .filter(h => /\\/angebote\\/\\d+\\/$/.test(h)))]")
    assert len(offers) >= 3, offers
    offer = None
    for href in offers:
        page.goto(base_url + href)
        if page.locator("main a[href^='tel:'], main a[href^='mailto:']").count():
            offer = href
            break
    assert offer, "no offer with a tel:/mailto: contact among the Marl language offers"
    page.goto(f"{base_url}/de/anbieter/")
    provider = page.locator("main a[href^='/de/anbieter/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href')).filter(h => h !== '/de/anbieter/')")[0]
    context.close()
    ids = ".".join(href.strip("/").split("/")[-1] for href in offers[:3])
    return {"offer": offer.removeprefix("/de"), "provider": provider.removeprefix("/de"),
            "merk": f"/merkliste/?merk={ids}"}
