"""The Entwicklung page: offers added, changed, confirmed and archived per month, as a chart, a
table and a CSV. Public: the monthly counts are aggregates of published work, no personal data."""


from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from taxonomy.models import City, Language, TargetGroup
from taxonomy.names import translated

from . import trends
from .charts import line_chart
from .counts import Filters
from .downloads import csv_response, query_string
from .trends_by_city import with_figures

SERIES = [
    # "neu" alone is also the "after" column of a change comparison: a context keeps them apart
    ("added", pgettext_lazy("offers per month", "neu")),
    ("changed", gettext_lazy("geändert")),
    ("confirmed", gettext_lazy("als aktuell bestätigt")),
    ("archived", gettext_lazy("archiviert")),
]


def trend_params(querydict):
    """(months, city, filters, messages) from the query string; bad values fall back with a note."""
    messages = []
    months, ok = trends.parse_months(querydict.get("months"))
    if not ok:
        messages.append(_("Der Zeitraum muss eine Zahl von 1 bis %(max)s Monaten sein; gezeigt werden "
                          "die letzten %(months)s Monate.") % {"max": trends.MAX_MONTHS, "months": months})
    city = querydict.get("city", "")
    if city and city not in set(City.objects.values_list("slug", flat=True)):
        messages.append(_("Diese Stadt gibt es im Kreis nicht; gezeigt wird der ganze Kreis."))
        city = ""
    return months, city, Filters.from_query(querydict), messages


def trend_chart(figures, chart_id="trend-chart", title=None):
    """The line chart of the four monthly figures (short month names on the axis)."""
    labels = [date_format(month, "M y") for month in figures.months]
    return line_chart(title=title or _("Angebote je Monat"), labels=labels,
                      series=[(str(name), getattr(figures, kind)) for kind, name in SERIES],
                      chart_id=chart_id)


def page(request):
    months, city, filters, messages = trend_params(request.GET)
    figures, compared = with_figures(months, city, filters)
    cities = list(City.objects.all())
    city_name = next((c.name for c in cities if c.slug == city), "")
    query = query_string(months=months if months != trends.DEFAULT_MONTHS else "", city=city,
                   target_group=filters.target_group, language=filters.language)
    title = (_("Angebote je Monat in %(city)s") % {"city": city_name}) if city else None
    for row in compared:
        row["url"] = reverse("landscape:trends") + query_string(
            months=months if months != trends.DEFAULT_MONTHS else "", city=row["city"].slug,
            target_group=filters.target_group, language=filters.language) + "#verlauf"
        row["current"] = row["city"].slug == city
    return render(request, "landscape/trends.html", {
        "months": months, "month_choices": trends.MONTH_CHOICES, "city": city, "city_name": city_name,
        "cities": cities, "filters": filters, "messages_": messages,
        "target_groups": [(g.slug, translated(g.name)) for g in TargetGroup.objects.all()],
        "languages": [(lang.slug, translated(lang.name)) for lang in Language.objects.all()],
        "series": [name for _kind, name in SERIES],
        "rows": figures.rows(), "totals": figures.totals(), "by_city": compared,
        "chart": trend_chart(figures, title=title),
        "csv_url": reverse("landscape:trends_csv") + query,
        "report_url": reverse("landscape:report") + query_string(target_group=filters.target_group,
                                                            language=filters.language),
        "filtered": bool(city or filters.target_group or filters.language
                         or months != trends.DEFAULT_MONTHS),
    })


def trends_csv(request):
    """The page's table as CSV (UTF-8 with BOM, semicolons, like the landscape CSV)."""
    months, city, filters, _messages = trend_params(request.GET)
    figures = trends.build(months, city, filters)
    place = next((c.name for c in City.objects.filter(slug=city)), "") if city else _("alle")
    rows = ([row["month"].strftime("%Y-%m"), place] + [row[kind] for kind, _name in SERIES]
            for row in figures.rows())
    return csv_response([_("Monat"), _("Stadt")] + [name for _kind, name in SERIES], rows,
                        "angebotslandschaft-entwicklung.csv")
