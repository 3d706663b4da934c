"""The issue's acceptance test: a 10,000-row spreadsheet imports through the staff page with a
correct preview (jobs inline; the timings are printed, run with -s to see them)."""

import csv
import io
import re
import time

import pytest
from django.urls import reverse
from django.utils import translation

from exchange import columns as cols
from exchange.models import ImportJob
from exchange.reader import estimate_rows
from exchange.synthetic import synthetic_rows
from exchange.tests.conftest import upload
from offers.models import Offer
from search.models import SearchDocument

ROWS = 10_000
KEYS = [key for key in cols.KEYS if key != "free"]


def xlsx_bytes(rows):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Angebote")
    sheet.append([cols.header_for(key, german=True) for key in KEYS])
    for values in rows:
        sheet.append([values[key] for key in KEYS])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_file(rows):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=KEYS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def big_xlsx():
    return xlsx_bytes(synthetic_rows(ROWS))


def text(response):
    translation.activate("de")
    return response.content.decode()


def test_a_10000_row_xlsx_imports_through_the_staff_page_with_a_correct_preview(staff_client, big_xlsx):
    started = time.perf_counter()
    response = upload(staff_client, "angebote-10000.xlsx", big_xlsx)
    checked = time.perf_counter()
    job = ImportJob.objects.get()
    assert response.status_code == 302, text(response)
    assert job.status == "checked", job.error or job.preview
    summary = {key: job.preview[key] for key in ("rows", "created", "updated", "unchanged", "invalid")}
    assert summary == {"rows": ROWS, "created": ROWS, "updated": 0, "unchanged": 0, "invalid": 0}
    assert job.rows.count() == ROWS and not job.rows.exclude(action="created").exists()
    assert Offer.objects.count() == 0  # nothing written by the check
    assert estimate_rows(big_xlsx, "a.xlsx") == ROWS  # the progress bar's total, read in 1 MB blocks

    html = text(staff_client.get(reverse("exchange:job", kwargs={"pk": job.pk})))
    assert "<dt>neu</dt><dd>10.000</dd>" in html
    assert "<dt>fehlerhafte Zeilen</dt><dd>0</dd>" in html
    assert "Zeilen 1–100 von 10.000" in html and "Import bestätigen" in html
    last = text(staff_client.get(reverse("exchange:job", kwargs={"pk": job.pk}) + "?page=100"))
    assert "Zeile 10001:" in last and "(10000)" in last

    before_import = time.perf_counter()
    response = staff_client.post(reverse("exchange:job_confirm", kwargs={"pk": job.pk}))
    imported = time.perf_counter()
    job.refresh_from_db()
    assert job.status == "done", job.error or job.result
    assert job.result["created"] == ROWS and job.result["committed"]
    assert Offer.objects.count() == ROWS
    assert SearchDocument.objects.count() == ROWS  # every offer is in the search index

    # searchable through the public search page
    expected = sum(1 for values in synthetic_rows(ROWS) if values["title"].startswith("Schwimmkurs"))
    page = text(staff_client.get("/de/angebote/", {"q": "Schwimmkurs"}))
    found = re.search(r"([\d.]+) Angebote? gefunden", page)
    assert found and int(found.group(1).replace(".", "")) >= expected > 0
    assert "Schwimmkurs" in page

    again_started = time.perf_counter()
    upload(staff_client, "angebote-10000.xlsx", big_xlsx)
    again = ImportJob.objects.latest("pk")
    again_done = time.perf_counter()
    assert (again.preview["unchanged"], again.preview["created"], again.preview["updated"]) == (ROWS, 0, 0)
    print(f"\n10,000-row XLSX: check {checked - started:.1f} s ({ROWS / (checked - started):.0f} rows/s), "
          f"import {imported - before_import:.1f} s ({ROWS / (imported - before_import):.0f} rows/s), "
          f"re-check {again_done - again_started:.1f} s; run_import alone: check {job.preview['seconds']} s, "
          f"import {job.result['seconds']} s")


def test_a_10000_row_csv_with_broken_rows_shows_each_error_by_line_and_column_and_writes_nothing(
        staff_client):
    rows = list(synthetic_rows(ROWS, seed=2))
    # Every description holds a line break, so each record takes two physical lines of the
    # CSV, and row n starts at line 2n (the header is line 1) - where a text editor shows it.
    rows[17]["city"] = "Atlantis"  # line 36
    rows[4999]["website"] = "kein-link"  # line 10000
    rows[9999]["title"] = ""  # line 20000
    upload(staff_client, "kaputt.csv", csv_file(rows))
    job = ImportJob.objects.get()
    assert (job.preview["invalid"], job.preview["created"]) == (3, ROWS - 3)
    html = text(staff_client.get(reverse("exchange:job", kwargs={"pk": job.pk})))
    assert "3 fehlerhafte Zeilen" in html
    for line, column, message in ((36, "city", "„Atlantis“ ist keine bekannte Stadt."),
                                  (10000, "website", "„kein-link“ ist keine gültige Webadresse"),
                                  (20000, "title", "Der Titel fehlt.")):
        assert re.search(rf'<th scope="row">Zeile {line}</th>\s*<td data-label="Spalte">{column}</td>\s*'
                         rf'<td data-label="Fehler">{message}', html), (line, column)

    response = staff_client.post(reverse("exchange:job_confirm", kwargs={"pk": job.pk}))
    assert response.status_code == 400
    assert Offer.objects.count() == 0
    job.refresh_from_db()
    assert job.status == "checked"
