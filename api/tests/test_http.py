"""HTTP rules of the open read API: JSON encoding, CORS, caching, ETags, no cookies.
(Last-Modified and If-Modified-Since: test_last_modified.py.)"""

import pytest
from django.utils import translation

from api.http import CACHE_CONTROL, DOCUMENT_CACHE_CONTROL

OFFERS = "/api/v1/offers"


@pytest.fixture
def paths(full_offer):
    return ["/api/v1/", OFFERS, f"/api/v1/offers/{full_offer.pk}",
            f"/api/v1/organisations/{full_offer.organisation_id}", "/api/v1/taxonomy",
            "/api/v1/openapi.json"]


def test_every_answer_is_utf8_json_readable_from_any_origin(client, paths):
    for path in paths:
        response = client.get(path, HTTP_ORIGIN="https://example.org")

        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"


def test_umlauts_are_sent_as_utf8_not_as_escapes(client, full_offer):
    content = client.get(OFFERS).content

    assert "für Frauen".encode() in content
    assert b"\\u00fc" not in content


def test_the_api_sets_no_cookies(client, paths):
    client.get("/api/v1/nichts")
    client.post(OFFERS)
    for path in paths:
        response = client.get(path)
        assert not response.cookies, path
        assert "Set-Cookie" not in response
    assert not client.cookies


def test_a_get_carries_a_weak_etag(client, full_offer):
    response = client.get(OFFERS)

    assert response["ETag"].startswith('W/"')


def test_the_same_answer_has_the_same_etag_and_a_different_one_another(client, full_offer):
    first = client.get(OFFERS)["ETag"]

    assert client.get(OFFERS)["ETag"] == first
    assert client.get(OFFERS, {"city": "marl"})["ETag"] == first  # same body
    assert client.get(OFFERS, {"city": "dorsten"})["ETag"] != first


def test_a_matching_if_none_match_answers_304_without_a_body(client, full_offer):
    etag = client.get(f"/api/v1/offers/{full_offer.pk}")["ETag"]

    response = client.get(f"/api/v1/offers/{full_offer.pk}", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"
    assert response["Cache-Control"] == CACHE_CONTROL
    assert "Content-Type" not in response


@pytest.mark.parametrize("header", ["{strong}", '"other", {weak}', "*"])
def test_if_none_match_is_compared_weakly(client, full_offer, header):
    weak = client.get(OFFERS)["ETag"]
    strong = weak.removeprefix("W/")

    response = client.get(OFFERS, HTTP_IF_NONE_MATCH=header.format(weak=weak, strong=strong))

    assert response.status_code == 304


def test_a_changed_offer_no_longer_matches_the_old_etag(client, full_offer):
    etag = client.get(f"/api/v1/offers/{full_offer.pk}")["ETag"]
    full_offer.title = "Deutschkurs für Frauen (neu)"
    full_offer.save()

    response = client.get(f"/api/v1/offers/{full_offer.pk}", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response.json()["title"] == "Deutschkurs für Frauen (neu)"


def test_errors_are_not_cached_publicly(client, db):
    response = client.get(OFFERS, {"page": "abc"})

    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response


def test_head_answers_like_get(client, full_offer):
    response = client.head(OFFERS)

    assert response.status_code == 200
    assert response["ETag"] == client.get(OFFERS)["ETag"]


def test_data_is_fresh_for_a_minute_and_may_be_served_stale_while_revalidating(client, paths):
    for path in paths[:-1]:
        assert client.get(path)["Cache-Control"] == "public, max-age=60, stale-while-revalidate=60", path


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/openapi.json"])
def test_the_openapi_documents_are_cached_for_an_hour(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Cache-Control"] == DOCUMENT_CACHE_CONTROL == "public, max-age=3600"
    assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("path, status", [
    (OFFERS + "?page=abc", 400), ("/api/v1/offers/999999", 404), ("/api/v1/nichts", 404),
])
def test_errors_are_readable_from_any_origin_and_never_reused_unasked(client, db, path, status):
    response = client.get(path, HTTP_ORIGIN="https://example.org")

    assert response.status_code == status
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response and "Last-Modified" not in response


def test_a_refused_method_answers_405_with_allow_and_cors(client, db):
    response = client.post(OFFERS, HTTP_ORIGIN="https://example.org")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_a_preflight_allows_the_conditional_request_headers(client, db):
    response = client.options(
        OFFERS, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )

    assert response.status_code == 204
    assert response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    allowed = {h.strip().lower() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert allowed == {"if-none-match", "if-modified-since"}
    assert response["Access-Control-Max-Age"] == "86400"


@pytest.mark.parametrize("accept_language", ["ar", "en-GB,en;q=0.8", "tr"])
def test_answers_do_not_depend_on_the_browser_language(client, full_offer, paths, accept_language):
    for path in [*paths, OFFERS + "?page=abc", "/api/v1/offers/999999", "/api/v1/nichts"]:
        german = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
        other = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)

        assert other.content == german.content, path
        assert "Accept-Language" not in other.get("Vary", ""), path
        assert "Content-Language" not in other, path
    translation.activate("de")


def test_error_messages_are_german_whatever_the_browser_asks_for(client, db):
    data = client.get("/api/v1/offers/999999", HTTP_ACCEPT_LANGUAGE="ar").json()

    assert data["error"]["message"] == "Nicht gefunden."


def test_links_follow_lang_not_the_browser_language(client, full_offer):
    data = client.get(f"/api/v1/offers/{full_offer.pk}", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert data["url"].endswith(f"/de/angebote/{full_offer.pk}/")

    data = client.get(f"/api/v1/offers/{full_offer.pk}", {"lang": "ar"}).json()
    assert data["url"].endswith(f"/ar/angebote/{full_offer.pk}/")
    translation.activate("de")


def test_taxonomy_names_stay_german_whatever_the_browser_asks_for(client, db):
    topics = client.get("/api/v1/taxonomy", HTTP_ACCEPT_LANGUAGE="ar").json()["topics"]

    assert {"slug": "sprache", "name": "Sprache"} in topics


def test_answers_vary_by_compression_only_also_when_not_modified(client, full_offer):
    first = client.get(OFFERS, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert first["Vary"] == "Accept-Encoding"

    again = client.get(OFFERS, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Vary"] == "Accept-Encoding"
    assert again["ETag"] == first["ETag"] == client.get(OFFERS)["ETag"]  # gzip or not


def test_taxonomy_names_come_in_the_lang_asked_for(client, db):
    data = client.get("/api/v1/taxonomy", {"lang": "en"}).json()
    translation.activate("de")

    topics = {t["slug"]: t["name"] for t in data["topics"]}
    assert topics["sprache"] != "Sprache"
    assert {c["slug"]: c["name"] for c in data["cities"]}["marl"] == "Marl"
    assert client.get("/api/v1/taxonomy", {"lang": "xx"}).json()["error"]["parameter"] == "lang"
