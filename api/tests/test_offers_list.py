"""GET /api/v1/offers: filters, facets, paging, sorting, and the cost of a page."""

import datetime

import pytest

from offers.models import Offer

URL = "/api/v1/offers"


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["results"])


@pytest.fixture
def district(make_offer):
    """Five published offers spread over cities, topics, groups, languages and flags."""
    return {
        "marl_course": make_offer("Deutschkurs Marl", cities=["marl"], topics=["sprache"],
                                  target_groups=["frauen"], languages=["de"], is_free=True),
        "herten_course": make_offer("Deutschkurs Herten", cities=["herten"], topics=["sprache"],
                                    languages=["de", "ar"], accessibility="yes"),
        "marl_job": make_offer("Jobcafé Marl", cities=["marl"], topics=["arbeit"],
                               target_groups=["gefluechtete"], languages=["ar"], childcare=True),
        "dorsten_sport": make_offer("Schwimmen Dorsten", cities=["dorsten"], topics=["sport"],
                                    languages=["de"], is_free=True, accessibility="yes"),
        "everywhere": make_offer("Beratung kreisweit", cities=["kreisweit"], topics=["beratung"],
                                 languages=["de", "en"], is_free=True, childcare=True),
    }


def test_it_lists_only_published_offers(client, make_offer):
    make_offer("Öffentlich")
    for status in (Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED):
        make_offer(f"Nicht öffentlich ({status})", status=status)

    response = client.get(URL)

    assert titles(response) == ["Öffentlich"]
    assert response.json()["count"] == 1


def test_each_result_has_the_documented_fields(client, full_offer):
    [item] = client.get(URL).json()["results"]

    assert item == {
        "id": full_offer.pk,
        "external_id": "caritas-42",
        "title": "Deutschkurs für Frauen mit Kinderbetreuung",
        "summary": "Sprachkurs am Vormittag",
        "text_language": "de",
        "described_in": ["de"],
        "url": f"http://testserver/de/angebote/{full_offer.pk}/",
        "organisation": {"id": full_offer.organisation_id, "name": "Caritas Beispielverband"},
        "cities": ["herten", "marl"],
        "topics": ["sprache", "frauen"],
        "target_groups": ["neuzugewanderte", "frauen"],
        "languages": ["de", "ar"],
        "free": True,
        "last_verified": "2026-10-01",
        "distance_km": None,  # only a search near a place has distances (api/tests/test_near.py)
    }


def test_the_url_is_the_absolute_address_of_the_html_offer_page(client, make_offer, settings):
    settings.ALLOWED_HOSTS = ["angebote.example.org"]
    offer = make_offer()

    [item] = client.get(URL, HTTP_HOST="angebote.example.org").json()["results"]

    assert item["url"] == "http://angebote.example.org" + offer.get_absolute_url()


def test_a_missing_verification_date_is_null(client, make_offer):
    make_offer(last_verified=None)

    [item] = client.get(URL).json()["results"]

    assert item["last_verified"] is None


def test_it_filters_by_city(client, district):
    assert titles(client.get(URL, {"city": "marl"})) == ["Deutschkurs Marl", "Jobcafé Marl"]


@pytest.mark.parametrize("query", [
    "city=marl&city=dorsten",
    "city=marl,dorsten",
    "city=marl,%20dorsten",
    "city=MARL&city=dorsten&city=marl",
])
def test_values_within_one_filter_combine_with_or(client, district, query):
    assert titles(client.get(f"{URL}?{query}")) == [
        "Deutschkurs Marl", "Jobcafé Marl", "Schwimmen Dorsten",
    ]


def test_different_filters_combine_with_and(client, district):
    response = client.get(URL, {"city": ["marl", "herten"], "topic": "sprache", "language": "ar"})

    assert titles(response) == ["Deutschkurs Herten"]


def test_it_filters_by_target_group_and_language(client, district):
    assert titles(client.get(URL, {"target_group": "frauen"})) == ["Deutschkurs Marl"]
    assert titles(client.get(URL, {"language": "en"})) == ["Beratung kreisweit"]


@pytest.mark.parametrize("flag, value, expected", [
    ("free", "true", ["Beratung kreisweit", "Deutschkurs Marl", "Schwimmen Dorsten"]),
    ("free", "false", ["Deutschkurs Herten", "Jobcafé Marl"]),
    ("accessible", "true", ["Deutschkurs Herten", "Schwimmen Dorsten"]),
    ("childcare", "1", ["Beratung kreisweit", "Jobcafé Marl"]),
    ("childcare", "", [
        "Beratung kreisweit", "Deutschkurs Herten", "Deutschkurs Marl", "Jobcafé Marl",
        "Schwimmen Dorsten",
    ]),
])
def test_it_filters_by_flags(client, district, flag, value, expected):
    assert titles(client.get(URL, {flag: value})) == expected


def test_it_searches_the_text(client, district):
    assert titles(client.get(URL, {"q": "Schwimmen"})) == ["Schwimmen Dorsten"]


def test_the_text_search_combines_with_filters(client, district):
    assert titles(client.get(URL, {"q": "Deutschkurs", "city": "herten"})) == ["Deutschkurs Herten"]


def test_it_answers_facet_counts(client, district):
    facets = client.get(URL).json()["facets"]

    assert facets["city"]["marl"] == 2
    assert facets["city"]["dorsten"] == 1
    assert facets["topic"]["sprache"] == 2
    assert facets["target_group"]["gefluechtete"] == 1
    assert facets["language"]["de"] == 4
    assert facets["flags"] == {"free": 3, "accessible": 2, "childcare": 2}


def test_facet_values_come_with_the_most_results_first(client, district):
    facets = client.get(URL).json()["facets"]

    assert list(facets["language"]) == ["de", "ar", "en"]
    assert list(facets["city"])[0] == "marl"


def test_facet_counts_tell_what_another_value_of_the_same_filter_would_add(client, district):
    facets = client.get(URL, {"city": "marl"}).json()["facets"]

    # OR within a facet: choosing Dorsten as well would add its one offer.
    assert facets["city"]["dorsten"] == 1
    # AND across facets: topics are counted within Marl only.
    assert facets["topic"].get("sport", 0) == 0
    assert facets["topic"]["arbeit"] == 1


def test_it_pages_through_the_results(client, make_offer):
    for n in range(5):
        make_offer(f"Angebot {n}")

    first = client.get(URL, {"page_size": 2, "sort": "title"}).json()
    second = client.get(URL, {"page_size": 2, "sort": "title", "page": 2}).json()
    last = client.get(URL, {"page_size": 2, "sort": "title", "page": 3}).json()

    assert [r["title"] for r in first["results"]] == ["Angebot 0", "Angebot 1"]
    assert [r["title"] for r in second["results"]] == ["Angebot 2", "Angebot 3"]
    assert [r["title"] for r in last["results"]] == ["Angebot 4"]
    assert (first["count"], first["page"], first["page_size"], first["num_pages"]) == (5, 1, 2, 3)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/offers?sort=title&page=2&page_size=2"
    assert second["previous"] == "http://testserver/api/v1/offers?sort=title&page_size=2"
    assert last["next"] is None


def test_the_next_link_keeps_the_filters(client, district):
    data = client.get(URL, {"city": "marl", "free": "false", "q": "Jobcafé", "page_size": 1}).json()

    assert data["next"] is None
    data = client.get(URL, {"language": ["de", "ar"], "page_size": 1}).json()
    assert data["next"].endswith("?language=ar&language=de&page=2&page_size=1")


def test_a_page_past_the_end_answers_200_with_no_results(client, make_offer):
    make_offer()

    response = client.get(URL, {"page": 7})

    assert response.status_code == 200
    data = response.json()
    assert (data["count"], data["page"], data["results"], data["next"]) == (1, 7, [], None)
    assert data["previous"] == "http://testserver/api/v1/offers"


def test_the_page_size_defaults_to_twenty(client, make_offer):
    for n in range(21):
        make_offer(f"Angebot {n:02}")

    data = client.get(URL).json()

    assert (data["page_size"], len(data["results"]), data["num_pages"]) == (20, 20, 2)


def test_it_sorts_by_title(client, district):
    data = client.get(URL, {"sort": "title"}).json()

    assert [r["title"] for r in data["results"]] == sorted(r["title"] for r in data["results"])


def test_it_sorts_the_newest_first(client, make_offer):
    old = make_offer("Älteres Angebot")
    Offer.objects.filter(pk=old.pk).update(
        created_at=old.created_at - datetime.timedelta(days=30)
    )
    make_offer("Neues Angebot")

    data = client.get(URL, {"sort": "newest"}).json()

    assert [r["title"] for r in data["results"]] == ["Neues Angebot", "Älteres Angebot"]


def test_unknown_parameters_are_ignored(client, district):
    plain = client.get(URL).json()

    response = client.get(URL, {"format": "xml", "utm_source": "newsletter", "cities": "atlantis"})

    assert response.status_code == 200
    assert response.json() == plain


@pytest.fixture
def many_offers(make_offer):
    for n in range(25):
        make_offer(f"Angebot {n}", cities=["marl", "herten"], topics=["sprache"],
                   target_groups=["frauen"], languages=["de", "ar"])


def test_a_page_of_twenty_costs_at_most_twelve_queries(client, many_offers, django_assert_max_num_queries):
    # A running server has loaded the search vocabulary once; this request is measured as one
    # that hits no cached result of its own.
    client.get(URL, {"q": "warm-up"})
    with django_assert_max_num_queries(12):
        response = client.get(URL)

    assert len(response.json()["results"]) == 20


def test_the_number_of_queries_does_not_grow_with_the_page_size(client, many_offers):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL, {"q": "warm-up"})  # loads what the search engine keeps per process
    counts = []
    for page_size in (1, 25):
        cache.clear()  # both measured with the same (empty) shared cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"page_size": page_size})
        assert len(response.json()["results"]) == page_size
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_serialising_a_search_result_needs_no_query_at_all(many_offers, rf, django_assert_num_queries):
    from api import serializers
    from offers.models import prefetch_translations
    from search.engine import search_offers
    from search.params import SearchParams

    result = search_offers(SearchParams(page_size=25))
    prefetch_translations(result.offers)  # as the view does: one query for the page
    offer_url = serializers.url_builder(rf.get(URL), "offers:detail")

    with django_assert_num_queries(0):
        data = serializers.offer_list(result, offer_url, None, None)

    assert len(data["results"]) == 25
    assert data["results"][0]["cities"] == ["herten", "marl"]
