"""The Angebotslandschaft: visible offers per city × topic (public), with review figures
for the KI's editors (staff), and the same figures as a CSV download."""


from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import editor_required
from offers.results import Links
from search.params import SearchParams
from taxonomy.models import Language, TargetGroup
from taxonomy.names import translated

from .counts import Filters, build
from .downloads import csv_response, query_string
from .map import build_map, clean_topic

SORTS = {"city": gettext_lazy("Stadt"), "topic": gettext_lazy("Themenfeld"),
         "count": gettext_lazy("Anzahl")}


def _search_links(landscape, filters):
    links = Links.site()
    extra = {}
    if filters.target_group:
        extra["target_group"] = (filters.target_group,)
    if filters.language:
        extra["language"] = (filters.language,)
    for row in landscape.rows:
        for cell in row["cells"]:
            cell["url"] = links.search(SearchParams(city=(cell["city"],), topic=(cell["topic"],), **extra))
        row["url"] = links.search(SearchParams(city=(row["city"].slug,), **extra))
    for column in landscape.topic_totals:
        column["url"] = links.search(SearchParams(topic=(column["topic"].slug,), **extra))


def _context(request, staff, with_map=True):
    filters = Filters.from_query(request.GET)
    sort = request.GET.get("sort", "city")
    if sort not in SORTS:
        sort = "city"
    landscape = build(filters, staff=staff)
    _search_links(landscape, filters)
    page_url = reverse("landscape:staff" if staff else "landscape:matrix")
    map_topic = clean_topic(landscape, request.GET.get("map_topic", ""))
    return {
        "landscape": landscape,
        # the CSV has no map: no need to draw it
        "map": build_map(landscape, filters, map_topic) if with_map else None,
        "filters": filters,
        "staff": staff,
        "target_groups": [(g.slug, translated(g.name)) for g in TargetGroup.objects.all()],
        "languages": [(lang.slug, translated(lang.name)) for lang in Language.objects.all()],
        "long_rows": landscape.long_rows(sort),
        "sort": sort,
        "sort_links": [
            {"key": key, "label": label, "current": key == sort,
             "url": page_url + query_string(*filters.query_pairs(), sort=key, map_topic=map_topic) + "#liste"}
            for key, label in SORTS.items()
        ],
        # Editors get the CSV with the review and freshness columns (landscape/staff_views.py).
        "csv_url": (reverse("landscape:staff_csv" if staff else "landscape:export_csv")
                    + query_string(*filters.query_pairs(), sort=sort)),
        "reset_url": page_url,
    }


def matrix(request):
    return render(request, "landscape/matrix.html", _context(request, staff=False))


@editor_required
def staff(request):
    return render(request, "landscape/matrix.html", _context(request, staff=True))


def export_csv(request):
    """The long table as CSV: UTF-8 with BOM and semicolons, so spreadsheet programs set to
    German open it correctly; cell texts cannot start a formula."""
    context = _context(request, staff=False, with_map=False)
    rows = ([cell["city_name"], cell["topic_name"], cell["count"]] for cell in context["long_rows"])
    return csv_response([_("Stadt"), _("Themenfeld"), _("Anzahl Angebote")], rows,
                        "angebotslandschaft.csv")
