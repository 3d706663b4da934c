"""GET /api/v1/offers/{id}, /organisations/{id} and /taxonomy."""

import pytest

from offers.models import Offer


def detail(client, offer):
    response = client.get(f"/api/v1/offers/{offer.pk}")
    assert response.status_code == 200, response.content
    return response.json()


def test_it_returns_every_public_fact_of_the_offer(client, full_offer):
    data = detail(client, full_offer)

    assert {key: data[key] for key in (
        "id", "external_id", "title", "summary", "description", "url", "is_online", "website",
        "schedule_note", "start_date", "end_date", "free", "cost", "registration_required",
        "registration_deadline", "registration_note", "accessibility", "accessibility_note",
        "childcare", "age_min", "age_max", "last_verified",
    )} == {
        "id": full_offer.pk,
        "external_id": "caritas-42",
        "title": "Deutschkurs für Frauen mit Kinderbetreuung",
        "summary": "Sprachkurs am Vormittag",
        "description": "Ein Kurs für Frauen, die Deutsch lernen möchten. Kinder werden betreut.",
        "url": f"http://testserver/de/angebote/{full_offer.pk}/",
        "is_online": False,
        "website": "https://caritas.example.org/deutschkurs",
        "schedule_note": "nicht in den Schulferien",
        "start_date": "2026-09-01",
        "end_date": "2027-06-30",
        "free": True,
        "cost": "kostenlos",
        "registration_required": True,
        "registration_deadline": "2026-08-15",
        "registration_note": "telefonisch",
        "accessibility": "yes",
        "accessibility_note": "Aufzug vorhanden",
        "childcare": True,
        "age_min": 18,
        "age_max": 99,
        "last_verified": "2026-10-01",
    }


def test_it_never_shows_the_status(client, full_offer):
    assert "status" not in detail(client, full_offer)


def test_timestamps_are_iso_date_times(client, full_offer):
    data = detail(client, full_offer)

    assert data["created"] == full_offer.created_at.isoformat()
    assert data["updated"] == full_offer.updated_at.isoformat()


def test_taxonomies_are_objects_with_slug_and_name(client, full_offer):
    data = detail(client, full_offer)

    assert data["cities"] == [
        {"slug": "herten", "name": "Herten"}, {"slug": "marl", "name": "Marl"},
    ]
    assert [t["slug"] for t in data["topics"]] == ["sprache", "frauen"]
    assert [t["slug"] for t in data["target_groups"]] == ["neuzugewanderte", "frauen"]
    assert data["languages"] == [
        {"slug": "de", "name": "Deutsch"}, {"slug": "ar", "name": "Arabisch"},
    ]


def test_it_names_the_organisation_with_its_links(client, full_offer):
    organisation = detail(client, full_offer)["organisation"]

    assert organisation["id"] == full_offer.organisation_id
    assert organisation["name"] == "Caritas Beispielverband"
    assert organisation["website"] == "https://caritas.example.org"
    assert organisation["url"] == "http://testserver" + full_offer.organisation.get_absolute_url()


def test_it_lists_the_places_with_city_and_coordinates(client, full_offer):
    assert detail(client, full_offer)["places"] == [
        {"name": "Stadtteilzentrum", "street": "Beispielstraße 1", "postcode": "45768",
         "city": {"slug": "marl", "name": "Marl"}, "latitude": 51.65, "longitude": 7.09},
        {"name": "", "street": "", "postcode": "", "city": {"slug": "herten", "name": "Herten"},
         "latitude": None, "longitude": None},
    ]


def test_it_lists_the_times_with_german_weekday_names(client, full_offer):
    assert detail(client, full_offer)["times"] == [
        {"weekday": 0, "weekday_name": "Montag", "opens": "09:00", "closes": "11:30", "note": ""},
        {"weekday": 3, "weekday_name": "Donnerstag", "opens": "14:00", "closes": "16:00",
         "note": "14-täglich"},
    ]


def test_it_shows_only_contacts_who_consented_to_publication(client, full_offer):
    data = detail(client, full_offer)

    assert data["contacts"] == [
        {"name": "Aylin Muster", "role": "Beratung", "phone": "02365 123-45",
         "email": "aylin@example.org"},
    ]
    assert b"geheim" not in client.get(f"/api/v1/offers/{full_offer.pk}").content.lower()


def test_an_online_offer_without_places_has_an_empty_list(client, make_offer):
    offer = make_offer(is_online=True, cities=["kreisweit"])

    data = detail(client, offer)

    assert (data["is_online"], data["places"], data["times"], data["contacts"]) == (True, [], [], [])
    assert (data["start_date"], data["age_min"], data["external_id"]) == (None, None, None)


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED])
def test_an_unpublished_offer_answers_404(client, make_offer, status):
    offer = make_offer(status=status)

    response = client.get(f"/api/v1/offers/{offer.pk}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_missing_offer_answers_404(client, db):
    response = client.get("/api/v1/offers/999999")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_detail_costs_a_fixed_number_of_queries(client, full_offer, django_assert_max_num_queries):
    detail(client, full_offer)  # the first request of the day sweeps the search index
    with django_assert_max_num_queries(10):  # the translations and the data's time are two of them
        detail(client, full_offer)


# --- organisations ----------------------------------------------------------------------------


def test_an_organisation_lists_its_published_offers_and_consented_contacts(
    client, make_organisation, make_offer, make_contact
):
    organisation = make_organisation(name="AWO Beispiel", email="info@awo.example.org")
    make_contact(organisation=organisation, name="Öffentliche Person")
    make_contact(organisation=organisation, name="Private Person", consent=False)
    public = make_offer("Sprachcafé", organisation=organisation)
    make_offer("Entwurf", organisation=organisation, status=Offer.Status.DRAFT)

    response = client.get(f"/api/v1/organisations/{organisation.pk}")

    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["name"], data["email"]) == (organisation.pk, "AWO Beispiel",
                                                        "info@awo.example.org")
    assert data["offers"] == [{"id": public.pk, "title": "Sprachcafé",
                               "url": f"http://testserver/de/angebote/{public.pk}/"}]
    assert [c["name"] for c in data["contacts"]] == ["Öffentliche Person"]


def test_a_missing_organisation_answers_404(client, db):
    response = client.get("/api/v1/organisations/999999")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


# --- taxonomy ---------------------------------------------------------------------------------


def test_the_taxonomy_lists_every_slug_the_filters_accept(client, db):
    from search.engine import known_slugs

    data = client.get("/api/v1/taxonomy").json()

    slugs = known_slugs()
    assert {c["slug"] for c in data["cities"]} == slugs["city"]
    assert {t["slug"] for t in data["topics"]} == slugs["topic"]
    assert {g["slug"] for g in data["target_groups"]} == slugs["target_group"]
    assert {lang["slug"] for lang in data["languages"]} == slugs["language"]
    assert [c["slug"] for c in data["cities"] if c["districtwide"]] == ["kreisweit"]


def test_the_api_root_links_to_the_resources(client, db):
    assert client.get("/api/v1/").json() == {
        "offers": "http://testserver/api/v1/offers",
        "taxonomy": "http://testserver/api/v1/taxonomy",
        "openapi": "http://testserver/api/v1/openapi.json",
    }
