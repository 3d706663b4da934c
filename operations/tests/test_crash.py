"""Crash: the production server (master and workers) is killed with SIGKILL in the middle of a
burst of edits. Afterwards the database passes its integrity check and every acknowledged
edit (a 302 after saving a contact person in "Mein Bereich") is there, with its revision.
On PostgreSQL only gunicorn is killed; amcheck verifies the app's B-tree indexes."""

import http.client
import json
import sqlite3
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from operations import prodserver

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"
PORT = 8303
CLIENTS = 4
EDITOR = ("redaktion@example.org", "demo-redaktion")


class FormFields(HTMLParser):
    """The values a browser would submit for the first form with the field `wanted`."""

    def __init__(self, wanted):
        super().__init__()
        self.wanted = wanted
        self.fields, self.done, self.in_form = {}, False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            self.in_form, self.fields = True, {}
        elif tag == "input" and self.in_form and attrs.get("name"):
            if attrs.get("type") == "checkbox" and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") == "checkbox" else ""
            self.fields[attrs["name"]] = attrs.get("value") or default

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
            self.done = self.wanted in self.fields


def form_fields(html, wanted="name"):
    parser = FormFields(wanted)
    parser.feed(html)
    return parser.fields


class Browser:
    """One keep-alive connection with a cookie jar (session and CSRF cookies)."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.cookies = {}

    def request(self, method, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        resp = self.conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        for value in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return resp.status, text

    def login(self, email, password):
        path = "/de/konto/anmelden/"
        _, page = self.request("GET", path)
        fields = form_fields(page, "username")
        status, _ = self.request("POST", path, {**fields, "username": email, "password": password})
        assert status == 302, "login failed"


def edit_burst(port, contact_pk, tag, acked, stop):
    """Rename one contact again and again; record each edit the server acknowledged."""
    try:
        browser = Browser(port)
        browser.login(*EDITOR)
        path = f"/de/mein-bereich/ansprechpersonen/{contact_pk}/"
        n = 0
        while not stop.is_set():
            n += 1
            status, page = browser.request("GET", path)
            assert status == 200
            fields = form_fields(page)
            fields["name"] = f"Crash {tag} #{n}"
            status, _ = browser.request("POST", path, fields)
            if status == 302:
                acked.append(n)
    except (OSError, http.client.HTTPException, AssertionError, AttributeError):
        pass  # the server is gone: the burst ends here


def db_state(site, contact_pks):
    """{pk: current name} and {pk: [names in its revisions' snapshots]} read by a new process."""
    code = (
        "import json; from providers.models import Contact; from changes.models import Revision; "
        "from django.contrib.contenttypes.models import ContentType; "
        f"pks = {list(contact_pks)!r}; ct = ContentType.objects.get_for_model(Contact); "
        "names = dict(Contact.objects.filter(pk__in=pks).values_list('pk', 'name')); "
        "revs = {}\n"
        "for oid, snap in Revision.objects.filter(content_type=ct, object_id__in=pks)"
        ".values_list('object_id', 'snapshot'):\n"
        "    revs.setdefault(oid, []).append((snap or {}).get('name'))\n"
        "print(json.dumps({'names': names, 'revisions': revs}))"
    )
    state = json.loads(site.shell(code))
    return ({int(k): v for k, v in state["names"].items()},
            {int(k): v for k, v in state["revisions"].items()})


def integrity(site):
    if site.vendor == "sqlite":
        with sqlite3.connect(site.env["SQLITE_PATH"]) as db:
            check = db.execute("PRAGMA integrity_check").fetchall()
            foreign = db.execute("PRAGMA foreign_key_check").fetchall()
        return {"integrity_check": [row[0] for row in check], "foreign_key_check": foreign}
    import psycopg

    with psycopg.connect(site.env["DATABASE_URL"].replace("postgres://", "postgresql://", 1),
                         autocommit=True) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        indexes = [row[0] for row in db.execute(
            "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public'")]
        for index in indexes:
            db.execute("SELECT bt_index_check(%s::regclass, true)", [index])
    return {"integrity_check": ["ok"], "btree_indexes_checked": len(indexes), "foreign_key_check": []}


def test_sigkill_mid_burst_loses_no_acknowledged_edit_and_leaves_a_sound_database(prod_site):
    contact_pks = json.loads(prod_site.shell(
        "import json; from providers.models import Contact; "
        f"print(json.dumps(list(Contact.objects.order_by('pk').values_list('pk', flat=True)[:{CLIENTS}])))"))
    server = prodserver.Server(prod_site, PORT).start()
    acked = {pk: [] for pk in contact_pks}
    stop = threading.Event()
    threads = [threading.Thread(target=edit_burst, args=(PORT, pk, f"c{pk}", acked[pk], stop))
               for pk in contact_pks]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while sum(map(len, acked.values())) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()  # SIGKILL to master and workers while the clients keep posting
    killed_after = sum(map(len, acked.values()))
    stop.set()
    for t in threads:
        t.join(15)

    report = integrity(prod_site)
    assert report["integrity_check"] == ["ok"] and report["foreign_key_check"] == [], report
    names, revisions = db_state(prod_site, contact_pks)
    present = sum(f"Crash c{pk} #{n}" in revisions.get(pk, []) for pk, nums in acked.items() for n in nums)
    for pk, numbers in acked.items():
        assert numbers, f"no acknowledged edit for contact {pk}"
        # Edits of one contact are sequential: the stored name is the last acknowledged one
        # or a later edit that committed just before the kill (its answer never arrived).
        stored = int(names[pk].rsplit("#", 1)[1]) if names[pk].startswith(f"Crash c{pk} #") else -1
        assert stored >= numbers[-1], (pk, names[pk], numbers[-1])
        missing = [n for n in numbers if f"Crash c{pk} #{n}" not in revisions.get(pk, [])]
        assert not missing, f"acknowledged edits without their revision: {missing}"

    server = prodserver.Server(prod_site, PORT).start()  # and it serves again
    try:
        assert prodserver.get(PORT, "/de/angebote/?q=Deutschkurs")[0] == 200
    finally:
        server.stop()

    acknowledged = sum(map(len, acked.values()))
    result = {"vendor": prod_site.vendor, "clients": CLIENTS, "acknowledged": acknowledged,
              "acknowledged_at_kill": killed_after, "present": present,
              "attempted_after_last_ack": sum(int(names[pk].rsplit("#", 1)[1]) - acked[pk][-1]
                                              for pk in contact_pks),
              **report}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"crash-{prod_site.vendor}.json").write_text(json.dumps(result, indent=2))
