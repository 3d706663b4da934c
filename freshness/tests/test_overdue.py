"""The KI's overdue list: editors only, oldest first, filters, paging, confirming on behalf."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from freshness import views
from freshness.models import Confirmation
from offers.models import Offer

D = datetime.date
URL = "/de/redaktion/ueberfaellig/"


@pytest.fixture
def overdue_offers(stale_offer, make_offer, make_organisation):
    """Three due offers (one hidden from the search) and a fresh one."""
    other = make_organisation(name="Sportverein Herten", email="sport@example.org")
    hidden = make_offer("Schwimmtreff", organisation=other, last_verified=D(2025, 9, 1))
    due = make_offer("Lauftreff", organisation=other, last_verified=D(2026, 5, 1))
    make_offer("Frisch", organisation=other, last_verified=D(2026, 10, 1))
    make_offer("Entwurf", organisation=other, last_verified=D(2025, 1, 1), status=Offer.Status.DRAFT)
    return {"stale": stale_offer, "hidden": hidden, "due": due, "other": other}


def test_the_url_is_named(db):
    assert reverse("freshness:overdue") == URL


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=/de/redaktion/ueberfaellig/" in response["Location"]


def test_providers_are_refused(client, provider):
    client.force_login(provider)
    assert client.get(URL).status_code == 403


def test_editors_see_due_offers_oldest_first_with_reminders_and_visibility(
        client, editor, overdue_offers):
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    order = [html.index(title) for title in ("Schwimmtreff", "Sprachcafé Marl", "Lauftreff")]
    assert order == sorted(order)
    assert "Frisch" not in html and "Entwurf" not in html
    assert "3 überfällige Angebote" in html
    assert "Sportverein Herten" in html and "Nachbarschaftshilfe Marl" in html
    assert html.count("1. Erinnerung: 25.11.2026") == 3
    assert html.count("ausgeblendet</span>") == 1
    assert html.count("sichtbar</span>") == 2


def test_filter_by_organisation_and_hidden_only(client, editor, overdue_offers):
    client.force_login(editor)
    html = client.get(URL, {"organisation": overdue_offers["other"].pk}).content.decode()
    assert "Schwimmtreff" in html and "Lauftreff" in html and "Sprachcafé Marl" not in html
    html = client.get(URL, {"hidden_only": "on"}).content.decode()
    assert "Schwimmtreff" in html and "Lauftreff" not in html and "Sprachcafé Marl" not in html
    assert 'name="hidden_only" id="id_hidden_only" checked' in html  # the filter stays set


def test_an_unknown_organisation_is_an_error_next_to_the_field(client, editor, overdue_offers):
    client.force_login(editor)
    html = client.get(URL, {"organisation": "999999"}).content.decode()
    assert 'class="form-errors" role="alert"' in html
    assert 'class="errorlist" id="id_organisation_error"' in html


def test_the_list_is_paged(client, editor, make_offer, monkeypatch):
    monkeypatch.setattr(views, "OVERDUE_PER_PAGE", 2)
    for n in range(5):
        make_offer(f"Altes Angebot {n}", last_verified=D(2026, 1, 1 + n))
    client.force_login(editor)
    first = client.get(URL, {"hidden_only": ""}).content.decode()
    assert "Altes Angebot 0" in first and "Altes Angebot 2" not in first
    assert 'href="?page=2"' in first
    third = client.get(URL, {"page": 3}).content.decode()
    assert "Altes Angebot 4" in third and "Altes Angebot 0" not in third


def test_an_editor_confirms_on_behalf(client, editor, overdue_offers):
    client.force_login(editor)
    hidden = overdue_offers["hidden"]
    url = reverse("freshness:confirm_on_behalf", args=[hidden.pk])
    response = client.post(url, {"next": URL + "?hidden_only=on"})
    assert response.status_code == 302 and response["Location"] == URL + "?hidden_only=on"
    hidden.refresh_from_db()
    assert hidden.last_verified == D(2026, 11, 25)
    confirmation = Confirmation.objects.get()
    assert (confirmation.user, confirmation.via, confirmation.offer) == (editor, "staff", hidden)
    page = client.get(response["Location"]).content.decode()
    assert "„Schwimmtreff“ ist als aktuell bestätigt" in page
    assert "Schwimmtreff</a>" not in page


def test_confirming_on_behalf_needs_post_an_editor_and_a_safe_target(
        client, editor, provider, overdue_offers):
    url = reverse("freshness:confirm_on_behalf", args=[overdue_offers["due"].pk])
    assert client.post(url).status_code == 302  # to the login
    client.force_login(provider)
    assert client.post(url).status_code == 403
    client.force_login(editor)
    assert client.get(url).status_code == 405
    response = client.post(url, {"next": "https://evil.example.com/"})
    assert response["Location"] == URL
    assert Confirmation.objects.count() == 1
    draft = Offer.objects.get(title="Entwurf")
    assert client.post(reverse("freshness:confirm_on_behalf", args=[draft.pk])).status_code == 404
