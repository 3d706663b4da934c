"""Offers out of the search (hidden for review, ended) keep their page, with a notice; the
results page drops them when only the date moves."""

import datetime

import pytest
from django.urls import reverse

D = datetime.date


@pytest.fixture(autouse=True)
def _today(travel_to):
    travel_to(D(2026, 11, 25))


def test_a_hidden_offer_keeps_its_page_with_a_notice(client, make_offer):
    offer = make_offer("Sprachcafé", last_verified=D(2025, 10, 1))
    response = client.get(offer.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Angebot wird derzeit geprüft." in html
    assert "können veraltet sein" in html and "Kontaktperson" in html
    assert "zuletzt geprüft am 1. Oktober 2025" in html


def test_an_ended_course_says_so_with_its_end(client, make_offer):
    offer = make_offer("Schwimmkurs", start_date=D(2026, 9, 1), end_date=D(2026, 10, 31))
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Dieses Angebot ist beendet (Ende: 31. Oktober 2026)." in html
    assert "derzeit geprüft" not in html


def test_a_current_offer_has_no_notice(client, make_offer):
    html = client.get(make_offer("Elterncafé").get_absolute_url()).content.decode()
    assert "derzeit geprüft" not in html and "ist beendet" not in html


def test_the_notice_appears_when_only_the_date_moves(client, make_offer, travel_to):
    offer = make_offer("Elterncafé", last_verified=D(2026, 10, 1))
    travel_to(D(2027, 10, 2))
    assert "Dieses Angebot wird derzeit geprüft." in client.get(offer.get_absolute_url()).content.decode()


def test_the_results_page_drops_offers_when_only_the_date_moves(client, make_offer, travel_to):
    make_offer("Elterncafé Marl", last_verified=D(2026, 10, 1))
    make_offer("Elterncafé Herten", last_verified=D(2026, 11, 1), end_date=D(2027, 9, 30))
    make_offer("Elterncafé Dorsten", last_verified=D(2026, 11, 20))
    url = reverse("offers:search") + "?q=Elterncaf%C3%A9"
    assert "3 Angebote gefunden" in client.get(url).content.decode()  # and now cached
    travel_to(D(2027, 10, 2))
    html = client.get(url).content.decode()
    assert "1 Angebot gefunden" in html
    assert "Elterncafé Dorsten" in html
    assert "Elterncafé Marl" not in html and "Elterncafé Herten" not in html
