"""What in an offer becomes a calendar event."""

import datetime

import pytest

from feeds.events import first_weekday_on_or_after, has_dates, offer_events
from offers.models import OfferTime

TODAY = datetime.date(2026, 11, 25)  # a Wednesday (conftest pins it)


def _times(offer, *slots):
    for weekday, opens, closes in slots:
        OfferTime.objects.create(offer=offer, weekday=weekday, opens_at=datetime.time(*opens),
                                 closes_at=datetime.time(*closes))


def test_the_first_weekday_on_or_after_a_day():
    wednesday = datetime.date(2027, 3, 3)
    assert first_weekday_on_or_after(wednesday, 2) == wednesday
    assert first_weekday_on_or_after(wednesday, 0) == datetime.date(2027, 3, 8)
    assert first_weekday_on_or_after(wednesday, 4) == datetime.date(2027, 3, 5)


@pytest.mark.django_db
def test_a_course_with_dates_and_weekly_times_gives_one_weekly_series_per_slot(make_offer):
    offer = make_offer(start_date=datetime.date(2027, 3, 3), end_date=datetime.date(2027, 6, 30))
    _times(offer, (0, (9, 0), (12, 0)), (2, (18, 30), (20, 0)))
    events = offer_events(offer, "Kurs", TODAY)
    assert [e.key for e in events] == ["w0-0900", "w2-1830"]
    monday, wednesday = events
    assert monday.start == datetime.datetime(2027, 3, 8, 9, 0)  # first Monday after the start
    assert monday.end == datetime.datetime(2027, 3, 8, 12, 0)
    assert wednesday.start == datetime.datetime(2027, 3, 3, 18, 30)  # the start day itself
    assert monday.rrule == "FREQ=WEEKLY;UNTIL=20270630T215959Z"
    assert not monday.all_day


def test_a_slot_without_an_occurrence_inside_the_dates_is_left_out(make_offer):
    offer = make_offer(start_date=datetime.date(2027, 3, 1), end_date=datetime.date(2027, 3, 4))
    _times(offer, (0, (9, 0), (12, 0)), (4, (9, 0), (12, 0)))  # the Friday slot never happens
    assert [e.key for e in offer_events(offer, "Kurs", TODAY)] == ["w0-0900"]


def test_an_open_ended_course_repeats_without_until(make_offer):
    offer = make_offer(start_date=datetime.date(2027, 1, 11))
    _times(offer, (1, (10, 0), (11, 30)))
    (event,) = offer_events(offer, "Kurs", TODAY)
    assert event.rrule == "FREQ=WEEKLY"
    assert event.start == datetime.datetime(2027, 1, 12, 10, 0)


def test_weekly_times_with_only_an_end_date_start_today(make_offer):
    offer = make_offer(end_date=datetime.date(2027, 2, 1))
    _times(offer, (4, (15, 0), (16, 0)))
    (event,) = offer_events(offer, "Kurs", TODAY)
    assert event.start == datetime.datetime(2026, 11, 27, 15, 0)  # the Friday after today


def test_dates_without_times_give_one_all_day_event_ending_the_day_after(make_offer):
    offer = make_offer(start_date=datetime.date(2027, 5, 2), end_date=datetime.date(2027, 5, 4))
    (event,) = offer_events(offer, "Ferienfreizeit", TODAY)
    assert event.all_day and event.summary == "Ferienfreizeit"
    assert (event.start, event.end) == (datetime.date(2027, 5, 2), datetime.date(2027, 5, 5))


def test_a_single_known_day_is_named_as_start_or_end(make_offer):
    (start,) = offer_events(make_offer(start_date=datetime.date(2027, 5, 2)), "Kurs", TODAY)
    (end,) = offer_events(make_offer(end_date=datetime.date(2027, 5, 9)), "Kurs", TODAY)
    assert start.summary == "Beginn: Kurs" and start.end == datetime.date(2027, 5, 3)
    assert end.summary == "Ende: Kurs" and end.start == datetime.date(2027, 5, 9)


def test_a_registration_deadline_is_an_all_day_event_of_its_own(make_offer):
    offer = make_offer(registration_deadline=datetime.date(2027, 2, 15),
                       registration_note="mit Einstufungstest")
    (event,) = offer_events(offer, "Kurs", TODAY)
    assert event.key == "deadline" and event.summary == "Anmeldeschluss: Kurs"
    assert (event.start, event.end) == (datetime.date(2027, 2, 15), datetime.date(2027, 2, 16))
    assert event.note == "mit Einstufungstest"
    assert has_dates(offer)


def test_weekly_times_without_any_date_are_not_calendar_events(make_offer):
    offer = make_offer()
    _times(offer, (1, (15, 0), (17, 0)))
    assert not has_dates(offer)
    assert offer_events(offer, "Sprachcafé", TODAY) == []


@pytest.mark.parametrize(("note", "rrule"), [
    ("14-täglich", "FREQ=WEEKLY;INTERVAL=2"), ("alle zwei Wochen", "FREQ=WEEKLY;INTERVAL=2"),
    ("14tägig, bitte anmelden", "FREQ=WEEKLY;INTERVAL=2"), ("nur in den Schulferien", "FREQ=WEEKLY"),
])
def test_a_slot_noted_as_every_other_week_repeats_every_two_weeks(make_offer, note, rrule):
    offer = make_offer(start_date=datetime.date(2027, 1, 4))
    OfferTime.objects.create(offer=offer, weekday=0, opens_at=datetime.time(10),
                             closes_at=datetime.time(11), note=note)
    (event,) = offer_events(offer, "Kurs", TODAY)
    assert event.rrule == rrule and event.note == note
