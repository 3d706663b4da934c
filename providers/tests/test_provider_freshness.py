"""Provider pages and the directory count and list the offers the search shows."""

import datetime

import pytest
from django.urls import reverse

from freshness.services import confirm

D = datetime.date


@pytest.fixture(autouse=True)
def _today(travel_to):
    travel_to(D(2026, 11, 25))


@pytest.fixture
def organisation(make_organisation, make_offer):
    organisation = make_organisation(name="Caritas Marl")
    make_offer("Sprachcafé", organisation=organisation, last_verified=D(2026, 10, 1))
    make_offer("Nähcafé", organisation=organisation, last_verified=D(2026, 11, 20))
    make_offer("Schwimmkurs", organisation=organisation, end_date=D(2026, 11, 1))
    make_offer("Vergessen", organisation=organisation, last_verified=D(2025, 11, 1))
    return organisation


def test_the_provider_page_lists_visible_offers_only(client, organisation, travel_to):
    url = reverse("providers:detail", args=[organisation.slug])
    html = client.get(url).content.decode()
    assert "2 Angebote<" in html and "Sprachcafé" in html and "Nähcafé" in html
    assert "Schwimmkurs" not in html and "Vergessen" not in html
    travel_to(D(2027, 10, 2))
    html = client.get(url).content.decode()
    assert "1 Angebot<" in html and "Sprachcafé" not in html


def test_the_directory_counts_visible_offers_and_follows_the_date(client, organisation, travel_to):
    assert "2 Angebote" in client.get(reverse("providers:list")).content.decode()
    travel_to(D(2027, 10, 2))
    assert "1 Angebot" in client.get(reverse("providers:list")).content.decode()
    sprachcafe = organisation.offers.get(title="Sprachcafé")
    confirm(sprachcafe, via="staff")
    assert "2 Angebote" in client.get(reverse("providers:list")).content.decode()
