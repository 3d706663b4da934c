"""Real answers of /api/hsds/ validated against the Open Referral HSDS 3.0 schemas."""

import pytest

PAGE = "openapi.json#/components/schemas/Page"
PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
             "contents"}


@pytest.fixture
def district(full_offer, online_offer, make_offer):
    make_offer("Sprachcafé Herten", cities=("herten",), topics=("sprache", "kultur"))
    return full_offer


def test_every_list_answers_in_the_reference_page_envelope(get_json, hsds_valid, district):
    for path in ("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"):
        page = get_json(path)
        hsds_valid(page, PAGE)
        assert set(page) == PAGE_KEYS, path
        assert page["size"] == len(page["contents"]) > 0, path


def test_service_list_items_are_valid_compiled_services(get_json, hsds_valid, district):
    page = get_json("services")

    assert page["total_items"] == 3
    for item in page["contents"]:
        hsds_valid(item, "compiled/service_with_definitions.json")
        hsds_valid(item, "compiled/service_list.json")
        hsds_valid(item, "service.json")


def test_the_fullest_service_is_valid_in_every_part(get_json, hsds_valid, full_offer):
    from hsds.ids import SERVICE, entity_id

    service = get_json(f"services/{entity_id(SERVICE, full_offer.pk)}")

    hsds_valid(service, "compiled/service_with_definitions.json")
    for part, schema in [("contacts", "contact.json"), ("schedules", "schedule.json"),
                         ("service_areas", "service_area.json"), ("languages", "language.json"),
                         ("cost_options", "cost_option.json"), ("attributes", "attribute.json"),
                         ("service_at_locations", "service_at_location.json")]:
        assert service[part], part
        for item in service[part]:
            hsds_valid(item, schema)
    for sal in service["service_at_locations"]:
        hsds_valid(sal["location"], "location.json")
        for address in sal["location"].get("addresses", []):
            hsds_valid(address, "address.json")
        for accessibility in sal["location"].get("accessibility", []):
            hsds_valid(accessibility, "accessibility.json")
    for contact in service["contacts"]:
        for phone in contact["phones"]:
            hsds_valid(phone, "phone.json")
    hsds_valid(service["organization"], "organization.json")


def test_organizations_are_valid_in_the_list_and_the_detail(get_json, hsds_valid, district):
    page = get_json("organizations")
    for item in page["contents"]:
        hsds_valid(item, "compiled/organization_list.json")
        hsds_valid(item, "organization.json")
    detail = get_json(f"organizations/{page['contents'][0]['id']}")
    hsds_valid(detail, "organization.json")
    for identifier in detail["organization_identifiers"]:
        hsds_valid(identifier, "organization_identifier.json")


def test_services_at_locations_are_valid(get_json, hsds_valid, district):
    page = get_json("service_at_locations")

    assert page["total_items"] == 3  # two places and one online location; no place, no entry
    for item in page["contents"]:
        hsds_valid(item, "compiled/service_at_location_list.json")
        hsds_valid(item, "service_at_location.json")
        hsds_valid(item["service"], "service.json")
    detail = get_json(f"service_at_locations/{page['contents'][0]['id']}")
    hsds_valid(detail, "service_at_location.json")


def test_taxonomies_and_terms_are_valid(get_json, hsds_valid, db):
    for taxonomy in get_json("taxonomies")["contents"]:
        hsds_valid(taxonomy, "taxonomy.json")
        hsds_valid(get_json(f"taxonomies/{taxonomy['id']}"), "taxonomy.json")
    terms = get_json("taxonomy_terms", per_page=100)["contents"]
    assert terms
    for term in terms:
        hsds_valid(term, "taxonomy_term.json")
    hsds_valid(get_json(f"taxonomy_terms/{terms[0]['id']}"), "taxonomy_term.json")


def test_an_invalid_object_would_fail_the_validation(hsds_valid):
    """The validator really checks (types, formats, required fields)."""
    import jsonschema

    for bad in ({"id": "not-a-uuid", "name": "x", "status": "active"},
                {"id": "58089a19-00f4-8aed-a35b-00000000002a", "name": "x", "status": "open"},
                {"id": "58089a19-00f4-8aed-a35b-00000000002a", "name": "x"},
                {"id": "58089a19-00f4-8aed-a35b-00000000002a", "name": "x", "status": "active",
                 "last_modified": "gestern"}):
        with pytest.raises(jsonschema.ValidationError):
            hsds_valid(bad, "compiled/service_with_definitions.json")
