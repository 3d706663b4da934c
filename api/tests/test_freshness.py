"""The API's lists show what the search shows; the single offer answers while published."""

import datetime

import pytest

from freshness.services import confirm

D = datetime.date


@pytest.fixture(autouse=True)
def _today(travel_to):
    travel_to(D(2026, 11, 25))


@pytest.fixture
def offers(make_organisation, make_offer):
    organisation = make_organisation(name="AWO Beispiel")
    return {
        "current": make_offer("Sprachcafé", organisation=organisation, last_verified=D(2026, 10, 1)),
        "recent": make_offer("Nähcafé", organisation=organisation, last_verified=D(2026, 11, 20)),
        "ended": make_offer("Schwimmkurs", organisation=organisation, end_date=D(2026, 11, 1)),
        "hidden": make_offer("Vergessen", organisation=organisation, last_verified=D(2025, 11, 1)),
    }


def titles(data):
    return sorted(item["title"] for item in data)


def test_the_offer_list_and_its_facets_follow_the_date(client, offers, travel_to):
    data = client.get("/api/v1/offers").json()
    assert titles(data["results"]) == ["Nähcafé", "Sprachcafé"]
    assert data["count"] == 2 and data["facets"]["topic"] == {"sprache": 2}
    travel_to(D(2027, 10, 2))
    data = client.get("/api/v1/offers").json()
    assert titles(data["results"]) == ["Nähcafé"]
    assert data["count"] == 1 and data["facets"]["topic"] == {"sprache": 1}
    confirm(offers["current"], via="staff")
    assert client.get("/api/v1/offers").json()["count"] == 2


def test_the_organisation_lists_visible_offers_only(client, offers, travel_to):
    url = f"/api/v1/organisations/{offers['current'].organisation_id}"
    assert titles(client.get(url).json()["offers"]) == ["Nähcafé", "Sprachcafé"]
    travel_to(D(2027, 10, 2))
    assert titles(client.get(url).json()["offers"]) == ["Nähcafé"]


def test_a_hidden_or_ended_offer_still_answers_by_id(client, offers):
    for key in ("hidden", "ended"):
        response = client.get(f"/api/v1/offers/{offers[key].pk}")
        assert response.status_code == 200
        assert response.json()["title"] == offers[key].title
