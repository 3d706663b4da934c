"""The KI editors' list of reports: open first, filters, resolve and reopen, paging."""

import datetime

import pytest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from offers.models import Offer
from reports.models import Report
from reports.views import REPORTS_PER_PAGE

LIST_URL = "/de/redaktion/meldungen/"


@pytest.fixture
def make_report(make_offer):
    def make(offer=None, minutes_ago=0, **fields):
        fields.setdefault("message", "Die Zeiten stimmen nicht.")
        return Report.objects.create(
            offer=offer or make_offer(), address_hash="0" * 64,
            created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago), **fields)

    return make


@pytest.fixture
def login_url(settings):
    return resolve_url(settings.LOGIN_URL)


def test_the_list_answers_at_its_german_path(db):
    assert reverse("reports:staff_list") == LIST_URL


@pytest.mark.parametrize("method, url_name, needs_pk", [
    ("get", "reports:staff_list", False),
    ("post", "reports:resolve", True),
    ("post", "reports:reopen", True),
])
def test_anonymous_visitors_are_sent_to_the_login(client, make_report, login_url, method, url_name,
                                                  needs_pk):
    report = make_report()
    url = reverse(url_name, args=[report.pk] if needs_pk else [])
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url.startswith(login_url + "?next=")
    assert Report.objects.get().status == Report.Status.OPEN


@pytest.mark.parametrize("method, url_name, needs_pk", [
    ("get", "reports:staff_list", False),
    ("post", "reports:resolve", True),
    ("post", "reports:reopen", True),
])
def test_providers_are_refused(client, provider, provider_org, make_offer, make_report, method,
                               url_name, needs_pk):
    report = make_report(offer=make_offer(organisation=provider_org))
    client.force_login(provider)
    url = reverse(url_name, args=[report.pk] if needs_pk else [])
    assert getattr(client, method)(url).status_code == 403
    assert Report.objects.get().status == Report.Status.OPEN


def test_the_list_shows_each_report_with_everything_needed(client, editor, make_offer,
                                                           make_organisation, make_report):
    offer = make_offer(title="Sprachcafé am Markt",
                       organisation=make_organisation("Stadtteilbüro Nord"))
    make_report(offer=offer, category="contact", email="leser@example.org",
                message="Die Nummer ist veraltet.\nBitte die neue eintragen.")
    client.force_login(editor)
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{offer.get_absolute_url()}">Sprachcafé am Markt</a>' in html
    assert "Stadtteilbüro Nord" in html
    assert "Kontakt (Telefon, E-Mail, Ansprechperson)" in html
    assert "Die Nummer ist veraltet.<br>Bitte die neue eintragen." in html
    assert 'href="mailto:leser@example.org"' in html
    assert "1 offene Meldung" in html


def test_open_reports_come_first_newest_first(client, editor, make_offer, make_report):
    make_report(offer=make_offer(title="Alt und offen"), minutes_ago=90)
    make_report(offer=make_offer(title="Neu und offen"), minutes_ago=10)
    make_report(offer=make_offer(title="Neu und erledigt"), minutes_ago=1,
                status=Report.Status.RESOLVED, resolved_at=timezone.now())
    client.force_login(editor)
    html = client.get(LIST_URL + "?status=alle").content.decode()
    positions = [html.index(title) for title in ("Neu und offen", "Alt und offen", "Neu und erledigt")]
    assert positions == sorted(positions)


@pytest.mark.parametrize("status_filter, shown, hidden", [
    ("", "Offene Meldung", "Erledigte Meldung"),
    ("offen", "Offene Meldung", "Erledigte Meldung"),
    ("erledigt", "Erledigte Meldung", "Offene Meldung"),
    ("unbekannt", "Offene Meldung", "Erledigte Meldung"),
])
def test_the_status_filter(client, editor, make_report, status_filter, shown, hidden):
    make_report(message="Offene Meldung")
    make_report(message="Erledigte Meldung", status=Report.Status.RESOLVED,
                resolved_at=timezone.now())
    client.force_login(editor)
    html = client.get(LIST_URL, {"status": status_filter} if status_filter else {}).content.decode()
    assert shown in html and hidden not in html


def test_all_shows_both(client, editor, make_report):
    make_report(message="Offene Meldung")
    make_report(message="Erledigte Meldung", status=Report.Status.RESOLVED)
    client.force_login(editor)
    html = client.get(LIST_URL, {"status": "alle"}).content.decode()
    assert "Offene Meldung" in html and "Erledigte Meldung" in html


def test_an_editor_resolves_a_report_with_a_note(client, editor, make_offer, make_report):
    report = make_report(offer=make_offer(title="Sprachcafé"))
    client.force_login(editor)
    prefix = f"report-{report.pk}"
    list_html = client.get(LIST_URL).content.decode()
    assert f'action="{reverse("reports:resolve", args=[report.pk])}"' in list_html
    assert f'<label for="id_{prefix}-staff_note">' in list_html
    response = client.post(reverse("reports:resolve", args=[report.pk]),
                           {f"{prefix}-staff_note": "Telefonnummer korrigiert.",
                            "next": LIST_URL + "?status=alle"})
    assert response.status_code == 302 and response.url == LIST_URL + "?status=alle"
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert report.resolved_by == editor and report.resolved_at is not None
    assert report.staff_note == "Telefonnummer korrigiert."
    html = client.get(response.url).content.decode()
    assert "Die Meldung zu „Sprachcafé“ ist als erledigt markiert." in html
    assert "Telefonnummer korrigiert." in html
    assert f"von {editor.email}" in html
    assert "Wieder öffnen" in html


def test_resolving_without_a_note_works_too(client, editor, make_report):
    report = make_report()
    client.force_login(editor)
    response = client.post(reverse("reports:resolve", args=[report.pk]))
    assert response.status_code == 302 and response.url == LIST_URL
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED and report.staff_note == ""


def test_the_way_back_never_leaves_the_list(client, editor, make_report):
    report = make_report()
    client.force_login(editor)
    for target in ("https://boese.example/", "/de/angebote/", "//boese.example/de/redaktion/"):
        response = client.post(reverse("reports:resolve", args=[report.pk]), {"next": target})
        assert response.url == LIST_URL


def test_an_editor_reopens_a_report(client, editor, make_report):
    report = make_report(status=Report.Status.RESOLVED, resolved_at=timezone.now(),
                         resolved_by=editor, staff_note="Schon erledigt?")
    client.force_login(editor)
    response = client.post(reverse("reports:reopen", args=[report.pk]),
                           {"next": LIST_URL + "?status=offen"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN
    assert report.resolved_by is None and report.resolved_at is None
    assert report.staff_note == "Schon erledigt?"
    assert "Schon erledigt?" in client.get(LIST_URL).content.decode()


def test_resolve_and_reopen_only_take_post(client, editor, make_report):
    report = make_report()
    client.force_login(editor)
    assert client.get(reverse("reports:resolve", args=[report.pk])).status_code == 405
    assert client.get(reverse("reports:reopen", args=[report.pk])).status_code == 405


def test_an_unknown_report_is_not_found(client, editor, db):
    client.force_login(editor)
    assert client.post(reverse("reports:resolve", args=[999999])).status_code == 404


def test_reports_on_offers_that_are_no_longer_public_are_listed_without_a_link(
        client, editor, make_offer, make_report):
    offer = make_offer(title="Archivierter Kurs", status=Offer.Status.ARCHIVED)
    make_report(offer=offer)
    client.force_login(editor)
    html = client.get(LIST_URL).content.decode()
    assert "Archivierter Kurs" in html and f'href="{offer.get_absolute_url()}"' not in html
    assert "archiviert" in html


def test_the_list_is_paged_and_keeps_the_filter(client, editor, make_offer, make_report):
    offer = make_offer()
    for n in range(REPORTS_PER_PAGE + 1):
        make_report(offer=offer, message=f"Meldung Nummer {n:03d}", minutes_ago=n)
    client.force_login(editor)
    first = client.get(LIST_URL, {"status": "alle"}).content.decode()
    assert "Meldung Nummer 000" in first and f"Meldung Nummer {REPORTS_PER_PAGE:03d}" not in first
    assert 'href="?status=alle&amp;page=2"' in first
    second = client.get(LIST_URL, {"status": "alle", "page": 2}).content.decode()
    assert f"Meldung Nummer {REPORTS_PER_PAGE:03d}" in second and "Meldung Nummer 000" not in second


def test_html_in_a_report_is_shown_as_text(client, editor, make_report):
    make_report(message='<script>alert("x")</script><img src=x onerror=alert(1)>',
                email="a@example.org", staff_note="<b>Notiz</b>", status=Report.Status.RESOLVED)
    client.force_login(editor)
    html = client.get(LIST_URL, {"status": "alle"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Notiz</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Notiz&lt;/b&gt;" in html


def test_the_editor_navigation_links_to_the_list(client, editor, db):
    client.force_login(editor)
    html = client.get(LIST_URL).content.decode()
    assert f'href="{LIST_URL}" aria-current="page">Meldungen</a>' in html
