"""Last-Modified is when the published data last changed; If-Modified-Since answers 304 while
nothing changed, and If-None-Match wins over it (RFC 9110, 13.2.2)."""

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from freshness.services import confirm
from search.models import DataVersion

D = datetime.date
OFFERS = "/api/v1/offers"
LONG_AGO = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


@pytest.fixture
def data_unchanged_since_long_ago(full_offer):
    """The data's time set far back, so any change is seen as a later second."""
    DataVersion.objects.filter(pk=1).update(changed_at=LONG_AGO)
    return http_date(LONG_AGO.timestamp())


@pytest.fixture
def data_paths(full_offer):
    return [OFFERS, f"{OFFERS}/{full_offer.pk}", f"/api/v1/organisations/{full_offer.organisation_id}",
            "/api/v1/taxonomy"]


def test_answers_that_depend_on_the_data_say_when_it_last_changed(
        client, data_paths, data_unchanged_since_long_ago):
    for path in data_paths:
        assert client.get(path)["Last-Modified"] == data_unchanged_since_long_ago, path
        assert client.head(path)["Last-Modified"] == data_unchanged_since_long_ago, path


def test_fixed_answers_carry_no_last_modified(client, db):
    for path in ("/api/v1/", "/api/v1/openapi.json", "/api/openapi.json"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Last-Modified" not in response, path


def test_an_unchanged_answer_since_its_date_is_a_304_without_body(
        client, data_paths, data_unchanged_since_long_ago):
    for path in data_paths:
        first = client.get(path, HTTP_ORIGIN="https://example.org")

        response = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

        assert response.status_code == 304, path
        assert response.content == b""
        assert "Content-Type" not in response
        assert response["Last-Modified"] == first["Last-Modified"]
        assert response["ETag"] == first["ETag"]
        assert response["Cache-Control"] == first["Cache-Control"]
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Expose-Headers"] == "ETag, Last-Modified"


def test_a_later_date_is_a_304_an_earlier_one_a_200(client, data_paths, data_unchanged_since_long_ago):
    later = http_date(LONG_AGO.timestamp() + 3600)
    earlier = http_date(LONG_AGO.timestamp() - 1)

    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=later).status_code == 304
    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


@pytest.mark.parametrize("value", ["gestern", "", "Tue, 99 Foo 2026 25:61:61 GMT", "0"])
def test_an_invalid_if_modified_since_is_ignored(client, data_unchanged_since_long_ago, value):
    response = client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=value)

    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_an_if_modified_since_in_the_future_is_ignored(client, data_unchanged_since_long_ago):
    tomorrow = http_date(time.time() + 86400)

    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=tomorrow).status_code == 200


def test_if_none_match_wins_over_if_modified_since(client, data_unchanged_since_long_ago):
    first = client.get(OFFERS)

    stale_etag = client.get(OFFERS, HTTP_IF_NONE_MATCH='W/"other"',
                            HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert stale_etag.status_code == 200  # the date alone would have said 304

    matching_etag = client.get(OFFERS, HTTP_IF_NONE_MATCH=first["ETag"],
                               HTTP_IF_MODIFIED_SINCE=http_date(LONG_AGO.timestamp() - 86400))
    assert matching_etag.status_code == 304  # the date alone would have said 200


def test_errors_ignore_if_modified_since(client, data_unchanged_since_long_ago):
    future_proof = http_date(time.time() - 1)

    assert client.get(OFFERS, {"page": "x"}, HTTP_IF_MODIFIED_SINCE=future_proof).status_code == 400
    assert client.get(f"{OFFERS}/999999", HTTP_IF_MODIFIED_SINCE=future_proof).status_code == 404


def _moved(client, path, before):
    response = client.get(path, HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200, path
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(before), path
    return response


def test_last_modified_moves_after_an_offer_edit(client, full_offer, data_paths,
                                                 data_unchanged_since_long_ago):
    full_offer.title = "Deutschkurs für Frauen (neu)"
    full_offer.save()

    for path in data_paths:
        _moved(client, path, data_unchanged_since_long_ago)


@pytest.mark.parametrize("change", ["contact", "time", "contact_link", "organisation", "confirmation"])
def test_last_modified_moves_after_changes_the_search_does_not_index(
        client, full_offer, data_unchanged_since_long_ago, change):
    """Contact persons, times, contact links, provider details and confirmations are public in
    the API but leave the search caches alone: the data's time moves all the same."""
    token = DataVersion.objects.get(pk=1).token
    if change == "contact":
        contact = full_offer.contacts.filter(consent_given_on__isnull=False).get()
        contact.phone = "02365 999"
        contact.save()
    elif change == "time":
        full_offer.times.first().delete()
    elif change == "contact_link":
        full_offer.contacts.clear()
    elif change == "organisation":
        full_offer.organisation.offers.all().delete()  # a provider without offers
        DataVersion.objects.filter(pk=1).update(changed_at=LONG_AGO)
        full_offer.organisation.phone = "02365 111"
        full_offer.organisation.save()
    else:
        confirm(full_offer, via="staff")
        assert DataVersion.objects.get(pk=1).token == token  # the search caches stay

    path = f"/api/v1/organisations/{full_offer.organisation_id}"
    if change != "organisation":
        path = f"{OFFERS}/{full_offer.pk}"
    _moved(client, path, data_unchanged_since_long_ago)


def test_last_modified_moves_when_an_offer_leaves_the_search_by_time(
        client, full_offer, travel_to, data_unchanged_since_long_ago):
    # full_offer was confirmed on 2026-10-01 and ends on 2027-06-30.
    organisation = f"/api/v1/organisations/{full_offer.organisation_id}"
    assert client.get(OFFERS).json()["count"] == 1

    travel_to(D(2027, 6, 30))  # its last day: nothing changes, still a 304
    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=data_unchanged_since_long_ago).status_code == 304
    assert client.get(organisation,
                      HTTP_IF_MODIFIED_SINCE=data_unchanged_since_long_ago).status_code == 304

    travel_to(D(2027, 7, 1))  # ended: it leaves the list and the provider's offers
    response = _moved(client, organisation, data_unchanged_since_long_ago)
    assert response.json()["offers"] == []
    assert _moved(client, OFFERS, data_unchanged_since_long_ago).json()["count"] == 0


def test_a_change_in_the_current_second_is_announced_a_second_early(client, full_offer, monkeypatch):
    """Otherwise a second change within the same second would carry the same date, and a
    client holding the first answer would get a 304 for the second."""
    second = int(time.time()) - 10
    clock = {"now": second + 0.5}
    monkeypatch.setattr("api.http.time.time", lambda: clock["now"])
    stamp = datetime.datetime.fromtimestamp(second + 0.2, tz=datetime.UTC)
    DataVersion.objects.filter(pk=1).update(changed_at=stamp)

    first = client.get(OFFERS)
    assert parse_http_date(first["Last-Modified"]) == second - 1

    DataVersion.objects.filter(pk=1).update(changed_at=stamp + datetime.timedelta(seconds=0.5))
    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200

    clock["now"] = second + 1.5  # a second later the date is exact
    assert parse_http_date(client.get(OFFERS)["Last-Modified"]) == second


def test_last_modified_never_lies_in_the_future(client, full_offer):
    DataVersion.objects.filter(pk=1).update(changed_at=timezone.now() + datetime.timedelta(hours=1))

    response = client.get(OFFERS)

    assert parse_http_date(response["Last-Modified"]) < time.time()


def test_the_time_is_set_again_when_the_change_commits(full_offer, django_capture_on_commit_callbacks):
    """A long transaction's change becomes visible at its commit: the time is taken then too."""
    # The fixture's writes share the test's transaction, whose callbacks never run.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        full_offer.title = "Neu"
        full_offer.save()
        full_offer.contacts.clear()
    DataVersion.objects.filter(pk=1).update(changed_at=LONG_AGO)

    assert len(callbacks) == 1  # once per transaction, however many changes
    callbacks[0]()
    assert DataVersion.objects.get(pk=1).changed_at > LONG_AGO


def test_an_organisation_costs_the_same_queries_with_one_offer_or_many(
        client, full_offer, make_offer, django_assert_max_num_queries):
    url = f"/api/v1/organisations/{full_offer.organisation_id}"
    client.get(url)  # the first request of the day sweeps the search index
    with django_assert_max_num_queries(4):  # the data's time, the provider, its offers, contacts
        client.get(url)
    for n in range(5):
        make_offer(f"Angebot {n}", organisation=full_offer.organisation)
    with django_assert_max_num_queries(4):
        assert len(client.get(url).json()["offers"]) == 6


def test_an_import_that_only_changes_a_contact_person_moves_last_modified(client, db, tmp_path):
    from exchange.importer import run_import

    header = "external_id,title,organisation,city,topics,contact_name,contact_phone,contact_email\n"
    row = "kurs-1,Deutschkurs,Caritasverband Marl,marl,sprache,Erika Beispiel,{phone},erika@example.org\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(header + row.format(phone="02365 1"), encoding="utf-8")
    second.write_text(header + row.format(phone="02365 2"), encoding="utf-8")
    assert run_import(str(first)).committed
    DataVersion.objects.filter(pk=1).update(changed_at=LONG_AGO)
    before = http_date(LONG_AGO.timestamp())

    assert run_import(str(second)).committed

    assert client.get(OFFERS, HTTP_IF_MODIFIED_SINCE=before).status_code == 200


def test_every_change_gives_another_exact_data_time(full_offer, rf):
    """For validators built before the body exists (HSDS streams): the exact time differs for
    every change, also two within one second, where the announced date cannot."""
    from api.http import data_changed

    first = data_changed(rf.get(OFFERS))
    full_offer.contacts.clear()
    second = data_changed(rf.get(OFFERS))

    assert second > first
