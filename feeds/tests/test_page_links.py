"""Where visitors find the feed and the calendar: the results page and the offer page."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import translation

from offers.models import OfferTime

pytestmark = pytest.mark.django_db


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    translation.activate("de")
    return html.unescape(response.content.decode())


def test_the_results_page_links_to_the_feed_and_calendar_of_its_search(client, make_offer):
    make_offer(title="Deutschkurs", cities=["marl"])
    page = _page(client, "/de/angebote/?q=Deutschkurs&city=marl&free=true&sort=title&page=1")
    feed = "/de/angebote/feed.atom?q=Deutschkurs&city=marl&free=true"
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in page
    assert f'<a href="{feed}" type="application/atom+xml">Diese Suche als Feed abonnieren</a>' in page
    assert ('<a href="/de/angebote/kalender.ics?q=Deutschkurs&city=marl&free=true" '
            'type="text/calendar">Termine als Kalender (.ics)</a>') in page


def test_the_links_of_an_empty_search_still_carry_it_and_of_no_search_none(client, make_offer):
    make_offer(title="Kurs")
    assert "/de/angebote/feed.atom?q=gibtesnicht" in _page(client, "/de/angebote/?q=gibtesnicht")
    page = _page(client, "/de/angebote/?page=1")
    assert 'href="/de/angebote/feed.atom"' in page and 'href="/de/angebote/kalender.ics"' in page


def test_an_arabic_results_page_links_to_the_arabic_feed(client, make_offer):
    make_offer(title="Kurs")
    page = _page(client, "/ar/angebote/?city=marl")
    assert 'href="/ar/angebote/feed.atom?city=marl"' in page


def test_the_offer_page_offers_the_calendar_only_when_the_offer_has_dates(client, make_offer):
    dated = make_offer(title="Kurs", start_date=datetime.date(2027, 1, 4))
    undated = make_offer(title="Sprachcafé")
    OfferTime.objects.create(offer=undated, weekday=1, opens_at=datetime.time(15),
                             closes_at=datetime.time(17))
    calendar = reverse("feeds:offer_calendar", args=[dated.pk])
    assert f'<a href="{calendar}" type="text/calendar">In den Kalender übernehmen (.ics)</a>' in _page(
        client, dated.get_absolute_url())
    assert "kalender.ics" not in _page(client, undated.get_absolute_url())
