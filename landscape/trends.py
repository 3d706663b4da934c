"""How the offer landscape changes: per calendar month (Europe/Berlin) the number of offers

- **added**: offers created that month (Offer.created_at, also imported ones) that are published
  or archived now. Drafts and offers still waiting for review were never on the public site.
- **changed**: distinct offers whose content changed that month: a direct change, an approved
  proposal or a restored version (Revision changed/approved/restored). Proposals still waiting
  and confirmations are not changes.
- **confirmed**: distinct offers confirmed as current that month, from the Confirmation table
  and from "confirmed" revisions together; an offer confirmed twice in a month counts once.
- **archived**: distinct offers taken off the site that month (Revision archived).

All four count only offers that are published or archived now (drafts and offers waiting for
their first review are work in progress) and that still exist (a deleted offer has no cities or
topics any more).
The city filter uses the offer's *current* cities; the target group and language filters of the
Angebotslandschaft work the same way. Each figure is one grouped query over the whole period
(not one per month), which works on SQLite and PostgreSQL alike.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone

from changes.models import Revision
from freshness import rules
from freshness.models import Confirmation
from offers.models import Offer

DEFAULT_MONTHS = 12
MAX_MONTHS = 36
MONTH_CHOICES = (6, 12, 24, 36)
KINDS = ("added", "changed", "confirmed", "archived")
COUNTED_STATUSES = (Offer.Status.PUBLISHED, Offer.Status.ARCHIVED)
CHANGE_ACTIONS = (Revision.Action.CHANGED, Revision.Action.APPROVED, Revision.Action.RESTORED)


def parse_months(value):
    """(months, ok): the number of months asked for, or the default when the value is no whole
    number from 1 to MAX_MONTHS (the page then says so instead of failing)."""
    if value in (None, ""):
        return DEFAULT_MONTHS, True
    try:
        months = int(str(value).strip())
    except ValueError:
        return DEFAULT_MONTHS, False
    if not 1 <= months <= MAX_MONTHS:
        return DEFAULT_MONTHS, False
    return months, True


def month_starts(months, today=None):
    """The first days of the last `months` calendar months, oldest first, this month last."""
    today = today or rules.today()
    first = today.replace(day=1)
    return [rules.add_months(first, -i) for i in range(months - 1, -1, -1)]


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()),
                               timezone.get_default_timezone())


def month_index(column, starts):
    """The index in `starts` of the month a timestamp falls in: a CASE of plain comparisons with
    the months' ends (midnight, Europe/Berlin, whatever zone a request may have activated).

    Not TruncMonth: on SQLite that is a Python function called once per row (with a time-zone
    conversion each), 0.3 s of the 36-month CSV at 20,000 offers (bench/PLANNER.md). The
    comparisons run inside the database on both backends; callers restrict the rows to
    [starts[0], end of the last month), so every row gets an index."""
    ends = [_aware(rules.add_months(start, 1)) for start in starts]
    return Case(*[When(**{f"{column}__lt": end}, then=Value(i)) for i, end in enumerate(ends)],
                default=Value(None), output_field=IntegerField())


@dataclass
class Trends:
    months: list  # first day of each month, oldest first
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    confirmed: list = field(default_factory=list)
    archived: list = field(default_factory=list)

    def rows(self):
        """One row per month, for the table and the CSV."""
        return [{"month": month, "added": a, "changed": c, "confirmed": f, "archived": r}
                for month, a, c, f, r in zip(self.months, self.added, self.changed, self.confirmed,
                                             self.archived, strict=True)]

    def totals(self):
        return {kind: sum(getattr(self, kind)) for kind in KINDS}


def _offers(city, filters):
    # Only offers that are or were on the public site: drafts and offers still waiting for
    # their first review are work in progress, not part of the landscape.
    offers = Offer.objects.filter(status__in=COUNTED_STATUSES)
    if city:
        offers = offers.filter(cities__slug=city)
    if filters is not None:
        offers = filters.apply(offers)
    return offers.values("pk")


def _counted(rows, starts):
    """[n per month] from (month index, n) rows."""
    per_month = [0] * len(starts)
    for index, n in rows:
        if index is not None:
            per_month[index] += n
    return per_month


def _revisions(offer_ids, actions, since, until, starts):
    """The offers' revisions of the period, each with its month's index in `starts`."""
    return (Revision.objects.filter(content_type=ContentType.objects.get_for_model(Offer),
                                    object_id__in=offer_ids, action__in=actions,
                                    created_at__gte=since, created_at__lt=until)
            .annotate(month=month_index("created_at", starts)))


def build(months=DEFAULT_MONTHS, city="", filters=None, today=None):
    """The monthly figures of the last `months` months for all offers or one city's."""
    starts = month_starts(months, today)
    since, until = _aware(starts[0]), _aware(rules.add_months(starts[-1], 1))
    offer_ids = _offers(city, filters)
    trends = Trends(months=starts)

    added = (Offer.objects.filter(pk__in=offer_ids, created_at__gte=since, created_at__lt=until)
             .annotate(month=month_index("created_at", starts)).values_list("month")
             .annotate(n=Count("pk")).order_by())
    trends.added = _counted(added, starts)

    for kind, actions in (("changed", CHANGE_ACTIONS), ("archived", [Revision.Action.ARCHIVED])):
        rows = (_revisions(offer_ids, actions, since, until, starts).values_list("month")
                .annotate(n=Count("object_id", distinct=True)).order_by())
        setattr(trends, kind, _counted(rows, starts))

    # Two sources of confirmations: distinct (month, offer) pairs from both, united here so an
    # offer confirmed by a Confirmation and a "confirmed" revision in one month counts once.
    pairs = set()
    pairs.update(
        Confirmation.objects.filter(offer_id__in=offer_ids, confirmed_at__gte=since,
                                    confirmed_at__lt=until)
        .annotate(month=month_index("confirmed_at", starts))
        .values_list("month", "offer_id").order_by().distinct())
    pairs.update(
        _revisions(offer_ids, [Revision.Action.CONFIRMED], since, until, starts)
        .values_list("month", "object_id").order_by().distinct())
    trends.confirmed = _counted(((month, 1) for month, _pk in pairs), starts)
    return trends
