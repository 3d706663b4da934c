"""format=ndjson streams, paging edges, and bad parameters answering 400 naming them."""

import datetime
import json

import pytest

from hsds import ids, queries
from hsds.vocabulary import term_id
from offers.models import Place
from taxonomy.models import City

LISTS = ("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms")


def ndjson_lines(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response.streaming
    body = b"".join(response.streaming_content).decode()
    assert body == "" or body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


@pytest.fixture
def many(make_offer, online_offer):
    marl = City.objects.get(slug="marl")
    for n in range(7):
        offer = make_offer(f"Angebot {n}", cities=["marl" if n % 2 else "herten"])
        Place.objects.create(offer=offer, city=marl, street="Weg 1")


@pytest.mark.parametrize("path", LISTS)
def test_ndjson_streams_every_object_of_the_list(client, get_json, hsds_valid, many, path, monkeypatch):
    monkeypatch.setattr(queries, "BATCH_SIZE", 3)  # several batches even for a small set
    total = get_json(path, per_page=2)["total_items"]

    lines = ndjson_lines(client.get(f"/api/hsds/{path}", {"format": "ndjson", "per_page": 2}))

    assert len(lines) == total > 2
    assert len({line["id"] for line in lines}) == total
    schema = {"services": "service.json", "service_at_locations": "service_at_location.json",
              "organizations": "organization.json", "taxonomies": "taxonomy.json",
              "taxonomy_terms": "taxonomy_term.json"}[path]
    for line in lines:
        hsds_valid(line, schema)


def test_ndjson_keeps_the_other_filters_and_the_order(client, get_json, many):
    marl = term_id("cities", "marl")

    lines = ndjson_lines(client.get("/api/hsds/services", {"format": "ndjson", "taxonomy_term_id": marl}))
    pages = get_json("services", taxonomy_term_id=marl, per_page=100)

    assert [line["id"] for line in lines] == [item["id"] for item in pages["contents"]]
    assert [line["name"] for line in lines] == ["Angebot 1", "Angebot 3", "Angebot 5"]


def test_ndjson_of_nothing_is_empty(client, db):
    assert ndjson_lines(client.get("/api/hsds/services", {"format": "ndjson"})) == []


def test_ndjson_answers_head_without_a_body(client, many):
    response = client.head("/api/hsds/services", {"format": "ndjson"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert response.content == b""


def test_a_client_holding_the_current_dump_gets_an_empty_304(client, many, make_offer, monkeypatch):
    from django.utils import timezone

    from search import version

    # Data changed within the current second is announced a second early and compared exactly
    # (api/http.py data_last_modified), so If-Modified-Since can only match older changes.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    monkeypatch.setattr(version, "changed_at", lambda: an_hour_ago)
    first = client.get("/api/hsds/services", {"format": "ndjson"})
    etag, modified = first["ETag"], first["Last-Modified"]

    again = client.get("/api/hsds/services", {"format": "ndjson"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag
    assert client.get("/api/hsds/services", {"format": "ndjson"},
                      HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    other_filter = client.get("/api/hsds/services", {"format": "ndjson", "search": "Angebot"},
                              HTTP_IF_NONE_MATCH=etag)
    assert other_filter.status_code == 200 and other_filter["ETag"] != etag


def test_the_dump_validator_changes_with_the_data(client, many, monkeypatch):
    from django.utils import timezone

    from search import version

    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    monkeypatch.setattr(version, "changed_at", lambda: an_hour_ago)
    first = client.get("/api/hsds/services", {"format": "ndjson"})
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    monkeypatch.setattr(version, "changed_at", lambda: a_minute_ago)  # the data changed since

    again = client.get("/api/hsds/services", {"format": "ndjson"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again["Last-Modified"] != first["Last-Modified"]


def test_a_page_past_the_end_is_empty_not_an_error(get_json, many):
    page = get_json("services", page=99, per_page=5)

    assert page | {"contents": None} == {
        "total_items": 8, "total_pages": 2, "page_number": 99, "size": 0, "first_page": False,
        "last_page": True, "empty": True, "contents": None}
    assert page["contents"] == []


def test_no_results_is_one_empty_page(get_json, db):
    assert get_json("services") == {"total_items": 0, "total_pages": 0, "page_number": 1, "size": 0,
                                    "first_page": True, "last_page": True, "empty": True, "contents": []}


def test_per_page_up_to_100(get_json, many):
    assert get_json("services", per_page=100)["size"] == 8
    assert get_json("services", per_page=3, page=3) | {"contents": None} == {
        "total_items": 8, "total_pages": 3, "page_number": 3, "size": 2, "first_page": False,
        "last_page": True, "empty": False, "contents": None}


BAD = [
    ("services", {"page": "x"}, "page", "invalid_integer"),
    ("services", {"page": "0"}, "page", "out_of_range"),
    ("services", {"page": "1.5"}, "page", "invalid_integer"),
    ("services", {"page": "1_0"}, "page", "invalid_integer"),
    ("services", {"page": "9" * 5000}, "page", "invalid_integer"),
    ("organizations", {"per_page": "101"}, "per_page", "out_of_range"),
    ("taxonomies", {"per_page": "0"}, "per_page", "out_of_range"),
    ("taxonomy_terms", {"per_page": ""}, "per_page", "invalid_integer"),
    ("services", {"format": "xml"}, "format", "invalid_choice"),
    ("service_at_locations", {"format": "csv"}, "format", "invalid_choice"),
    ("services", {"taxonomy_term_id": "sprache"}, "taxonomy_term_id", "invalid_uuid"),
    ("services", {"taxonomy_term_id": "00000000-0000-0000-0000-000000000000"}, "taxonomy_term_id",
     "unknown_value"),
    ("services", {"organization_id": "42"}, "organization_id", "invalid_uuid"),
    ("services", {"modified_after": "gestern"}, "modified_after", "invalid_datetime"),
    ("services", {"modified_after": "2026-13-01"}, "modified_after", "invalid_datetime"),
    ("services", {"modified_after": "2026-02-30T10:00:00Z"}, "modified_after", "invalid_datetime"),
    ("service_at_locations", {"modified_after": "1.1.2026"}, "modified_after", "invalid_datetime"),
    ("taxonomy_terms", {"taxonomy_id": "x"}, "taxonomy_id", "invalid_uuid"),
]


@pytest.mark.parametrize(("path", "params", "parameter", "code"), BAD)
def test_a_bad_parameter_answers_400_naming_it(client, db, path, params, parameter, code):
    response = client.get(f"/api/hsds/{path}", params)

    assert response.status_code == 400, response.content
    assert response.json()["error"]["parameter"] == parameter
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_too_many_terms_answer_400(client, db):
    from hsds.vocabulary import Vocabulary

    class Links:
        def taxonomy(self, value):
            return f"https://example.org/{value}"

        term = taxonomy

    every_term = [term["id"] for term in Vocabulary(Links()).all_terms()]

    response = client.get("/api/hsds/services", {"taxonomy_term_id": ",".join(every_term)})

    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "taxonomy_term_id"


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_modified_after_at_the_edge_of_the_calendar_is_no_error(client, db, value):
    assert client.get("/api/hsds/services", {"modified_after": value}).status_code == 200


def test_unknown_parameters_are_ignored(get_json, many):
    assert get_json("services", full="true", minimal="1", sort="x")["total_items"] == 8


def test_an_unknown_organization_id_in_service_at_locations_finds_nothing(get_json, many):
    assert get_json("service_at_locations",
                    organization_id=ids.entity_id(ids.ORGANIZATION, 10**9))["total_items"] == 0
