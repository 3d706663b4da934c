"""/api/hsds/service_at_locations: one per place and online location; postcode and proximity."""

import pytest

from hsds import ids
from offers.models import Place
from taxonomy.models import City

# About 3 km north of the place below (1 degree of latitude ≈ 111.2 km).
MARL = (51.6566, 7.0905)
THREE_KM_NORTH = (MARL[0] + 3 / 111.2, MARL[1])


def place(offer, city="marl", postcode="", latitude=None, longitude=None, street="Weg 1"):
    return Place.objects.create(offer=offer, city=City.objects.get(slug=city), postcode=postcode,
                                latitude=latitude, longitude=longitude, street=street)


def service_names(page):
    return [item["service"]["name"] for item in page["contents"]]


def test_each_place_and_each_online_offer_is_one_entry(get_json, full_offer, online_offer):
    page = get_json("service_at_locations")

    assert page["total_items"] == 3
    locations = [(item["service"]["name"], item["location"]["location_type"]) for item in page["contents"]]
    assert locations == [("Deutschkurs für Frauen mit Kinderbetreuung", "physical"),
                         ("Deutschkurs für Frauen mit Kinderbetreuung", "physical"),
                         ("Online-Sprachcafé", "virtual")]
    virtual = page["contents"][2]
    assert virtual["location"]["url"] == "https://sprachcafe.example.org"
    assert virtual["id"] == ids.entity_id(ids.VIRTUAL_SERVICE_AT_LOCATION, online_offer.pk)
    assert "service_at_locations" not in virtual["service"]  # no loop back


def test_a_physical_location_has_address_coordinates_and_accessibility(get_json, full_offer):
    street_place = full_offer.places.get(street="Beispielstraße 1")

    item = get_json(f"service_at_locations/{ids.entity_id(ids.SERVICE_AT_LOCATION, street_place.pk)}")

    location = item["location"]
    assert (location["latitude"], location["longitude"]) == MARL
    assert location["addresses"][0] | {"id": None, "location_id": None} == {
        "id": None, "location_id": None, "address_1": "Beispielstraße 1", "city": "Marl",
        "region": "Kreis Recklinghausen", "state_province": "Nordrhein-Westfalen",
        "postal_code": "45768", "country": "DE", "address_type": "physical"}
    assert [(a["description"], a["details"]) for a in location["accessibility"]] == [
        ("barrierefrei", "Aufzug vorhanden")]
    assert item["service"]["id"] == ids.entity_id(ids.SERVICE, full_offer.pk)


def test_the_detail_answers_only_for_published_offers(client, make_offer):
    draft = make_offer("Entwurf", status="draft")
    draft_place = place(draft)
    offline = make_offer("Vor Ort")

    for bad in (ids.entity_id(ids.SERVICE_AT_LOCATION, draft_place.pk),
                ids.entity_id(ids.VIRTUAL_SERVICE_AT_LOCATION, offline.pk),  # not online
                ids.entity_id(ids.SERVICE, offline.pk), "x"):
        response = client.get(f"/api/hsds/service_at_locations/{bad}")
        assert response.status_code == 404, bad


def test_postcode_keeps_the_places_with_that_postcode(get_json, make_offer, online_offer):
    place(make_offer("In Hüls"), postcode="45772")
    place(make_offer("In Marl-Mitte"), postcode="45768")

    page = get_json("service_at_locations", postcode="45772")

    assert service_names(page) == ["In Hüls"]  # the online location has no postcode


def test_proximity_finds_places_within_the_distance_nearest_first(get_json, make_offer):
    place(make_offer("Am Postleitzahl-Punkt"), postcode="45768", latitude=MARL[0], longitude=MARL[1])
    place(make_offer("Drei Kilometer entfernt"), postcode="45770", latitude=THREE_KM_NORTH[0],
          longitude=THREE_KM_NORTH[1])
    place(make_offer("In Dorsten"), city="dorsten", postcode="46282", latitude=51.66, longitude=6.96)

    assert service_names(get_json("service_at_locations", postcode="45768", proximity="5000")) == [
        "Am Postleitzahl-Punkt", "Drei Kilometer entfernt"]
    assert service_names(get_json("service_at_locations", postcode="45768", proximity="1000")) == [
        "Am Postleitzahl-Punkt"]
    assert len(service_names(get_json("service_at_locations", postcode="45768", proximity="20000"))) == 3


def test_a_place_without_coordinates_counts_at_its_city_centre(get_json, make_offer):
    place(make_offer("Irgendwo in Dorsten"), city="dorsten")
    dorsten = City.objects.get(slug="dorsten")
    # no place carries 46282 with coordinates: the postcode stands for Dorsten's centre
    assert (dorsten.latitude, dorsten.longitude) != (None, None)

    assert service_names(get_json("service_at_locations", postcode="46282", proximity="500")) == [
        "Irgendwo in Dorsten"]
    assert service_names(get_json("service_at_locations", postcode="45768", proximity="5000")) == []


def test_proximity_combines_with_the_other_filters(get_json, make_offer):
    from hsds.vocabulary import term_id

    place(make_offer("Deutschkurs nah", topics=["sprache"]), postcode="45768", latitude=MARL[0],
          longitude=MARL[1])
    place(make_offer("Jobcafé nah", topics=["arbeit"]), postcode="45768", latitude=MARL[0],
          longitude=MARL[1])

    page = get_json("service_at_locations", postcode="45768", proximity="2000",
                    taxonomy_term_id=term_id("topics", "sprache"))
    assert service_names(page) == ["Deutschkurs nah"]
    page = get_json("service_at_locations", postcode="45768", proximity="2000", search="Jobcafe")
    assert service_names(page) == ["Jobcafé nah"]


@pytest.mark.parametrize(("params", "parameter", "code"), [
    ({"postcode": "4576"}, "postcode", "invalid_postcode"),
    ({"postcode": "abcde"}, "postcode", "invalid_postcode"),
    ({"postcode": "10115"}, "postcode", "unknown_value"),  # Berlin: outside the district
    ({"proximity": "5000"}, "proximity", "missing_postcode"),
    ({"postcode": "45768", "proximity": "fünf"}, "proximity", "invalid_number"),
    ({"postcode": "45768", "proximity": "-5"}, "proximity", "invalid_number"),
    ({"postcode": "45768", "proximity": "0"}, "proximity", "out_of_range"),
    ({"postcode": "45768", "proximity": "100001"}, "proximity", "out_of_range"),
    ({"postcode": "45768", "proximity": "nan"}, "proximity", "invalid_number"),
])
def test_bad_postcode_or_proximity_answers_400_naming_it(client, db, params, parameter, code):
    response = client.get("/api/hsds/service_at_locations", params)

    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    assert response.json()["error"]["code"] == code


def test_search_orders_entries_by_relevance_and_keeps_online_ones(get_json, make_offer, online_offer):
    place(make_offer("Sprachcafé vor Ort"))
    place(make_offer("Nähtreff"))

    page = get_json("service_at_locations", search="Sprachcafé")

    assert sorted(service_names(page)) == ["Online-Sprachcafé", "Sprachcafé vor Ort"]


def test_paging_runs_from_the_places_into_the_online_locations(get_json, make_offer, online_offer):
    for n in range(3):
        place(make_offer(f"Kurs {n}"))

    pages = [get_json("service_at_locations", per_page=2, page=p) for p in (1, 2, 3)]

    assert [service_names(p) for p in pages] == [["Kurs 0", "Kurs 1"], ["Kurs 2", "Online-Sprachcafé"], []]
    assert pages[2]["empty"] and pages[2]["last_page"] and pages[2]["total_items"] == 4
