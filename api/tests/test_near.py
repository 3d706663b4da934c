"""API v1 near a postcode: the same semantics as the page, distances per row, 400 on bad input."""

import pytest

from offers.models import Place
from taxonomy.models import City

OFFERS = "/api/v1/offers"


@pytest.fixture
def offers(make_offer):
    huels = make_offer(title="Treff Hüls", cities=["marl"])
    dorsten = make_offer(title="Kurs Dorsten", cities=["dorsten"])
    make_offer(title="Online-Beratung", cities=["marl"], is_online=True)
    Place.objects.create(offer=huels, city=City.objects.get(slug="marl"), latitude=51.6745,
                         longitude=7.1160)
    Place.objects.create(offer=dorsten, city=City.objects.get(slug="dorsten"), latitude=51.6604,
                         longitude=6.9646)
    return huels, dorsten


def test_offers_near_a_postcode_come_nearest_first_with_their_distance(client, offers, validate):
    data = client.get(OFFERS, {"near": "45768", "radius": "10"}).json()
    validate(data, "OfferList")
    assert [(r["title"], r["distance_km"]) for r in data["results"]] == [
        ("Treff Hüls", 2.66), ("Kurs Dorsten", 8.69)]
    assert data["facets"]["city"] == {"dorsten": 1, "marl": 1}


def test_the_default_radius_is_five_km_and_links_keep_it(client, offers, make_offer):
    data = client.get(OFFERS, {"near": "45768", "page_size": "1"}).json()
    assert data["count"] == 1 and data["next"] is None
    data = client.get(OFFERS, {"near": "45768", "radius": "10", "page_size": "1"}).json()
    assert "near=45768" in data["next"] and "radius=10" in data["next"]


def test_without_near_rows_have_no_distance(client, offers):
    assert {r["distance_km"] for r in client.get(OFFERS).json()["results"]} == {None}


@pytest.mark.parametrize("query, parameter, code", [
    ({"near": "45127"}, "near", "outside_district"),
    ({"near": "4576"}, "near", "invalid_postcode"),
    ({"near": "Bochum"}, "near", "invalid_place"),
    ({"radius": "5"}, "radius", "requires_near"),
    ({"near": "45768", "radius": "100"}, "radius", "out_of_range"),
    ({"near": "45768", "radius": "2.5"}, "radius", "invalid_integer"),
    ({"sort": "distance"}, "sort", "invalid_choice"),
])
def test_bad_proximity_parameters_answer_400_naming_them(client, db, validate, query, parameter, code):
    response = client.get(OFFERS, query)
    assert response.status_code == 400
    validate(response.json(), "Error")
    error = response.json()["error"]
    assert (error["parameter"], error["code"]) == (parameter, code)
    assert f"„{parameter}“" in error["message"]
