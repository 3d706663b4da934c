"""Entry point of the offer search: filters, text query, facet counts, sorting, paging.

PLACEHOLDER implementation (naive ORM filters). The search-engine work replaces the
internals; the interface (search_offers, known_slugs, SearchResult) stays as it is.
"""

import math
from dataclasses import dataclass

from django.db.models import Q

from offers.models import Offer
from taxonomy.models import City, Language, TargetGroup, Topic

from .params import FACETS, FLAGS, SearchParams

FACET_FIELDS = {
    "city": ("cities", City),
    "topic": ("topics", Topic),
    "target_group": ("target_groups", TargetGroup),
    "language": ("languages", Language),
}


@dataclass
class SearchResult:
    params: SearchParams
    count: int
    offers: list  # the offers on the requested page, with related data prefetched
    facets: dict  # {"city": {slug: n}, ..., "flags": {"free": n, "accessible": n, "childcare": n}}

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.params.page_size))


def known_slugs():
    """The valid slugs per facet."""
    return {
        facet: set(model.objects.values_list("slug", flat=True))
        for facet, (_field, model) in FACET_FIELDS.items()
    }


def _filtered(params, skip=None):
    qs = Offer.objects.published()
    if params.q:
        for word in params.q.split():
            qs = qs.filter(
                Q(title__icontains=word) | Q(summary__icontains=word)
                | Q(description__icontains=word) | Q(organisation__name__icontains=word)
            )
    for facet in FACETS:
        values = getattr(params, facet)
        if values and facet != skip:
            field, _model = FACET_FIELDS[facet]
            qs = qs.filter(pk__in=Offer.objects.filter(**{f"{field}__slug__in": values}).values("pk"))
    if params.free is not None and skip != "free":
        qs = qs.filter(is_free=params.free)
    if params.accessible is not None and skip != "accessible":
        qs = qs.filter(accessibility="yes") if params.accessible else qs.exclude(accessibility="yes")
    if params.childcare is not None and skip != "childcare":
        qs = qs.filter(childcare=params.childcare)
    return qs


def search_offers(params: SearchParams) -> SearchResult:
    qs = _filtered(params)
    count = qs.count()
    order = {"newest": ["-created_at", "-pk"], "title": ["title", "pk"]}.get(
        params.sort, ["title", "pk"]
    )
    start = (params.page - 1) * params.page_size
    page = list(
        qs.order_by(*order)
        .select_related("organisation")
        .prefetch_related("cities", "topics", "target_groups", "languages")[
            start : start + params.page_size
        ]
    )
    facets = {}
    for facet, (field, _model) in FACET_FIELDS.items():
        counts = {}
        for slug in _filtered(params, skip=facet).values_list(f"{field}__slug", flat=True):
            if slug:
                counts[slug] = counts.get(slug, 0) + 1
        facets[facet] = counts
    flags = {}
    for flag in FLAGS:
        base = _filtered(params, skip=flag)
        if flag == "free":
            flags[flag] = base.filter(is_free=True).count()
        elif flag == "accessible":
            flags[flag] = base.filter(accessibility="yes").count()
        else:
            flags[flag] = base.filter(childcare=True).count()
    facets["flags"] = flags
    return SearchResult(params=params, count=count, offers=page, facets=facets)
