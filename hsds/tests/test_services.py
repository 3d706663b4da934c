"""/api/hsds/services: what is listed, the mapping, the filters and their combination."""

import datetime

import pytest
from django.utils import timezone

from hsds import ids
from hsds.vocabulary import term_id
from offers.models import Offer


def names(page):
    return sorted(item["name"] for item in page["contents"])


def service_id(offer):
    return ids.entity_id(ids.SERVICE, offer.pk)


def test_lists_show_only_what_the_public_search_shows(get_json, make_offer):
    make_offer("Öffentlich")
    for status in (Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED):
        make_offer(f"Nicht öffentlich ({status})", status=status)
    make_offer("Lange nicht bestätigt", last_verified=datetime.date(2025, 1, 1))
    make_offer("Vorbei", end_date=datetime.date(2026, 11, 1))

    page = get_json("services")

    assert names(page) == ["Öffentlich"]
    assert page["total_items"] == 1


def test_a_published_offer_out_of_the_search_answers_as_inactive(get_json, make_offer):
    stale = make_offer("Lange nicht bestätigt", last_verified=datetime.date(2025, 1, 1))
    ended = make_offer("Vorbei", end_date=datetime.date(2026, 11, 1))
    current = make_offer("Aktuell")

    assert get_json(f"services/{service_id(stale)}")["status"] == "inactive"
    assert get_json(f"services/{service_id(ended)}")["status"] == "inactive"
    assert get_json(f"services/{service_id(current)}")["status"] == "active"


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED])
def test_an_unpublished_offer_is_not_found(client, make_offer, status):
    offer = make_offer("Geheim", status=status)

    response = client.get(f"/api/hsds/services/{service_id(offer)}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("bad_id", [
    "abc", "42", "00000000-0000-0000-0000-000000000000", "58089a19-00f4-8aed-a35b-00000000002a" + "0",
    "%E2%9C%93", "58089A19-00F4-8AED-A35B-000000000001", "{58089a19-00f4-8aed-a35b-000000000001}",
])
def test_a_malformed_or_unknown_id_answers_a_json_404(client, db, bad_id):
    response = client.get(f"/api/hsds/services/{bad_id}")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_an_organization_id_is_not_a_service_id(client, full_offer):
    response = client.get(f"/api/hsds/services/{ids.entity_id(ids.ORGANIZATION, full_offer.pk)}")

    assert response.status_code == 404


def test_the_service_carries_the_offer_field_by_field(get_json, full_offer):
    service = get_json(f"services/{service_id(full_offer)}")

    assert service["name"] == "Deutschkurs für Frauen mit Kinderbetreuung"
    assert service["description"] == (
        "Sprachkurs am Vormittag\n\nEin Kurs für Frauen, die Deutsch lernen möchten.")
    assert service["url"] == "https://caritas.example.org/deutschkurs"
    assert service["organization_id"] == ids.entity_id(ids.ORGANIZATION, full_offer.organisation_id)
    assert service["organization"]["name"] == "Caritas Beispielverband"
    assert service["application_process"] == "Anmeldung erforderlich; Anmeldeschluss: 15.12.2026; telefonisch"
    assert service["fees_description"] == "kostenlos"
    assert service["cost_options"][0] | {"id": None} == {
        "id": None, "service_id": service["id"], "currency": "EUR", "amount": 0,
        "amount_description": "kostenlos"}
    assert (service["minimum_age"], service["maximum_age"]) == (18, 99)
    assert service["assured_date"] == "2026-10-01"
    assert service["last_modified"].endswith("Z")
    assert [(lang["name"], lang["code"]) for lang in service["languages"]] == [
        ("Deutsch", "de"), ("Arabisch", "ar"), ("Deutsche Gebärdensprache", "gsg")]
    assert [area["name"] for area in service["service_areas"]] == ["Herten", "Marl"]


def test_weekly_times_become_weekly_schedules(get_json, full_offer):
    schedules = get_json(f"services/{service_id(full_offer)}")["schedules"]

    assert [(s["byday"], s["opens_at"], s["closes_at"], s.get("notes")) for s in schedules] == [
        ("MO", "09:00", "11:30", None), ("TH", "14:00", "16:00", "14-täglich")]
    assert {(s["freq"], s["valid_from"], s["valid_to"], s["description"]) for s in schedules} == {
        ("WEEKLY", "2026-09-01", "2027-06-30", "nicht in den Schulferien")}


def test_topics_target_groups_and_cities_are_attributes_with_their_terms(get_json, full_offer):
    attributes = get_json(f"services/{service_id(full_offer)}")["attributes"]

    assert sorted((a["link_type"], a["taxonomy_term"]["code"]) for a in attributes) == [
        ("city", "herten"), ("city", "marl"), ("target_group", "frauen"),
        ("target_group", "neuzugewanderte"), ("topic", "frauen"), ("topic", "sprache")]
    marl = next(a for a in attributes if a["taxonomy_term"]["code"] == "marl")
    assert marl["taxonomy_term_id"] == marl["taxonomy_term"]["id"] == term_id("cities", "marl")
    assert marl["link_entity"] == "service"


def test_only_consented_contact_persons_appear_anywhere(client, full_offer):
    organization = ids.entity_id(ids.ORGANIZATION, full_offer.organisation_id)
    for path in ("services", f"services/{service_id(full_offer)}", "service_at_locations",
                 "organizations", f"organizations/{organization}", "services?format=ndjson"):
        response = client.get(f"/api/hsds/{path}")
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        assert "Aylin Muster" in body, path
        for secret in ("Geheim Person", "geheim@example.org", "0170 999"):
            assert secret not in body, path


def test_filters_combine_with_and(get_json, make_offer, make_organisation):
    caritas = make_organisation("Caritas")
    make_offer("Deutschkurs Marl Caritas", organisation=caritas, cities=["marl"], topics=["sprache"])
    make_offer("Deutschkurs Herten Caritas", organisation=caritas, cities=["herten"], topics=["sprache"])
    make_offer("Jobcafé Marl Caritas", organisation=caritas, cities=["marl"], topics=["arbeit"])
    make_offer("Deutschkurs Marl anderer Träger", cities=["marl"], topics=["sprache"])
    marl, sprache = term_id("cities", "marl"), term_id("topics", "sprache")
    org = ids.entity_id(ids.ORGANIZATION, caritas.pk)

    assert names(get_json("services", taxonomy_term_id=marl)) == [
        "Deutschkurs Marl Caritas", "Deutschkurs Marl anderer Träger", "Jobcafé Marl Caritas"]
    assert names(get_json("services", taxonomy_term_id=[marl, sprache])) == [
        "Deutschkurs Marl Caritas", "Deutschkurs Marl anderer Träger"]
    assert names(get_json("services", taxonomy_term_id=f"{marl},{sprache}")) == [
        "Deutschkurs Marl Caritas", "Deutschkurs Marl anderer Träger"]
    assert names(get_json("services", taxonomy_term_id=[marl, sprache], organization_id=org)) == [
        "Deutschkurs Marl Caritas"]
    assert names(get_json("services", taxonomy_term_id=marl, organization_id=org, search="Jobcafe")) == [
        "Jobcafé Marl Caritas"]


def test_an_unknown_organization_id_finds_nothing(get_json, make_offer):
    make_offer()
    unknown = ids.entity_id(ids.ORGANIZATION, 999_999)

    assert get_json("services", organization_id=unknown)["total_items"] == 0


def test_search_is_the_sites_german_search(get_json, make_offer):
    make_offer("Deutschkurse für Anfängerinnen")
    make_offer("Schwimmkurs für Frauen", topics=["sport"])
    make_offer("Hausaufgabenhilfe", topics=["bildung"])

    # stemming and compounds: "Deutschkurs" finds "Deutschkurse"; umlauts fold
    assert names(get_json("services", search="deutschkurs")) == ["Deutschkurse für Anfängerinnen"]
    assert names(get_json("services", search="anfangerinnen")) == ["Deutschkurse für Anfängerinnen"]
    assert names(get_json("services", search="kurs")) == ["Deutschkurse für Anfängerinnen",
                                                          "Schwimmkurs für Frauen"]
    assert get_json("services", search="Zahnarzt")["total_items"] == 0


def test_search_results_keep_the_search_order_across_pages(get_json, make_offer):
    for n in range(5):
        make_offer(f"Sprachcafé {n}")
    first = get_json("services", search="Sprachcafé", per_page=2)
    rest = [get_json("services", search="Sprachcafé", per_page=2, page=p)["contents"] for p in (2, 3)]

    seen = [item["name"] for item in first["contents"] + rest[0] + rest[1]]
    assert sorted(seen) == [f"Sprachcafé {n}" for n in range(5)]
    assert first["total_items"] == 5 and first["total_pages"] == 3


def test_modified_after_keeps_the_services_changed_since(get_json, make_offer):
    old = make_offer("Alt")
    new = make_offer("Neu")
    moment = timezone.make_aware(datetime.datetime(2026, 11, 20, 12, 0))
    Offer.objects.filter(pk=old.pk).update(updated_at=moment - datetime.timedelta(days=10))
    Offer.objects.filter(pk=new.pk).update(updated_at=moment)

    assert names(get_json("services", modified_after="2026-11-20T12:00:00+01:00")) == ["Neu"]
    assert names(get_json("services", modified_after="2026-11-20T11:00:00Z")) == ["Neu"]
    assert names(get_json("services", modified_after="2026-11-20T11:00:01Z")) == []
    assert names(get_json("services", modified_after="2026-11-20")) == ["Neu"]
    assert names(get_json("services", modified_after="2026-11-01")) == ["Alt", "Neu"]
    assert names(get_json("services", modified_after="2026-11-20 12:00:00 01:00")) == ["Neu"]  # unencoded +


def test_ids_are_stable_and_map_back_to_the_database(get_json, full_offer):
    first = get_json("services")["contents"][0]
    again = get_json(f"services/{first['id']}")

    assert first == again
    assert int(first["id"][-12:], 16) == full_offer.pk
    # the namespace and scheme are fixed for good: this value must never change
    assert ids.entity_id(ids.SERVICE, 42) == "58089a19-00f4-8aed-a35b-00000000002a"
    assert term_id("cities", "marl") == "0d7dae86-5d5d-5340-8d28-8e26d74a7494"


def test_a_page_costs_the_same_number_of_queries_for_3_or_30_services(
        client, make_offer, make_contact, django_assert_max_num_queries):
    from offers.models import OfferTime, Place
    from taxonomy.models import City

    marl = City.objects.get(slug="marl")
    for n in range(30):
        contact = make_contact()
        offer = make_offer(f"Angebot {n:02}", contacts=[contact], topics=["sprache", "arbeit"],
                           target_groups=["frauen"], languages=["de", "ar"])
        Place.objects.create(offer=offer, street="Weg 1", postcode="45768", city=marl, latitude=51.6,
                             longitude=7.1)
        OfferTime.objects.create(offer=offer, weekday=1, opens_at=datetime.time(9),
                                 closes_at=datetime.time(10))

    for per_page in (3, 30):
        with django_assert_max_num_queries(15):
            response = client.get("/api/hsds/services", {"per_page": per_page})
        assert len(response.json()["contents"]) == per_page
        with django_assert_max_num_queries(17):
            response = client.get("/api/hsds/service_at_locations", {"per_page": per_page})
        assert len(response.json()["contents"]) == per_page
        with django_assert_max_num_queries(8):
            response = client.get("/api/hsds/organizations", {"per_page": per_page})
        assert len(response.json()["contents"]) == per_page
