"""The RFC 5545 writing rules, without a database."""

import datetime

from feeds import ical
from feeds.events import Event


def test_text_values_escape_backslash_semicolon_comma_and_line_breaks():
    assert ical.escape_text('a\\b; c, d\r\ne\nf\rg') == "a\\\\b\\; c\\, d\\ne\\nf\\ng"


def test_control_characters_are_dropped_from_text_values_but_tabs_stay():
    assert ical.escape_text("Kurs\x00\x0b\x1f\tA1") == "Kurs\tA1"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "Deutschkurs für Anfänger – دورة اللغة الألمانية للمبتدئين 🇩🇪 " * 6
    folded = ical.fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 3
    for part in physical:
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # each line is whole UTF-8 on its own
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line  # unfolding gives the line back


def test_a_short_line_is_left_alone():
    assert ical.fold("VERSION:2.0") == "VERSION:2.0"


def test_until_is_the_end_of_the_local_day_in_utc_summer_and_winter():
    assert ical.end_of_day_utc(datetime.date(2027, 7, 1)) == "20270701T215959Z"
    assert ical.end_of_day_utc(datetime.date(2027, 1, 15)) == "20270115T225959Z"


def test_a_calendar_ends_every_line_with_crlf_and_names_the_time_zone_only_when_needed():
    stamp = datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.UTC)
    all_day = ical.Calendar("-//Test//DE", name="Termine")
    all_day.add_event(Event("period", "Kurs", datetime.date(2027, 1, 4), datetime.date(2027, 1, 9),
                            all_day=True), uid="a@example.org", stamp=stamp)
    body = all_day.to_bytes()
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"VTIMEZONE" not in body
    assert b"DTSTART;VALUE=DATE:20270104\r\n" in body and b"DTEND;VALUE=DATE:20270109\r\n" in body
    assert b"DTSTAMP:20261101T093000Z\r\n" in body

    timed = ical.Calendar("-//Test//DE")
    timed.add_event(Event("w0-1000", "Kurs", datetime.datetime(2027, 1, 4, 10),
                          datetime.datetime(2027, 1, 4, 12), all_day=False, rrule="FREQ=WEEKLY"),
                    uid="b@example.org", stamp=stamp)
    body = timed.to_bytes()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" in body
    assert b"DTSTART;TZID=Europe/Berlin:20270104T100000\r\n" in body
    assert b"RRULE:FREQ=WEEKLY\r\n" in body
