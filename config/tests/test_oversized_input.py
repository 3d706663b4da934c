"""Oversized and malformed input gets a clear refusal: never a 500, never a partial write.

A 1 MB title in the offer, report and login forms; 100 KB query parameters for the APIs and
the search; broken UTF-8 in query strings, form posts and an imported CSV; a 50 MB upload;
a CSV with 10,000 columns; files named .xlsx that are no spreadsheet.
"""

import csv
import io
import time
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from config.formguard import issue_token
from dashboard.tests.conftest import form_data
from exchange.importer import run_import
from exchange.models import ImportJob
from offers.models import Offer
from reports.models import Report

MEGABYTE = "A" * (1024 * 1024)


@pytest.fixture(autouse=True)
def _import_jobs(settings, tmp_path):
    settings.IMPORT_JOBS_RUN_INLINE = True
    settings.IMPORT_JOBS_DIR = tmp_path / "imports"


@pytest.fixture
def counts():
    """counts() → the number of offers, reports, import jobs and users: unchanged by a refusal."""
    return lambda: (Offer.objects.count(), Report.objects.count(), ImportJob.objects.count(),
                    User.objects.count())


def _error_text(response):
    return response.content.decode()


# --- 1 MB in a form field ------------------------------------------------------------------------

def test_a_one_megabyte_title_in_the_offer_form_is_a_form_error(client, provider, counts):
    client.force_login(provider)
    url = reverse("dashboard:offer_create")
    data = {**form_data(client.get(url)), "title": MEGABYTE}
    before = counts()
    response = client.post(url, data)
    assert response.status_code in (200, 400)
    assert "höchstens 200 Zeichen" in _error_text(response)
    assert counts() == before


def test_a_one_megabyte_report_is_a_form_error(client, make_offer, counts):
    offer = make_offer()
    before = counts()
    response = client.post(reverse("reports:create", args=[offer.pk]),
                           {"message": MEGABYTE, "form_token": issue_token()})
    assert response.status_code in (200, 400)
    assert "höchstens 4000 Zeichen" in _error_text(response)
    assert counts() == before


@pytest.mark.parametrize("field", ["username", "password"])
def test_a_one_megabyte_login_is_refused_without_an_error(client, provider, field):
    data = {"username": provider.email, "password": "falsch", "form_token": issue_token()}
    data[field] = MEGABYTE
    response = client.post(reverse("accounts:login"), data)
    assert response.status_code in (200, 400)
    assert "_auth_user_id" not in client.session


# --- long and broken query strings and posts -------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/offers", "/api/hsds/services", "/de/angebote/",
                                  "/de/angebote/feed.atom", "/de/angebote/kalender.ics"])
def test_a_100_kb_query_parameter_is_handled(client, db, path):
    response = client.get(path, {"q": "Deutsch " * 12800, "page": "9" * 1000})
    assert response.status_code in (200, 400, 404), response.status_code


@pytest.mark.parametrize("path", ["/api/v1/offers", "/api/hsds/services", "/de/angebote/",
                                  "/de/angebote/feed.atom", "/de/anbieter/"])
def test_broken_utf8_in_the_query_string_is_handled(client, db, path):
    response = client.get(path + "?q=%FF%FE%C3&topic=%80")
    assert response.status_code in (200, 400), response.status_code


def test_broken_utf8_in_a_form_post_is_handled(client, make_offer, provider, counts):
    offer = make_offer()
    before = counts()
    body = b"message=\xff\xfe\xc3&form_token=" + issue_token().encode()
    response = client.post(reverse("reports:create", args=[offer.pk]), body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
    client.force_login(provider)
    response = client.post(reverse("dashboard:offer_create"), b"title=\xff\xfe&summary=\x80",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
    assert counts()[:2] == before[:2] or Report.objects.filter(offer=offer).count() == 1


# --- the import: command path and staff page -------------------------------------------------------

def _csv(rows):
    stream = io.StringIO()
    csv.writer(stream).writerows(rows)
    return stream.getvalue().encode()


def _not_xlsx_files():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "kein Arbeitsblatt")
    return {
        "random bytes": bytes(range(256)) * 40,
        "a zip that is not xlsx": buffer.getvalue(),
        "an html file": b"<!doctype html><html><body><script>alert(1)</script></body></html>",
        "empty": b"",
    }


WIDE_HEADER = ["title", "organisation", "city"] + [f"spalte_{i}" for i in range(9997)]
BROKEN_UTF8 = b"title,organisation,city\nKurs,Tr\xe4ger,marl\nKurs 2,Tr\xc3\xa4ger,marl\n"


@pytest.mark.parametrize("kind", sorted(_not_xlsx_files()))
def test_a_non_spreadsheet_named_xlsx_is_refused_by_the_import(db, kind, counts):
    before = counts()
    result = run_import(io.BytesIO(_not_xlsx_files()[kind]), "angebote.xlsx")
    assert not result.ok
    assert result.file_error
    assert counts() == before


def test_broken_utf8_in_an_imported_csv_is_refused(db, counts):
    before = counts()
    result = run_import(io.BytesIO(BROKEN_UTF8), "angebote.csv")
    assert not result.ok
    assert "UTF-8" in (result.file_error or "") or result.errors
    assert counts() == before


def test_a_csv_with_10000_columns_is_refused_quickly(db, counts):
    before = counts()
    started = time.perf_counter()
    result = run_import(io.BytesIO(_csv([WIDE_HEADER, ["Kurs", "Verein", "marl"] * 3334])),
                        "angebote.csv")
    assert time.perf_counter() - started < 5
    assert not result.ok and 2 <= len(result.header_errors) <= 12
    assert counts() == before


def _upload(client, name, content):
    return client.post(reverse("exchange:start"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("kind", sorted(_not_xlsx_files()))
def test_the_staff_page_refuses_a_non_spreadsheet_named_xlsx(client, editor, kind, counts):
    client.force_login(editor)
    before = counts()
    response = _upload(client, "angebote.xlsx", _not_xlsx_files()[kind])
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert counts() == before


def test_the_staff_page_refuses_broken_utf8_and_10000_columns(client, editor, counts):
    client.force_login(editor)
    before = counts()
    response = _upload(client, "angebote.csv", b"\xff\xfe\x00t\x00i\x00t")  # the header line
    assert response.status_code == 400 and "UTF-8" in response.content.decode()
    # in a later row: the check after the upload names it, nothing is imported
    response = client.post(reverse("exchange:start"),
                           {"file": SimpleUploadedFile("angebote.csv", BROKEN_UTF8)}, follow=True)
    assert response.status_code == 200 and "nicht UTF-8" in response.content.decode()
    assert counts()[:2] == before[:2]
    before = counts()
    started = time.perf_counter()
    response = _upload(client, "breit.csv", _csv([WIDE_HEADER, ["Kurs", "Verein", "marl"]]))
    assert time.perf_counter() - started < 5
    assert response.status_code == 400
    assert len(response.content) < 200_000  # a short answer, not 10,000 messages
    assert counts() == before


def test_a_50_mb_upload_is_refused_with_a_message(client, editor, counts):
    client.force_login(editor)
    before = counts()
    response = _upload(client, "riesig.csv", b"title,organisation,city\n" + b"x" * (50 * 1024 * 1024))
    assert response.status_code in (400, 413)
    assert "höchstens 20 MB" in response.content.decode()
    assert counts() == before
