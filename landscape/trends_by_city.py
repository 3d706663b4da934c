"""The trend figures of every city side by side, for the period of the Entwicklung page.

Each city's figure is the sum of its monthly figures, exactly the "Summe" row the page shows
for that city alone (trends.build(city=…)): an offer in two cities counts in both, an offer
confirmed in three months counts three times. The counting rules are those of trends.py.

One query per kind for all cities together (plus one for the offers' cities), not one set of
queries per city: the (month, offer) pairs of the period are read once and spread over the
offers' current cities in Python.
"""

from collections import Counter, defaultdict

from changes.models import Revision
from freshness import rules
from freshness.models import Confirmation
from offers.models import Offer
from taxonomy.models import City

from . import trends


def _pairs(offer_ids, since, until):
    """{kind: set of (month, offer id)} for the period."""
    month = trends._month
    pairs = {kind: set() for kind in trends.KINDS}
    pairs["added"] = {(month(m), pk) for m, pk in (
        Offer.objects.filter(pk__in=offer_ids, created_at__gte=since, created_at__lt=until)
        .annotate(month=trends._month_of("created_at")).values_list("month", "pk"))}
    for kind, actions in (("changed", trends.CHANGE_ACTIONS), ("archived", [Revision.Action.ARCHIVED]),
                          ("confirmed", [Revision.Action.CONFIRMED])):
        pairs[kind] = {(month(m), pk) for m, pk in (
            trends._revisions(offer_ids, actions, since, until)
            .values_list("month", "object_id").order_by().distinct())}
    pairs["confirmed"] |= {(month(m), pk) for m, pk in (
        Confirmation.objects.filter(offer_id__in=offer_ids, confirmed_at__gte=since, confirmed_at__lt=until)
        .annotate(month=trends._month_of("confirmed_at"))
        .values_list("month", "offer_id").order_by().distinct())}
    return pairs


def by_city(months=trends.DEFAULT_MONTHS, filters=None, today=None):
    """[{"city": City, "added": n, "changed": n, "confirmed": n, "archived": n}] in the
    cities' order, for the last `months` months and the landscape filters."""
    starts = trends.month_starts(months, today)
    since = trends._aware(starts[0])
    until = trends._aware(rules.add_months(starts[-1], 1))
    offer_ids = trends._offers("", filters)
    pairs = _pairs(offer_ids, since, until)
    cities_of = defaultdict(list)
    # a subquery, not a list of ids: tens of thousands of parameters would overflow SQLite
    for offer_id, city_id in (Offer.cities.through.objects.filter(offer_id__in=offer_ids)
                              .values_list("offer_id", "city_id")):
        cities_of[offer_id].append(city_id)
    counts = {kind: Counter() for kind in trends.KINDS}
    for kind, kind_pairs in pairs.items():
        for _month, pk in kind_pairs:
            counts[kind].update(cities_of[pk])
    return [{"city": city, **{kind: counts[kind][city.pk] for kind in trends.KINDS}}
            for city in City.objects.all()]
