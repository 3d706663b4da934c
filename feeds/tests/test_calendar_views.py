"""The iCalendar files of one offer and of a search, read back with the icalendar package and
checked line by line against RFC 5545."""

import datetime

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from django.utils import translation

from offers.models import Offer, OfferTime, OfferTranslation, Place
from taxonomy.models import City

pytestmark = pytest.mark.django_db


def _slot(offer, weekday, opens, closes, note=""):
    OfferTime.objects.create(offer=offer, weekday=weekday, opens_at=datetime.time(*opens),
                             closes_at=datetime.time(*closes), note=note)


def _get(client, name, *args, query="", language="de", **headers):
    with translation.override(language):
        url = reverse(name, args=args)
    return client.get(url + query, **headers)


def _events(body):
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


def _assert_rfc5545_lines(body):
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b""), "bare LF"
    assert b"\r" not in body.replace(b"\r\n", b""), "bare CR"
    for line in body.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # no line ends inside a UTF-8 sequence


@pytest.fixture
def course(make_offer, make_contact):
    """A course Monday and Wednesday 10:00–12:00 from summer into winter, with a deadline."""
    contact = make_contact(email="geheim@example.org", phone="0151 999")
    offer = make_offer(
        title="Deutschkurs; Teil 1, Abend\\Tag", summary="Zeile eins\nZeile zwei",
        start_date=datetime.date(2027, 9, 1), end_date=datetime.date(2027, 12, 15),
        registration_deadline=datetime.date(2027, 8, 20), contacts=[contact],
    )
    _slot(offer, 0, (10, 0), (12, 0), note="nur in geraden Wochen")
    _slot(offer, 2, (10, 0), (12, 0))
    Place.objects.create(offer=offer, name="VHS, Raum 2", street="Am Markt 1", postcode="45768",
                         city=City.objects.get(slug="marl"), latitude=51.65, longitude=7.09)
    return offer


def test_an_offer_calendar_is_a_downloadable_icalendar_file(client, course):
    response = _get(client, "feeds:offer_calendar", course.pk)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="angebot-{course.pk}-deutschkurs-teil-1-abendtag.ics"')
    assert not response.cookies
    _assert_rfc5545_lines(response.content)


def test_each_weekly_slot_is_a_series_starting_on_its_weekday_until_the_end(client, course):
    calendar = icalendar.Calendar.from_ical(_get(client, "feeds:offer_calendar", course.pk).content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    monday = events[f"offer-{course.pk}-w0-1000@127.0.0.1"]
    wednesday = events[f"offer-{course.pk}-w2-1000@127.0.0.1"]
    start = monday.decoded("DTSTART")
    assert start.weekday() == 0 and start.date() == datetime.date(2027, 9, 6)
    assert wednesday.decoded("DTSTART").date() == datetime.date(2027, 9, 1)
    assert monday["RRULE"]["FREQ"] == ["WEEKLY"]
    assert monday["RRULE"]["UNTIL"][0] == datetime.datetime(2027, 12, 15, 22, 59, 59,
                                                            tzinfo=datetime.UTC)
    assert "nur in geraden Wochen" in str(monday["DESCRIPTION"])
    assert str(monday["LOCATION"]) == "VHS, Raum 2, Am Markt 1, 45768 Marl"
    assert str(monday["URL"]).endswith(f"/de/angebote/{course.pk}/")
    deadline = events[f"offer-{course.pk}-deadline@127.0.0.1"]
    assert deadline.decoded("DTSTART") == datetime.date(2027, 8, 20)
    assert str(deadline["SUMMARY"]) == "Anmeldeschluss: Deutschkurs; Teil 1, Abend\\Tag"


def test_text_is_escaped_in_the_raw_file_and_reads_back_unchanged(client, course):
    body = _get(client, "feeds:offer_calendar", course.pk).content
    unfolded = body.replace(b"\r\n ", b"")
    assert b"SUMMARY:Deutschkurs\\; Teil 1\\, Abend\\\\Tag\r\n" in unfolded
    assert b"DESCRIPTION:Zeile eins\\nZeile zwei\\n" in unfolded
    event = _events(body)[0]
    assert str(event["SUMMARY"]) == "Deutschkurs; Teil 1, Abend\\Tag"
    assert str(event["DESCRIPTION"]).startswith("Zeile eins\nZeile zwei\n")


def test_local_times_stay_at_ten_o_clock_in_summer_and_in_winter(client, course):
    calendar = icalendar.Calendar.from_ical(_get(client, "feeds:offer_calendar", course.pk).content)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    monday = next(e for e in calendar.walk("VEVENT") if "w0" in str(e["UID"]))
    assert monday["DTSTART"].params["TZID"] == "Europe/Berlin"
    start = monday.decoded("DTSTART")
    occurrences = list(rrulestr(monday["RRULE"].to_ical().decode(), dtstart=start))
    summer, winter = occurrences[0], occurrences[-1]
    assert (summer.date(), winter.date()) == (datetime.date(2027, 9, 6), datetime.date(2027, 12, 13))
    assert summer.hour == winter.hour == 10 and summer.minute == winter.minute == 0
    assert summer.utcoffset() == datetime.timedelta(hours=2)  # CEST
    assert winter.utcoffset() == datetime.timedelta(hours=1)  # CET
    assert len(occurrences) == 15


def test_the_file_names_no_contact_person(client, course):
    body = _get(client, "feeds:offer_calendar", course.pk).content.decode()
    assert "geheim@example.org" not in body and "0151" not in body and "Erika" not in body


def test_a_file_stays_the_same_until_the_offer_changes_and_answers_304_meanwhile(client, course):
    first = _get(client, "feeds:offer_calendar", course.pk)
    again = _get(client, "feeds:offer_calendar", course.pk, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = _get(client, "feeds:offer_calendar", course.pk,
                 HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    course.title = "Deutschkurs Teil 2"
    course.save()
    changed = _get(client, "feeds:offer_calendar", course.pk, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and b"Deutschkurs Teil 2" in changed.content


def test_an_arabic_calendar_uses_the_arabic_title_where_there_is_one(client, course):
    OfferTranslation.objects.create(offer=course, language="ar", title="دورة اللغة الألمانية",
                                    summary="ملخص")
    response = _get(client, "feeds:offer_calendar", course.pk, language="ar")
    _assert_rfc5545_lines(response.content)
    event = next(e for e in _events(response.content) if "w0" in str(e["UID"]))
    assert str(event["SUMMARY"]) == "دورة اللغة الألمانية"
    assert str(event["URL"]).endswith(f"/ar/angebote/{course.pk}/")


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED])
def test_an_unpublished_offer_has_no_calendar(client, make_offer, status):
    offer = make_offer(status=status, start_date=datetime.date(2027, 1, 4))
    assert _get(client, "feeds:offer_calendar", offer.pk).status_code == 404


def test_an_offer_without_dates_has_no_calendar(client, make_offer):
    offer = make_offer(title="Sprachcafé")
    _slot(offer, 1, (15, 0), (17, 0))
    assert _get(client, "feeds:offer_calendar", offer.pk).status_code == 404
    assert _get(client, "feeds:offer_calendar", 999999).status_code == 404


def test_the_search_calendar_holds_the_dated_offers_this_search_finds(client, make_offer, course):
    undated = make_offer(title="Sprachcafé Marl")
    _slot(undated, 1, (15, 0), (17, 0))
    elsewhere = make_offer(title="Kurs in Dorsten", cities=["dorsten"],
                           start_date=datetime.date(2027, 2, 1), end_date=datetime.date(2027, 2, 3))
    hidden = make_offer(title="Alter Kurs", start_date=datetime.date(2027, 2, 1),
                        last_verified=datetime.date(2025, 6, 1))
    response = _get(client, "feeds:calendar", query="?city=marl&city=unbekannt&page=x")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="integrationsangebote-termine.ics"'
    _assert_rfc5545_lines(response.content)
    uids = {str(e["UID"]) for e in _events(response.content)}
    assert {uid.split("-")[1] for uid in uids} == {str(course.pk)}
    everywhere = {str(e["UID"]).split("-")[1]
                  for e in _events(_get(client, "feeds:calendar").content)}
    assert everywhere == {str(course.pk), str(elsewhere.pk)}
    assert str(undated.pk) not in everywhere and str(hidden.pk) not in everywhere
    name = icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"]
    assert str(name) == "Integrationsangebote: Marl"


def test_a_search_without_dated_offers_gives_an_empty_but_valid_calendar(client, make_offer):
    make_offer(title="Sprachcafé")
    response = _get(client, "feeds:calendar", query="?q=nichtsdergleichen")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"
