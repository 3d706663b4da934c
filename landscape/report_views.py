"""The printable report of the Angebotslandschaft (public; see landscape/report.py)."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format

from freshness import rules
from taxonomy.models import Language, TargetGroup
from taxonomy.names import translated

from .counts import THIN, Filters
from .map import build_map
from .report import build_report
from .trend_views import SERIES, trend_chart


def _filter_names(filters):
    """The readable names of the active filters, for the report's heading."""
    names = []
    if filters.target_group:
        group = TargetGroup.objects.filter(slug=filters.target_group).first()
        names.append(translated(group.name) if group else filters.target_group)
    if filters.language:
        language = Language.objects.filter(slug=filters.language).first()
        names.append(translated(language.name) if language else filters.language)
    return names


def report(request):
    filters = Filters.from_query(request.GET)
    result = build_report(filters)
    figures = result.trends
    query = "?" + urlencode(filters.query_pairs()) if filters.query_pairs() else ""
    return render(request, "landscape/report.html", {
        "report": result, "landscape": result.landscape, "key": result.key, "gaps": result.gaps,
        "filters": filters, "filter_names": _filter_names(filters), "today": rules.today(),
        "thin": THIN,
        "map": build_map(result.landscape, filters),
        "chart": trend_chart(figures, chart_id="report-trend"),
        # (month, short label "Jan 26" as on the chart's axis)
        "trend_months": [(month, date_format(month, "M y")) for month in figures.months],
        "trend_rows": [(name, getattr(figures, kind)) for kind, name in SERIES],
        "matrix_url": reverse("landscape:matrix") + query,
        "trends_url": reverse("landscape:trends") + query,
    })
