"""The district map on the Angebotslandschaft and in its report: the same figures as the matrix
and the database, one topic or all, the landscape filters, and links to the matching search."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from changes import services
from offers.models import Offer
from offers.testing import real_city_slugs, visible_in_city
from search.engine import search_offers
from search.params import SearchParams

MATRIX = "/de/angebotslandschaft/"
STAFF = "/de/redaktion/angebotslandschaft/"
REPORT = "/de/angebotslandschaft/bericht/"


@pytest.fixture
def offers(make_offer):
    return [
        make_offer(title="A", cities=["marl", "dorsten"], topics=["sprache", "arbeit"],
                   target_groups=["gefluechtete"], languages=["de", "ar"]),
        make_offer(title="B", cities=["marl"], topics=["sprache"], languages=["de"]),
        make_offer(title="C", cities=["marl"], topics=["sprache", "wohnen"], target_groups=["kinder"]),
        make_offer(title="D", cities=["herten"], topics=["wohnen"]),
        make_offer(title="Kreis", cities=["kreisweit"], topics=["beratung"]),
        make_offer(title="Online", cities=[], topics=["sprache"], is_online=True),
        make_offer(title="Entwurf", cities=["marl"], status=Offer.Status.DRAFT),
        make_offer(title="Alt", cities=["herten"], last_verified=datetime.date(2025, 1, 1)),
    ]


def shown(response):
    """{city_slug: count} as the map shows it."""
    return {city["slug"]: city["count"] for city in response.context["map"]["cities"]}


def row_totals(response):
    return {row["city"].slug: row["total"] for row in response.context["landscape"].rows}




def test_the_map_shows_the_matrix_row_totals_and_the_database_figures(client, offers):
    response = client.get(MATRIX)
    assert response.status_code == 200
    figures = shown(response)
    assert sorted(figures) == sorted(real_city_slugs())
    totals = row_totals(response)
    for slug in real_city_slugs():
        assert figures[slug] == totals[slug] == visible_in_city(slug), slug
    # A counts once in Marl though it has two topics; the draft and the stale offer not at all
    assert (figures["marl"], figures["dorsten"], figures["herten"], figures["datteln"]) == (3, 1, 1, 0)
    assert response.context["map"]["districtwide"]["count"] == 1
    assert response.context["map"]["not_on_map"] == 2  # the online and the district-wide offer


def test_the_map_topic_shows_that_topics_column(client, offers):
    response = client.get(MATRIX, {"map_topic": "wohnen"})
    figures = shown(response)
    for slug in real_city_slugs():
        assert figures[slug] == visible_in_city(slug, topics__slug="wohnen"), slug
    assert (figures["marl"], figures["herten"], figures["dorsten"]) == (1, 1, 0)
    html = response.content.decode()
    assert '<option value="wohnen" selected>' in html
    # the matrix itself does not change with the map's topic
    assert row_totals(response) == row_totals(client.get(MATRIX))


def test_the_map_follows_the_landscape_filters(client, offers):
    response = client.get(MATRIX, {"language": "ar", "map_topic": "sprache"})
    figures = shown(response)
    for slug in real_city_slugs():
        assert figures[slug] == visible_in_city(slug, languages__slug="ar", topics__slug="sprache"), slug
    assert (figures["marl"], figures["dorsten"]) == (1, 1)

    response = client.get(MATRIX, {"target_group": "kinder"})
    figures = shown(response)
    assert figures == {slug: visible_in_city(slug, target_groups__slug="kinder")
                       for slug in real_city_slugs()}
    assert figures == {slug: row_totals(response)[slug] for slug in real_city_slugs()}
    assert figures["marl"] == 1


def test_an_archived_offer_leaves_the_map(client, offers, editor):
    assert shown(client.get(MATRIX))["marl"] == 3
    services.archive(offers[1], user=editor)
    response = client.get(MATRIX, {"map_topic": "sprache"})
    assert shown(response)["marl"] == visible_in_city("marl", topics__slug="sprache") == 2
    assert shown(client.get(MATRIX))["marl"] == 2


@pytest.mark.parametrize("value", ["nope", "sprache\x00", "<script>"])
def test_a_bad_map_topic_is_ignored(client, offers, value):
    response = client.get(MATRIX, {"map_topic": value})
    assert response.status_code == 200
    assert response.context["map"]["topic"] == ""
    assert shown(response) == shown(client.get(MATRIX))


def test_city_links_carry_city_map_topic_and_filters_and_find_the_same_number(client, offers):
    response = client.get(MATRIX, {"map_topic": "sprache", "language": "de"})
    for city in response.context["map"]["cities"]:
        query = parse_qs(urlsplit(city["url"]).query)
        assert urlsplit(city["url"]).path == "/de/angebote/"
        assert query == {"city": [city["slug"]], "topic": ["sprache"], "language": ["de"]}
        found = search_offers(SearchParams(city=(city["slug"],), topic=("sprache",), language=("de",)))
        assert found.count == city["count"], city["slug"]
    # without a map topic: only the city and the filters
    marl = next(c for c in client.get(MATRIX).context["map"]["cities"] if c["slug"] == "marl")
    assert parse_qs(urlsplit(marl["url"]).query) == {"city": ["marl"]}


def test_the_page_draws_the_map_with_empty_cities_marked_and_keeps_filters(client, offers):
    query = {"target_group": "kinder", "map_topic": "wohnen", "sort": "count"}
    html = client.get(MATRIX, query).content.decode()
    section = html.split('aria-labelledby="karte"', 1)[1].split("</section>", 1)[0]
    assert 'id="landscape-map-title"' in section and "district-map__svg" in section
    assert section.count('class="district-map__area district-map__area--s0"') >= 1
    datteln = re.search(r'<tr class="landscape__cell--empty">\s*<th scope="row"><a[^>]*>Datteln', section)
    assert datteln and "(kein Angebot)" in section
    # the map's form keeps the landscape filters, the filter form keeps the map's topic
    assert '<input type="hidden" name="target_group" value="kinder">' in section
    assert '<input type="hidden" name="sort" value="count">' in section
    assert '<input type="hidden" name="map_topic" value="wohnen">' in html.split('aria-labelledby="karte"')[0]
    assert "css/map.css" in html
    main = html.split("<main", 1)[1]
    assert "style=" not in main and "<script>" not in main
    # one title id per page
    assert len(re.findall(r'id="([^"]+-title)"', html)) == len(set(re.findall(r'id="([^"]+-title)"', html)))


def test_the_staff_page_has_the_map_too(client, offers, editor):
    client.force_login(editor)
    response = client.get(STAFF, {"map_topic": "wohnen"})
    assert response.status_code == 200
    assert shown(response)["herten"] == 1
    assert 'id="landscape-map-title"' in response.content.decode()


def test_the_report_contains_the_map_of_all_topics_for_its_filters(client, offers):
    response = client.get(REPORT, {"language": "ar", "map_topic": "wohnen"})
    assert response.status_code == 200
    figures = shown(response)
    # the report's map always shows all topics
    assert figures == {slug: visible_in_city(slug, languages__slug="ar") for slug in real_city_slugs()}
    assert figures == {slug: row_totals(response)[slug] for slug in real_city_slugs()}
    html = response.content.decode()
    assert 'id="report-map-title"' in html and "landscape-report__map" in html


def test_arabic_pages_with_the_map_answer_without_a_cookie(client, offers):
    for path in ("/ar/angebotslandschaft/", "/ar/angebotslandschaft/bericht/"):
        response = client.get(path, {"map_topic": "sprache"})
        assert response.status_code == 200 and not response.cookies
        assert 'direction="ltr"' in response.content.decode()
