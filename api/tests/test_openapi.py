"""The OpenAPI document, tested against the code: every route documented, every documented route
real, every parameter range enforced as written, and real answers valid against the schemas.

The schemas are closed (all properties required, no others allowed), so a field added to an
answer without documenting it fails `validate` here.
"""

import json
import re
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, resolve

from api import urls as api_urls
from api.openapi import MAX_PAGE, document
from search.params import FACETS, FLAGS, MAX_PAGE_SIZE, SORTS

PREFIX = "/api/v1"


def url_paths(patterns=api_urls.urlpatterns):
    """The API's routes as OpenAPI paths ("offers/<int:id>" -> "/offers/{id}"), catch-all aside."""
    paths = set()
    for pattern in patterns:
        assert isinstance(pattern, URLPattern | URLResolver)
        if pattern.name == "unknown":
            continue
        route = str(pattern.pattern)
        paths.add("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return paths


def list_parameters(location="query"):
    return {p["name"]: p for p in document()["paths"]["/offers"]["get"]["parameters"]
            if p["in"] == location}


def test_the_document_is_served_as_openapi_3_1_json(client, db):
    response = client.get(f"{PREFIX}/openapi.json")

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data == json.loads(json.dumps(document()))
    assert data["openapi"].startswith("3.1.")
    assert data["info"]["title"] and data["info"]["version"]
    assert data["servers"] == [{"url": PREFIX}]


def test_every_route_of_the_api_is_documented():
    assert url_paths() == set(document()["paths"])


def test_every_documented_path_resolves_to_a_real_view():
    for path in document()["paths"]:
        match = resolve(PREFIX + path.replace("{id}", "1"))
        assert match.url_name != "unknown", path


def test_every_operation_documents_its_answers():
    for path, item in document()["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304", "405"} <= set(responses), path
        headers = [p["name"] for p in item["get"]["parameters"] if p["in"] == "header"]
        data = "Last-Modified" in responses["200"]["headers"]
        assert headers == (["If-None-Match", "If-Modified-Since"] if data else ["If-None-Match"])
        assert data == (path not in ("/", "/openapi.json")), path
        if "{id}" in path:
            assert "404" in responses
            names = [p["name"] for p in item["get"]["parameters"] if p["in"] != "header"]
            assert names == (["id", "lang"] if path == "/offers/{id}" else ["id"])


def test_every_schema_is_valid_json_schema_and_every_reference_resolves():
    doc = document()
    for schema in doc["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    text = json.dumps(doc)
    for ref in set(re.findall(r'"\$ref": "#/([^"]+)"', text)):
        node = doc
        for part in ref.split("/"):
            node = node[part]


def test_the_list_documents_exactly_the_parameters_the_parser_reads():
    assert set(list_parameters()) == {"q", "sort", "page", "page_size", "lang", "near", "radius",
                                      *FACETS, *FLAGS}


def test_documented_choices_and_ranges_are_the_ones_enforced(client, db):
    params = list_parameters()
    assert params["sort"]["schema"]["enum"] == list(SORTS)
    assert params["page_size"]["schema"]["maximum"] == MAX_PAGE_SIZE
    for flag in FLAGS:
        assert params[flag]["schema"]["type"] == "boolean"

    for sort in SORTS:  # distance orders a search near a place
        assert client.get(f"{PREFIX}/offers", {"sort": sort, "near": "45768"}).status_code == 200
    for name in ("radius",):
        schema = params[name]["schema"]
        for value, status in ((schema["minimum"], 200), (schema["maximum"], 200),
                              (schema["minimum"] - 1, 400), (schema["maximum"] + 1, 400)):
            assert client.get(f"{PREFIX}/offers", {name: value, "near": "Marl"}).status_code == status
    assert params["lang"]["schema"]["enum"] == [code for code, _name in settings.LANGUAGES]
    for language in params["lang"]["schema"]["enum"]:
        assert client.get(f"{PREFIX}/offers", {"lang": language}).status_code == 200
    assert client.get(f"{PREFIX}/offers", {"lang": "xx"}).status_code == 400
    for name in ("page", "page_size"):
        schema = params[name]["schema"]
        get = client.get
        assert get(f"{PREFIX}/offers", {name: schema["minimum"]}).status_code == 200
        assert get(f"{PREFIX}/offers", {name: schema["maximum"]}).status_code == 200
        assert get(f"{PREFIX}/offers", {name: schema["minimum"] - 1}).status_code == 400
        assert get(f"{PREFIX}/offers", {name: schema["maximum"] + 1}).status_code == 400
    assert params["page"]["schema"]["maximum"] == MAX_PAGE


def test_a_default_answer_uses_the_documented_defaults(client, db):
    data = client.get(f"{PREFIX}/offers").json()

    params = list_parameters()
    assert data["page"] == params["page"]["schema"]["default"]
    assert data["page_size"] == params["page_size"]["schema"]["default"]


def test_the_offer_list_matches_its_schema(client, full_offer, make_offer, validate):
    make_offer("Zweites Angebot", last_verified=None, external_id=None)

    validate(client.get(f"{PREFIX}/offers").json(), "OfferList")
    validate(client.get(f"{PREFIX}/offers", {"page_size": 1, "page": 2}).json(), "OfferList")
    validate(client.get(f"{PREFIX}/offers", {"page": 99}).json(), "OfferList")


def test_the_offer_detail_matches_its_schema(client, full_offer, make_offer, validate):
    bare = make_offer("Online-Angebot", is_online=True, last_verified=None, cities=[])

    validate(client.get(f"{PREFIX}/offers/{full_offer.pk}").json(), "Offer")
    validate(client.get(f"{PREFIX}/offers/{bare.pk}").json(), "Offer")


def test_the_other_answers_match_their_schemas(client, full_offer, make_organisation, validate):
    lonely = make_organisation(name="Ohne Angebote")

    validate(client.get(f"{PREFIX}/organisations/{full_offer.organisation_id}").json(), "Organisation")
    validate(client.get(f"{PREFIX}/organisations/{lonely.pk}").json(), "Organisation")
    validate(client.get(f"{PREFIX}/taxonomy").json(), "Taxonomy")
    validate(client.get(f"{PREFIX}/").json(), "Index")


@pytest.mark.parametrize("schema_name, path", [
    ("OfferList", "/offers"), ("Offer", "/offers/{id}"), ("Taxonomy", "/taxonomy"),
])
def test_an_undocumented_field_would_fail_the_validation(client, full_offer, validate, schema_name, path):
    data = client.get(PREFIX + path.replace("{id}", str(full_offer.pk))).json()
    validate(data, schema_name)

    with pytest.raises(jsonschema.ValidationError):
        validate({**data, "undocumented": 1}, schema_name)
    if schema_name == "OfferList":
        data["results"][0]["undocumented"] = 1
        with pytest.raises(jsonschema.ValidationError):
            validate(data, schema_name)


def test_the_readme_mentions_every_path():
    readme = (Path(api_urls.__file__).parent / "README.md").read_text(encoding="utf-8")

    for path in document()["paths"]:
        assert f"{PREFIX}{path}" in readme, path


def test_empty_values_that_mean_absent_are_documented_as_allowed(client, db):
    """Fuzz finding: `lang=`, `sort=` and `free=` answer 200 like absent parameters, which the
    document must say (allowEmptyValue), or a client generating from it sees a contradiction."""
    params = list_parameters()
    for name in ("lang", "sort", *FLAGS):
        assert params[name]["allowEmptyValue"] is True, name
        assert client.get(f"{PREFIX}/offers", {name: ""}).status_code == 200, name
    for name in ("page", "page_size"):
        assert "allowEmptyValue" not in params[name]
        assert client.get(f"{PREFIX}/offers", {name: ""}).status_code == 400, name
