"""The combined OpenAPI document /api/openapi.json, tested against the code: every route of
/api/v1 and /api/hsds is in it under its full path, every documented path resolves to a real
view, and the whole is valid OpenAPI 3.1."""

import importlib
import json
import re

import jsonschema
import pytest
from django.urls import URLPattern, URLResolver, resolve, reverse

from api import openapi, openapi_combined
from api import urls as api_urls
from api.openapi_http import HEADER_NAMES

DOCUMENT = "/api/openapi.json"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def _hsds_urls():
    try:
        return importlib.import_module("hsds.urls")
    except ModuleNotFoundError:
        return None


def url_paths(prefix, patterns):
    """Routes as full OpenAPI paths ("offers/<int:id>" -> "/api/v1/offers/{id}"); catch-alls
    (the JSON 404 for unknown paths) aside."""
    paths = set()
    for pattern in patterns:
        assert isinstance(pattern, URLPattern | URLResolver)
        if pattern.name == "unknown":
            continue
        route = str(pattern.pattern)
        paths.add(prefix + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return paths


def documented(prefix):
    return {path for path in openapi_combined.document()["paths"] if path.startswith(prefix)}


def test_the_combined_document_is_served_at_api_openapi_json(client, db):
    response = client.get(DOCUMENT)

    assert response.status_code == 200
    assert reverse("api_openapi") == DOCUMENT
    data = json.loads(response.content)
    assert data == json.loads(json.dumps(openapi_combined.document()))
    assert data["openapi"] == "3.1.0"
    assert data["servers"] == [{"url": "/"}]


def test_every_v1_route_is_documented_under_its_full_path():
    assert documented("/api/v1/") == url_paths("/api/v1/", api_urls.urlpatterns)


def test_every_hsds_route_is_documented_under_its_full_path():
    hsds_urls = _hsds_urls()
    routes = url_paths("/api/hsds/", hsds_urls.urlpatterns) if hsds_urls else set()
    if routes and openapi_combined._hsds() is None:
        pytest.fail("hsds has routes but no hsds/openapi.py with paths() and schemas()")

    assert documented("/api/hsds/") == routes


def test_every_documented_path_resolves_to_a_real_view():
    for path in openapi_combined.document()["paths"]:
        match = resolve(re.sub(r"\{\w+\}", "1", path))
        assert match.url_name != "unknown", path


def test_the_v1_part_is_the_v1_document_with_full_paths():
    v1 = openapi.document()
    combined = openapi_combined.document()

    for path, item in v1["paths"].items():
        full = combined["paths"]["/api/v1" + path]
        assert {**full["get"], "tags": None} == {**item["get"], "tags": None}, path
    for name, schema in v1["components"]["schemas"].items():
        assert combined["components"]["schemas"][name] == schema


def test_operation_ids_are_unique():
    ids = [operation["operationId"] for item in openapi_combined.document()["paths"].values()
           for method, operation in item.items() if method in METHODS]
    assert len(ids) == len(set(ids))


def test_every_operation_documents_304_and_its_errors_with_their_headers():
    for path, item in openapi_combined.document()["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304"} <= set(responses), path
        if "{" in path:
            assert "404" in responses, path
        for status in ("200", "304"):
            headers = responses[status].get("headers", {})
            for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin"):
                assert name in headers, (path, status, name)


def test_every_reference_resolves():
    doc = openapi_combined.document()
    for ref in set(re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(doc))):
        node = doc
        for part in ref.split("/"):
            node = node[part]


def test_the_document_is_valid_openapi_3_1():
    # The OpenAPI 3.1 meta-schema as schemathesis ships it (a copy of the official one).
    from schemathesis.specs.openapi.definitions import OPENAPI_31

    doc = json.loads(json.dumps(openapi_combined.document()))
    jsonschema.Draft202012Validator(OPENAPI_31).validate(doc)
    for schema in doc["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_the_v1_document_is_valid_openapi_3_1_too():
    from schemathesis.specs.openapi.definitions import OPENAPI_31

    jsonschema.Draft202012Validator(OPENAPI_31).validate(json.loads(json.dumps(openapi.document())))


def test_a_broken_document_would_fail_the_meta_schema():
    from schemathesis.specs.openapi.definitions import OPENAPI_31

    doc = json.loads(json.dumps(openapi_combined.document()))
    doc["paths"]["/api/v1/offers"]["get"]["responses"]["200"]["headers"]["ETag"] = {"schema": 1}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(OPENAPI_31).validate(doc)


def test_hsds_schemas_that_clash_with_v1_are_renamed_with_their_references():
    paths = {"/api/v1/x": {"get": {"operationId": "getOffer", "responses": {}}}}
    schemas = {"Error": {"type": "object"}, "Offer": {"type": "object", "title": "v1"}}
    hsds_paths = {"/api/hsds/y": {"get": {"operationId": "getOffer", "responses": {"200": {
        "description": "", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Offer"}}}}}}}}
    hsds_schemas = {"Error": {"type": "object"}, "Offer": {"type": "object", "title": "hsds"},
                    "Service": {"$ref": "#/components/schemas/Offer"}}

    openapi_combined._merge_hsds(paths, schemas, hsds_paths, hsds_schemas)

    assert schemas["Offer"]["title"] == "v1" and schemas["HsdsOffer"]["title"] == "hsds"
    assert "HsdsError" not in schemas  # identical: shared
    assert schemas["Service"] == {"$ref": "#/components/schemas/HsdsOffer"}
    operation = paths["/api/hsds/y"]["get"]
    assert operation["operationId"] == "hsdsGetOffer"
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/HsdsOffer"}


def test_documented_header_names_are_the_ones_sent(client, full_offer):
    response = client.get(f"/api/v1/offers/{full_offer.pk}")
    for name in set(HEADER_NAMES.values()) - {"Allow"}:
        assert name in response, name
