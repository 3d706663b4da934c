"""The provider self-service, walked through in a real headless browser (Chromium via Playwright).

    .venv/bin/python scripts/journey_provider.py --base http://127.0.0.1:8110 \
        --log /tmp/journey-server.log --out var/screens/journey

Needs a running server with fresh demo data (`load_demo`), the console e-mail backend writing
into --log (the invitation link is read from there) and SITE_URL pointing at --base. The
journey invites --email, so run it once per fresh database (or pass another --email).

1. the editor logs in and invites a person to "Internationaler Frauentreff Marl e. V.";
2. the person (no cookies) opens the link from the e-mail, sets a password → "Mein Bereich";
3. they change a published offer (summary + a weekly time via "Weitere Zeile hinzufügen") and
   submit it: it waits for review, the public page still shows the old text;
4. the editor opens the queue and the review page with the diff and approves with a comment;
5. the public page shows the new text, the dashboard "veröffentlicht", the decision e-mail is out;
6. a visitor sends "Fehler melden" and "Als Anbieter mitmachen" – and holds no cookie.

Every step is asserted (JourneyError with a message); screenshots at 360 px and 1280 px width
go to --out as NN-step-WIDTH.png.
"""

import argparse
import email
import re
import sys
import time
from email import policy
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (360, 1280)
EDITOR = ("redaktion@example.org", "demo-redaktion")
ORGANISATION = "Internationaler Frauentreff Marl e. V."
NEW_PASSWORD = "Frauentreff-Marl-2026!"
NEW_TIME = {"weekday": "Samstag", "opens_at": "10:00", "closes_at": "12:30",
            "note": "Neu: Samstagsgruppe"}
# two animation frames: the page is laid out again after the window changed its size
SETTLE_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
MAIL_RE = re.compile(r"^Content-Type: multipart/alternative;.*?^-{79}$", re.S | re.M)


class JourneyError(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise JourneyError(message)


class Mails:
    """The e-mails the console backend wrote into the server log."""

    def __init__(self, path):
        self.path = Path(path)
        check(self.path.exists(), f"server log {self.path} not found")

    def mark(self):
        return self.path.stat().st_size

    def since(self, offset):
        with self.path.open("rb") as handle:
            handle.seek(offset)
            text = handle.read().decode("utf-8", "replace")
        found = []
        for chunk in MAIL_RE.findall(text):
            message = email.message_from_string(chunk.rsplit("\n", 1)[0], policy=policy.default)
            body = message.get_body(preferencelist=("plain",))
            found.append({"to": str(message["to"] or ""),
                          "subject": " ".join(str(message["subject"] or "").split()),
                          "text": body.get_content() if body else ""})
        return found

    def wait_for(self, offset, what, matches, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            hits = [mail for mail in self.since(offset) if matches(mail)]
            if hits:
                return hits[-1]
            if time.monotonic() > deadline:
                raise JourneyError(f"no e-mail {what} in {self.path} after {timeout} s")
            time.sleep(0.3)


class Screens:
    def __init__(self, out):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.number = 0
        self.names = []

    def shoot(self, page, name):
        """Full-page screenshots at every width; the page is left at 1280 px."""
        self.number += 1
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate(SETTLE_JS)
            path = self.out / f"{self.number:02d}-{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            self.names.append(path.name)
        page.set_viewport_size({"width": WIDTHS[-1], "height": 900})


def new_page(browser):
    context = browser.new_context(viewport={"width": WIDTHS[-1], "height": 900}, locale="de-DE")
    return context, context.new_page()


def expect_ok(response, what):
    check(response is not None and response.ok,
          f"{what}: HTTP {response.status if response else 'no response'}")


def message_text(page):
    box = page.locator(".messages")
    return box.inner_text() if box.count() else ""


def login(page, base, username, password):
    expect_ok(page.goto(f"{base}/de/konto/anmelden/"), "login page")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_load_state()
    check("/konto/anmelden/" not in page.url, f"login as {username} failed: still on {page.url}")


def area_link(page, label):
    nav = page.get_by_role("navigation", name="Arbeitsbereich")
    check(nav.count() == 1, f"no area navigation on {page.url}")
    nav.get_by_role("link", name=label, exact=True).click()
    page.wait_for_load_state()


def public_summary(page, url):
    expect_ok(page.goto(url), f"public page {url}")
    lead = page.locator(".offer__head .lead")
    return lead.inner_text().strip() if lead.count() else ""


def run(args):
    base = args.base.rstrip("/")
    mails = Mails(args.log)
    screens = Screens(args.out)
    summary = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        # 1. the editor invites a person -------------------------------------------------------
        editor_ctx, editor = new_page(browser)
        expect_ok(editor.goto(f"{base}/de/konto/anmelden/"), "login page")
        screens.shoot(editor, "editor-login")
        login(editor, base, *EDITOR)
        area_link(editor, "Einladen")
        check(editor.url.endswith("/de/redaktion/einladen/"), f"'Einladen' led to {editor.url}")
        editor.locator("#id_email").fill(args.email)
        editor.locator("#id_name").fill("Nea Neumann")
        editor.locator("#id_organisation").select_option(label=ORGANISATION)
        screens.shoot(editor, "editor-invite-form")
        offset = mails.mark()
        editor.get_by_role("button", name="Einladung senden").click()
        editor.wait_for_load_state()
        open_invitations = editor.locator("table").filter(has_text=args.email)
        check(open_invitations.count() == 1,
              f"{args.email} is not among the open invitations after sending: {message_text(editor)!r}")
        screens.shoot(editor, "editor-invite-sent")
        invitation = mails.wait_for(offset, f"to {args.email}",
                                    lambda mail: args.email in mail["to"] and "Einladung" in mail["subject"])
        links = re.findall(r"https?://\S+/konto/einladung/\S+/", invitation["text"])
        check(links, f"no invitation link in the e-mail: {invitation['text'][:400]!r}")
        link = links[0]
        check(link.startswith(base), f"invitation link {link} does not start with {base} (SITE_URL?)")
        summary.append(f"1. editor invited {args.email} to {ORGANISATION}; e-mail “{invitation['subject']}”")

        # 2. the invited person accepts ----------------------------------------------------------
        provider_ctx, provider = new_page(browser)
        check(provider_ctx.cookies() == [], "a fresh context already holds cookies")
        expect_ok(provider.goto(link), "invitation link")
        check("Einladung annehmen" in provider.locator("h1").inner_text(),
              f"invitation page shows {provider.locator('h1').inner_text()!r}")
        check(ORGANISATION in provider.locator("main").inner_text(),
              "the invitation page does not name the organisation")
        provider.locator("#id_name").fill("Nea Neumann")
        provider.locator("#id_new_password1").fill(NEW_PASSWORD)
        provider.locator("#id_new_password2").fill(NEW_PASSWORD)
        screens.shoot(provider, "provider-accept-invitation")
        provider.get_by_role("button", name="Zugang anlegen").click()
        provider.wait_for_load_state()
        check(provider.url.endswith("/de/mein-bereich/"),
              f"after accepting: {provider.url}, not Mein Bereich")
        check(provider.locator("h1").inner_text().strip() == "Mein Bereich", "no 'Mein Bereich' heading")
        check(provider.get_by_role("heading", name=ORGANISATION).count() == 1,
              f"'Mein Bereich' does not list {ORGANISATION}")
        screens.shoot(provider, "provider-dashboard")
        again = provider.goto(link)
        check(again is not None and again.status == 410
              and provider.locator("form #id_new_password1").count() == 0,
              f"the invitation link works a second time (HTTP {again.status if again else '-'})")
        provider.goto(f"{base}/de/mein-bereich/")
        summary.append(f"2. {args.email} accepted the invitation and landed in Mein Bereich")

        # 3. the provider changes a published offer ------------------------------------------------
        row = None
        for candidate in provider.locator("table.dashboard-offers tbody tr").all():
            status = candidate.locator(".status").first.inner_text().strip()
            if status == "veröffentlicht" and candidate.locator(".dashboard-public-link").count():
                row = candidate
                break
        check(row is not None, "no published offer without pending change in Mein Bereich")
        title = row.locator("th a").first.inner_text().strip()
        public_url = base + row.locator(".dashboard-public-link").get_attribute("href")
        visitor_ctx, visitor = new_page(browser)
        old_summary = public_summary(visitor, public_url)
        new_summary = f"{old_summary.rstrip('.')} – jetzt auch samstags, neu überarbeitet."
        # ("bearbeiten" + a visually hidden ": title"; browsers put a space before the colon)
        row.get_by_role("link", name=re.compile(rf"^bearbeiten\s*:\s*{re.escape(title)}$")).click()
        provider.wait_for_load_state()
        check("/bearbeiten/" in provider.url, f"'bearbeiten' led to {provider.url}")
        provider.locator("#id_summary").fill(new_summary)
        rows_before = provider.locator("[id^='id_times-'][id$='-weekday']").count()
        provider.get_by_role("button", name="Weitere Zeile hinzufügen (Regelmäßige Zeiten)").click()
        provider.wait_for_load_state()
        weekdays = provider.locator("[id^='id_times-'][id$='-weekday']")
        check(weekdays.count() == rows_before + 1,
              f"'Weitere Zeile hinzufügen' gave {weekdays.count()} time rows, expected {rows_before + 1}")
        check(provider.locator("#id_summary").input_value() == new_summary,
              "the typed summary was lost when a row was added")
        last = weekdays.count() - 1
        provider.locator(f"#id_times-{last}-weekday").select_option(label=NEW_TIME["weekday"])
        provider.locator(f"#id_times-{last}-opens_at").fill(NEW_TIME["opens_at"])
        provider.locator(f"#id_times-{last}-closes_at").fill(NEW_TIME["closes_at"])
        provider.locator(f"#id_times-{last}-note").fill(NEW_TIME["note"])
        screens.shoot(provider, "provider-offer-edit")
        offset = mails.mark()
        provider.get_by_role("button", name="Zur Prüfung einreichen").click()
        provider.wait_for_load_state()
        notice = message_text(provider)
        check("wartet auf Prüfung" in notice, f"no 'wartet auf Prüfung' message after submitting: {notice!r}")
        check(provider.locator("tr", has_text=title).locator(".status").first.inner_text().strip()
              == "Änderung wartet auf Prüfung", "the dashboard does not show the change as pending")
        screens.shoot(provider, "provider-submitted")
        mails.wait_for(offset, "to the KI about the proposal", lambda mail: "Zu prüfen" in mail["subject"])
        check(public_summary(visitor, public_url) == old_summary,
              "the public page changed before the review")
        check(NEW_TIME["note"] not in visitor.locator("main").inner_text(),
              "the new weekly time is public before the review")
        screens.shoot(visitor, "public-offer-before-review")
        summary.append(f"3. provider submitted a change to “{title}” (summary + {NEW_TIME['weekday']} "
                       f"{NEW_TIME['opens_at']}–{NEW_TIME['closes_at']}); it waits, public page unchanged")

        # 4. the editor reviews and approves --------------------------------------------------------
        area_link(editor, "Zu prüfen")
        check(editor.url.endswith("/de/redaktion/"), f"'Zu prüfen' led to {editor.url}")
        queue_link = editor.locator("table").get_by_role("link", name=title, exact=True)
        check(queue_link.count() == 1, f"“{title}” is not (once) in the review queue")
        screens.shoot(editor, "editor-queue")
        queue_link.click()
        editor.wait_for_load_state()
        check("/redaktion/pruefen/" in editor.url, f"queue link led to {editor.url}")
        diff = editor.locator("table.diff").first
        check(diff.count() == 1, "the review page has no diff table")
        diff_text = diff.inner_text()
        # only the changed words are marked: the whole texts stand in their cells
        summary_row = diff.locator("tbody tr", has=editor.locator("th", has_text="Kurzbeschreibung"))
        new_cell, old_cell = summary_row.locator("td").nth(1), summary_row.locator("td").nth(0)
        check(new_summary in new_cell.inner_text() and new_cell.locator("ins").count() > 0,
              "the diff does not show the new summary with its inserted words marked")
        check(old_summary in old_cell.inner_text(), "the diff does not show the old summary")
        check(NEW_TIME["weekday"] in diff_text, "the diff does not show the new weekly time")
        fields = [label.strip() for label in diff.locator("tbody th[scope='row']").all_inner_texts()]
        check(fields == ["Kurzbeschreibung", "Regelmäßige Zeiten"],
              f"the diff lists {fields}, not just the two fields that were changed")
        editor.locator("#id_comment").fill("Danke, passt so – freigegeben.")
        screens.shoot(editor, "editor-review")
        offset = mails.mark()
        editor.get_by_role("button", name="Freigeben", exact=True).click()
        editor.wait_for_load_state()
        check("ist freigegeben" in message_text(editor),
              f"no confirmation after approving: {message_text(editor)!r}")
        check(editor.locator("table").get_by_role("link", name=title, exact=True).count() == 0,
              f"“{title}” is still in the queue after approving")
        screens.shoot(editor, "editor-approved")
        summary.append("4. editor saw the field-by-field diff and approved with a comment")

        # 5. public and dashboard show the new state, the decision e-mail is out -------------------
        check(public_summary(visitor, public_url) == new_summary,
              "the public page does not show the new summary")
        check(NEW_TIME["note"] in visitor.locator("main").inner_text(),
              "the public page does not show the new weekly time")
        screens.shoot(visitor, "public-offer-after-review")
        provider.goto(f"{base}/de/mein-bereich/")
        status = provider.locator("tr", has_text=title).locator(".status").first.inner_text().strip()
        check(status == "veröffentlicht", f"the dashboard shows “{title}” as {status!r}")
        screens.shoot(provider, "provider-dashboard-published")
        decision = mails.wait_for(offset, f"about the decision to {args.email}",
                                  lambda mail: args.email in mail["to"] and "Freigegeben" in mail["subject"])
        check("Danke, passt so" in decision["text"], "the decision e-mail does not carry the comment")
        summary.append("5. public page shows the new text; dashboard “veröffentlicht”; "
                       f"e-mail “{decision['subject']}”")

        # 6. visitors: Fehler melden and Als Anbieter mitmachen, without cookies --------------------
        report_ctx, reporter = new_page(browser)
        expect_ok(reporter.goto(public_url), "offer page")
        reporter.get_by_role("link", name="Fehler melden").click()
        reporter.wait_for_load_state()
        check("/fehler-melden/" in reporter.url, f"'Fehler melden' led to {reporter.url}")
        screens.shoot(reporter, "visitor-report-form")
        # only spaces: passes the browser's own "required" check, the server refuses it
        reporter.locator("#id_message").fill("   ")
        reporter.get_by_role("button", name="Meldung senden").click()
        reporter.wait_for_load_state()
        check(reporter.locator(".form-errors").count() == 1, "an empty report shows no error summary")
        screens.shoot(reporter, "visitor-report-errors")
        reporter.locator("#id_message").fill("Die Telefonnummer ist nicht mehr erreichbar.")
        reporter.get_by_role("button", name="Meldung senden").click()
        reporter.wait_for_load_state()
        check(reporter.locator("h1").inner_text().strip() == "Danke für Ihre Meldung",
              f"after reporting: {reporter.locator('h1').inner_text()!r}")
        screens.shoot(reporter, "visitor-report-thanks")
        cookies = report_ctx.cookies()
        check(cookies == [], f"the reporting visitor holds cookies: {[c['name'] for c in cookies]}")

        join_ctx, joiner = new_page(browser)
        expect_ok(joiner.goto(f"{base}/de/"), "start page")
        joiner.get_by_role("link", name="Als Anbieter mitmachen").first.click()
        joiner.wait_for_load_state()
        check(joiner.url.endswith("/de/mitmachen/"), f"'Als Anbieter mitmachen' led to {joiner.url}")
        joiner.locator("#id_organisation_name").fill("Kulturverein Sonnenblume Dorsten e. V.")
        joiner.locator("#id_city").select_option(label="Dorsten")
        joiner.locator("#id_contact_name").fill("Selin Yıldız")
        joiner.locator("#id_email").fill("selin@sonnenblume.example.org")
        joiner.locator("#id_message").fill("Wir bieten ein Sprachcafé und Hausaufgabenhilfe an.")
        joiner.locator("#id_consent").check()
        screens.shoot(joiner, "visitor-mitmachen-form")
        joiner.get_by_role("button", name="Anfrage senden").click()
        joiner.wait_for_load_state()
        check(joiner.locator("h1").inner_text().strip() == "Danke für Ihre Anfrage",
              f"the access request was not accepted: {joiner.locator('main').inner_text()[:300]!r}")
        screens.shoot(joiner, "visitor-mitmachen-thanks")
        cookies = join_ctx.cookies()
        check(cookies == [], f"the visitor holds cookies after 'mitmachen': {[c['name'] for c in cookies]}")
        check(visitor_ctx.cookies() == [], "the visitor reading offer pages holds cookies")
        summary.append("6. visitor sent 'Fehler melden' (thank-you page) and 'Als Anbieter mitmachen' "
                       "– no cookie in either browser")

        browser.close()

    print("Journey passed:")
    for line in summary:
        print("  " + line)
    print(f"{len(screens.names)} screenshots in {screens.out}/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8110")
    parser.add_argument("--log", default="/tmp/journey-server.log", help="the server log (console e-mails)")
    parser.add_argument("--out", default="var/screens/journey", help="directory for the screenshots")
    parser.add_argument("--email", default="neu.person@example.org", help="who is invited")
    args = parser.parse_args()
    try:
        run(args)
    except JourneyError as error:
        print(f"JOURNEY FAILED: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
