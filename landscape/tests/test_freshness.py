"""Aktualität je Träger (staff): the share of published offers confirmed within 6 / 12 months.

Today is pinned to 2026-11-25, so "within 6 months" means last_verified on or after 2026-05-25
and "within 12 months" on or after 2025-11-25.
"""

import csv
import datetime
import io

import pytest
from django.utils import translation

from offers.models import Offer

PAGE = "/de/redaktion/angebotslandschaft/aktualitaet/"
CSV = "/de/redaktion/angebotslandschaft/aktualitaet/export.csv"
D = datetime.date


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def orm_figures(organisation, city=None):
    """The same figures straight from the database, offer by offer."""
    offers = Offer.objects.filter(organisation=organisation, status=Offer.Status.PUBLISHED)
    if city:
        offers = offers.filter(cities__slug=city).distinct()
    dates = [offer.last_verified for offer in offers]
    return (len(dates), sum(1 for d in dates if d and d >= D(2026, 5, 25)),
            sum(1 for d in dates if d and d >= D(2025, 11, 25)))


def row_for(report, organisation):
    return next(row for row in report.rows if row.organisation == organisation)


@pytest.fixture
def alpha(make_organisation):
    return make_organisation(name="Alpha e. V.")


@pytest.fixture
def beta(make_organisation):
    return make_organisation(name="Beta gGmbH")


@pytest.fixture
def offers(make_offer, alpha, beta, make_organisation):
    return {
        "fresh": make_offer(title="frisch", organisation=alpha, cities=["marl", "dorsten"],
                            last_verified=D(2026, 10, 1)),
        "boundary": make_offer(title="genau 6 Monate", organisation=alpha, last_verified=D(2026, 5, 25)),
        "half_year": make_offer(title="vor 7 Monaten", organisation=alpha, cities=["dorsten"],
                                last_verified=D(2026, 4, 1)),
        "never": make_offer(title="nie bestätigt", organisation=alpha, last_verified=None),
        "old": make_offer(title="ausgeblendet", organisation=alpha, last_verified=D(2024, 1, 1)),
        "draft": make_offer(title="Entwurf", organisation=alpha, status=Offer.Status.DRAFT,
                            last_verified=None),
        "archived": make_offer(title="archiviert", organisation=alpha, status=Offer.Status.ARCHIVED,
                               last_verified=D(2023, 1, 1)),
        "beta1": make_offer(title="Beta 1", organisation=beta, last_verified=D(2026, 11, 1)),
        "beta2": make_offer(title="Beta 2", organisation=beta, last_verified=D(2026, 6, 1)),
        "only_draft": make_offer(title="nur Entwurf", organisation=make_organisation(name="Gamma"),
                                 status=Offer.Status.DRAFT),
    }


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def test_each_organisation_shows_the_figures_of_the_database(staff_client, offers, alpha, beta):
    response = staff_client.get(PAGE)
    assert response.status_code == 200
    report = response.context["report"]
    for organisation in (alpha, beta):
        row = row_for(report, organisation)
        assert (row.total, row.within_6, row.within_12) == orm_figures(organisation)
    row = row_for(report, alpha)
    assert (row.total, row.within_6, row.within_12, row.older) == (5, 2, 3, 2)
    assert (row.share_6, row.share_12, row.share_older) == (40, 60, 40)
    assert (row_for(report, beta).share_6, row_for(report, beta).share_12) == (100, 100)


def test_organisations_without_published_offers_are_left_out(staff_client, offers):
    names = [row.organisation.name for row in staff_client.get(PAGE).context["report"].rows]
    assert "Gamma" not in names and len(names) == 2


def test_totals_count_every_published_offer_once(staff_client, offers):
    totals = staff_client.get(PAGE).context["report"].totals
    published = Offer.objects.published()
    assert totals.total == published.count() == 7
    assert totals.within_6 == published.filter(last_verified__gte=D(2026, 5, 25)).count() == 4
    assert totals.within_12 == published.filter(last_verified__gte=D(2025, 11, 25)).count() == 5
    assert totals.share_12 == 71  # 5 of 7, rounded


def test_archiving_an_offer_removes_it_from_the_figures(staff_client, offers, alpha):
    offers["never"].status = Offer.Status.ARCHIVED
    offers["never"].save()
    row = row_for(staff_client.get(PAGE).context["report"], alpha)
    assert (row.total, row.within_6, row.within_12) == orm_figures(alpha) == (4, 2, 3)
    assert row.share_12 == 75


def test_confirming_an_offer_raises_the_share(staff_client, offers, alpha):
    Offer.objects.filter(pk=offers["old"].pk).update(last_verified=D(2026, 11, 25))
    row = row_for(staff_client.get(PAGE).context["report"], alpha)
    assert (row.within_6, row.within_12) == (3, 4)


def test_the_city_filter_counts_the_offers_in_that_city(staff_client, offers, alpha, beta):
    report = staff_client.get(PAGE, {"city": "dorsten"}).context["report"]
    assert [row.organisation for row in report.rows] == [alpha]  # Beta has nothing in Dorsten
    row = report.rows[0]
    assert (row.total, row.within_6, row.within_12) == orm_figures(alpha, "dorsten") == (2, 1, 2)
    assert report.totals.total == 2
    # An offer in Marl and Dorsten counts once without the filter.
    assert staff_client.get(PAGE).context["report"].totals.total == 7


def test_worst_first_by_default_then_by_name_or_count(staff_client, offers, alpha, beta, make_offer,
                                                      make_organisation):
    big = make_organisation(name="Caritas")
    for n in range(3):
        make_offer(title=f"C{n}", organisation=big, last_verified=D(2026, 10, 1))

    def order(**query):
        return [row.organisation.name for row in staff_client.get(PAGE, query).context["report"].rows]

    assert order() == ["Alpha e. V.", "Caritas", "Beta gGmbH"]  # 60 %, then 100 % with more offers first
    assert order(sort="name") == ["Alpha e. V.", "Beta gGmbH", "Caritas"]
    assert order(sort="count") == ["Alpha e. V.", "Caritas", "Beta gGmbH"]


def test_unknown_parameters_are_ignored(staff_client, offers):
    for query in ({"city": "atlantis"}, {"city": "\x00"}, {"sort": "drop"}, {"city": ["marl", "x"]}):
        response = staff_client.get(PAGE, query)
        assert response.status_code == 200
        assert response.context["report"].totals.total in (7, 5)
        assert staff_client.get(CSV, query).status_code == 200
    assert staff_client.get(PAGE, {"city": "atlantis"}).context["report"].totals.total == 7


def test_the_page_explains_how_it_counts_and_links_the_organisations(staff_client, offers, alpha):
    html = staff_client.get(PAGE).content.decode()
    translation.activate("de")
    assert "So wird gezählt" in html
    assert "25.05.2026" in html and "25.11.2025" in html
    assert "3 (60 %)" in html
    assert f"/de/mein-bereich/?traeger={alpha.slug}" in html
    assert 'role="img"' in html  # the chart, with its numbers as a table below
    assert "Zahlen als Tabelle" in html


def test_the_page_says_so_when_nothing_is_published(staff_client, db):
    translation.activate("de")
    html = staff_client.get(PAGE).content.decode()
    assert "keine veröffentlichten Angebote" in html


def test_the_chart_shows_at_most_twenty_organisations(staff_client, make_offer, make_organisation):
    for n in range(23):
        make_offer(title=f"O{n}", organisation=make_organisation(name=f"Träger {n:02d}"),
                   last_verified=D(2026, 1, 1) if n % 2 else D(2026, 10, 1))
    response = staff_client.get(PAGE)
    assert len(response.context["chart"]["rows"]) == 20
    assert len(response.context["report"].rows) == 23
    translation.activate("de")
    assert "nur die 20 Träger" in response.content.decode()


def test_the_csv_has_the_table_of_the_page(staff_client, offers):
    response = staff_client.get(CSV, {"city": "marl"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    translation.activate("de")
    rows = csv_rows(response)
    assert rows[0][:3] == ["Träger", "veröffentlichte Angebote", "in 6 Monaten bestätigt"]
    assert rows[1] == ["Alpha e. V.", "4", "2", "2", "2", "50", "50"]
    assert rows[2] == ["Beta gGmbH", "2", "2", "2", "0", "100", "100"]
    assert len(rows) == 3


def test_the_csv_neutralises_formulas(staff_client, make_offer, make_organisation):
    make_offer(organisation=make_organisation(name="=HYPERLINK(1)"))
    rows = csv_rows(staff_client.get(CSV))
    assert rows[1][0] == "'=HYPERLINK(1)"


def test_only_editors_see_the_page_and_the_csv(client, provider, editor):
    for url in (PAGE, CSV):
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "?next=" in response["Location"]
        client.force_login(provider)
        assert client.get(url).status_code == 403
        client.force_login(editor)
        assert client.get(url).status_code == 200


def test_the_arabic_page_answers(staff_client, offers):
    assert staff_client.get("/ar/redaktion/angebotslandschaft/aktualitaet/").status_code == 200


def test_editors_reach_the_page_from_the_landscape_and_the_overdue_list(staff_client):
    assert PAGE in staff_client.get("/de/redaktion/angebotslandschaft/").content.decode()
    assert PAGE in staff_client.get("/de/redaktion/ueberfaellig/").content.decode()


def test_shares_round_half_up():
    from landscape.freshness import Figures

    eighth = Figures(total=8, within_6=1, within_12=3)
    assert (eighth.share_6, eighth.share_12, eighth.share_older) == (13, 38, 63)
    assert Figures().share_6 is None


def test_the_report_takes_few_queries(offers, django_assert_max_num_queries):
    from landscape.freshness import by_organisation

    with django_assert_max_num_queries(3):
        by_organisation()
