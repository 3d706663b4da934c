"""Filters, facet counts, flags, sorting and paging."""

import datetime

import pytest
from django.utils import timezone

from offers.models import Offer
from search.engine import known_slugs, search_offers
from search.params import SearchParams

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("engine_path")]


@pytest.fixture
def corpus(make_offer):
    make_offer("Deutschkurs A", cities=["marl"], topics=["sprache"], languages=["de"],
               is_free=True, accessibility="yes")
    make_offer("Deutschkurs B", cities=["herten"], topics=["sprache"], languages=["de", "ar"],
               childcare=True)
    make_offer("Deutschkurs C", cities=["marl", "herten"], topics=["sprache", "frauen"],
               languages=["ar"], is_free=True, childcare=True)
    make_offer("Schwimmen D", cities=["dorsten"], topics=["sport"], languages=["de"],
               accessibility="no")


def test_facet_counts_show_what_each_value_would_give(corpus):
    result = search_offers(SearchParams(q="Deutschkurs"))
    assert result.count == 3
    assert result.facets["city"] == {"marl": 2, "herten": 2}
    assert result.facets["topic"] == {"sprache": 3, "frauen": 1}
    assert result.facets["language"] == {"de": 2, "ar": 2}
    assert result.facets["flags"] == {"free": 2, "accessible": 1, "childcare": 2}


def test_facet_counts_are_disjunctive_within_a_facet(corpus):
    result = search_offers(SearchParams(city=("marl",)))
    assert result.count == 2
    # the city counts ignore the city filter itself: choosing herten too would add results
    assert result.facets["city"] == {"marl": 2, "herten": 2, "dorsten": 1}
    # other facets are counted within the marl results
    assert result.facets["topic"] == {"sprache": 2, "frauen": 1}


def test_values_of_one_facet_combine_with_or_and_facets_with_and(corpus):
    result = search_offers(SearchParams(city=("marl", "dorsten")))
    assert {o.title for o in result.offers} == {"Deutschkurs A", "Deutschkurs C", "Schwimmen D"}
    result = search_offers(SearchParams(city=("marl", "dorsten"), language=("ar",)))
    assert [o.title for o in result.offers] == ["Deutschkurs C"]


def test_flags_filter_and_count_under_the_other_filters(corpus):
    result = search_offers(SearchParams(free=True))
    assert {o.title for o in result.offers} == {"Deutschkurs A", "Deutschkurs C"}
    assert result.facets["flags"]["free"] == 2
    assert result.facets["flags"]["childcare"] == 1
    result = search_offers(SearchParams(free=True, childcare=True))
    assert [o.title for o in result.offers] == ["Deutschkurs C"]
    assert result.facets["flags"] == {"free": 1, "accessible": 0, "childcare": 1}
    assert [o.title for o in search_offers(SearchParams(accessible=True)).offers] == [
        "Deutschkurs A"
    ]


def test_browsing_everything_counts_every_facet(corpus):
    result = search_offers(SearchParams())
    assert result.count == 4
    assert result.facets["city"] == {"marl": 2, "herten": 2, "dorsten": 1}
    assert result.facets["flags"] == {"free": 2, "accessible": 1, "childcare": 2}


def test_only_published_offers_are_found_or_counted(make_offer):
    make_offer("Deutschkurs veröffentlicht")
    for status in ("draft", "pending", "archived"):
        make_offer(f"Deutschkurs {status}", status=status)
    result = search_offers(SearchParams(q="Deutschkurs"))
    assert [o.title for o in result.offers] == ["Deutschkurs veröffentlicht"]
    assert result.count == 1
    assert result.facets["city"] == {"marl": 1}
    assert search_offers(SearchParams()).count == 1


def test_it_sorts_by_title_ignoring_case_and_umlauts(make_offer, search):
    for title in ("beratung", "Zumba", "Ärztliche Sprechstunde", "Apfelernte"):
        make_offer(title)
    assert search(sort="title") == ["Apfelernte", "Ärztliche Sprechstunde", "beratung", "Zumba"]
    assert search() == search(sort="title")  # relevance without a query falls back to A–Z


def test_it_sorts_by_newest(make_offer, search):
    for n, title in enumerate(("alt", "mittel", "neu")):
        offer = make_offer(title)
        stamp = timezone.now() - datetime.timedelta(days=10 - n)
        Offer.objects.filter(pk=offer.pk).update(created_at=stamp)
        offer.save()  # reindex with the new timestamp
    assert search(sort="newest") == ["neu", "mittel", "alt"]


def test_it_pages_through_results(make_offer):
    for n in range(25):
        make_offer(f"Kurs {n:02d}")
    first = search_offers(SearchParams(q="Kurs", sort="title", page_size=10))
    third = search_offers(SearchParams(q="Kurs", sort="title", page_size=10, page=3))
    beyond = search_offers(SearchParams(q="Kurs", sort="title", page_size=10, page=9))
    assert first.count == third.count == beyond.count == 25
    assert first.num_pages == 3
    assert [o.title for o in first.offers][:2] == ["Kurs 00", "Kurs 01"]
    assert [o.title for o in third.offers] == [f"Kurs {n}" for n in range(20, 25)]
    assert beyond.offers == []


def test_result_offers_come_with_their_relations_loaded(make_offer, django_assert_num_queries):
    make_offer("Deutschkurs", cities=["marl"], languages=["de", "ar"])
    offer = search_offers(SearchParams(q="Deutschkurs")).offers[0]
    with django_assert_num_queries(0):
        assert offer.organisation.name
        assert [c.slug for c in offer.cities.all()] == ["marl"]
        assert len(offer.languages.all()) == 2


def test_known_slugs_follow_the_taxonomy(db):
    from taxonomy.models import Topic

    assert "sprache" in known_slugs()["topic"]
    Topic.objects.create(slug="neu", name="Neues Thema")
    assert "neu" in known_slugs()["topic"]


def test_a_repeated_search_is_answered_from_the_cache(make_offer, django_assert_max_num_queries):
    make_offer("Deutschkurs")
    search_offers(SearchParams(q="Deutschkurs"))
    with django_assert_max_num_queries(1):  # only the data version
        assert search_offers(SearchParams(q="Deutschkurs")).count == 1
