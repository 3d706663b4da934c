"""/api/hsds/organizations, /taxonomies and /taxonomy_terms."""

import datetime

from hsds import ids
from hsds.vocabulary import TAXONOMIES, term_id
from taxonomy.models import City, TargetGroup, Topic


def org_id(organisation):
    return ids.entity_id(ids.ORGANIZATION, organisation.pk)


def test_organizations_are_the_providers_with_an_offer_in_the_search(get_json, make_offer,
                                                                     make_organisation):
    active = make_organisation("Aktiver Verein")
    make_offer(organisation=active)
    drafts_only = make_organisation("Nur Entwürfe")
    make_offer(organisation=drafts_only, status="draft")
    stale_only = make_organisation("Nur Veraltetes")
    make_offer(organisation=stale_only, last_verified=datetime.date(2025, 1, 1))
    make_organisation("Ohne Angebote")

    page = get_json("organizations")

    assert [item["name"] for item in page["contents"]] == ["Aktiver Verein"]


def test_an_organization_with_a_published_offer_answers_its_detail(client, get_json, make_offer,
                                                                   make_organisation):
    stale_only = make_organisation("Nur Veraltetes")
    make_offer("Alt", organisation=stale_only, last_verified=datetime.date(2025, 1, 1))
    drafts_only = make_organisation("Nur Entwürfe")
    make_offer(organisation=drafts_only, status="draft")

    detail = get_json(f"organizations/{org_id(stale_only)}")

    assert detail["name"] == "Nur Veraltetes"
    assert detail["services"] == []  # its offer is out of the public search
    assert client.get(f"/api/hsds/organizations/{org_id(drafts_only)}").status_code == 404
    assert client.get("/api/hsds/organizations/kein-uuid").status_code == 404


def test_the_organization_carries_its_services_contacts_address_and_identifier(get_json, full_offer,
                                                                               online_offer):
    organisation = full_offer.organisation

    detail = get_json(f"organizations/{org_id(organisation)}")

    assert detail["uri"].endswith(f"/de/anbieter/{organisation.slug}/")
    assert detail["website"] == "https://caritas.example.org"
    assert [s["name"] for s in detail["services"]] == ["Deutschkurs für Frauen mit Kinderbetreuung"]
    assert [c["name"] for c in detail["contacts"]] == ["Aylin Muster"]  # never the one without consent
    assert detail["phones"][0]["number"] == "02365 100-0"
    assert detail["locations"][0]["addresses"][0]["address_1"] == "Kirchplatz 1"
    assert detail["organization_identifiers"][0]["identifier"] == str(organisation.pk)


def test_organizations_search_in_the_name(get_json, make_offer, make_organisation):
    make_offer(organisation=make_organisation("Caritas Marl"))
    make_offer(organisation=make_organisation("Diakonie Herten"))

    assert [o["name"] for o in get_json("organizations", search="caritas")["contents"]] == ["Caritas Marl"]


def test_three_taxonomies_with_all_their_terms(get_json, db):
    taxonomies = get_json("taxonomies")["contents"]
    terms = get_json("taxonomy_terms", per_page=100)

    assert [t["name"] for t in taxonomies] == ["Themenfelder", "Zielgruppen", "Städte"]
    assert terms["total_items"] == Topic.objects.count() + TargetGroup.objects.count() + City.objects.count()
    sprache = next(t for t in terms["contents"] if t["id"] == term_id("topics", "sprache"))
    assert sprache | {"taxonomy": None, "term_uri": None} == {
        "id": term_id("topics", "sprache"), "code": "sprache", "name": "Sprache",
        "description": Topic.objects.get(slug="sprache").covers, "taxonomy": None,
        "taxonomy_id": TAXONOMIES[0].id, "language": "de", "term_uri": None}
    assert sprache["term_uri"].endswith(f"/api/hsds/taxonomy_terms/{sprache['id']}")


def test_terms_filter_by_taxonomy_and_search(get_json, db):
    cities = TAXONOMIES[2].id

    page = get_json("taxonomy_terms", taxonomy_id=cities, per_page=100)

    assert sorted(t["code"] for t in page["contents"]) == sorted(City.objects.values_list("slug", flat=True))
    assert [t["code"] for t in get_json("taxonomy_terms", search="gefl")["contents"]] == ["gefluechtete"]
    marl = get_json("taxonomy_terms", search="marl", taxonomy_id=cities)["contents"][0]
    assert marl["description"] == "Postleitzahlen: 45768, 45770, 45772"


def test_taxonomy_and_term_details_answer_404_for_unknown_ids(client, db):
    for path in ("taxonomies/x", f"taxonomies/{term_id('topics', 'sprache')}",
                 f"taxonomy_terms/{TAXONOMIES[0].id}", "taxonomy_terms/00000000-0000-0000-0000-000000000000"):
        response = client.get(f"/api/hsds/{path}")
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"


def test_an_unknown_taxonomy_id_answers_400(client, db):
    response = client.get("/api/hsds/taxonomy_terms", {"taxonomy_id": term_id("topics", "sprache")})

    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "taxonomy_id"


def test_term_ids_do_not_depend_on_database_ids(db):
    """The same slug gives the same id in every installation."""
    assert term_id("topics", "sprache") == ids.derived_id("taxonomy_term", "topics", "sprache")
    assert len({spec.id for spec in TAXONOMIES}) == 3
