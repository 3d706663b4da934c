"""Staff export of a search result: every offer the results page finds for the same query
string, in the search's order, as CSV or XLSX in the import format of the exchange app
(exchange/README.md), so an edited export can be imported again.

German headers (Titel, Träger, …: what staff read in a spreadsheet; the import accepts them);
CSV as the export command writes it for Excel: UTF-8 with BOM, semicolons. Cells that a
spreadsheet would run as a formula get a leading apostrophe (exchange.export.neutralise), which
the import removes again. The export holds contact persons without consent too (staff data):
never cached, never shown to anybody but KI editors.
"""

import csv
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.roles import editor_required
from exchange.export import FORMATS, headers, iter_offer_rows, write_xlsx
from freshness import rules
from search.engine import known_slugs, matching_ids
from search.params import parse_search_params

ID_CHUNK = 2000
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def rows_in_order(ids):
    """The import-format rows of these offers, in the order of `ids` (read in chunks)."""
    from offers.models import Offer

    for start in range(0, len(ids), ID_CHUNK):
        chunk = ids[start:start + ID_CHUNK]
        rows = dict(iter_offer_rows(queryset=Offer.objects.filter(id__in=chunk),
                                    chunk_size=ID_CHUNK, with_ids=True))
        for pk in chunk:
            if pk in rows:  # deleted since the search ran: left out
                yield rows[pk]


class _Line:
    """A write() target for csv.writer that hands back what was written (for streaming)."""

    def write(self, text):
        return text


def csv_stream(rows):
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff" + writer.writerow(headers(german=True))
    for row in rows:
        yield writer.writerow(row)


def _bad_format(request, value):
    return render(request, "opendata/export_error.html", {
        "message": _("„%(value)s“ ist kein Exportformat. Möglich sind CSV und XLSX.")
        % {"value": value[:20]},
        "search_url": reverse("offers:search"),
    }, status=400)


@require_safe
@editor_required
def search_export(request):
    fmt = request.GET.get("format", "csv").strip().lower()
    if fmt not in FORMATS:
        return _bad_format(request, request.GET.get("format", ""))
    # The same parsing as the results page (bad filter values are dropped, not refused).
    params = parse_search_params(request.GET, known_slugs(), strict=False)
    ids = list(matching_ids(params))
    filename = f"angebote-{rules.today().isoformat()}.{fmt}"
    if fmt == "xlsx":
        # openpyxl's write-only mode streams rows to a temporary file: memory stays flat.
        target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
        write_xlsx(target, rows_in_order(ids), german_headers=True)
        target.seek(0)
        response = FileResponse(target, as_attachment=True, filename=filename,
                                content_type=CONTENT_TYPES["xlsx"])
    else:
        response = StreamingHttpResponse(csv_stream(rows_in_order(ids)),
                                         content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # holds unpublished contact persons
    response["X-Export-Count"] = str(len(ids))
    return response
