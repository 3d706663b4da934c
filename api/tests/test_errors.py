"""The one error shape of the API: {"error": {"code", "message", "parameter"}}.

Every bad parameter answers 400 naming the parameter, unknown things 404, writes 405 — all as
JSON in the same shape, and never a 500.
"""

import pytest

from api.openapi import ERROR_CODES

OFFERS = "/api/v1/offers"
READ_ONLY_PATHS = ["/api/v1/", OFFERS, "/api/v1/offers/1", "/api/v1/organisations/1",
                   "/api/v1/taxonomy", "/api/v1/openapi.json"]


def assert_error(response, status, code, parameter=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert set(data) == {"error"}
    assert set(data["error"]) == {"code", "message", "parameter"}
    assert data["error"]["code"] == code
    assert data["error"]["parameter"] == parameter
    assert data["error"]["message"]
    return data["error"]


@pytest.mark.parametrize("query, parameter, code", [
    ("page=abc", "page", "invalid_integer"),
    ("page=", "page", "invalid_integer"),
    ("page=1.5", "page", "invalid_integer"),
    ("page=0", "page", "out_of_range"),
    ("page=-1", "page", "out_of_range"),
    ("page=100001", "page", "out_of_range"),
    ("page=99999999999999999999999", "page", "out_of_range"),
    ("page_size=10000", "page_size", "out_of_range"),
    ("page_size=0", "page_size", "out_of_range"),
    ("page_size=101", "page_size", "out_of_range"),
    ("page_size=zwanzig", "page_size", "invalid_integer"),
    ("city=atlantis", "city", "unknown_value"),
    ("city=marl,atlantis", "city", "unknown_value"),
    ("topic=kochen", "topic", "unknown_value"),
    ("target_group=aliens", "target_group", "unknown_value"),
    ("language=klingonisch", "language", "unknown_value"),
    ("free=maybe", "free", "invalid_boolean"),
    ("accessible=vielleicht", "accessible", "invalid_boolean"),
    ("childcare=2", "childcare", "invalid_boolean"),
    ("sort=foo", "sort", "invalid_choice"),
    ("sort=-title", "sort", "invalid_choice"),
])
def test_a_bad_parameter_answers_400_naming_it(client, db, validate, query, parameter, code):
    response = client.get(f"{OFFERS}?{query}")

    error = assert_error(response, 400, code, parameter)
    validate(response.json(), "Error")
    assert parameter in error["message"] or code == "invalid_choice"


def test_error_messages_are_german(client, db):
    error = client.get(OFFERS, {"free": "maybe"}).json()["error"]

    assert error["message"] == "„free“ muss true oder false sein."


def test_an_unknown_slug_is_quoted_in_the_message_with_its_umlauts_intact(client, db):
    response = client.get(OFFERS, {"city": "münster"})

    assert "„münster“" in assert_error(response, 400, "unknown_value", "city")["message"]
    assert "münster".encode() in response.content


@pytest.mark.parametrize("query", [
    "q=" + "x" * 5000,
    "q=%00%01",
    "q=%FF%FE",
    "q=" + "%22%27%3B--%20DROP%20TABLE",
    "q=*&city=&topic=,,&free=",
    "q=%E2%80%8B%F0%9F%98%80",
    "page=%00",
    "city=%00",
    "sort=%00",
])
def test_odd_input_never_causes_a_server_error(client, db, query):
    response = client.get(f"{OFFERS}?{query}")

    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("path", [
    "/api/v1/nichts",
    "/api/v1/offers/",
    "/api/v1/offers/abc",
    "/api/v1/offers/1/places",
    "/api/v1/v2/offers",
    "/api/v1/offers/999999",
    "/api/v1/offers/99999999999999999999999",
    "/api/v1/offers/0",
    "/api/v1/organisations/999999",
])
def test_unknown_paths_and_objects_answer_404_in_the_error_shape(client, db, validate, path):
    response = client.get(path)

    assert_error(response, 404, "not_found")
    validate(response.json(), "Error")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", READ_ONLY_PATHS)
def test_writing_methods_answer_405_in_the_error_shape(client, db, validate, method, path):
    response = getattr(client, method)(path, data="{}", content_type="application/json")

    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    validate(response.json(), "Error")


def test_a_post_is_refused_with_json_even_without_a_csrf_token(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(OFFERS, {"q": "x"})

    assert_error(response, 405, "method_not_allowed")


def test_a_cors_preflight_is_answered(client, db):
    response = client.options(OFFERS, HTTP_ORIGIN="https://example.org",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_every_documented_error_code_can_actually_occur(client, db):
    # Docs tested against code: an error code listed in the document that nothing produces
    # (or one produced but not listed, caught by validate above) means the document is stale.
    seen = set()
    for query in ("page=abc", "page=0", "free=maybe", "sort=foo", "city=atlantis", "near=4576",
                  "near=45127", "near=Bochum", "radius=5"):
        seen.add(client.get(f"{OFFERS}?{query}").json()["error"]["code"])
    seen.add(client.get("/api/v1/nichts").json()["error"]["code"])
    seen.add(client.delete(OFFERS).json()["error"]["code"])

    assert seen == set(ERROR_CODES)
