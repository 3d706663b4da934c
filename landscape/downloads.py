"""What every download and link of the planner pages shares: the CSV answer and the query string."""

import csv
import io
from urllib.parse import urlencode

from django.http import HttpResponse

from exchange.export import neutralise


def csv_response(header, rows, filename):
    """UTF-8 with BOM and semicolons (spreadsheet programs set to German open it directly);
    texts cannot start a formula."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(value) for value in header])
    for row in rows:
        writer.writerow([neutralise(value) if isinstance(value, str) else value for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def query_string(*pairs, **values):
    """'?a=1&b=2' of the given (key, value) pairs and keyword values, empty values left out;
    '' when nothing is left."""
    kept = [(key, value) for key, value in [*pairs, *values.items()] if value]
    return "?" + urlencode(kept) if kept else ""
