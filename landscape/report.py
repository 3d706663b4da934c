"""The figures of the printable report for the district's integration committee.

Public on purpose: everything in it is an aggregate of published offers (counts per city and
topic, how many providers, how many offers were confirmed recently); nothing names a person or
singles out an organisation (the per-organisation freshness figures stay in the staff pages).
"""

from dataclasses import dataclass, field

from offers.models import Offer

from . import trends
from .counts import build
from .freshness import Figures, aggregates


@dataclass
class KeyFigures:
    offers: int
    providers: int
    cities_with_offers: int
    cities: int
    topics_with_offers: int
    topics: int
    freshness: Figures


@dataclass
class Report:
    landscape: object
    key: KeyFigures
    gaps: list = field(default_factory=list)  # [{"city", "empty": [names], "thin": [(name, n)]}]
    trends: object = None


def freshness_figures(filters, day=None):
    """Published offers (matching the filters) and how many were confirmed within 6 / 12 months
    (the same rule as the staff freshness page, landscape/freshness.py)."""
    published = Offer.objects.filter(pk__in=filters.apply(Offer.objects.published()).values("pk"))
    return Figures(**published.aggregate(**aggregates(day)))


def gaps(landscape):
    """Per city the topics without any offer and those with only a few (thin) ones."""
    result = []
    for row in landscape.rows:
        empty = [cell["topic_name"] for cell in row["cells"] if cell["empty"]]
        thin = [(cell["topic_name"], cell["count"]) for cell in row["cells"] if cell["thin"]]
        if empty or thin:
            result.append({"city": row["city"], "empty": empty, "thin": thin})
    return result


def build_report(filters, months=trends.DEFAULT_MONTHS):
    landscape = build(filters)
    providers = (filters.apply(Offer.objects.visible()).values("organisation")
                 .distinct().order_by().count())
    key = KeyFigures(
        offers=landscape.total, providers=providers,
        # "kreisweit" is a row of the matrix but not one of the district's cities
        cities_with_offers=sum(1 for row in landscape.rows
                               if row["total"] and not row["city"].is_districtwide),
        cities=sum(1 for row in landscape.rows if not row["city"].is_districtwide),
        topics_with_offers=sum(1 for column in landscape.topic_totals if column["total"]),
        topics=len(landscape.topic_totals),
        freshness=freshness_figures(filters),
    )
    return Report(landscape=landscape, key=key, gaps=gaps(landscape),
                  trends=trends.build(months, "", filters))
