"""The figures of the Angebotslandschaft: visible offers per city × topic.

Every count is a number of distinct offers. An offer in two cities (or with two topics)
counts in each of its cells, but only once in a row or column total and in the grand total.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from offers.models import Offer
from taxonomy.models import City, Language, TargetGroup, Topic
from taxonomy.names import translated

THIN = 2  # cells with 1..THIN offers are "thin"


@dataclass
class Filters:
    target_group: str = ""
    language: str = ""

    @classmethod
    def from_query(cls, querydict):
        """The filters of a request; unknown or repeated values are ignored (no error page)."""
        group = querydict.get("target_group", "")
        language = querydict.get("language", "")
        # Compared in Python: a value with a NUL byte must not reach PostgreSQL.
        if group and group not in set(TargetGroup.objects.values_list("slug", flat=True)):
            group = ""
        if language and language not in set(Language.objects.values_list("slug", flat=True)):
            language = ""
        return cls(group, language)

    def apply(self, queryset):
        if self.target_group:
            queryset = queryset.filter(target_groups__slug=self.target_group)
        if self.language:
            queryset = queryset.filter(languages__slug=self.language)
        return queryset

    def query_pairs(self):
        return [(k, v) for k, v in (("target_group", self.target_group),
                                     ("language", self.language)) if v]


def _per_cell(offers):
    """{(city_pk, topic_pk): n} in one query over both m2m tables."""
    rows = (Offer.objects.filter(pk__in=offers.values("pk"))
            .filter(cities__isnull=False, topics__isnull=False)
            .values_list("cities", "topics")
            .annotate(n=Count("pk", distinct=True))
            .order_by())
    return {(city, topic): n for city, topic, n in rows}


def _per(offers, relation):
    rows = (Offer.objects.filter(pk__in=offers.values("pk"))
            .filter(**{f"{relation}__isnull": False})
            .values_list(relation).annotate(n=Count("pk", distinct=True)).order_by())
    return dict(rows)


@dataclass
class Landscape:
    cities: list
    topics: list
    rows: list = field(default_factory=list)  # [{"city", "cells": [cell], "total"}]
    topic_totals: list = field(default_factory=list)
    total: int = 0

    def long_rows(self, sort="city"):
        """One row per city × topic, for the sortable table and the CSV."""
        cells = [cell for row in self.rows for cell in row["cells"]]
        if sort == "count":
            cells.sort(key=lambda c: (-c["count"], c["city_name"].lower(), c["topic_name"].lower()))
        elif sort == "topic":
            cells.sort(key=lambda c: (c["topic_position"], c["topic_name"].lower(), c["city_name"].lower()))
        return cells


def build(filters, staff=False):
    """The matrix for these filters; with staff=True each cell also carries the numbers of
    published offers due for review and hidden for review (those are not in the search)."""
    cities = list(City.objects.all())
    topics = [(t, translated(t.name)) for t in Topic.objects.all()]
    visible = filters.apply(Offer.objects.visible())
    counts = _per_cell(visible)
    city_totals = _per(visible, "cities")
    topic_totals = _per(visible, "topics")
    due = hidden = {}
    if staff:
        due = _per_cell(filters.apply(Offer.objects.due_for_review()))
        hidden = _per_cell(filters.apply(Offer.objects.hidden_for_review()))
    landscape = Landscape(cities=cities, topics=[t for t, _name in topics])
    for city in cities:
        cells = []
        for position, (topic, name) in enumerate(topics):
            n = counts.get((city.pk, topic.pk), 0)
            cells.append({
                "city": city.slug, "city_name": city.name, "topic": topic.slug,
                "topic_name": name, "topic_position": position, "count": n,
                "empty": n == 0, "thin": 0 < n <= THIN,
                "due": due.get((city.pk, topic.pk), 0),
                "hidden": hidden.get((city.pk, topic.pk), 0),
            })
        landscape.rows.append({"city": city, "cells": cells, "total": city_totals.get(city.pk, 0)})
    landscape.topic_totals = [
        {"topic": t, "name": name, "total": topic_totals.get(t.pk, 0)} for t, name in topics
    ]
    landscape.total = visible.count()
    return landscape
