"""The planner pages take a fixed number of SQL statements, however many offers, organisations
and history records there are (bench/planner.py measures them at 20,000 offers; bench/PLANNER.md).

Each test requests a page with a little data, adds more (other cities, topics, organisations,
months), and expects exactly as many statements again: a count that grows with the data is an
N+1 that the 20,000-offer figures would show as seconds.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from changes.models import Revision
from freshness.models import Confirmation
from offers.models import Offer

CITIES = ("marl", "herten", "dorsten", "kreisweit")
TOPICS = ("sprache", "arbeit", "familie")


def _statements(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


def _history(offer, months_back):
    """A confirmation and a change `months_back` months ago, so the trends have rows to count."""
    when = (datetime.datetime(2026, 11, 10, 12, tzinfo=datetime.UTC)
            - datetime.timedelta(days=30 * months_back))
    Confirmation.objects.create(offer=offer, confirmed_at=when, via=Confirmation.Via.LINK)
    revision = Revision.objects.create(target=offer, object_repr=str(offer)[:200],
                                       action=Revision.Action.CHANGED, approved=True)
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    Offer.objects.filter(pk=offer.pk).update(created_at=when)


def _more(make_offer, make_organisation, n):
    """n offers of n organisations, spread over cities, topics and 30 months."""
    for i in range(n):
        offer = make_offer(title=f"Angebot {i}", organisation=make_organisation(),
                           cities=(CITIES[i % len(CITIES)],), topics=(TOPICS[i % len(TOPICS)],),
                           target_groups=("frauen",), languages=("de", "ar"))
        _history(offer, i % 30)


PUBLIC = [
    "/de/angebotslandschaft/",
    "/de/angebotslandschaft/?map_topic=sprache&target_group=frauen&language=ar",
    "/de/angebotslandschaft/export.csv",
    "/de/angebotslandschaft/entwicklung/?months=36",
    "/de/angebotslandschaft/entwicklung/?city=marl&months=24",
    "/de/angebotslandschaft/entwicklung.csv?months=36",
    "/de/angebotslandschaft/bericht/",
]
STAFF = [
    "/de/redaktion/angebotslandschaft/",
    "/de/redaktion/angebotslandschaft/export.csv",
    "/de/redaktion/angebotslandschaft/aktualitaet/",
    "/de/redaktion/angebotslandschaft/aktualitaet/?city=marl&sort=count",
    "/de/redaktion/angebotslandschaft/aktualitaet/export.csv",
]


@pytest.mark.parametrize("path", PUBLIC + STAFF)
def test_the_statements_do_not_grow_with_the_data(client, editor, make_offer, make_organisation, path):
    if path in STAFF:
        client.force_login(editor)
    _more(make_offer, make_organisation, 1)
    client.get(path)  # fills the per-process caches (taxonomy, content types) of the first request
    few = _statements(client, path)
    _more(make_offer, make_organisation, 12)
    assert _statements(client, path) == few


def test_the_freshness_page_reads_all_organisations_in_one_statement(
        client, editor, make_offer, make_organisation, monkeypatch):
    """SQLite allows 999 parameters per statement: a list of ~2,000 organisation ids would be
    read in batches (one statement each). Here two parameters stand in for 999."""
    client.force_login(editor)
    path = "/de/redaktion/angebotslandschaft/aktualitaet/"
    _more(make_offer, make_organisation, 1)
    client.get(path)
    few = _statements(client, path)
    _more(make_offer, make_organisation, 6)
    monkeypatch.setattr(connection.features, "max_query_params", 2, raising=False)
    response = client.get(path)
    assert response.content.decode().count("?traeger=") == 7  # every organisation's row
    assert _statements(client, path) == few


@pytest.mark.parametrize("months", [6, 12, 36])
@pytest.mark.parametrize("city", ["", "marl", "kreisweit"])
def test_the_page_reads_the_trends_once_with_the_same_figures(make_offer, make_organisation, months, city):
    """The Entwicklung page takes the monthly figures and the city comparison from one read
    (trends_by_city.with_figures); they equal trends.build and by_city."""
    from landscape import trends
    from landscape.counts import Filters
    from landscape.trends_by_city import by_city, with_figures

    _more(make_offer, make_organisation, 14)
    offer = Offer.objects.first()
    Confirmation.objects.create(offer=offer, confirmed_at=datetime.datetime(2026, 10, 31, 23, 30,
                                                                            tzinfo=datetime.UTC),
                                via=Confirmation.Via.LINK)
    for filters in (None, Filters("frauen", "")):
        figures, rows = with_figures(months, city, filters)
        assert figures.rows() == trends.build(months, city, filters).rows()
        assert rows == by_city(months, filters)
    assert sum(trends.build(months, city).totals().values()) > 0
