"""HTTP rules of the open read API: JSON encoding, CORS, caching, ETags, no cookies."""

import pytest

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
        assert response["Cache-Control"] == "public, max-age=60"


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
    assert response["Cache-Control"] == "public, max-age=60"


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
