import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation

from offers.models import Offer
from taxonomy.models import City, Topic

MATRIX = "/de/angebotslandschaft/"
STAFF = "/de/redaktion/angebotslandschaft/"
CSV = "/de/angebotslandschaft/export.csv"


def cell(landscape, city, topic):
    for row in landscape.rows:
        if row["city"].slug == city:
            return next(c for c in row["cells"] if c["topic"] == topic)
    raise AssertionError(city)


def orm_count(city, topic, **filters):
    return Offer.objects.visible().filter(cities__slug=city, topics__slug=topic, **filters).distinct().count()


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def offers(make_offer):
    return [
        make_offer(title="A", cities=["marl", "dorsten"], topics=["sprache", "arbeit"],
                   target_groups=["gefluechtete"], languages=["de", "ar"]),
        make_offer(title="B", cities=["marl"], topics=["sprache"], languages=["de"]),
        make_offer(title="C", cities=["marl"], topics=["sprache"], target_groups=["kinder"]),
        make_offer(title="Entwurf", cities=["marl"], topics=["sprache"], status=Offer.Status.DRAFT),
        make_offer(title="Alt", cities=["marl"], topics=["sprache"],
                   last_verified=datetime.date(2024, 1, 1)),
    ]


def test_every_cell_equals_the_count_of_visible_offers_in_the_database(client, offers):
    response = client.get(MATRIX)
    assert response.status_code == 200
    landscape = response.context["landscape"]
    for city in City.objects.all():
        for topic in Topic.objects.all():
            assert cell(landscape, city.slug, topic.slug)["count"] == orm_count(city.slug, topic.slug)
    assert cell(landscape, "marl", "sprache")["count"] == 3
    assert cell(landscape, "dorsten", "arbeit")["count"] == 1


def test_totals_count_each_offer_once(client, offers):
    landscape = client.get(MATRIX).context["landscape"]
    marl = next(r for r in landscape.rows if r["city"].slug == "marl")
    assert marl["total"] == 3  # A has two topics in Marl but counts once
    assert sum(c["count"] for c in marl["cells"]) == 4
    sprache = next(t for t in landscape.topic_totals if t["topic"].slug == "sprache")
    assert sprache["total"] == 3  # A is in two cities but counts once
    assert landscape.total == Offer.objects.visible().count() == 3


def test_an_archived_offer_disappears_from_the_figures(client, offers):
    offers[1].status = Offer.Status.ARCHIVED
    offers[1].save()
    landscape = client.get(MATRIX).context["landscape"]
    assert cell(landscape, "marl", "sprache")["count"] == 2 == orm_count("marl", "sprache")
    assert landscape.total == 2


def test_filters_narrow_the_figures_and_the_links(client, offers):
    response = client.get(MATRIX, {"target_group": "gefluechtete"})
    landscape = response.context["landscape"]
    assert cell(landscape, "marl", "sprache")["count"] == 1 == orm_count(
        "marl", "sprache", target_groups__slug="gefluechtete")
    assert landscape.total == 1
    url = cell(landscape, "marl", "sprache")["url"]
    assert url.startswith("/de/angebote/?")
    assert "city=marl" in url and "topic=sprache" in url and "target_group=gefluechtete" in url

    landscape = client.get(MATRIX, {"language": "ar"}).context["landscape"]
    assert cell(landscape, "marl", "sprache")["count"] == 1
    assert cell(landscape, "dorsten", "sprache")["count"] == 1
    assert landscape.total == 1


def test_a_cell_link_finds_as_many_offers_as_the_cell_shows(client, offers):
    landscape = client.get(MATRIX).context["landscape"]
    target = cell(landscape, "marl", "sprache")
    results = client.get(target["url"])
    assert results.status_code == 200
    assert "C" in results.content.decode() and "Entwurf" not in results.content.decode()


def test_empty_and_thin_cells_are_marked_in_text_not_only_colour(client, offers):
    html = client.get(MATRIX).content.decode()
    translation.activate("de")
    assert "landscape__cell--empty" in html and "landscape__cell--thin" in html
    assert "(kein Angebot)" in html and "(wenige Angebote)" in html
    landscape = client.get(MATRIX).context["landscape"]
    assert cell(landscape, "marl", "sprache")["thin"] is False
    assert cell(landscape, "dorsten", "sprache")["thin"] is True
    assert cell(landscape, "datteln", "sprache")["empty"] is True


def test_unknown_or_odd_parameters_are_ignored(client, offers):
    for query in ({"target_group": "nix"}, {"language": "<script>"}, {"sort": "drop table"},
                  {"target_group": "\x00"}, {"language": "de\x00"}, {"language": ["de", "ar"]}):
        response = client.get(MATRIX, query)
        assert response.status_code == 200
        assert client.get(CSV, query).status_code == 200
    assert client.get(MATRIX, {"target_group": "nix"}).context["landscape"].total == 3


def test_the_long_table_sorts_by_count_city_or_topic(client, offers):
    rows = client.get(MATRIX, {"sort": "count"}).context["long_rows"]
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    rows = client.get(MATRIX, {"sort": "city"}).context["long_rows"]
    assert rows[0]["city"] == City.objects.first().slug
    rows = client.get(MATRIX, {"sort": "topic"}).context["long_rows"]
    assert {r["topic"] for r in rows[:City.objects.count()]} == {Topic.objects.first().slug}


def test_the_csv_has_german_headers_and_the_same_figures(client, offers):
    response = client.get(CSV, {"sort": "count"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    translation.activate("de")
    rows = csv_rows(response)
    assert rows[0] == ["Stadt", "Themenfeld", "Anzahl Angebote"]
    assert rows[1] == ["Marl", "Sprache", "3"]
    assert len(rows) == 1 + City.objects.count() * Topic.objects.count()
    filtered = csv_rows(client.get(CSV, {"target_group": "kinder", "sort": "count"}))
    assert filtered[1] == ["Marl", "Sprache", "1"]
    assert filtered[2][2] == "0"


def test_csv_neutralises_formulas_in_names(client, offers):
    City.objects.filter(slug="marl").update(name="=HYPERLINK(1)")
    rows = csv_rows(client.get(CSV, {"sort": "count"}))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_anonymous_visitors_get_no_cookie(client, offers):
    for url in (MATRIX, CSV):
        assert client.get(url).cookies == {}


def test_arabic_page_answers(client, offers):
    assert client.get("/ar/angebotslandschaft/").status_code == 200


def test_staff_page_shows_due_and_hidden_per_cell(client, editor, offers, make_offer):
    make_offer(title="Fällig", cities=["marl"], topics=["sprache"], last_verified=datetime.date(2026, 3, 1))
    client.force_login(editor)
    response = client.get(STAFF)
    assert response.status_code == 200
    landscape = response.context["landscape"]
    marl = cell(landscape, "marl", "sprache")
    expected_due = Offer.objects.due_for_review().filter(cities__slug="marl", topics__slug="sprache").count()
    expected_hidden = Offer.objects.hidden_for_review().filter(
        cities__slug="marl", topics__slug="sprache").count()
    assert (marl["due"], marl["hidden"]) == (expected_due, expected_hidden)
    assert marl["hidden"] == 1 and marl["due"] >= 2
    assert marl["count"] == orm_count("marl", "sprache")
    translation.activate("de")
    assert f"{marl['due']} fällig" in response.content.decode()


def test_staff_page_is_for_editors_only(client, provider):
    assert client.get(STAFF).status_code == 302
    client.force_login(provider)
    assert client.get(STAFF).status_code == 403


def test_editors_find_the_staff_page_in_their_navigation(client, editor):
    client.force_login(editor)
    assert reverse("landscape:staff") in client.get("/de/redaktion/").content.decode()


def test_the_footer_links_to_the_public_page(client, db):
    assert reverse("landscape:matrix") in client.get("/de/").content.decode()


def test_cell_counts_take_one_query(client, offers, django_assert_max_num_queries):
    from landscape.counts import Filters, build

    with django_assert_max_num_queries(12):
        build(Filters())
