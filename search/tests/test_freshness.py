"""Hidden (not confirmed for too long) and ended offers leave the search by themselves, when
only the date moves; a confirmation brings an offer back at once."""

import datetime
import importlib

import pytest
from django.apps import apps

from freshness import rules
from freshness.services import confirm
from offers.models import Offer
from search import version
from search.engine import search_offers
from search.indexing import rebuild_index, sweep_expired
from search.models import SearchDocument, SearchFacet
from search.params import SearchParams

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today(travel_to):
    """The dates below are written for this day, whenever the tests run."""
    travel_to(D(2026, 11, 25))


def test_only_visible_offers_are_indexed(make_offer, search):
    make_offer("Sprachcafé aktuell", last_verified=D(2026, 10, 1))
    make_offer("Sprachcafé vergessen", last_verified=D(2025, 10, 1))
    make_offer("Sprachcafé vorbei", last_verified=D(2026, 10, 1), end_date=D(2026, 11, 1))
    assert search("Sprachcafé") == ["Sprachcafé aktuell"]
    assert SearchDocument.objects.count() == 1


def test_each_document_knows_its_last_visible_day(make_offer):
    verified = make_offer("Erst geprüft", last_verified=D(2026, 8, 31))
    course = make_offer("Kurs mit Ende", last_verified=D(2026, 10, 1), end_date=D(2027, 3, 31))
    days = dict(SearchDocument.objects.values_list("offer_id", "visible_until"))
    assert days == {verified.pk: D(2027, 8, 31), course.pk: D(2027, 3, 31)}


def test_an_offer_leaves_results_and_facet_counts_when_only_the_date_moves(
        make_offer, search, travel_to, engine_path):
    make_offer("Deutschkurs Marl", cities=["marl"], last_verified=D(2026, 10, 1))
    make_offer("Deutschkurs Herten", cities=["herten"], last_verified=D(2026, 11, 20))
    before = search_offers(SearchParams(q="Deutschkurs"))
    assert before.count == 2 and before.facets["city"] == {"marl": 1, "herten": 1}

    travel_to(D(2027, 10, 1))  # the last day the Marl course is visible
    assert sorted(search("Deutschkurs")) == ["Deutschkurs Herten", "Deutschkurs Marl"]
    travel_to(D(2027, 10, 2))
    after = search_offers(SearchParams(q="Deutschkurs"))
    assert [o.title for o in after.offers] == ["Deutschkurs Herten"]
    assert after.facets["city"] == {"herten": 1}
    assert after.facets["topic"] == {"sprache": 1}
    assert search(city=["marl"]) == []
    assert Offer.objects.get(title="Deutschkurs Marl").status == Offer.Status.PUBLISHED


def test_an_ended_course_leaves_the_day_after_its_end(make_offer, search, travel_to):
    make_offer("Schwimmkurs", end_date=D(2026, 12, 31))
    travel_to(D(2026, 12, 31))
    assert search("Schwimmkurs") == ["Schwimmkurs"]
    travel_to(D(2027, 1, 1))
    assert search("Schwimmkurs") == []
    assert search() == []


def test_a_confirmation_brings_the_offer_back_at_once(make_offer, search, travel_to):
    offer = make_offer("Elterncafé", last_verified=D(2026, 10, 1))
    travel_to(D(2027, 12, 1))
    assert search("Elterncafé") == []
    confirm(offer, via="staff")
    assert search("Elterncafé") == ["Elterncafé"]
    assert SearchDocument.objects.get(offer=offer).visible_until == D(2028, 12, 1)


def test_the_sweep_runs_once_a_day_and_warm_searches_gain_no_query(
        make_offer, travel_to, django_assert_max_num_queries):
    make_offer("Deutschkurs", last_verified=D(2026, 10, 1))
    travel_to(D(2027, 1, 10))
    search_offers(SearchParams(q="Deutschkurs"))  # the first search of the day sweeps
    with django_assert_max_num_queries(1):  # only the data version
        assert search_offers(SearchParams(q="Deutschkurs")).count == 1
    travel_to(D(2027, 1, 11))
    with django_assert_max_num_queries(2):  # a new day: one look for expired documents
        assert search_offers(SearchParams(q="Deutschkurs")).count == 1


def test_the_sweep_removes_documents_and_facets_and_bumps_the_version_only_when_needed(make_offer):
    keep = make_offer("Bleibt", last_verified=D(2026, 10, 1))
    make_offer("Geht", last_verified=D(2026, 3, 1))
    token = version.current()[0]
    assert sweep_expired(D(2027, 2, 1)) == 0
    assert version.current()[0] == token
    assert sweep_expired(D(2027, 3, 2)) == 1
    assert version.current()[0] != token
    assert list(SearchDocument.objects.values_list("offer_id", flat=True)) == [keep.pk]
    assert set(SearchFacet.objects.values_list("offer_id", flat=True)) == {keep.pk}


def test_the_rebuild_indexes_visible_offers_only(make_offer, search):
    make_offer("Kochkurs", last_verified=D(2026, 10, 1))
    make_offer("Kochkurs alt", last_verified=D(2024, 10, 1))
    SearchDocument.objects.all().delete()
    assert rebuild_index() == 1
    assert search("Kochkurs") == ["Kochkurs"]


def test_the_migration_dates_existing_documents_and_drops_invisible_ones(make_offer, travel_to):
    travel_to(D(2026, 6, 1))
    old = make_offer("Alt geprüft", last_verified=D(2025, 7, 1))  # visible until 1 July 2026
    fresh = make_offer("Frisch geprüft", last_verified=D(2026, 5, 1))
    SearchDocument.objects.update(visible_until=None)  # as before the migration
    travel_to(D(2026, 11, 25))
    migration = importlib.import_module("search.migrations.0005_visible_until")
    migration.set_visible_until(apps, None)
    assert dict(SearchDocument.objects.values_list("offer_id", "visible_until")) == {
        fresh.pk: rules.visible_until(D(2026, 5, 1))}
    assert not SearchFacet.objects.filter(offer=old).exists()


def test_confirming_an_offer_in_the_search_extends_its_day_and_keeps_the_caches(make_offer):
    offer = make_offer("Elterncafé", last_verified=D(2026, 10, 1))
    token = version.current()[0]
    confirm(offer, via="staff")
    assert SearchDocument.objects.get(offer=offer).visible_until == D(2027, 11, 25)
    assert version.current()[0] == token  # same results: no cache needs to go


def test_confirming_an_offer_that_ended_since_the_sweep_drops_it(make_offer, search, travel_to):
    offer = make_offer("Kurs", last_verified=D(2026, 10, 1), end_date=D(2026, 12, 31))
    travel_to(D(2027, 1, 2))  # no search yet today, so no sweep
    confirm(offer, via="staff")
    assert not SearchDocument.objects.filter(offer=offer).exists()
    assert search("Kurs") == []
