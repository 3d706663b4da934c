"""A small RFC 5545 (iCalendar) writer: content lines, escaping, folding, the time zone.

Written by hand rather than with a library so the rules that calendar programs trip over are
visible in one place: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
sequence), TEXT values with backslash, semicolon, comma and line breaks escaped, and local
times carrying TZID=Europe/Berlin with the matching VTIMEZONE in the calendar.
"""

import datetime
import re
from zoneinfo import ZoneInfo

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
TZID = "Europe/Berlin"
ZONE = ZoneInfo(TZID)
# Control characters have no place in a TEXT value (RFC 5545 3.3.11: TSAFE-CHAR); tab is
# allowed, line breaks are escaped as \n before this runs.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Central European time with its daylight-saving rules (last Sunday of March / October),
# valid since 1996; every local DTSTART/DTEND names it with TZID.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value):
    """A TEXT value: \\ ; , escaped, line breaks as \\n, control characters dropped."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = _LINE_BREAK.sub("\\\\n", value)
    return _CONTROL.sub("", value)


def fold(line):
    """One content line folded into physical lines of at most 75 octets each (continuations
    start with a space, which counts), cut only between characters, joined with CRLF."""
    parts, current, size = [], [], 0
    limit = MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size = [" "], 1  # the continuation's leading space
        current.append(char)
        size += octets
    parts.append("".join(current))
    return CRLF.join(parts)


def format_date(day):
    return day.strftime("%Y%m%d")


def format_local(moment):
    """A naive local date-time (to be written with TZID)."""
    return moment.strftime("%Y%m%dT%H%M%S")


def format_utc(moment):
    """An aware date-time in UTC form, e.g. for DTSTAMP and UNTIL."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def end_of_day_utc(day):
    """The last second of `day` in Berlin, in UTC: an UNTIL that keeps that day's occurrence."""
    local = datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=ZONE)
    return format_utc(local)


class Calendar:
    """Collects content lines; `to_bytes()` gives the finished VCALENDAR."""

    def __init__(self, prodid, name=None):
        self.lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
        if name:
            # NAME is RFC 7986; X-WR-CALNAME is what older programs read.
            self.lines += [f"NAME:{escape_text(name)}", f"X-WR-CALNAME:{escape_text(name)}"]
        self.lines.append(f"X-WR-TIMEZONE:{TZID}")
        self.events = []
        self.uses_local_time = False

    def add_event(self, event, *, uid, stamp, description="", url=None, location=None, geo=None,
                  created=None):
        """One VEVENT from an events.Event; `stamp` is the last change (DTSTAMP, LAST-MODIFIED)."""
        lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{format_utc(stamp)}"]
        if event.all_day:
            lines += [f"DTSTART;VALUE=DATE:{format_date(event.start)}",
                      f"DTEND;VALUE=DATE:{format_date(event.end)}"]
        else:
            self.uses_local_time = True
            lines += [f"DTSTART;TZID={TZID}:{format_local(event.start)}",
                      f"DTEND;TZID={TZID}:{format_local(event.end)}"]
        if event.rrule:
            lines.append(f"RRULE:{event.rrule}")
        lines.append(f"SUMMARY:{escape_text(event.summary)}")
        if description:
            lines.append(f"DESCRIPTION:{escape_text(description)}")
        if location:
            lines.append(f"LOCATION:{escape_text(location)}")
        if geo:
            lines.append(f"GEO:{geo[0]:.6f};{geo[1]:.6f}")
        if url:
            lines.append(f"URL;VALUE=URI:{url}")
        if created:
            lines.append(f"CREATED:{format_utc(created)}")
        lines.append(f"LAST-MODIFIED:{format_utc(stamp)}")
        if event.all_day:  # a course's whole period or a deadline does not block the day
            lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
        self.events.append(lines)

    def to_bytes(self):
        lines = list(self.lines)
        if self.uses_local_time:
            lines += VTIMEZONE
        for event in self.events:
            lines += event
        lines.append("END:VCALENDAR")
        return "".join(fold(line) + CRLF for line in lines).encode("utf-8")
