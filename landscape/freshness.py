"""How fresh the data is: per organisation the share of published offers a person confirmed
within 6 and 12 months, and per city × topic the review figures of the staff CSV.

Which offers count: every *published* offer, including those already hidden from the search for
lack of confirmation and those whose end date has passed. Freshness is about exactly the offers
that still carry the organisation's name; drafts, pending and archived offers do not.

"Confirmed" means `last_verified` (set when an offer is published or a person confirms it is still
current). Unlike the review rules in freshness/rules.py the creation date does not count: an
offer nobody ever confirmed is "never confirmed", however new it is.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from freshness import rules
from offers.models import Offer
from providers.models import Organisation
from taxonomy.models import City

MONTHS = (6, 12)
SORTS = ("worst", "name", "count")


def cutoffs(day=None):
    """{months: first day that still counts as "confirmed within `months` months"}."""
    return {months: rules.cutoff(months, day) for months in MONTHS}


def _share(part, whole):
    """Percent rounded half up to a whole number (12.5 → 13, as people round, not round()'s
    half-to-even); None when there is nothing to divide."""
    return (200 * part + whole) // (2 * whole) if whole else None


@dataclass
class Figures:
    """Published offers and how many of them were confirmed within 6 / 12 months."""

    total: int = 0
    within_6: int = 0
    within_12: int = 0

    @property
    def older(self):
        """Confirmed more than 12 months ago, or never."""
        return self.total - self.within_12

    @property
    def share_6(self):
        return _share(self.within_6, self.total)

    @property
    def share_12(self):
        return _share(self.within_12, self.total)

    @property
    def share_older(self):
        return _share(self.older, self.total)


@dataclass
class OrganisationRow(Figures):
    organisation: Organisation = None


@dataclass
class Report:
    rows: list = field(default_factory=list)
    totals: Figures = field(default_factory=Figures)


def city_choices():
    return [(city.slug, city.name) for city in City.objects.all()]


def clean_city(value):
    """A known city slug, or "" (compared in Python: a NUL byte must not reach PostgreSQL)."""
    return value if value in {slug for slug, _name in city_choices()} else ""


def clean_sort(value):
    return value if value in SORTS else "worst"


def _offers(city=""):
    offers = Offer.objects.published()
    if city:
        # A subquery, so an offer in several cities is still one row below.
        offers = Offer.objects.filter(pk__in=offers.filter(cities__slug=city).values("pk"))
    return offers


def aggregates(day=None):
    """The aggregate arguments shared by the per-organisation and the total figures."""
    return {f"within_{months}": Count("pk", filter=Q(last_verified__gte=cut))
            for months, cut in cutoffs(day).items()} | {"total": Count("pk")}


def sort_key(sort):
    if sort == "name":
        return lambda row: row.organisation.name.lower()
    if sort == "count":
        return lambda row: (-row.total, row.organisation.name.lower())
    # Worst first: the lowest share confirmed within 12 months, then within 6 months; among
    # equals the organisation with more offers first (more to do there).
    return lambda row: (row.within_12 / row.total, row.within_6 / row.total, -row.total,
                        row.organisation.name.lower())


def by_organisation(city="", sort="worst", day=None):
    """Every organisation with published offers (in `city`), with its figures and the totals."""
    offers = _offers(city)
    figures = offers.values("organisation").annotate(**aggregates(day)).order_by()
    by_pk = {row.pop("organisation"): row for row in figures}
    # A subquery, not in_bulk(ids): on SQLite in_bulk splits ~2,000 ids into batches of 999,
    # one query each, so the page's query count grew with the number of organisations.
    organisations = {org.pk: org for org in Organisation.objects.filter(pk__in=offers.values("organisation"))}
    report = Report(
        rows=[OrganisationRow(organisation=organisations[pk], **numbers) for pk, numbers in by_pk.items()],
        totals=Figures(**offers.aggregate(**aggregates(day))),
    )
    report.rows.sort(key=sort_key(clean_sort(sort)))
    return report


def cell_figures(filters, day=None):
    """{(city_pk, topic_pk): {"published", "within_6", "within_12", "last_change"}} for the
    published offers matching `filters` (the landscape's target group / language); one query."""
    published = filters.apply(Offer.objects.published())
    counts = {f"within_{months}": Count("pk", distinct=True, filter=Q(last_verified__gte=cut))
              for months, cut in cutoffs(day).items()}
    rows = (Offer.objects.filter(pk__in=published.values("pk"))
            .filter(cities__isnull=False, topics__isnull=False)
            .values("cities", "topics")
            .annotate(published=Count("pk", distinct=True), last_change=Max("updated_at"), **counts)
            .order_by())
    return {(row.pop("cities"), row.pop("topics")): row for row in rows}
