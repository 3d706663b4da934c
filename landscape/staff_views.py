"""The KI editors' freshness figures: per organisation (page and CSV), and the staff CSV of the
Angebotslandschaft with review and freshness columns per city × topic."""


from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import editor_required

from . import freshness
from .counts import Filters, build
from .downloads import csv_response, query_string
from .views import SORTS as LANDSCAPE_SORTS

CHART_ROWS = 20  # the chart shows the worst organisations only; the table has them all
SORT_LABELS = {"worst": gettext_lazy("am wenigsten aktuell zuerst"), "name": gettext_lazy("Name"),
               "count": gettext_lazy("Anzahl Angebote")}


def _chart(report):
    """The horizontal bar chart of the worst organisations with its numbers as a table (the
    context of landscape/_chart.html), or None when there is nothing to draw."""
    from .charts import bar_chart, chart_block

    worst = sorted(report.rows, key=freshness.sort_key("worst"))[:CHART_ROWS]
    if not worst:
        return None
    title = _("Anteil der Angebote, die in den letzten 6 und 12 Monaten bestätigt wurden")
    labels = [row.organisation.name for row in worst]
    series = [(_("in 6 Monaten bestätigt"), [row.share_6 for row in worst]),
              (_("in 12 Monaten bestätigt"), [row.share_12 for row in worst])]
    svg = bar_chart(title=title, labels=labels, series=series, unit="%", max_value=100,
                    horizontal=True, chart_id="aktualitaet-diagramm")
    return chart_block(svg=svg, title=title, label_heading=_("Träger"), labels=labels, series=series,
                       unit="%")


def _report(request):
    city = freshness.clean_city(request.GET.get("city", ""))
    sort = freshness.clean_sort(request.GET.get("sort", ""))
    return city, sort, freshness.by_organisation(city=city, sort=sort)


@editor_required
def organisations(request):
    city, sort, report = _report(request)
    page_url = reverse("landscape:freshness")
    dashboard_url = reverse("dashboard:home")
    # the same text as {% blocktranslate %}{{ n }} ({{ share }} %){% endblocktranslate %}, translated once
    share_text = _("%(n)s (%(share)s %%)")
    for row in report.rows:
        row.url = dashboard_url + query_string(traeger=row.organisation.slug)
        row.text_6 = share_text % {"n": row.within_6, "share": row.share_6}
        row.text_12 = share_text % {"n": row.within_12, "share": row.share_12}
        row.text_older = share_text % {"n": row.older, "share": row.share_older}
    return render(request, "landscape/freshness.html", {
        "report": report,
        "city": city,
        "cities": freshness.city_choices(),
        "sort": sort,
        "sort_links": [
            {"label": label, "current": key == sort,
             "url": page_url + query_string(city=city, sort=key if key != "worst" else "") + "#tabelle"}
            for key, label in SORT_LABELS.items()
        ],
        "chart": _chart(report),
        "cutoff_6": freshness.cutoffs()[6],
        "cutoff_12": freshness.cutoffs()[12],
        "chart_rows": CHART_ROWS,
        "csv_url": reverse("landscape:freshness_csv") + query_string(city=city, sort=sort),
        "reset_url": page_url,
    })


@editor_required
def organisations_csv(request):
    _city, _sort, report = _report(request)
    header = [_("Träger"), _("veröffentlichte Angebote"), _("in 6 Monaten bestätigt"),
              _("in 12 Monaten bestätigt"), _("älter oder nie bestätigt"), _("Anteil 6 Monate (%)"),
              _("Anteil 12 Monate (%)")]
    rows = [[row.organisation.name, row.total, row.within_6, row.within_12, row.older,
             row.share_6, row.share_12] for row in report.rows]
    return csv_response(header, rows, "aktualitaet-traeger.csv")


@editor_required
def landscape_csv(request):
    """The staff twin of landscape:export_csv: the same rows, filters and sort, with the review
    and freshness figures of each city × topic."""
    filters = Filters.from_query(request.GET)
    sort = request.GET.get("sort", "city")
    if sort not in LANDSCAPE_SORTS:
        sort = "city"
    landscape = build(filters, staff=True)
    extra = freshness.cell_figures(filters)
    header = [_("Stadt"), _("Themenfeld"), _("sichtbar"), _("zur Prüfung fällig"), _("ausgeblendet"),
              _("veröffentlicht"), _("in 6 Monaten bestätigt"), _("in 12 Monaten bestätigt"),
              _("zuletzt geändert")]
    rows = []
    cities = {row["city"].slug: row["city"].pk for row in landscape.rows}
    topics = {topic.slug: topic.pk for topic in landscape.topics}
    for cell in landscape.long_rows(sort):
        more = extra.get((cities[cell["city"]], topics[cell["topic"]]), {})
        last = more.get("last_change")
        rows.append([cell["city_name"], cell["topic_name"], cell["count"], cell["due"], cell["hidden"],
                     more.get("published", 0), more.get("within_6", 0), more.get("within_12", 0),
                     timezone.localdate(last).isoformat() if last else ""])
    return csv_response(header, rows, "angebotslandschaft-redaktion.csv")
