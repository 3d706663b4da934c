"""The root, the profile, HTTP behaviour shared with /api/v1, and the OpenAPI description."""

import json
import re

import jsonschema
import pytest
from django.urls import URLPattern, resolve
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.http import CACHE_CONTROL
from hsds import ids
from hsds import urls as hsds_urls
from hsds.openapi import PREFIX, document, paths, schemas

from .conftest import FORMATS, validator

ROOT_SCHEMA = ("openapi.json#/paths/~1/get/responses/200/content/application~1json/schema")


def test_the_root_answers_as_the_reference_api(get_json, hsds_valid, db):
    root = get_json("")

    hsds_valid(root, ROOT_SCHEMA)
    assert root["version"] == "3.0"
    assert root["profile"] == "http://testserver/api/hsds/profile"
    assert root["openapi_url"] == "http://testserver/api/hsds/openapi.json"


def test_the_profile_documents_the_mapping_and_the_licence(client, settings, db):
    settings.OPEN_DATA_LICENCE = "Testlizenz 1.0"

    response = client.get("/api/hsds/profile")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    for needle in ("assured_date", "last_verified", "consented", "uuid5", "proximity", "Testlizenz 1.0"):
        assert needle in text
    again = client.get("/api/hsds/profile", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_answers_are_open_cacheable_and_carry_an_etag(client, full_offer):
    response = client.get("/api/hsds/services")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == CACHE_CONTROL
    assert response["Last-Modified"]
    assert not response.cookies
    again = client.get("/api/hsds/services", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    stream = client.get("/api/hsds/services", {"format": "ndjson"})
    assert stream["Access-Control-Allow-Origin"] == "*"
    assert stream["Cache-Control"] == CACHE_CONTROL and stream["Last-Modified"]


@pytest.mark.parametrize("path", ["nichts", "services/", "services/x/y", "taxonomy", "v1/offers"])
def test_unknown_paths_answer_a_json_404(client, db, path):
    response = client.get(f"/api/hsds/{path}")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_only_reading_is_allowed(client, db):
    response = client.post("/api/hsds/services", {})

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert client.options("/api/hsds/services").status_code == 204


# --- the OpenAPI description --------------------------------------------------------------


def routes():
    found = set()
    for pattern in hsds_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name != "unknown":
            found.add(f"{PREFIX}/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern)))
    return found


def test_every_route_is_documented_and_every_documented_path_is_real():
    assert routes() == set(paths())
    for path in paths():
        assert path.startswith("/api/hsds/")
        assert resolve(path.replace("{id}", "x")).url_name != "unknown", path


def test_every_reference_resolves_within_the_components():
    text = json.dumps(paths()) + json.dumps(schemas())
    for name in set(re.findall(r'"#/components/schemas/(\w+)"', text)):
        assert name in schemas(), name
        assert name.startswith("Hsds"), name  # no clash when merged into the site's document


def test_every_reference_of_the_standalone_document_resolves():
    doc = document()
    for ref in set(re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(doc))):
        node = doc
        for part in ref.split("/"):
            node = node[part]


def test_the_standalone_document_is_valid_openapi_3_1():
    from schemathesis.specs.openapi.definitions import OPENAPI_31

    jsonschema.Draft202012Validator(OPENAPI_31).validate(json.loads(json.dumps(document())))


def test_the_document_is_served(client, db):
    response = client.get("/api/hsds/openapi.json")

    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(document()))


def _documented(path, status="200", content="application/json"):
    """A validator for the documented answer of GET `path`."""
    registry = Registry().with_resource(
        "urn:hsds-openapi", Resource.from_contents(document(), default_specification=DRAFT202012))
    pointer = path.replace("~", "~0").replace("/", "~1")
    content = content.replace("/", "~1")
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:hsds-openapi#/paths/{pointer}/get/responses/{status}/content/{content}/schema"},
        registry=registry, format_checker=FORMATS)


def test_real_answers_fit_the_documented_schemas(client, full_offer, online_offer):
    sal = ids.entity_id(ids.SERVICE_AT_LOCATION, full_offer.places.first().pk)
    cases = {
        f"{PREFIX}/": f"{PREFIX}/",
        f"{PREFIX}/services": f"{PREFIX}/services",
        f"{PREFIX}/services/{{id}}": f"{PREFIX}/services/{ids.entity_id(ids.SERVICE, full_offer.pk)}",
        f"{PREFIX}/service_at_locations": f"{PREFIX}/service_at_locations",
        f"{PREFIX}/service_at_locations/{{id}}": f"{PREFIX}/service_at_locations/{sal}",
        f"{PREFIX}/organizations": f"{PREFIX}/organizations",
        f"{PREFIX}/organizations/{{id}}":
            f"{PREFIX}/organizations/{ids.entity_id(ids.ORGANIZATION, full_offer.organisation_id)}",
        f"{PREFIX}/taxonomies": f"{PREFIX}/taxonomies",
        f"{PREFIX}/taxonomy_terms": f"{PREFIX}/taxonomy_terms",
    }
    for documented, url in cases.items():
        response = client.get(url)
        assert response.status_code == 200, url
        _documented(documented).validate(response.json())
    first = client.get(f"{PREFIX}/taxonomy_terms").json()["contents"][0]
    _documented(f"{PREFIX}/taxonomy_terms/{{id}}").validate(first)
    taxonomy = client.get(f"{PREFIX}/taxonomies").json()["contents"][0]
    _documented(f"{PREFIX}/taxonomies/{{id}}").validate(client.get(f"{PREFIX}/taxonomies/{taxonomy['id']}").json())


def test_errors_fit_the_documented_error_shape(client, db):
    bad = client.get(f"{PREFIX}/services", {"page": "x"})
    _documented(f"{PREFIX}/services", "400").validate(bad.json())
    missing = client.get(f"{PREFIX}/services/x")
    _documented(f"{PREFIX}/services/{{id}}", "404").validate(missing.json())


def test_the_page_envelope_fits_the_reference_page_schema(client, full_offer):
    validator("openapi.json#/components/schemas/Page").validate(client.get(f"{PREFIX}/services").json())
