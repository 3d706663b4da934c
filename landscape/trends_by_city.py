"""The trend figures of every city side by side, for the period of the Entwicklung page.

Each city's figure is the sum of its monthly figures, exactly the "Summe" row the page shows
for that city alone (trends.build(city=…)): an offer in two cities counts in both, an offer
confirmed in three months counts three times. The counting rules are those of trends.py.

One query per kind for all cities together (plus one for the offers' cities), not one set of
queries per city: the (month, offer) pairs of the period are read once and spread over the
offers' current cities in Python.
"""

from collections import Counter, defaultdict

from django.db.models import Count

from changes.models import Revision
from freshness import rules
from freshness.models import Confirmation
from offers.models import Offer
from taxonomy.models import City

from . import trends


def _pairs(offer_ids, starts, since, until):
    """{kind: set of (month index, offer id)} for the period.

    The month as trends.month_index (plain comparisons in the database), not TruncMonth: on
    SQLite that is a Python function per row, 0.4 s of the page at 20,000 offers (bench/PLANNER.md)."""
    pairs = {kind: set() for kind in trends.KINDS if kind != "added"}  # "added": see _added
    for kind, actions in (("changed", trends.CHANGE_ACTIONS), ("archived", [Revision.Action.ARCHIVED]),
                          ("confirmed", [Revision.Action.CONFIRMED])):
        pairs[kind] = set(
            trends._revisions(offer_ids, actions, since, until, starts)
            .values_list("month", "object_id").order_by().distinct())
    pairs["confirmed"] |= set(
        Confirmation.objects.filter(offer_id__in=offer_ids, confirmed_at__gte=since, confirmed_at__lt=until)
        .annotate(month=trends.month_index("confirmed_at", starts))
        .values_list("month", "offer_id").order_by().distinct())
    return pairs


def _added(offer_ids, starts, since, until, city_pk=None):
    """({city id: offers added in the period}, [offers added per month, of city_pk or all]).

    Grouped in the database: an offer has one creation month, so no (month, offer) pairs are
    needed (reading them was the page's largest query at 20,000 offers, bench/PLANNER.md)."""
    added = Offer.objects.filter(pk__in=offer_ids, created_at__gte=since, created_at__lt=until)
    per_city = dict(Offer.cities.through.objects.filter(offer_id__in=added.values("pk"))
                    .values_list("city_id").annotate(n=Count("offer_id")).order_by())
    if city_pk is not None:
        added = added.filter(cities=city_pk)
    per_month = trends._counted(added.annotate(month=trends.month_index("created_at", starts))
                                .values_list("month").annotate(n=Count("pk")).order_by(), starts)
    return per_city, per_month


def _read(months, filters, today, city_pk=None):
    """(month starts, pairs, {offer id: [city ids]}, added) of the period: all both figures need."""
    starts = trends.month_starts(months, today)
    since = trends._aware(starts[0])
    until = trends._aware(rules.add_months(starts[-1], 1))
    offer_ids = trends._offers("", filters)
    pairs = _pairs(offer_ids, starts, since, until)
    added = _added(offer_ids, starts, since, until, city_pk)
    cities_of = defaultdict(list)
    # a subquery, not a list of ids: tens of thousands of parameters would overflow SQLite
    for offer_id, city_id in (Offer.cities.through.objects.filter(offer_id__in=offer_ids)
                              .values_list("offer_id", "city_id")):
        cities_of[offer_id].append(city_id)
    return starts, pairs, cities_of, added


def _by_city(pairs, cities_of, added_per_city):
    counts = {kind: Counter() for kind in trends.KINDS}
    counts["added"].update(added_per_city)
    for kind, kind_pairs in pairs.items():
        # months per offer first, then once per offer onto its cities (not one update per pair)
        per_city = counts[kind]
        for pk, n in Counter(pk for _month, pk in kind_pairs).items():
            for city_id in cities_of.get(pk, ()):
                per_city[city_id] += n
    return [{"city": city, **{kind: counts[kind][city.pk] for kind in trends.KINDS}}
            for city in City.objects.all()]


def by_city(months=trends.DEFAULT_MONTHS, filters=None, today=None):
    """[{"city": City, "added": n, "changed": n, "confirmed": n, "archived": n}] in the
    cities' order, for the last `months` months and the landscape filters."""
    _starts, pairs, cities_of, (added_per_city, _per_month) = _read(months, filters, today)
    return _by_city(pairs, cities_of, added_per_city)


def with_figures(months=trends.DEFAULT_MONTHS, city="", filters=None, today=None):
    """(trends.build(months, city, filters), by_city(months, filters)) from one read.

    The Entwicklung page shows both; trends.build's figure of a month is the number of that
    month's (month, offer) pairs here (of the offers now in `city`), so reading the period once
    instead of twice saves a third of the page's time at 20,000 offers (bench/PLANNER.md)."""
    city_pk = None
    if city:
        city_pk = next((c.pk for c in City.objects.filter(slug=city)), -1)
    starts, pairs, cities_of, (added_per_city, added_per_month) = _read(months, filters, today, city_pk)
    figures = trends.Trends(months=starts, added=added_per_month)
    for kind, kind_pairs in pairs.items():
        per_month = [0] * len(starts)
        for index, pk in kind_pairs:
            if index is not None and (city_pk is None or city_pk in cities_of.get(pk, ())):
                per_month[index] += 1
        setattr(figures, kind, per_month)
    return figures, _by_city(pairs, cities_of, added_per_city)
