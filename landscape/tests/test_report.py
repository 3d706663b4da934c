"""The printable report: its figures agree with the database and follow the landscape filters."""

import datetime

import pytest
from django.utils import timezone

from changes import services
from landscape import trends
from offers.models import Offer
from taxonomy.models import City, Topic

REPORT = "/de/angebotslandschaft/bericht/"


@pytest.fixture
def offers(make_offer, make_organisation):
    caritas, awo = make_organisation(name="Caritas"), make_organisation(name="AWO")
    return [
        make_offer(title="A", organisation=caritas, cities=["marl", "dorsten"], topics=["sprache", "arbeit"],
                   target_groups=["gefluechtete"], languages=["de", "ar"]),
        make_offer(title="B", organisation=caritas, cities=["marl"], topics=["sprache"]),
        make_offer(title="C", organisation=awo, cities=["marl"], topics=["sprache"],
                   last_verified=datetime.date(2026, 3, 1)),  # 8 months ago: within 12, not 6
        make_offer(title="Alt", organisation=awo, cities=["herten"], topics=["wohnen"],
                   last_verified=datetime.date(2025, 6, 1)),  # hidden from the search
        make_offer(title="Entwurf", cities=["herten"], status=Offer.Status.DRAFT),
    ]


def test_key_figures_agree_with_the_database(client, offers):
    response = client.get(REPORT)
    assert response.status_code == 200
    key = response.context["key"]
    visible = Offer.objects.visible()
    assert key.offers == visible.count() == 3
    assert key.providers == visible.values("organisation").distinct().count() == 2
    assert (key.cities_with_offers, key.cities) == (2, City.objects.filter(is_districtwide=False).count())
    assert (key.topics_with_offers, key.topics) == (2, Topic.objects.count())
    # freshness over all published offers (4): confirmed within 6 months: A, B; within 12: A, B, C
    assert (key.freshness.total, key.freshness.within_6, key.freshness.within_12) == (4, 2, 3)
    html = response.content.decode()
    assert "50 % (2 von 4)" in html and "75 % (3 von 4)" in html


def test_gaps_list_empty_and_thin_topics_per_city(client, offers):
    gaps = {gap["city"].slug: gap for gap in client.get(REPORT).context["gaps"]}
    marl = gaps["marl"]
    assert "Wohnen" in marl["empty"] and "Sprache" not in marl["empty"]
    assert dict(marl["thin"]) == {"Arbeit und Ausbildung": 1}  # Sprache has three: not thin
    assert dict(gaps["dorsten"]["thin"]) == {"Sprache": 1, "Arbeit und Ausbildung": 1}
    assert "Wohnen" in gaps["herten"]["empty"]  # the old offer is not in the search


def test_the_report_follows_the_landscape_filters(client, offers):
    response = client.get(REPORT, {"language": "ar"})
    assert response.context["key"].offers == 1
    assert response.context["key"].freshness.total == 1
    assert "Arabisch" in response.content.decode()
    landscape = response.context["landscape"]
    marl = next(r for r in landscape.rows if r["city"].slug == "marl")
    assert marl["total"] == 1


def test_an_archived_offer_leaves_the_report_and_counts_as_archived(client, offers, editor):
    services.archive(offers[1], user=editor)
    response = client.get(REPORT)
    assert response.context["key"].offers == 2
    figures = trends.build(today=timezone.localdate())  # archive() stamps the real time
    assert figures.archived[-1] >= 1


def test_the_report_has_the_trend_chart_its_numbers_and_how_counted(client, offers):
    html = client.get(REPORT).content.decode()
    assert 'class="chart chart--line"' in html
    assert "Wie gezählt wird" in html and "Lücken" in html
    assert "js/print-button.js" in html
    main = html.split("<main", 1)[1]
    assert "style=" not in main and "<script>" not in main


def test_unknown_filters_are_ignored(client, offers):
    response = client.get(REPORT, {"target_group": "nope\x00", "language": "xx"})
    assert response.status_code == 200
    assert response.context["key"].offers == 3


def test_arabic_report_answers_and_no_cookie(client, offers):
    response = client.get("/ar/angebotslandschaft/bericht/")
    assert response.status_code == 200
    assert not response.cookies


def test_a_district_wide_offer_is_not_a_city_with_offers(client, make_offer):
    make_offer(title="Kreisweite Beratung", cities=["kreisweit"], topics=["beratung"])
    key = client.get(REPORT).context["key"]
    assert key.offers == 1
    assert (key.cities_with_offers, key.cities) == (0, 10)
