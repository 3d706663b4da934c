"""A corpus of XSS and injection payloads (xss_payloads.txt) in every text field comes out
escaped in every output: HTML pages, Atom, iCalendar, the JSON APIs, the open data and the
staff exports (formulas neutralised), and the e-mails.

The payloads go in through the database (every sink at once), the offer, organisation and
contact forms and the translations, the import and the report form. The HTML check parses
each page: no element or attribute from a payload may exist (no on* attribute, no script
other than our own static files, no javascript: link, no <iframe>/<base>/<meta refresh>…).
"""

import codecs
import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from offers.models import OfferTranslation, Place

PAYLOADS = [
    codecs.decode(line, "unicode_escape") if "\\" in line else line
    for line in (Path(__file__).with_name("xss_payloads.txt").read_text(encoding="utf-8").splitlines())
    if line and not line.startswith("#")
]
# NUL cannot be stored (PostgreSQL refuses it): the forms and the import must refuse it instead.
STORABLE = [p for p in PAYLOADS if "\x00" not in p]
FORMULA_STARTS = ("=", "+", "-", "@")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "xss-probe", "math", "mglyph", "frame"}
SINKS_TRIED = []  # (sink, payload count): the figures of the closing note


class _MarkupCheck(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.styles = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        where = f"<{tag} {attrs}>"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"event handler {where}")
            if name in URL_ATTRIBUTES and value.startswith(("javascript:", "vbscript:", "data:text")):
                self.problems.append(f"script URL {where}")
            if name == "src" and value == "x":
                self.problems.append(f"injected image {where}")
        attributes = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"injected element {where}")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append(f"meta refresh {where}")
        if tag == "style":
            self.styles += 1
        if tag == "script":
            if not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append(f"inline script {where}")
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"script text {data[:60]!r}")


def assert_no_injected_markup(html, where, own_styles=0):
    """own_styles: <style> elements of our own template (the e-mails have one; pages none)."""
    check = _MarkupCheck()
    check.feed(html)
    check.close()
    assert check.problems == [], where
    assert check.styles <= own_styles, (where, "style element")


def count(sink, n):
    SINKS_TRIED.append((sink, n))


@pytest.fixture(autouse=True)
def _german_after_each_test():
    """A request to /ar/… leaves Arabic active in this thread; reverse() must give /de/ again."""
    yield
    translation.deactivate()


@pytest.fixture
def corpus(make_organisation, make_contact, make_offer):
    """One organisation, contact and offer per storable payload, every text field set to it
    (German and English), with a place and a start date (so it is in the calendar)."""
    from taxonomy.models import City

    marl = City.objects.get(slug="marl")
    offers = []
    for i, payload in enumerate(STORABLE):
        organisation = make_organisation(f"{payload} {i}", description=payload)
        contact = make_contact(organisation=organisation, name=payload)
        offer = make_offer(title=payload, summary=payload[:500], description=f"{payload}\n\n{payload}",
                           cost=payload, organisation=organisation, contacts=[contact],
                           start_date=datetime.date(2026, 12, 1), target_groups=("frauen",))
        Place.objects.create(offer=offer, name=payload, street=payload, postcode="45768", city=marl)
        OfferTranslation.objects.create(offer=offer, language="en", title=payload, summary=payload,
                                        description=payload)
        offers.append(offer)
    return offers


def _html_pages(corpus, provider_client):
    first = corpus[0]
    ids = ".".join(str(o.pk) for o in corpus[:50])
    yield "results", reverse("offers:search")
    yield "results (en)", "/en/angebote/"
    yield "embed", reverse("sharing:embed")
    yield "merkliste", reverse("sharing:list") + f"?merk={ids}"
    yield "providers", reverse("providers:list")
    yield "contacts", reverse("providers:contacts")
    for offer in corpus:
        yield "offer", reverse("offers:detail", args=[offer.pk])
        yield "offer (en)", f"/en/angebote/{offer.pk}/"
        yield "embed offer", reverse("sharing:embed_offer", args=[offer.pk])
        yield "provider", reverse("providers:detail", args=[offer.organisation.slug])
    del first


def test_stored_payloads_are_escaped_in_every_public_page(client, corpus):
    seen = {}
    for sink, url in _html_pages(corpus, None):
        response = client.get(url)
        assert response.status_code == 200, (sink, url)
        assert_no_injected_markup(response.content.decode(), (sink, url))
        seen[sink] = seen.get(sink, 0) + 1
    for sink in seen:
        count(sink, len(STORABLE))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_query_is_echoed_escaped(client, db, payload):
    for path in (reverse("offers:search"), reverse("sharing:embed"), "/ar/angebote/"):
        response = client.get(path, {"q": payload})
        assert response.status_code == 200
        assert_no_injected_markup(response.content.decode(), (path, payload))


def _check_atom(client):
    import feedparser

    response = client.get(reverse("feeds:atom"))
    root = ET.fromstring(response.content)  # well-formed XML whatever the texts
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    titles = [entry.findtext("a:title", namespaces=namespace) for entry in root.findall("a:entry", namespace)]
    assert sorted(titles) == sorted(_xml_text(p).strip() for p in STORABLE)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    count("atom", len(STORABLE))


def _xml_text(text):
    """What XML can carry: C0 control characters other than tab and line breaks are dropped,
    and XML parsers read every line break as a line feed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20)


def _check_calendar(client):
    import icalendar

    response = client.get(reverse("feeds:calendar"))
    body = response.content.decode()
    unfolded = body.replace("\r\n ", "").split("\r\n")
    names = {line.split(":", 1)[0].split(";", 1)[0] for line in unfolded if line}
    assert names <= {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                     "UID", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION",
                     "LOCATION", "URL", "GEO", "SEQUENCE", "STATUS", "TRANSP", "RRULE", "CLASS",
                     "CATEGORIES", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
                     "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "X-LIC-LOCATION", "EXDATE",
                     "ORGANIZER", "CONTACT", "COLOR", "SOURCE", "CREATED"}, names
    assert not any(line.startswith(("ATTACH", "DTSTART:1970")) for line in unfolded)
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == len(STORABLE)
    for payload in STORABLE:
        assert any(s.endswith(_xml_text(payload).strip()) for s in summaries), payload
    count("ical", len(STORABLE))


def _all_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)
    elif isinstance(value, str):
        yield value


JSON_URLS = ["/api/v1/offers?page_size=100", "/api/hsds/services?per_page=100", "/daten/offers.json"]


def _check_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    strings = set(_all_strings(json.loads(_body(response))))
    missing = [p for p in STORABLE if p.strip() not in strings and p not in strings]
    assert missing == [], url
    count(f"json {url.split('?')[0]}", len(STORABLE))


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv_cells(content, delimiter=","):
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter)
            for cell in row]


def _assert_neutralised(cells, where):
    dangerous = [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert dangerous == [], where


def _check_open_data_csv(client):
    for name in ("offers.csv", "organisations.csv", "contacts.csv", "places.csv"):
        response = client.get(f"/daten/{name}")
        if response.status_code == 404:
            continue
        cells = _csv_cells(_body(response))
        _assert_neutralised(cells, name)
        if name == "offers.csv":
            assert "'=HYPERLINK(\"https://evil.example\",\"Klick\")" in cells
        count(f"open data {name}", len(STORABLE))


def _check_staff_export(client, editor, fmt):
    import openpyxl

    client.force_login(editor)
    response = client.get(reverse("opendata:search_export"), {"format": fmt})
    assert response.status_code == 200
    content = _body(response)
    if fmt == "csv":
        cells = _csv_cells(content, delimiter=";")
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
        assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    _assert_neutralised(cells, fmt)
    assert "'@SUM(1+1)" in cells
    count(f"staff export {fmt}", len(STORABLE))


def test_machine_readable_outputs_keep_each_text_and_inject_nothing(client, editor, corpus):
    """Atom parses and keeps each text; the calendar gains no property; the JSON outputs
    round-trip; the open data and the staff exports neutralise formulas."""
    _check_atom(client)
    _check_calendar(client)
    for url in JSON_URLS:
        _check_json(client, url)
    _check_open_data_csv(client)
    for fmt in ("csv", "xlsx"):
        _check_staff_export(client, editor, fmt)


# --- the checker itself ---------------------------------------------------------------------------

MARKUP_PAYLOADS = [p for p in PAYLOADS if "alert" in p and ("<" in p or '"' in p or "'" in p)]


@pytest.mark.parametrize("payload", MARKUP_PAYLOADS)
def test_the_check_finds_each_markup_payload_when_not_escaped(payload):
    """The checks above would notice: each markup payload, inserted raw into text or into an
    attribute, is found."""
    raw = (f'<div>{payload}</div><input value="{payload}"><input value=\'{payload}\'>'
           f'<a href="{payload}">x</a>')
    check = _MarkupCheck()
    check.feed(raw)
    check.close()
    assert check.problems or check.styles, payload


# --- in through the forms, the translations, the import and the report form ------------------------

def _chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def _html_mails(mailoutbox):
    for message in mailoutbox:
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                yield message.subject, content


def test_offer_form_and_translations_then_review_history_and_mails(
        client, provider, editor, mailoutbox, django_capture_on_commit_callbacks):
    from changes import services
    from changes.models import ChangeRequest
    from dashboard.tests.conftest import form_data
    from offers.models import Offer

    fields = ("title", "summary", "description", "cost", "translation-en-title",
              "translation-en-description")
    create = reverse("dashboard:offer_create")
    stored = []
    for chunk in _chunks(STORABLE, len(fields)):
        client.force_login(provider)
        values = dict(zip(fields, chunk, strict=False))
        values.setdefault("translation-en-title", values["title"])
        data = {**form_data(client.get(create)), **values}
        with django_capture_on_commit_callbacks(execute=True):  # the mails go out after commit
            response = client.post(create, data)
        assert response.status_code == 302, (chunk, response.content.decode()[:3000])
        offer = Offer.objects.latest("pk")
        assert offer.title == values["title"].replace("\r\n", "\n").strip()
        change = ChangeRequest.objects.get(offer=offer)
        client.force_login(editor)
        page = client.get(reverse("changes:review", args=[change.pk]))
        assert page.status_code == 200
        assert_no_injected_markup(page.content.decode(), ("review", chunk))
        with django_capture_on_commit_callbacks(execute=True):
            services.approve(change, user=editor)
        stored.append((offer, chunk))
    count("offer form → review diff", len(STORABLE))
    for offer, chunk in stored:
        for url in (reverse("offers:detail", args=[offer.pk]), f"/en/angebote/{offer.pk}/",
                    reverse("changes:history", kwargs={"kind": "offer", "pk": offer.pk}),
                    reverse("dashboard:offer_edit", args=[offer.pk]), reverse("dashboard:home")):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_no_injected_markup(response.content.decode(), (url, chunk))
    for sink in ("offer page", "offer page (en)", "history", "offer form", "dashboard"):
        count(f"offer form → {sink}", len(STORABLE))
    mails = list(_html_mails(mailoutbox))
    assert mails
    for subject, html in mails:
        assert_no_injected_markup(html, subject, own_styles=1)
    count("offer form → e-mails", len(STORABLE))


def test_a_nul_character_in_the_offer_form_is_a_form_error(client, provider):
    from dashboard.tests.conftest import form_data
    from offers.models import Offer

    client.force_login(provider)
    create = reverse("dashboard:offer_create")
    data = {**form_data(client.get(create)), "title": "Kurs\x00<script>alert(1)</script>"}
    response = client.post(create, data)
    assert response.status_code in (200, 400)
    assert not Offer.objects.exists()
    assert_no_injected_markup(response.content.decode(), "form shown again")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
                                 "vbscript:msgbox(1)"])
def test_a_website_field_refuses_script_urls(client, provider, url):
    from dashboard.tests.conftest import form_data
    from offers.models import Offer

    client.force_login(provider)
    create = reverse("dashboard:offer_create")
    response = client.post(create, {**form_data(client.get(create)), "title": "Kurs", "website": url})
    assert response.status_code in (200, 400)
    assert 'id="id_website_error"' in response.content.decode() or "errorlist" in response.content.decode()
    assert not Offer.objects.exists()


def test_contact_form_payloads_are_escaped(client, provider, provider_org):
    from providers.models import Contact

    client.force_login(provider)
    create = reverse("dashboard:contact_create", kwargs={"slug": provider_org.slug})
    from dashboard.tests.conftest import form_data

    for payload in STORABLE:
        data = {**form_data(client.get(create), field="name"), "name": payload}
        response = client.post(create, data)
        assert response.status_code in (200, 302), payload
    assert Contact.objects.filter(organisation=provider_org).count() >= len(STORABLE) - 1
    for url in (reverse("dashboard:contacts", kwargs={"slug": provider_org.slug}),
                reverse("dashboard:organisation_edit", kwargs={"slug": provider_org.slug})):
        response = client.get(url)
        assert response.status_code == 200
        assert_no_injected_markup(response.content.decode(), url)
    count("contact form → contact pages", len(STORABLE))


def test_the_import_keeps_each_text_and_every_output_escapes_it(client, editor, make_organisation):
    from exchange.importer import run_import
    from offers.models import Offer

    make_organisation("Verein Import")
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["external_id", "title", "description", "cost", "organisation", "city"])
    for i, payload in enumerate(PAYLOADS):
        writer.writerow([f"x-{i}", payload, payload, payload, "Verein Import", "marl"])
    result = run_import(io.BytesIO(stream.getvalue().encode()), "angebote.csv")
    assert result.ok, result.messages() if callable(getattr(result, "messages", None)) else result
    titles = set(Offer.objects.values_list("title", flat=True))
    for payload in PAYLOADS:
        assert payload.replace("\x00", "").strip() in titles or payload.strip()[:30] in str(titles), payload
    for url in [reverse("offers:search")] + [reverse("offers:detail", args=[pk])
                                             for pk in Offer.objects.values_list("pk", flat=True)]:
        response = client.get(url)
        assert_no_injected_markup(response.content.decode(), url)
    count("import → offer pages", len(PAYLOADS))


def test_report_form_payloads_are_escaped_in_mails_and_the_staff_list(
        client, editor, make_offer, settings, mailoutbox):
    from config.formguard import issue_token
    from reports.models import Report

    settings.REPORTS_PER_ADDRESS_PER_HOUR = 1000
    offer = make_offer(title="Sprachcafé")
    for chunk in _chunks(PAYLOADS, 8):
        response = client.post(reverse("reports:create", args=[offer.pk]),
                                {"message": "\n".join(chunk), "form_token": issue_token()})
        assert response.status_code in (200, 400)
        assert_no_injected_markup(response.content.decode(), chunk)
    assert Report.objects.count() >= 3  # a chunk with NUL is refused as a form error
    for subject, html in _html_mails(mailoutbox):
        assert_no_injected_markup(html, subject, own_styles=1)
    client.force_login(editor)
    response = client.get(reverse("reports:staff_list"))
    assert_no_injected_markup(response.content.decode(), "reports")
    count("report form → e-mails, staff list", len(PAYLOADS))


def test_the_review_diff_of_an_edit_escapes_old_and_new_text(client, provider, provider_org, editor,
                                                             make_offer):
    """changes_tags.word_diff marks changed words with <del>/<ins> (mark_safe): every piece
    of the old and new text must be escaped."""
    from changes.models import ChangeRequest
    from dashboard.tests.conftest import form_data

    offer = make_offer(title="Sprachcafé", organisation=provider_org,
                       description="\n".join(STORABLE[:16]))
    client.force_login(provider)
    edit = reverse("dashboard:offer_edit", args=[offer.pk])
    data = {**form_data(client.get(edit)), "title": STORABLE[1],
            "description": "\n".join(STORABLE[16:] + STORABLE[:4])}
    assert client.post(edit, data).status_code == 302
    change = ChangeRequest.objects.pending().get(offer=offer)
    client.force_login(editor)
    page = client.get(reverse("changes:review", args=[change.pk])).content.decode()
    assert "<ins>" in page and "<del>" in page
    assert_no_injected_markup(page, "review diff")
    count("offer edit → review word diff", len(STORABLE))
