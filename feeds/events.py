"""What in an offer is a calendar event.

- A course with dates and weekly times: one weekly recurring event per time slot, first on the
  slot's weekday on or after the start date, repeating until the end date (open-ended when
  there is none). With an end date but no start date the series starts today. A slot noted
  as "14-täglich" (or "alle zwei Wochen", …) repeats every other week from its first day.
- Dates without weekly times: one all-day event over the whole period (start to end), or on
  the single day known ("Beginn: …" / "Ende: …").
- A registration deadline: an all-day event "Anmeldeschluss: …" on that day.
- Weekly times without any date (a drop-in café every Tuesday) are not events: the issue asks
  for "offers with dates", and an endless series per café would flood a calendar. Such an
  offer has no calendar file and no calendar link.

Times are local (Europe/Berlin); ical.py writes them with TZID, so a course at 10:00 stays at
10:00 across the change to and from daylight-saving time.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from .ical import end_of_day_utc

ONE_DAY = datetime.timedelta(days=1)
# A slot's note may say it happens every other week (the form's own example is "14-täglich");
# then the series repeats every two weeks from its first day. Anything else stays weekly, and
# the note goes into the event's description either way.
EVERY_OTHER_WEEK = re.compile(
    r"14[\s-]*t(ä|ae)gig|14[\s-]*t(ä|ae)glich|zweiw(ö|oe)chentlich|alle\s+(2|zwei)\s+wochen"
    r"|jede\s+zweite\s+woche", re.IGNORECASE)


@dataclass(frozen=True)
class Event:
    key: str  # unique within the offer; part of the UID
    summary: str
    start: datetime.date | datetime.datetime  # naive local date-time, or a date when all_day
    end: datetime.date | datetime.datetime  # exclusive for all-day events (RFC 5545)
    all_day: bool
    rrule: str = ""
    note: str = ""  # a line for the description (the time slot's note, the registration note)


def has_dates(offer):
    """Whether the offer has anything for a calendar (see the module docstring)."""
    return bool(offer.start_date or offer.end_date or offer.registration_deadline)


def dated_q(prefix=""):
    """The same condition for the database."""
    return (Q(**{f"{prefix}start_date__isnull": False}) | Q(**{f"{prefix}end_date__isnull": False})
            | Q(**{f"{prefix}registration_deadline__isnull": False}))


def first_weekday_on_or_after(day, weekday):
    """The first date on or after `day` that falls on `weekday` (0 = Monday)."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def offer_events(offer, title, today):
    """The events of one offer (`offer.times` preferably prefetched), titled with `title` (the
    offer's title in the page's language)."""
    events = []
    if offer.start_date or offer.end_date:
        events += _weekly_events(offer, title, today) or [_period_event(offer, title)]
    if offer.registration_deadline:
        events.append(Event(
            key="deadline",
            summary=_("Anmeldeschluss: %(title)s") % {"title": title},
            start=offer.registration_deadline, end=offer.registration_deadline + ONE_DAY,
            all_day=True, note=offer.registration_note,
        ))
    return events


def _weekly_events(offer, title, today):
    """One recurring event per weekly time slot that has an occurrence within the dates."""
    first_day = offer.start_date or today
    events, keys = [], set()
    for slot in offer.times.all():
        day = first_weekday_on_or_after(first_day, slot.weekday)
        if offer.end_date and day > offer.end_date:
            continue  # e.g. a Friday slot of a course that runs Monday to Thursday only
        key = f"w{slot.weekday}-{slot.opens_at:%H%M}"
        if key in keys:  # two slots starting at the same time on the same day
            key = f"{key}-{slot.pk}"
        keys.add(key)
        rrule = "FREQ=WEEKLY;INTERVAL=2" if EVERY_OTHER_WEEK.search(slot.note) else "FREQ=WEEKLY"
        if offer.end_date:
            rrule += f";UNTIL={end_of_day_utc(offer.end_date)}"
        events.append(Event(
            key=key, summary=title,
            start=datetime.datetime.combine(day, slot.opens_at),
            end=datetime.datetime.combine(day, slot.closes_at),
            all_day=False, rrule=rrule, note=slot.note,
        ))
    return events


def _period_event(offer, title):
    """An all-day event over the offer's dates."""
    if offer.start_date and offer.end_date:
        summary, first, last = title, offer.start_date, offer.end_date
    elif offer.start_date:
        summary, first, last = _("Beginn: %(title)s") % {"title": title}, offer.start_date, offer.start_date
    else:
        summary, first, last = _("Ende: %(title)s") % {"title": title}, offer.end_date, offer.end_date
    last = max(first, last)  # an end before the start (the form refuses it, old data may not)
    return Event(key="period", summary=summary, start=first, end=last + ONE_DAY, all_day=True)
