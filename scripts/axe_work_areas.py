"""axe-core (WCAG 2.0/2.1 A + AA) on every page of the work areas and the public forms, at
360 px and 1280 px width, in a real headless browser (Chromium via Playwright). Also checks
that no page is wider than the window and that every element reached with Tab shows a focus
outline.

    SQLITE_PATH=/tmp/journey.sqlite3 .venv/bin/python scripts/axe_work_areas.py \
        --base http://127.0.0.1:8110 --log /tmp/journey-server.log [--out var/screens/axe]

Needs a running server with the demo data, its console e-mails in --log (an invitation link is
read from there) and the same database as the server for `manage.py shell` (SQLITE_PATH or
DATABASE_URL in the environment): the signed "noch aktuell" link is made there. It invites one
address (axe.<time>@example.org), sends one "Fehler melden" and one "Als Anbieter mitmachen"
request and leaves everything else as it was. Those two forms take 5 an hour from one address,
so run it (with the journey) on a fresh database.

Prints the violations per page and width and exits with 1 if there are any (2 if a page could
not be reached as expected).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from journey_provider import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    EDITOR,
    ORGANISATION,
    SETTLE_JS,
    WIDTHS,
    JourneyError,
    Mails,
    check,
    login,
    new_page,
)

PROVIDER = ("anbieter@example.org", "demo-anbieter")
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
ROOT = Path(__file__).resolve().parent.parent
# The focused element and whether it shows a focus outline (at least 2 px, not "none").
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const path = [];
  for (let node = el; node && node !== document.body && path.length < 4; node = node.parentElement)
    path.unshift(node.tagName.toLowerCase() + (node.className && typeof node.className === 'string'
                 ? '.' + node.className.trim().split(/\\s+/).join('.') : ''));
  return {
    key: path.join(' > ') + '|' + (el.id || '') + '|' + (el.getAttribute('href') || el.name || ''),
    what: path.join(' > ') + ' "' + (el.innerText || el.value || el.id || '').trim().slice(0, 40) + '"',
    visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""
# How far the page is wider than the window (it must not be), and how far each table is wider
# than its .table-wrap (it then scrolls sideways inside it).
LAYOUT_JS = """() => ({
  page: document.documentElement.scrollWidth - window.innerWidth,
  tables: [...document.querySelectorAll('.table-wrap')].map(w => w.scrollWidth - w.clientWidth)
                                                      .filter(px => px > 0),
})"""

# Made in the server's database: a published offer hidden for want of confirmation (its public
# page shows "wird derzeit geprüft") and the path of a valid one-click link to confirm it.
SHELL_CODE = """
import json
from offers.models import Offer
from freshness import rules, services
offer = next(o for o in Offer.objects.published().select_related("organisation").order_by("pk")
             if rules.is_hidden(o) and not rules.is_ended(o))
email = offer.organisation.email or "info@example.org"
token = services.make_token(offer, email, rules.reference_date(offer))
print(json.dumps({"pk": offer.pk, "title": offer.title, "organisation": offer.organisation.name,
                  "confirm_path": services.site_path("freshness:confirm", args=[offer.pk, token])}))
"""


class Audit:
    def __init__(self, base, out):
        self.base = base
        self.axe = Axe()
        self.out = Path(out) if out else None
        if self.out:
            self.out.mkdir(parents=True, exist_ok=True)
        self.results = []  # (name, width, violations)
        self.focus = []  # (name, [focused elements without a visible outline])
        self.layout = []  # (name, width, {page: overflow px, tables: [overflow px of each table]})

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def go(self, page, path, status=200):
        response = page.goto(self.url(path))
        check(response is not None and response.status == status,
              f"{path}: HTTP {response.status if response else '-'}, expected {status}")

    def __call__(self, page, name):
        """axe at every width (and a full-page screenshot with --out); left at 1280 px."""
        number = len(self.results) // len(WIDTHS) + 1
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate(SETTLE_JS)
            result = self.axe.run(page, options=AXE_OPTIONS)
            self.results.append((name, width, result.response["violations"]))
            self.layout.append((name, width, page.evaluate(LAYOUT_JS)))
            if self.out:
                page.screenshot(path=str(self.out / f"{number:02d}-{slug(name)}-{width}.png"),
                                full_page=True)
        page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
        self.focus.append((name, self.tab_through(page)))

    @staticmethod
    def tab_through(page, limit=120):
        """Press Tab through the page (from the top); the focused elements that show no outline."""
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); scrollTo(0, 0); }")
        unseen, first = [], None
        for _ in range(limit):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_JS)
            if focused is None or focused["key"] == first:
                break
            first = first or focused["key"]
            if not focused["visible"]:
                unseen.append(focused["what"])
        return unseen

    def report(self):
        total = 0
        print(f"{'page':44} " + " ".join(f"{w:>5}px" for w in WIDTHS))
        names = list(dict.fromkeys(name for name, _w, _v in self.results))
        for name in names:
            counts = [sum(len(v["nodes"]) for n, w, vs in self.results if n == name and w == width
                          for v in vs) for width in WIDTHS]
            total += sum(counts)
            print(f"{name:44} " + " ".join(f"{c:>7}" for c in counts))
        for name, width, violations in self.results:
            for violation in violations:
                print(f"\n[{name} @ {width}px] {violation['id']} ({violation['impact']}): "
                      f"{violation['help']}")
                for node in violation["nodes"][:6]:
                    print(f"    {' '.join(node['target'])}: {node['html'][:160]}")
                if len(violation["nodes"]) > 6:
                    print(f"    … and {len(violation['nodes']) - 6} more")
        print(f"\n{len(names)} pages, {total} violating elements in all")
        wide = [(n, w, lay["page"]) for n, w, lay in self.layout if lay["page"] > 0]
        for name, width, px in wide:
            print(f"[{name} @ {width}px] the page is {px}px wider than the window")
        for name, width, lay in self.layout:
            if lay["tables"]:
                print(f"note: [{name} @ {width}px] tables scroll sideways in their box by {lay['tables']} px")
        unseen = [(name, what) for name, whats in self.focus for what in whats]
        for name, what in unseen:
            print(f"[{name}] no visible keyboard focus on {what}")
        print(f"keyboard: {sum(1 for _n, w in self.focus if not w)} of {len(self.focus)} pages show a focus "
              f"outline on every element reached with Tab")
        return total + len(wide) + len(unseen)


def slug(name):
    name = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def shell_facts():
    env = dict(os.environ)
    check(env.get("SQLITE_PATH") or env.get("DATABASE_URL"),
          "set SQLITE_PATH (or DATABASE_URL) to the server's database for manage.py shell")
    done = subprocess.run([sys.executable, "manage.py", "shell", "-v0", "-c", SHELL_CODE], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    check(done.returncode == 0, f"manage.py shell failed: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_href(scope, selector, what):
    """href of the first `selector` in a page or a locator."""
    link = scope.locator(selector).first
    check(link.count() == 1, f"no {what} on {getattr(scope, 'url', scope)}")
    return link.get_attribute("href")


def run(args):
    base = args.base.rstrip("/")
    audit = Audit(base, args.out)
    mails = Mails(args.log)
    facts = shell_facts()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        # --- public pages (a visitor without cookies) ---------------------------------------------
        visitor_ctx, visitor = new_page(browser)
        audit.go(visitor, "/de/konto/anmelden/")
        audit(visitor, "login")
        visitor.locator("#id_username").fill("niemand@example.org")
        visitor.locator("#id_password").fill("falsch")
        visitor.get_by_role("button", name="Anmelden", exact=True).click()
        visitor.wait_for_load_state()
        check(visitor.locator(".form-errors, .errorlist").count() > 0, "a wrong login shows no error")
        audit(visitor, "login (error)")
        audit.go(visitor, "/de/konto/passwort-vergessen/")
        audit(visitor, "password reset request")
        audit.go(visitor, "/de/mitmachen/")
        audit(visitor, "mitmachen")
        visitor.get_by_role("button", name="Anfrage senden").click()
        visitor.wait_for_load_state()
        check(visitor.locator(".form-errors").count() == 1, "an empty 'mitmachen' form shows no errors")
        audit(visitor, "mitmachen (errors)")
        visitor.locator("#id_organisation_name").fill("Axe-Testverein e. V.")
        visitor.locator("#id_city").select_option(index=1)
        visitor.locator("#id_contact_name").fill("Alex Axe")
        visitor.locator("#id_email").fill(f"axe.{int(time.time())}@example.org")
        visitor.locator("#id_consent").check()
        visitor.get_by_role("button", name="Anfrage senden").click()
        visitor.wait_for_load_state()
        check(visitor.locator("h1").inner_text().strip() == "Danke für Ihre Anfrage",
              "'mitmachen' not accepted (over 5 requests an hour from here? use a fresh database)")
        audit(visitor, "mitmachen (thanks)")

        offer_path = f"/de/angebote/{facts['pk']}/"
        audit.go(visitor, offer_path)
        check("wird derzeit geprüft" in visitor.locator("main").inner_text(),
              f"{offer_path} shows no 'wird derzeit geprüft' notice")
        audit(visitor, "offer page (wird geprüft)")
        audit.go(visitor, f"{offer_path}fehler-melden/")
        audit(visitor, "Fehler melden")
        visitor.locator("#id_message").fill("   ")
        visitor.get_by_role("button", name="Meldung senden").click()
        visitor.wait_for_load_state()
        check(visitor.locator(".form-errors").count() == 1, "an empty report shows no errors")
        audit(visitor, "Fehler melden (errors)")
        visitor.locator("#id_message").fill("Die Zeiten stimmen nicht mehr.")
        visitor.get_by_role("button", name="Meldung senden").click()
        visitor.wait_for_load_state()
        check(visitor.locator("h1").inner_text().strip() == "Danke für Ihre Meldung",
              f"report not accepted: {visitor.locator('h1').inner_text()!r}")
        audit(visitor, "Fehler melden (thanks)")
        audit.go(visitor, facts["confirm_path"])
        check(visitor.get_by_role("button").filter(has_text="aktuell").count() == 1,
              "the confirm link page shows no confirm button")
        audit(visitor, "confirm link (noch aktuell)")
        audit.go(visitor, f"{offer_path}noch-aktuell/kaputt/", status=400)
        audit(visitor, "confirm link (invalid)")
        check(visitor_ctx.cookies() == [], "the visitor holds cookies")

        # --- the editor invites someone: the invitation page ---------------------------------------
        editor_ctx, editor = new_page(browser)
        login(editor, base, *EDITOR)
        audit.go(editor, "/de/redaktion/einladen/")
        invited = f"axe.{int(time.time())}@example.org"
        editor.get_by_role("button", name="Einladung senden").click()
        editor.wait_for_load_state()
        audit(editor, "Einladen (errors)")
        editor.locator("#id_email").fill(invited)
        editor.locator("#id_organisation").select_option(label=ORGANISATION)
        offset = mails.mark()
        editor.get_by_role("button", name="Einladung senden").click()
        editor.wait_for_load_state()
        audit(editor, "Einladen")
        mail = mails.wait_for(offset, f"to {invited}", lambda m: invited in m["to"])
        link = re.findall(r"https?://\S+/konto/einladung/\S+/", mail["text"])
        check(link, "no invitation link in the e-mail")
        invitee_ctx, invitee = new_page(browser)
        audit.go(invitee, link[0])
        audit(invitee, "invitation accept")
        invitee.locator("#id_new_password1").fill("Erstes-Passwort-2026")
        invitee.locator("#id_new_password2").fill("Anderes-Passwort-2026")
        invitee.get_by_role("button", name="Zugang anlegen").click()
        invitee.wait_for_load_state()
        check(invitee.locator(".errorlist").count() > 0, "mismatched passwords show no error")
        audit(invitee, "invitation accept (errors)")

        # --- the provider area ------------------------------------------------------------------------
        provider_ctx, provider = new_page(browser)
        login(provider, base, *PROVIDER)
        audit.go(provider, "/de/mein-bereich/")
        audit(provider, "Mein Bereich")
        row = provider.locator("table.dashboard-offers tbody tr").filter(
            has=provider.locator(".status", has_text=re.compile(r"^veröffentlicht$"))).first
        edit_path = first_href(row, "th a", "published offer")
        archive_path = first_href(row, "a[href$='/archivieren/']", "archive link")
        organisation_path = first_href(provider, ".dashboard-org__links a[href*='/traeger/']", "Profil link")
        audit.go(provider, edit_path)
        audit(provider, "offer edit")
        provider.locator("#id_title").fill("")
        last = provider.locator("[id^='id_times-'][id$='-weekday']").count() - 1
        provider.locator(f"#id_times-{last}-weekday").select_option(index=1)
        provider.locator(f"#id_times-{last}-opens_at").fill("12:00")
        provider.locator(f"#id_times-{last}-closes_at").fill("11:00")
        provider.get_by_role("button", name="Zur Prüfung einreichen").click()
        provider.wait_for_load_state()
        check(provider.locator(".form-errors").count() == 1, "an offer without title shows no errors")
        audit(provider, "offer edit (errors)")
        audit.go(provider, "/de/mein-bereich/angebote/neu/")
        audit(provider, "new offer")
        audit.go(provider, organisation_path)
        audit(provider, "organisation form")
        audit.go(provider, organisation_path + "ansprechpersonen/")
        audit(provider, "contacts")
        contact_edit = provider.locator("a[href*='/mein-bereich/ansprechpersonen/']").first
        contact_path = contact_edit.get_attribute("href") if contact_edit.count() else None
        audit.go(provider, organisation_path + "ansprechpersonen/neu/")
        audit(provider, "contact form (new)")
        provider.get_by_role("button", name=re.compile("Speichern|Anlegen|speichern")).first.click()
        provider.wait_for_load_state()
        audit(provider, "contact form (errors)")
        if contact_path:
            audit.go(provider, contact_path)
            audit(provider, "contact form (edit)")
            audit.go(provider, contact_path + "loeschen/")
            audit(provider, "contact delete confirm")
        audit.go(provider, archive_path)
        audit(provider, "archive confirm")
        audit.go(provider, organisation_path + "bestaetigen/")
        audit(provider, "confirm all")
        audit.go(provider, "/de/konto/passwort-aendern/")
        audit(provider, "password change")

        # --- the editors' area ----------------------------------------------------------------------
        audit.go(editor, "/de/redaktion/")
        audit(editor, "queue")
        reviews = [editor.locator("table tbody th a").nth(i).get_attribute("href")
                   for i in range(editor.locator("table tbody th a").count())]
        check(reviews, "the review queue is empty")
        kinds = editor.locator("table tbody tr td:first-child").all_inner_texts()
        seen, histories = set(), []
        for href, kind in zip(reviews, kinds, strict=True):
            if kind not in seen:
                seen.add(kind)
                audit.go(editor, href)
                audit(editor, f"review ({kind.strip()})")
                histories.append(first_href(editor, "a[href*='/redaktion/verlauf/offer/']", "history link"))
        # the history of an offer with an earlier state to restore (a new offer has none)
        histories.append(re.sub(r"/mein-bereich/angebote/(\d+)/bearbeiten/", r"/redaktion/verlauf/offer/\1/",
                                edit_path))
        for history_path in histories:
            audit.go(editor, history_path)
            restore = editor.locator("a[href*='/wiederherstellen/']").first
            if restore.count():
                break
        audit(editor, "history")
        check(restore.count(), f"no 'Diesen Stand wiederherstellen' link on {histories}")
        audit.go(editor, restore.get_attribute("href"))
        audit(editor, "restore confirm")
        audit.go(editor, "/de/redaktion/traeger/")
        audit(editor, "Träger")
        audit.go(editor, "/de/redaktion/ueberfaellig/")
        audit(editor, "überfällig")
        audit.go(editor, "/de/redaktion/meldungen/")
        audit(editor, "Meldungen")
        audit.go(editor, "/de/redaktion/anfragen/")
        audit(editor, "Anfragen")
        audit.go(editor, first_href(editor, ".table a[href*='/redaktion/anfragen/']", "request link"))
        audit(editor, "Anfrage (detail)")
        audit.go(editor, edit_path)
        audit(editor, "offer edit (editor)")

        browser.close()
    return audit.report()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8110")
    parser.add_argument("--log", default="/tmp/journey-server.log", help="the server log (console e-mails)")
    parser.add_argument("--out", default="", help="also take full-page screenshots into this directory")
    args = parser.parse_args()
    try:
        total = run(args)
    except JourneyError as error:
        print(f"AXE RUN FAILED: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
