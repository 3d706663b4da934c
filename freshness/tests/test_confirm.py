"""Confirming an offer: the service, and the signed one-click link from a reminder."""

import datetime
import time

import pytest
from django.core import signing
from django.urls import reverse

from freshness import rules, services
from freshness.models import Confirmation
from offers.models import Offer
from search.engine import search_offers
from search.params import SearchParams

D = datetime.date


def test_confirm_sets_today_records_who_and_changes_nothing_else(stale_offer, provider):
    offer = Offer.objects.get(pk=stale_offer.pk)
    version, updated_at = offer.version, offer.updated_at
    confirmation = services.confirm(offer, user=provider, via="dashboard")
    offer.refresh_from_db()
    assert offer.last_verified == D(2026, 11, 25)
    assert (offer.version, offer.updated_at) == (version, updated_at)
    assert (confirmation.offer, confirmation.user, confirmation.via) == (offer, provider, "dashboard")
    assert confirmation.confirmed_by == provider.email


def test_confirm_many_confirms_each_offer_with_one_row(make_offer, editor, travel_to):
    offers = [make_offer(f"Kurs {n}", last_verified=D(2025, 1, 1)) for n in range(3)]
    assert search_offers(SearchParams(q="Kurs")).count == 0  # hidden for review
    services.confirm_many(Offer.objects.filter(pk__in=[o.pk for o in offers]), user=editor, via="staff")
    assert set(Offer.objects.values_list("last_verified", flat=True)) == {D(2026, 11, 25)}
    assert Confirmation.objects.filter(user=editor, via="staff").count() == 3
    assert search_offers(SearchParams(q="Kurs")).count == 3


def test_an_unknown_way_of_confirming_is_refused(stale_offer):
    with pytest.raises(ValueError):
        services.confirm(stale_offer, via="carrier-pigeon")
    assert not Confirmation.objects.exists()


@pytest.fixture
def link_url(stale_offer):
    """The link a reminder about the offer's current cycle carries."""
    return services.confirm_link(stale_offer, "info@nachbarn.example.org", D(2026, 3, 1))


def _path(url):
    return url.removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")


def test_get_shows_the_offer_and_one_button_and_does_not_confirm(client, link_url, stale_offer):
    response = client.get(_path(link_url))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Sprachcafé Marl", "Nachbarschaftshilfe Marl", "zuletzt geprüft", "1. März 2026",
                 "Ja, das Angebot ist noch aktuell", 'method="post"', "info@nachbarn.example.org"):
        assert text in html, text
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    stale_offer.refresh_from_db()
    assert stale_offer.last_verified == D(2026, 3, 1)
    assert not Confirmation.objects.exists()


def test_post_confirms_records_the_address_and_thanks(client, link_url, stale_offer):
    response = client.post(_path(link_url))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vielen Dank" in html and "zuletzt geprüft am 25. November 2026" in html
    assert f'href="{services.edit_path(stale_offer)}"' in html
    assert not response.cookies
    stale_offer.refresh_from_db()
    assert stale_offer.last_verified == D(2026, 11, 25)
    confirmation = Confirmation.objects.get()
    assert (confirmation.email, confirmation.via, confirmation.user) == (
        "info@nachbarn.example.org", "link", None)


def test_a_second_click_says_it_is_already_confirmed(client, link_url, stale_offer):
    client.post(_path(link_url))
    for response in (client.get(_path(link_url)), client.post(_path(link_url))):
        assert response.status_code == 200
        assert "bereits als aktuell bestätigt" in response.content.decode()
        assert "Ja, das Angebot ist noch aktuell" not in response.content.decode()
    assert Confirmation.objects.count() == 1


def test_a_post_from_another_site_is_refused(client, link_url, stale_offer):
    response = client.post(_path(link_url), HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 403
    assert not Confirmation.objects.exists()


class _Later:
    """Stands in for the time module inside django.core.signing."""

    def __init__(self, days):
        self.offset = days * 86400

    def time(self):
        return time.time() + self.offset


def test_an_expired_link_is_refused_with_a_way_to_confirm_after_logging_in(
        client, link_url, stale_offer, monkeypatch, settings):
    settings.CONFIRM_LINK_MAX_AGE_DAYS = 42
    monkeypatch.setattr(signing, "time", _Later(41))
    assert client.get(_path(link_url)).status_code == 200
    monkeypatch.setattr(signing, "time", _Later(43))
    for response in (client.get(_path(link_url)), client.post(_path(link_url))):
        assert response.status_code == 410
        html = response.content.decode()
        assert "Der Link ist abgelaufen" in html and "42 Tage" in html
        assert "Anbieterbereich" in html and "anmelden" in html.lower()
    assert not Confirmation.objects.exists()
    stale_offer.refresh_from_db()
    assert stale_offer.last_verified == D(2026, 3, 1)


@pytest.mark.parametrize("tamper", [
    lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature
    lambda token: "x" + token,  # payload
    lambda token: "kaputt",
])
def test_a_tampered_link_is_refused(client, stale_offer, tamper):
    token = services.make_token(stale_offer, "info@nachbarn.example.org", D(2026, 3, 1))
    url = reverse("freshness:confirm", args=[stale_offer.pk, tamper(token)])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Der Link ist ungültig" in response.content.decode()
    assert not Confirmation.objects.exists()


def test_a_link_for_another_offer_is_refused(client, stale_offer, make_offer):
    other = make_offer("Anderes Angebot", last_verified=D(2026, 3, 1))
    token = services.make_token(other, "info@nachbarn.example.org", D(2026, 3, 1))
    response = client.post(reverse("freshness:confirm", args=[stale_offer.pk, token]))
    assert response.status_code == 400
    assert not Confirmation.objects.exists()


def test_the_link_of_an_unpublished_offer_is_not_found(client, stale_offer, link_url):
    Offer.objects.filter(pk=stale_offer.pk).update(status=Offer.Status.ARCHIVED)
    assert client.get(_path(link_url)).status_code == 404


def test_the_link_names_its_recipient_and_cycle(stale_offer):
    token = services.make_token(stale_offer, "info@nachbarn.example.org", D(2026, 3, 1))
    link = services.read_token(token, stale_offer.pk)
    assert (link.email, link.cycle) == ("info@nachbarn.example.org", D(2026, 3, 1))
    assert rules.reference_date(stale_offer) == link.cycle
