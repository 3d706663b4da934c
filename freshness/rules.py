"""When an offer counts as stale: the rules in one place.

An offer's *reference date* is the day a person last confirmed it (`last_verified`), or the
day it was created when nobody has confirmed it yet. Saves never move it.

- due for review: the reference date is older than REVIEW_INTERVAL_MONTHS;
- hidden: the reference date is older than HIDE_AFTER_MONTHS (the offer leaves the public
  search, directories, counts and API lists until someone confirms it);
- ended: its end date lies in the past.

"Older than N months" compares with the day N calendar months before today, clamped to the
end of shorter months (6 months before 31 August is 28/29 February). Everything else (the
querysets on Offer, the search index, the reminders) asks these functions.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

ONE_DAY = datetime.timedelta(days=1)
# Second reminder this long after the first, the KI's notice this long after the second.
REMINDER_GAP = datetime.timedelta(days=21)


def today():
    """The current day in the site's time zone (tests patch this one function)."""
    return timezone.localdate()


def add_months(day, months):
    """`day` moved by whole calendar months (negative: back), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def cutoff(months, day=None):
    """References before this day are older than `months` months on `day` (default today)."""
    return add_months(day or today(), -months)


def review_cutoff(day=None):
    return cutoff(settings.REVIEW_INTERVAL_MONTHS, day)


def hide_cutoff(day=None):
    return cutoff(settings.HIDE_AFTER_MONTHS, day)


def reference_date(offer):
    """The day the offer was last confirmed, or the day it was created."""
    if offer.last_verified:
        return offer.last_verified
    return timezone.localdate(offer.created_at)


def is_due_for_review(offer, day=None):
    return reference_date(offer) < review_cutoff(day)


def is_hidden(offer, day=None):
    return reference_date(offer) < hide_cutoff(day)


def is_ended(offer, day=None):
    return offer.end_date is not None and offer.end_date < (day or today())


def last_day_not_older(reference, months):
    """The last day on which `reference` is not yet older than `months` months.

    Found forwards from reference + months, then a few days on where month-end clamping lets
    several days share a cutoff (so it agrees with `cutoff()` on every day).
    """
    day = add_months(reference, months)
    while cutoff(months, day + ONE_DAY) <= reference:
        day += ONE_DAY
    return day


def visible_until(reference, end_date=None):
    """The last day an offer with this reference date (and end date) is publicly visible."""
    last = last_day_not_older(reference, settings.HIDE_AFTER_MONTHS)
    return min(last, end_date) if end_date else last


# --- the same rules as database conditions -------------------------------------------------


def _start_of(day):
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def reference_on_or_after(day, prefix=""):
    """Q: the reference date is `day` or later (positive form: usable inside aggregates)."""
    return (Q(**{f"{prefix}last_verified__gte": day})
            | Q(**{f"{prefix}last_verified__isnull": True, f"{prefix}created_at__gte": _start_of(day)}))


def reference_before(day, prefix=""):
    """Q: the reference date lies before `day`."""
    return (Q(**{f"{prefix}last_verified__lt": day})
            | Q(**{f"{prefix}last_verified__isnull": True, f"{prefix}created_at__lt": _start_of(day)}))


def not_ended(day=None, prefix=""):
    return Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day or today()})


def visible_q(day=None, prefix=""):
    """Q: published, not hidden, not ended (on `day`, default today).

    `prefix` ("offers__") applies it across a relation, e.g. in Count(..., filter=...).
    """
    from offers.models import Offer

    day = day or today()
    return (Q(**{f"{prefix}status": Offer.Status.PUBLISHED})
            & reference_on_or_after(hide_cutoff(day), prefix) & not_ended(day, prefix))
