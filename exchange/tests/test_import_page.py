"""The staff import page: upload, preview of every row, confirmation, result (jobs inline)."""

import pytest
from django.urls import reverse
from django.utils import translation

from changes.models import Revision
from exchange.models import ImportJob, ImportRow
from exchange.tests.conftest import DATA, HEADER, csv_bytes, row, upload
from offers.models import Offer


def zip_bytes():
    import io
    import zipfile

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("hallo.txt", "kein Tabellenblatt")
    return stream.getvalue()


def job_url(job, name="exchange:job"):
    return reverse(name, kwargs={"pk": job.pk})


def page_text(response):
    translation.activate("de")
    return response.content.decode()


def test_the_upload_page_offers_a_file_field_for_csv_and_xlsx_and_the_templates(staff_client):
    response = staff_client.get(reverse("exchange:start"))
    html = page_text(response)
    assert response.status_code == 200
    assert 'type="file"' in html and 'accept=".csv,.xlsx"' in html
    assert "Höchstens 20 MB" in html
    assert reverse("exchange:template_csv") in html and reverse("exchange:template_xlsx") in html
    assert f'href="{reverse("exchange:start")}" aria-current="page">Import<' in html  # in the editors' nav


def test_a_valid_file_is_previewed_row_by_row_and_nothing_is_written_until_confirmed(staff_client, editor):
    content = csv_bytes([HEADER, row(), row(external_id="x-2", title="Sprachcafé", city="dorsten",
                                            postcode="46282")])
    response = upload(staff_client, "angebote.csv", content)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job_url(job)
    assert Offer.objects.count() == 0

    html = page_text(staff_client.get(job_url(job)))
    assert "Vorschau: angebote.csv" in html
    assert "Noch ist nichts gespeichert" in html
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED
    assert (job.preview["created"], job.preview["updated"], job.preview["invalid"]) == (2, 0, 0)
    assert "Zeile 2" in html and "Deutschkurs für Frauen" in html and "Sprachcafé" in html
    assert "Import bestätigen" in html
    assert "Fehlerhafte Zeilen überspringen" not in html  # no errors, no checkbox

    response = staff_client.post(job_url(job, "exchange:job_confirm"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert bytes(job.data) == b""  # the file is let go once imported
    assert set(Offer.objects.values_list("external_id", flat=True)) == {"x-1", "x-2"}
    html = page_text(staff_client.get(job_url(job)))
    assert "Import abgeschlossen" in html
    offer = Offer.objects.get(external_id="x-2")
    assert reverse("offers:detail", args=[offer.pk]) in html
    assert reverse("changes:history", args=["offer", offer.pk]) in html
    revision = Revision.objects.filter(action=Revision.Action.IMPORTED).first()
    assert editor.email in revision.actor and "angebote.csv" in revision.actor


def test_errors_are_listed_by_line_and_column_and_block_the_import_unless_skipped(staff_client):
    content = csv_bytes([HEADER, row(), row(external_id="x-2", city="Atlantis"),
                         row(external_id="x-3", contact_email="kein-at")])
    upload(staff_client, "fehler.csv", content)
    job = ImportJob.objects.get()
    html = page_text(staff_client.get(job_url(job)))
    assert "2 fehlerhafte Zeilen" in html
    assert '<th scope="row">Zeile 3</th>' in html and ">city</td>" in html
    assert "„Atlantis“ ist keine bekannte Stadt." in html
    assert "„kein-at“ ist keine gültige E-Mail-Adresse." in html
    assert "Fehlerhafte Zeilen überspringen" in html
    errors = dict(job.rows.filter(action="error").values_list("line", "errors"))
    assert errors == {3: [["city", "„Atlantis“ ist keine bekannte Stadt."]],
                      4: [["contact_email", "„kein-at“ ist keine gültige E-Mail-Adresse."]]}

    response = staff_client.post(job_url(job, "exchange:job_confirm"))
    assert response.status_code == 400
    assert "Die Datei hat fehlerhafte Zeilen." in page_text(response)
    assert Offer.objects.count() == 0

    response = staff_client.post(job_url(job, "exchange:job_confirm"), {"skip_invalid": "on"})
    assert response.status_code == 302
    assert list(Offer.objects.values_list("external_id", flat=True)) == ["x-1"]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.result["invalid"] == 2


def test_an_update_shows_which_columns_change(staff_client, make_offer):
    upload(staff_client, "erst.csv", csv_bytes([HEADER, row()]))
    staff_client.post(job_url(ImportJob.objects.get(), "exchange:job_confirm"))
    changed = row(title="Deutschkurs am Abend", city="marl; herten")
    upload(staff_client, "dann.csv", csv_bytes([HEADER, changed]))
    job = ImportJob.objects.latest("pk")
    assert (job.preview["updated"], job.preview["created"]) == (1, 0)
    changed = job.rows.get().changed
    assert set(changed) == {"title", "cities"}
    html = page_text(staff_client.get(job_url(job) + "?nur=geaendert"))
    assert "Ändert: Titel, Stadt" in html
    assert Offer.objects.get().title == "Deutschkurs für Frauen"  # still only a preview


@pytest.mark.parametrize(("name", "content", "message"), [
    ("angebote.txt", b"title,organisation,city\nA,B,marl\n", "weder eine CSV- noch eine XLSX-Datei"),
    ("angebote.xls", b"\xd0\xcf\x11\xe0rest", "weder eine CSV- noch eine XLSX-Datei"),
    ("angebote.xlsx", (DATA / "not_a_spreadsheet.xlsx").read_bytes(), "keine Excel-Datei (XLSX), obwohl"),
    ("angebote.xlsx", zip_bytes(), "keine lesbare Excel-Datei"),
    ("angebote.csv", b"titel;traeger;stadt;farbe\nA;B;marl;rot\n", "Die Spalte „farbe“ ist unbekannt."),
    ("angebote.csv", b"\xff\xfe\x00t\x00i", "nicht UTF-8-kodiert"),
])
def test_a_file_that_cannot_be_imported_is_refused_next_to_the_field_and_not_stored(
        staff_client, name, content, message):
    response = upload(staff_client, name, content)
    assert response.status_code == 400
    html = page_text(response)
    assert message in html
    assert 'id="id_file_error"' in html  # next to the field
    assert ImportJob.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(staff_client, monkeypatch):
    from exchange import forms

    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    response = upload(staff_client, "gross.csv", csv_bytes([HEADER, row(), row(external_id="x-2")]))
    assert response.status_code == 400
    assert "erlaubt sind höchstens 20 MB" in page_text(response)
    assert ImportJob.objects.count() == 0


def test_without_a_file_the_form_says_so(staff_client):
    response = staff_client.post(reverse("exchange:start"), {})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in page_text(response)


def test_a_file_broken_in_the_middle_fails_the_check_with_its_reason(staff_client):
    content = csv_bytes([HEADER, row()]) + b"\xff\xfe broken\n"
    upload(staff_client, "kaputt.csv", content)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    html = page_text(staff_client.get(job_url(job)))
    assert "Nichts wurde importiert." in html and "Zeile 3 ist nicht UTF-8-kodiert" in html


def test_the_rows_are_paged_and_filtered(staff_client):
    rows = [HEADER] + [row(external_id=f"x-{n}", title=f"Kurs {n}") for n in range(1, 131)]
    rows[5] = row(external_id="x-5", title="Kurs 5", city="Atlantis")
    upload(staff_client, "viele.csv", csv_bytes(rows))
    job = ImportJob.objects.get()
    first = page_text(staff_client.get(job_url(job)))
    assert "Zeilen 1–100 von 130" in first and "Kurs 100<" in first and "Kurs 101<" not in first
    second = page_text(staff_client.get(job_url(job) + "?page=2"))
    assert "Zeilen 101–130 von 130" in second and "Kurs 101<" in second
    errors = page_text(staff_client.get(job_url(job) + "?nur=fehler"))
    assert "Zeilen 1–1 von 1" in errors and "Zeile 6: Kurs 5" in errors
    assert "nur Fehler (1)" in errors and "nur neu (129)" in errors
    assert staff_client.get(job_url(job) + "?nur=quatsch&page=x").status_code == 200


def test_discarding_deletes_the_job_with_its_file_and_rows(staff_client):
    upload(staff_client, "weg.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.get()
    response = staff_client.post(job_url(job, "exchange:job_discard"))
    assert response.status_code == 302 and response["Location"] == reverse("exchange:start")
    assert not ImportJob.objects.exists() and not ImportRow.objects.exists()
    assert Offer.objects.count() == 0
    assert staff_client.get(job_url(job)).status_code == 404


def test_confirming_twice_does_not_import_twice(staff_client):
    upload(staff_client, "a.csv", csv_bytes([HEADER, row(external_id="")]))
    job = ImportJob.objects.get()
    staff_client.post(job_url(job, "exchange:job_confirm"))
    response = staff_client.post(job_url(job, "exchange:job_confirm"))
    assert response.status_code == 302
    assert Offer.objects.count() == 1


def test_a_file_that_changes_nothing_cannot_be_confirmed(staff_client):
    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    staff_client.post(job_url(ImportJob.objects.get(), "exchange:job_confirm"))
    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.latest("pk")
    assert job.preview["unchanged"] == 1
    html = page_text(staff_client.get(job_url(job)))
    assert "Die Datei ändert nichts" in html and "Import bestätigen" not in html
    staff_client.post(job_url(job, "exchange:job_confirm"))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_the_status_endpoint_answers_json(staff_client):
    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.get()
    data = staff_client.get(job_url(job, "exchange:job_status")).json()
    assert data["status"] == "checked" and data["finished"] is True
    assert data["rows_done"] == data["rows_total"] == 1 and data["url"] == job_url(job)
    missing = staff_client.get(reverse("exchange:job_status", kwargs={"pk": job.pk + 100}))
    assert missing.status_code == 404 and missing.json()["error"]["parameter"] == "pk"


def test_a_crash_of_the_runner_fails_the_job_instead_of_leaving_it_running(staff_client, monkeypatch):
    from exchange import jobs

    def broken(*args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(jobs, "run_import", broken)
    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and "Datenbank weg" in job.error
    html = page_text(staff_client.get(job_url(job)))
    assert "unerwarteter Fehler" in html and "Erneut prüfen" in html


def test_the_upload_list_shows_recent_imports(staff_client):
    upload(staff_client, "liste.csv", csv_bytes([HEADER, row()]))
    html = page_text(staff_client.get(reverse("exchange:start")))
    assert "liste.csv" in html and "Vorschau – wartet auf Bestätigung" in html


def test_providers_and_visitors_cannot_upload(client, provider):
    response = upload(client, "a.csv", csv_bytes([HEADER, row()]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(provider)
    assert upload(client, "a.csv", csv_bytes([HEADER, row()])).status_code == 403
    assert ImportJob.objects.count() == 0


def test_the_preview_and_the_status_cost_a_few_queries_however_long_the_file(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (3, 250):
        rows = [row(external_id=f"q{n}-{i}") for i in range(n)]
        upload(staff_client, f"{n}.csv", csv_bytes([HEADER, *rows]))
        job = ImportJob.objects.latest("pk")
        with CaptureQueriesContext(connection) as page:
            staff_client.get(job_url(job))
        with CaptureQueriesContext(connection) as status:
            staff_client.get(job_url(job, "exchange:job_status"))
        counts.append((len(page), len(status)))
    assert counts[0] == counts[1]
    assert counts[0][0] <= 8 and counts[0][1] <= 3, counts  # measured: 7 and 3


def test_a_database_busy_with_another_import_is_a_message_not_an_error_page(staff_client, monkeypatch):
    from django.db import OperationalError

    from exchange import jobs

    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.get()

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(jobs, "create", locked)
    monkeypatch.setattr(jobs, "queue", locked)
    response = upload(staff_client, "b.csv", csv_bytes([HEADER, row()]))
    assert response.status_code == 400
    assert "die Datenbank ist belegt" in page_text(response)
    response = staff_client.post(job_url(job, "exchange:job_confirm"), follow=True)
    assert "die Datenbank ist belegt" in page_text(response)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED and ImportJob.objects.count() == 1

    def broken(*args, **kwargs):
        raise OperationalError("no such table: exchange_importjob")

    monkeypatch.setattr(jobs, "create", broken)
    with pytest.raises(OperationalError):  # anything else is a real error
        upload(staff_client, "c.csv", csv_bytes([HEADER, row()]))


def test_an_import_that_was_saved_says_so_even_if_its_row_list_cannot_be_stored(staff_client, monkeypatch):
    from exchange import jobs

    upload(staff_client, "a.csv", csv_bytes([HEADER, row()]))
    job = ImportJob.objects.get()
    store = jobs._store

    def failing_store(job, result, dry_run, fields):
        if not dry_run:
            raise RuntimeError("Festplatte voll")
        return store(job, result, dry_run, fields)

    monkeypatch.setattr(jobs, "_store", failing_store)
    staff_client.post(job_url(job, "exchange:job_confirm"))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.result["created"] == 1
    assert Offer.objects.count() == 1
    assert "Import abgeschlossen" in page_text(staff_client.get(job_url(job)))
