"""The Entwicklung page: monthly figures that agree with the database, per city, as CSV."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.utils import timezone

from changes import services
from changes.models import Revision
from freshness.models import Confirmation
from landscape import trends
from offers.models import Offer

PAGE = "/de/angebotslandschaft/entwicklung/"
CSV = "/de/angebotslandschaft/entwicklung.csv"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(year, month, day=15, hour=12, tz=BERLIN):
    return datetime.datetime(year, month, day, hour, tzinfo=tz)


def created(offer, when):
    Offer.objects.filter(pk=offer.pk).update(created_at=when)


def revision(offer, action, when):
    rev = services.record(offer, action)
    Revision.objects.filter(pk=rev.pk).update(created_at=when)


def confirmation(offer, when):
    Confirmation.objects.create(offer=offer, confirmed_at=when, via=Confirmation.Via.LINK)


def figures(trend, month):
    """The four figures of the month that starts on `month` (a date)."""
    i = trend.months.index(month)
    return trend.added[i], trend.changed[i], trend.confirmed[i], trend.archived[i]


@pytest.fixture
def history(make_offer):
    """Offers and their history at chosen months of the pinned year (today: 2026-11-25)."""
    marl = make_offer(title="Marl", cities=["marl"])
    dorsten = make_offer(title="Dorsten", cities=["dorsten"])
    both = make_offer(title="Beide", cities=["marl", "dorsten"])
    draft = make_offer(title="Entwurf", status=Offer.Status.DRAFT)
    pending = make_offer(title="Wartet", status=Offer.Status.PENDING)
    gone = make_offer(title="Archiviert", status=Offer.Status.ARCHIVED, cities=["dorsten"])
    for offer in (marl, both, draft, pending):
        created(offer, at(2026, 3))
    created(dorsten, at(2026, 5))
    created(gone, at(2025, 2))  # before the default 12 months
    revision(marl, Revision.Action.CHANGED, at(2026, 6, 2))
    revision(marl, Revision.Action.APPROVED, at(2026, 6, 20))  # same offer, same month: once
    revision(both, Revision.Action.RESTORED, at(2026, 6, 3))
    revision(dorsten, Revision.Action.PROPOSED, at(2026, 6, 4))  # still waiting: no change
    revision(draft, Revision.Action.CHANGED, at(2026, 7))
    confirmation(marl, at(2026, 9, 1))
    revision(marl, Revision.Action.CONFIRMED, at(2026, 9, 2))  # the same confirmation twice
    confirmation(both, at(2026, 9, 30))
    confirmation(dorsten, at(2026, 10, 1))
    revision(gone, Revision.Action.ARCHIVED, at(2026, 8))
    return {"marl": marl, "dorsten": dorsten, "both": both, "gone": gone}


def test_each_month_counts_distinct_offers_as_the_database_holds_them(history):
    trend = trends.build()
    assert len(trend.months) == 12
    assert trend.months[0] == datetime.date(2025, 12, 1) and trend.months[-1] == datetime.date(2026, 11, 1)
    # added: marl and both in March (draft and pending do not count), dorsten in May
    assert figures(trend, datetime.date(2026, 3, 1)) == (2, 0, 0, 0)
    assert figures(trend, datetime.date(2026, 5, 1)) == (1, 0, 0, 0)
    # June: marl changed twice (once), both restored; the proposal does not count
    assert figures(trend, datetime.date(2026, 6, 1)) == (0, 2, 0, 0)
    assert figures(trend, datetime.date(2026, 7, 1)) == (0, 0, 0, 0)  # a draft's change: no
    assert figures(trend, datetime.date(2026, 8, 1)) == (0, 0, 0, 1)
    # September: marl (Confirmation and revision: once) and both
    assert figures(trend, datetime.date(2026, 9, 1)) == (0, 0, 2, 0)
    assert figures(trend, datetime.date(2026, 10, 1)) == (0, 0, 1, 0)
    assert trend.totals() == {"added": 3, "changed": 2, "confirmed": 3, "archived": 1}


def test_months_follow_german_time(make_offer):
    offer = make_offer()
    # 23:30 UTC on 31 October is 00:30 on 1 November in Berlin
    confirmation(offer, datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC))
    trend = trends.build()
    assert figures(trend, datetime.date(2026, 11, 1))[2] == 1
    assert figures(trend, datetime.date(2026, 10, 1))[2] == 0
    with timezone.override("UTC"):  # whatever zone is active, the months stay German
        assert trends.build().confirmed == trend.confirmed


def test_a_longer_period_reaches_further_back(history):
    trend = trends.build(24)
    assert len(trend.months) == 24
    assert figures(trend, datetime.date(2025, 2, 1))[0] == 1  # the archived offer was added then


def test_the_city_filter_uses_the_offers_current_cities(history):
    marl = trends.build(city="marl")
    assert marl.totals() == {"added": 2, "changed": 2, "confirmed": 2, "archived": 0}
    dorsten = trends.build(city="dorsten")
    assert dorsten.totals() == {"added": 2, "changed": 1, "confirmed": 2, "archived": 1}


def test_archiving_an_offer_counts_this_month_and_drops_it_from_the_matrix(client, make_offer, editor):
    offer = make_offer(cities=["herten"], topics=["wohnen"])
    matrix = client.get("/de/angebotslandschaft/").context["landscape"]
    herten = next(r for r in matrix.rows if r["city"].slug == "herten")
    assert next(c for c in herten["cells"] if c["topic"] == "wohnen")["count"] == 1
    services.archive(offer, user=editor)
    # the archive service stamps the real time; the month it falls in is what must count
    now = timezone.localdate()
    trend = trends.build(today=now)
    assert trend.archived[-1] == 1 and sum(trend.archived) == 1
    matrix = client.get("/de/angebotslandschaft/").context["landscape"]
    herten = next(r for r in matrix.rows if r["city"].slug == "herten")
    assert next(c for c in herten["cells"] if c["topic"] == "wohnen")["count"] == 0
    assert herten["total"] == 0


def test_the_page_shows_the_figures_chart_and_table(client, history):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--line"' in html
    rows = response.context["rows"]
    assert [r["confirmed"] for r in rows] == trends.build().confirmed
    assert "September 2026" in html and "<caption" in html
    assert 'href="/de/angebotslandschaft/"' in html  # back to the Angebotslandschaft
    assert "style=" not in html.split("<main", 1)[1]


def test_the_city_select_filters_the_page(client, history):
    response = client.get(PAGE, {"city": "marl"})
    assert response.context["totals"] == trends.build(city="marl").totals()
    html = response.content.decode()
    assert '<option value="marl" selected>' in html
    assert "Angebote je Monat in Marl" in html


@pytest.mark.parametrize("months", ["abc", "0", "37", "-3", "1\x00", "99999999999999999999", "12.5"])
def test_a_bad_period_falls_back_to_twelve_months_with_a_note(client, history, months):
    response = client.get(PAGE, {"months": months})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 12
    assert "Der Zeitraum muss eine Zahl von 1 bis 36 Monaten sein" in response.content.decode()


def test_an_unknown_city_shows_the_whole_district_with_a_note(client, history):
    response = client.get(PAGE, {"city": "atlantis\x00"})
    assert response.status_code == 200
    assert response.context["city"] == ""
    assert "Diese Stadt gibt es im Kreis nicht" in response.content.decode()


def test_a_good_period_is_kept(client, history):
    response = client.get(PAGE, {"months": "36"})
    assert len(response.context["rows"]) == 36
    assert "Der Zeitraum" not in response.content.decode()


def test_the_csv_has_the_page_figures(client, history):
    page = client.get(PAGE, {"city": "dorsten", "months": "24"}).context["rows"]
    response = client.get(CSV, {"city": "dorsten", "months": "24"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Monat", "Stadt", "neu", "geändert", "als aktuell bestätigt", "archiviert"]
    assert [r[0] for r in rows[1:]] == [row["month"].strftime("%Y-%m") for row in page]
    assert {r[1] for r in rows[1:]} == {"Dorsten"}
    assert [[int(n) for n in r[2:]] for r in rows[1:]] == [
        [row["added"], row["changed"], row["confirmed"], row["archived"]] for row in page]


def test_the_figures_take_a_handful_of_queries_whatever_the_period(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        trends.build(36, city="marl")


def test_the_landscape_page_links_to_trends_and_report(client, db):
    html = client.get("/de/angebotslandschaft/", {"language": "ar"}).content.decode()
    assert 'href="/de/angebotslandschaft/entwicklung/"' in html
    assert 'href="/de/angebotslandschaft/bericht/?target_group=&amp;language=ar"' in html


def test_arabic_page_answers_and_keeps_the_chart_left_to_right(client, history):
    response = client.get("/ar/angebotslandschaft/entwicklung/")
    assert response.status_code == 200
    assert 'direction="ltr"' in response.content.decode()


def test_anonymous_visitors_get_no_cookie(client, history):
    assert not client.get(PAGE).cookies
    assert not client.get(CSV).cookies


def test_the_city_comparison_equals_each_citys_own_totals(history):
    from landscape.trends_by_city import by_city

    rows = {row["city"].slug: row for row in by_city()}
    for slug in ("marl", "dorsten", "herten"):
        own = trends.build(city=slug).totals()
        assert {kind: rows[slug][kind] for kind in trends.KINDS} == own
    assert rows["herten"]["added"] == 0
    longer = {row["city"].slug: row for row in by_city(24)}
    assert longer["dorsten"]["added"] == 2 + 1  # the archived offer was added in February 2025


def test_the_page_compares_the_cities_and_links_each_to_its_trend(client, history):
    response = client.get(PAGE, {"city": "marl", "months": "24"})
    rows = {row["city"].slug: row for row in response.context["by_city"]}
    assert rows["marl"]["current"] and not rows["dorsten"]["current"]
    assert rows["dorsten"]["url"] == PAGE + "?months=24&city=dorsten#verlauf"
    html = response.content.decode()
    assert "Die Städte im Vergleich" in html and 'aria-current="true">Marl</a>' in html
