"""The SVG district map of a search: figures, links, selection, Merkliste, bad input."""

import datetime
import re

import pytest
from django.db.models import Q

from changes import services
from offers.models import Offer
from offers.testing import real_city_slugs, visible_in_city
from search.engine import search_offers
from search.params import SearchParams
from taxonomy.models import City

MAP = "/de/angebote/karte/"
RESULTS = "/de/angebote/"


@pytest.fixture
def offers(make_offer):
    return [
        make_offer(title="Deutschkurs Marl Dorsten", cities=["marl", "dorsten"], topics=["sprache"],
                   is_free=True),
        make_offer(title="Deutschkurs Marl", cities=["marl"], topics=["sprache"]),
        make_offer(title="Bewerbungstraining Herten", cities=["herten"], topics=["arbeit"],
                   is_free=True),
        make_offer(title="Hausaufgabenhilfe Herten", cities=["herten"], topics=["bildung"]),
        make_offer(title="Online-Sprachcafé", cities=[], topics=["sprache"], is_online=True,
                   is_free=True),
        make_offer(title="Beratung im ganzen Kreis", cities=["kreisweit"], topics=["beratung"]),
        make_offer(title="Entwurf in Marl", cities=["marl"], status=Offer.Status.DRAFT),
        make_offer(title="Lange nicht bestätigt", cities=["marl"], last_verified=datetime.date(2024, 1, 1)),
    ]


def figures(response):
    """{slug: count} as the map shows it."""
    return {city["slug"]: city["count"] for city in response.context["map"]["cities"]}




def test_every_city_shows_the_number_of_visible_offers_there(client, offers):
    response = client.get(MAP)
    assert response.status_code == 200
    shown = figures(response)
    assert sorted(shown) == sorted(real_city_slugs())
    for slug in real_city_slugs():
        assert shown[slug] == visible_in_city(slug), slug
    assert shown["marl"] == 2 and shown["herten"] == 2 and shown["dorsten"] == 1 and shown["datteln"] == 0
    # the same figures the results page's city filter shows
    facets = search_offers(SearchParams()).facets["city"]
    assert {slug: facets.get(slug, 0) for slug in shown} == shown


def test_each_city_is_drawn_with_its_name_and_count(client, offers):
    html = client.get(MAP).content.decode()
    start = html.index('<svg class="district-map__svg"')
    svg = html[start:html.index("</svg>", start)]
    assert svg.count('class="district-map__area ') == 10
    assert svg.count("<a href=") == 10
    assert 'aria-label="Marl: 2 Angebote – als Filter wählen"' in svg
    assert ">Herten</tspan>" in svg and ">Erkenschwick</tspan>" in svg
    assert "style=" not in html  # strict CSP: no inline styles


@pytest.mark.parametrize("query, filters", [
    ("topic=sprache", {"topics__slug": "sprache"}),
    ("free=true", {"is_free": True}),
    ("q=Deutschkurs", {"title__icontains": "Deutschkurs"}),
    ("topic=sprache&free=true", {"topics__slug": "sprache", "is_free": True}),
])
def test_filters_change_the_figures_as_they_change_the_results(client, offers, query, filters):
    shown = figures(client.get(f"{MAP}?{query}"))
    for slug in real_city_slugs():
        assert shown[slug] == visible_in_city(slug, **filters), (query, slug)


def test_the_figures_follow_an_archived_offer(client, offers, editor):
    assert figures(client.get(MAP))["herten"] == 2
    services.archive(Offer.objects.get(title="Bewerbungstraining Herten"), user=editor)
    shown = figures(client.get(MAP))
    assert shown["herten"] == 1 == visible_in_city("herten")


def test_a_chosen_city_keeps_the_other_cities_counted_and_clickable(client, offers):
    response = client.get(f"{MAP}?city=marl&topic=sprache")
    shown = figures(response)
    # counted as if no city were chosen, like the filter panel of the results page
    assert shown["marl"] == 2 and shown["dorsten"] == 1 and shown["herten"] == 0
    assert response.context["result"].count == 2


def test_a_city_link_adds_the_city_and_the_chosen_one_removes_it(client, offers):
    cities = {c["slug"]: c for c in client.get(f"{MAP}?city=marl&topic=sprache").context["map"]["cities"]}
    assert cities["dorsten"]["url"] == f"{MAP}?city=dorsten&city=marl&topic=sprache"
    assert cities["marl"]["url"] == f"{MAP}?topic=sprache"
    assert cities["marl"]["selected"] and not cities["dorsten"]["selected"]
    # following the link filters the search to that city
    followed = client.get(f"{MAP}?city=herten")
    assert followed.context["result"].count == visible_in_city("herten")


def test_the_chosen_city_is_highlighted_on_the_map_and_in_the_table(client, offers):
    html = client.get(f"{MAP}?city=herten").content.decode()
    assert html.count("district-map__area--selected") == 2  # the area and the legend's sample
    assert 'class="district-map__city district-map__city--selected"' in html
    assert re.search(r'<tr class="district-map__row--selected">\s*<th scope="row"><a [^>]*>Herten', html)
    assert "Herten: 2 Angebote, gewählt – Filter entfernen" in html


def test_offers_without_a_city_of_their_own_are_counted_beside_the_map(client, offers):
    response = client.get(MAP)
    # the online course and the district-wide counselling
    assert response.context["map"]["not_on_map"] == 2 == Offer.objects.visible().exclude(
        Q(cities__is_districtwide=False)).count()
    html = response.content.decode()
    assert "2 Angebote dieser Suche haben keine eigene Stadt (online oder kreisweit)" in html
    assert response.context["map"]["districtwide"]["count"] == 1
    assert "not_on_map" in response.context["map"]
    assert client.get(f"{MAP}?topic=arbeit").context["map"]["not_on_map"] == 0


def test_the_merkliste_and_the_whole_search_survive_every_link(client, offers):
    html = client.get(f"{MAP}?topic=sprache&free=true&sort=newest&merk=3.1").content.decode()
    links = re.findall(r'href="(/de/angebote/[^"]*)"', html)
    map_and_list = [link for link in links if re.match(r"/de/angebote/(karte/)?\?", link)]
    assert map_and_list
    for link in map_and_list:
        assert "merk=3.1" in link, link
    assert f'href="{RESULTS}?free=true&amp;sort=newest&amp;topic=sprache&amp;merk=3.1"' in html or (
        f'href="{RESULTS}?topic=sprache&amp;free=true&amp;sort=newest&amp;merk=3.1"' in html)


def test_the_results_page_links_to_the_map_of_the_same_search(client, offers):
    html = client.get(f"{RESULTS}?topic=sprache&free=true&page=1&merk=2").content.decode()
    assert f'href="{MAP}?topic=sprache&amp;free=true&amp;merk=2"' in html
    assert 'aria-current="page">Liste</a>' in html
    # a later page of the list opens the map of the whole search
    html = client.get(f"{RESULTS}?topic=sprache&page=2").content.decode()
    assert f'href="{MAP}?topic=sprache"' in html


@pytest.mark.parametrize("query", [
    "city=atlantis", "city=", "free=vielleicht", "page=abc", "page=-3", "sort=zufall",
    "q=%00%01kurs", "topic=sprache&topic=sprache", "q=" + "x" * 5000, "near=99999&radius=abc",
    "merk=a.b.c", "city=marl,herten,atlantis",
])
def test_bad_parameters_give_the_map_not_an_error(client, offers, query):
    response = client.get(f"{MAP}?{query}")
    assert response.status_code == 200
    assert len(figures(response)) == 10


def test_the_map_works_in_arabic(client, offers):
    response = client.get("/ar/angebote/karte/?city=marl")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert 'direction="ltr"' in response.content.decode()  # the map itself stays geographic


def test_without_any_offer_the_map_says_so(client, db):
    response = client.get(MAP)
    assert response.status_code == 200
    assert set(figures(response).values()) == {0}
    assert [item["label"] for item in response.context["map"]["legend"]] == ["kein Angebot"]


def test_a_city_added_later_is_a_marker_with_coordinates_and_a_table_row_without(client, make_offer):
    City.objects.create(slug="neustadt", name="Neustadt", position=20, latitude=51.70, longitude=7.10)
    City.objects.create(slug="irgendwo", name="Irgendwo", position=21)
    make_offer(title="In Neustadt", cities=["neustadt"])
    cities = {c["slug"]: c for c in client.get(MAP).context["map"]["cities"]}
    assert cities["neustadt"]["count"] == 1 and "x" in cities["neustadt"] and "path" not in cities["neustadt"]
    assert cities["irgendwo"]["count"] == 0 and "x" not in cities["irgendwo"]


def test_a_search_near_a_postcode_keeps_its_place_and_radius_on_the_map(client, offers):
    response = client.get(f"{MAP}?near=45768&radius=10&topic=sprache")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{RESULTS}?topic=sprache&amp;near=45768&amp;radius=10"' in html  # the "Liste" link
    for city in response.context["map"]["cities"]:
        assert "near=45768&radius=10" in city["url"], city["url"]
    # the figures are those of the results page's city filter for the same search
    listed = client.get(f"{RESULTS}?near=45768&radius=10&topic=sprache").context["panels"]
    facet = next(panel for panel in listed if panel["name"] == "city")
    shown = figures(response)
    assert all(shown.get(o["slug"], o["count"]) == o["count"] for o in facet["options"])


def test_the_legend_names_the_range_of_each_shade(client, make_offer):
    def legend():
        items = client.get(MAP).context["map"]["legend"]
        return [re.sub(r"<[^>]+>", "", str(item["label"])) for item in items]

    for n in range(3):
        make_offer(title=f"Kurs {n}", cities=["marl"])
    assert legend() == ["kein Angebot", "1 Angebot", "2 Angebote", "3 Angebote"]
    make_offer(title="Noch ein Kurs", cities=["marl"])
    assert legend() == ["kein Angebot", "1–2 Angebote", "3 Angebote", "4 Angebote"]
    assert '<bdi dir="ltr">1–2</bdi> Angebote' in client.get(MAP).content.decode()


def test_the_map_builds_no_offer_list_and_runs_no_hint_searches(client, offers):
    """Cards, pages and the hints of an empty result are never shown on the map; the hints
    would cost one more search per active filter."""
    empty = {"q": "xyzxyz", "topic": "sprache", "city": "marl", "free": "true"}
    context = client.get(MAP, empty).context
    assert context["cards"] == [] and context["relaxations"] == [] and context["pagination"] is None
    listing = client.get("/de/angebote/", empty).context
    assert listing["relaxations"], "the results page still offers its hints"
