"""The Atom feed of a search, read back with feedparser (as a feed reader would) and as XML."""

import datetime
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from freshness import services as freshness
from offers.models import Offer, OfferTime, OfferTranslation

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, query="", language="de", **headers):
    with translation.override(language):
        url = reverse("feeds:atom")
    return client.get(url + query, **headers)


def _parsed(response):
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _entry_ids(parsed):
    return [int(re.search(r"/angebote/(\d+)/", entry.link).group(1)) for entry in parsed.entries]


def _touch(offer, minutes_ago):
    """Set when the offer last changed (update(): no auto_now)."""
    moment = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=datetime.UTC) - datetime.timedelta(
        minutes=minutes_ago)
    Offer.objects.filter(pk=offer.pk).update(updated_at=moment)
    return moment


def test_the_feed_describes_the_search_and_links_to_its_results_page(client, make_offer):
    make_offer(title="Deutschkurs am Abend", cities=["marl"])
    response = _feed(client, "?q=Deutschkurs&city=marl&page=3&sort=title")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert not response.cookies
    feed = _parsed(response).feed
    assert feed.title == "Integrationsangebote: Deutschkurs · Marl"
    assert "Suche: „Deutschkurs“" in feed.subtitle and "Stadt: Marl" in feed.subtitle
    links = {link.rel: link.href for link in feed.links}
    assert links["alternate"] == "http://testserver/de/angebote/?q=Deutschkurs&city=marl"
    assert links["self"] == "http://testserver/de/angebote/feed.atom?q=Deutschkurs&city=marl"
    assert feed.id == "tag:127.0.0.1,2026:feed/de/angebote?q=Deutschkurs&city=marl"
    assert feed.language == "de"


def test_entries_are_the_offers_newest_change_first_with_their_facts(client, make_offer, make_contact):
    older = make_offer(title="Hausaufgabenhilfe", topics=["bildung"])
    newer = make_offer(title="Sprachcafé", summary="Jeden Dienstag plaudern.",
                       topics=["sprache", "kultur"], is_free=True,
                       start_date=datetime.date(2027, 1, 12))
    OfferTime.objects.create(offer=newer, weekday=1, opens_at=datetime.time(15),
                             closes_at=datetime.time(17), note="außer in den Ferien")
    _touch(older, minutes_ago=60)
    changed = _touch(newer, minutes_ago=5)
    parsed = _parsed(_feed(client))
    assert _entry_ids(parsed) == [newer.pk, older.pk]
    entry = parsed.entries[0]
    assert entry.title == "Sprachcafé"
    assert entry.summary == "Jeden Dienstag plaudern."
    assert entry.link == f"http://testserver/de/angebote/{newer.pk}/"
    assert entry.id == f"tag:127.0.0.1,2026:angebot/{newer.pk}/de"
    assert entry.author == newer.organisation.name
    assert datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) == changed.replace(
        microsecond=0)
    assert entry.published_parsed[:3] == newer.created_at.utctimetuple()[:3]
    assert {tag.term for tag in entry.tags} == {"sprache", "kultur"}
    assert {tag.label for tag in entry.tags} == {"Sprache", "Kultur und Begegnung"}
    content = entry.content[0].value
    assert "kostenlos" in content and "ab 12. Januar 2027" in content
    assert 'Dienstag, <span dir="ltr">15:00–17:00</span> Uhr (<span dir="auto">außer in den Ferien' in content
    assert f"/de/angebote/{newer.pk}/#contact-heading" in content
    assert f"/de/angebote/{newer.pk}/kalender.ics" in content
    # the feed's own date is its newest entry's
    assert parsed.feed.updated_parsed == entry.updated_parsed


def test_an_offer_title_with_markup_comes_out_escaped_and_the_xml_is_well_formed(client, make_offer):
    title = '<script>alert(1)</script> & "Kurs"'
    make_offer(title=title, summary="a < b & c", cost="<b>5 €</b>")
    response = _feed(client)
    root = ET.fromstring(response.content)  # raises on malformed XML
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == title
    assert entry.find(f"{ATOM}summary").text == "a < b & c"
    content = entry.find(f"{ATOM}content").text  # HTML, in which the texts are escaped
    assert "<script>" not in content and "&lt;b&gt;5 €&lt;/b&gt;" in content
    assert b"<script>" not in response.content
    assert _parsed(response).entries[0].title == title


def test_control_characters_in_texts_do_not_break_the_feed(client, make_offer):
    make_offer(title="Kurs\x0b mit\x01 Steuerzeichen", summary="\x1fText")  # no NUL: PG refuses it
    response = _feed(client)
    assert response.status_code == 200
    assert _parsed(response).entries[0].title == "Kurs mit Steuerzeichen"


@pytest.mark.parametrize("query", [
    "?city=marl", "?topic=sprache&city=marl", "?q=Deutschkurs", "?free=true",
    "?city=marl&city=dorsten&target_group=gefluechtete", "?language=ar", "",
])
def test_the_feed_holds_exactly_the_offers_of_the_results_page(client, make_offer, query):
    make_offer(title="Deutschkurs Marl", cities=["marl"], is_free=True)
    make_offer(title="Deutschkurs Dorsten", cities=["dorsten"], languages=["de", "ar"])
    make_offer(title="Jobcoaching", cities=["marl"], topics=["arbeit"],
               target_groups=["gefluechtete"])
    make_offer(title="Frauencafé", cities=["dorsten"], topics=["frauen"], is_free=True)
    with translation.override("de"):
        page = client.get(reverse("offers:search") + query).content.decode()
    on_page = {int(pk) for pk in re.findall(r'card__title"><a href="/de/angebote/(\d+)/', page)}
    assert on_page  # every search here finds something
    assert set(_entry_ids(_parsed(_feed(client, query)))) == on_page


def test_archived_unpublished_hidden_and_ended_offers_are_not_in_the_feed(client, make_offer):
    shown = make_offer(title="Aktueller Kurs")
    make_offer(title="Archiviert", status=Offer.Status.ARCHIVED)
    make_offer(title="Entwurf", status=Offer.Status.DRAFT)
    make_offer(title="Lange nicht bestätigt", last_verified=datetime.date(2025, 9, 1))
    make_offer(title="Vorbei", end_date=datetime.date(2026, 11, 1))
    assert _entry_ids(_parsed(_feed(client))) == [shown.pk]


def test_an_offer_that_leaves_the_search_drops_out_of_the_feed(client, make_offer):
    offer = make_offer(title="Bald archiviert")
    assert _entry_ids(_parsed(_feed(client))) == [offer.pk]
    offer.status = Offer.Status.ARCHIVED
    offer.save()
    assert _parsed(_feed(client)).entries == []


@pytest.mark.parametrize("query", [
    "?city=atlantis&topic=%00&free=vielleicht&page=-1&page_size=zz&sort=chaos",
    "?q=%ff%fe%00<script>&language=" + "x" * 500, "?q=" + "a" * 5000, "?city=,,,&&&=&",
])
def test_garbage_in_the_query_string_is_ignored_like_on_the_results_page(client, make_offer, query):
    offer = make_offer(title="Kurs")
    response = _feed(client, query)
    assert response.status_code == 200
    ET.fromstring(response.content)
    if "q=" not in query:
        assert _entry_ids(_parsed(response)) == [offer.pk]  # unknown values dropped: no filter


def test_a_reader_that_has_the_current_feed_gets_a_304(client, make_offer):
    make_offer(title="Kurs")
    first = _feed(client, "?city=marl")
    assert first["ETag"] and first["Last-Modified"]
    assert _feed(client, "?city=marl", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert _feed(client, "?city=marl", HTTP_IF_NONE_MATCH=f'W/{first["ETag"]}').status_code == 304
    since = _feed(client, "?city=marl", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304 and not since.content
    assert _feed(client, "?city=dorsten", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_change_makes_the_feed_new_but_a_freshness_confirmation_does_not(client, make_offer):
    offer = make_offer(title="Kurs")
    first = _feed(client)
    freshness.confirm(offer, via="dashboard")
    assert _feed(client, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    offer.refresh_from_db()
    offer.cost = "5 €"
    offer.save()
    changed = _feed(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "5 €" in _parsed(changed).entries[0].content[0].value


def test_an_arabic_feed_uses_translations_and_marks_german_fallbacks(client, make_offer):
    translated = make_offer(title="Deutschkurs")
    OfferTranslation.objects.create(offer=translated, language="ar", title="دورة ألمانية",
                                    summary="ملخص")
    german_only = make_offer(title="Sprachcafé", summary="Nur deutsch")
    _touch(translated, 1)
    _touch(german_only, 2)
    response = _feed(client, language="ar")
    root = ET.fromstring(response.content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    first, second = root.findall(f"{ATOM}entry")
    assert first.find(f"{ATOM}title").text == "دورة ألمانية"
    assert first.find(f"{ATOM}title").get("{http://www.w3.org/XML/1998/namespace}lang") is None
    assert second.find(f"{ATOM}title").get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/ar/angebote/{translated.pk}/"
    assert first.find(f"{ATOM}id").text.endswith(f"/{translated.pk}/ar")
    assert 'dir="rtl"' in first.find(f"{ATOM}content").text


def test_the_feed_shows_at_most_50_offers_in_few_queries(client, make_offer, django_assert_max_num_queries):
    for n in range(53):
        make_offer(title=f"Kurs {n}")
    _feed(client)  # the first request builds the process's search index
    with django_assert_max_num_queries(12):
        response = _feed(client)
    assert len(_parsed(response).entries) == 50


def test_an_empty_search_gives_a_valid_feed_without_entries(client, make_offer):
    make_offer(title="Kurs")
    parsed = _parsed(_feed(client, "?q=gibtesnicht"))
    assert parsed.entries == [] and parsed.feed.updated_parsed


def test_a_search_with_very_many_matches_picks_the_same_newest_offers(client, make_offer, monkeypatch):
    from feeds import selection

    marl = [make_offer(title=f"Marl {n}", cities=["marl"]) for n in range(6)]
    dorsten = [make_offer(title=f"Dorsten {n}", cities=["dorsten"]) for n in range(30)]
    for minutes, offer in enumerate(dorsten):  # the 30 newest changes are all in Dorsten
        _touch(offer, minutes)
    for minutes, offer in enumerate(marl, start=100):
        _touch(offer, minutes)
    expected = [offer.pk for offer in marl[:3]]
    monkeypatch.setattr(selection, "FEED_LIMIT", 3)
    assert _entry_ids(_parsed(_feed(client, "?city=marl"))) == expected
    # more matches than fit one IN list: read in growing windows (24 rows, then 192)
    monkeypatch.setattr(selection, "IN_LIST_LIMIT", 1)
    assert _entry_ids(_parsed(_feed(client, "?city=marl"))) == expected
    assert len(_entry_ids(_parsed(_feed(client)))) == 3
