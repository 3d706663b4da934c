"""Import jobs behind the staff page: progress, heartbeat, restart, run_import_jobs, the
background thread, and the template files."""

import csv
import datetime
import io
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from exchange import jobs, progress, samples
from exchange.importer import run_import
from exchange.models import ImportJob
from exchange.tests.conftest import HEADER, csv_bytes, row, upload
from offers.models import Offer


def job_url(job, name="exchange:job"):
    return reverse(name, kwargs={"pk": job.pk})


def waiting_job(editor, content, **fields):
    job = jobs.create(editor, "warten.csv", content, "de")
    if fields:
        ImportJob.objects.filter(pk=job.pk).update(**fields)
        job.refresh_from_db()
    return job


def test_run_import_reports_progress_every_250_rows_and_at_the_end(db):
    rows = [HEADER] + [row(external_id=f"p-{n}") for n in range(600)]
    seen = []
    result = run_import(csv_bytes(rows), "p.csv", dry_run=True, chunk_size=400, progress=seen.append)
    assert result.rows_read == 600
    assert seen[:2] == [250, 400] and 500 in seen and seen[-1] == 600
    assert seen == sorted(seen)


def test_a_running_job_shows_the_rows_from_its_progress_file(staff_client, editor):
    job = waiting_job(editor, csv_bytes([HEADER, row()]), status="running", attempt=1, phase="check",
                      rows_total=10000, heartbeat_at=timezone.now())
    progress.write(job.pk, 1, "check", 1500, 10000)
    response = staff_client.get(job_url(job))
    translation.activate("de")
    html = response.content.decode()
    assert "1.500 von 10.000 Zeilen geprüft" in html
    assert '<progress id="import-bar" max="10000" value="1500"' in html
    assert "Aktualisieren" in html and 'http-equiv="refresh"' not in html
    assert "js/import-progress.js" in html
    data = staff_client.get(job_url(job, "exchange:job_status")).json()
    assert (data["rows_done"], data["rows_total"], data["percent"]) == (1500, 10000, 15)
    assert data["finished"] is False
    assert data["message"] == "1.500 von 10.000 Zeilen geprüft"


def test_progress_of_an_earlier_attempt_is_ignored(editor):
    job = waiting_job(editor, b"x", status="running", attempt=2, rows_total=100, heartbeat_at=timezone.now())
    progress.write(job.pk, 1, "check", 90, 100)
    assert jobs.state(job).rows_done == 0


def test_a_job_without_a_sign_of_life_shows_abgebrochen_and_can_be_restarted(staff_client, editor):
    old = timezone.now() - jobs.STALE_AFTER - datetime.timedelta(seconds=5)
    job = waiting_job(editor, csv_bytes([HEADER, row()]), status="running", phase="import", attempt=3,
                      heartbeat_at=old)
    response = staff_client.get(job_url(job))
    translation.activate("de")
    assert "Abgebrochen – erneut starten." in response.content.decode()
    assert staff_client.get(job_url(job, "exchange:job_status")).json()["stale"] is True

    staff_client.post(job_url(job, "exchange:job_restart"))
    job.refresh_from_db()
    # started again as a check: staff confirm a fresh preview before anything is written
    assert (job.status, job.phase, job.attempt) == ("checked", "check", 4)
    assert Offer.objects.count() == 0


def test_a_fresh_heartbeat_in_the_progress_file_keeps_a_job_alive(editor):
    old = timezone.now() - jobs.STALE_AFTER - datetime.timedelta(seconds=5)
    job = waiting_job(editor, b"x", status="running", attempt=1, heartbeat_at=old)
    progress.write(job.pk, 1, "check", 10, 100)
    assert not jobs.state(job).stale


def test_a_running_job_cannot_be_restarted_or_discarded_while_it_imports(staff_client, editor):
    job = waiting_job(editor, b"x", status="running", phase="import", attempt=1,
                      heartbeat_at=timezone.now())
    staff_client.post(job_url(job, "exchange:job_restart"))
    staff_client.post(job_url(job, "exchange:job_discard"))
    job.refresh_from_db()
    assert (job.status, job.attempt) == ("running", 1)


def test_a_runner_given_up_cannot_overwrite_the_results_of_its_successor(editor):
    job = waiting_job(editor, csv_bytes([HEADER, row()]))
    ghost = jobs.claim(job.pk)  # the first runner, later presumed dead
    ImportJob.objects.filter(pk=job.pk).update(status="queued")
    jobs.run(job.pk)  # its successor finishes
    result = run_import(csv_bytes([HEADER, row(), row(external_id="x-2")]), "a.csv", dry_run=True,
                        keep_outcomes=True)
    assert jobs._store(ghost, result, True, {"status": "failed"}) is False
    job.refresh_from_db()
    assert job.status == "checked" and job.rows.count() == 1


def test_run_import_jobs_runs_waiting_jobs_and_restarts_dead_ones(editor):
    waiting = waiting_job(editor, csv_bytes([HEADER, row()]))
    old = timezone.now() - jobs.STALE_AFTER - datetime.timedelta(minutes=1)
    dead = waiting_job(editor, csv_bytes([HEADER, row(external_id="y-1")]), status="running",
                       phase="import", attempt=1, heartbeat_at=old)
    alive = waiting_job(editor, csv_bytes([HEADER, row(external_id="z-1")]), status="running",
                        attempt=1, heartbeat_at=timezone.now())
    out = io.StringIO()
    call_command("run_import_jobs", stdout=out)
    for job in (waiting, dead, alive):
        job.refresh_from_db()
    assert (waiting.status, alive.status) == ("checked", "running")
    assert (dead.status, dead.phase) == ("checked", "check")  # started again as a check
    assert "warten.csv" in out.getvalue()
    out = io.StringIO()
    call_command("run_import_jobs", stdout=out)
    assert "Keine wartenden Importe." in out.getvalue()


def test_the_messages_of_a_job_are_in_the_language_of_the_uploader(client, editor):
    client.force_login(editor)
    client.post("/en/redaktion/import/", {"file": _file("a.csv", csv_bytes([HEADER, row(city="Atlantis")]))})
    job = ImportJob.objects.get()
    assert job.language == "en"
    assert job.rows.get().errors == [["city", "“Atlantis” is not a known city."]]
    translation.activate("de")


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


# --- the real background thread ------------------------------------------------------------------

def _wait_until_finished(client, job, seconds=60):
    from django.db import OperationalError

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status = client.get(job_url(job, "exchange:job_status")).json()
        except OperationalError as error:
            # The SQLite test database is in memory with a shared cache: a read that meets the
            # runner's uncommitted writes fails at once with "database table is locked" instead
            # of waiting like the file database in WAL mode does in production. Poll again.
            if "locked" not in str(error):
                raise
            time.sleep(0.1)
            continue
        if status["finished"]:
            return status
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_data")
def test_the_background_thread_checks_and_imports_while_the_page_polls(client, editor, settings):
    settings.IMPORT_JOBS_RUN_INLINE = False
    client.force_login(editor)
    content = csv_bytes([HEADER] + [row(external_id=f"t-{n}", title=f"Kurs {n}") for n in range(1, 301)])
    response = upload(client, "thread.csv", content)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    status = _wait_until_finished(client, job)
    assert status["status"] == "checked" and status["rows_done"] == 300
    assert Offer.objects.count() == 0

    client.post(job_url(job, "exchange:job_confirm"))
    status = _wait_until_finished(client, job)
    assert status["status"] == "done"
    assert Offer.objects.count() == 300
    assert not progress.path_for(job.pk).exists()


# --- the template files ---------------------------------------------------------------------------

def test_the_csv_template_has_the_german_headers_and_an_example_row_that_imports(staff_client):
    translation.activate("de")
    response = staff_client.get(reverse("exchange:template_csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="vorlage.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    header, example = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert header[:5] == ["Externe ID", "Titel", "Kurzbeschreibung", "Beschreibung", "Träger"]
    assert "Stadt" in header and "Zuletzt geprüft" in header and len(header) == len(example)
    result = run_import(response.content, "vorlage.csv")
    assert result.ok and result.committed and result.stats.created == 1, result.messages()


def test_the_xlsx_template_explains_the_columns_and_the_allowed_values(staff_client):
    from openpyxl import load_workbook

    translation.activate("de")
    response = staff_client.get(reverse("exchange:template_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Angebote", "Hinweise"]
    first = [[cell.value for cell in line] for line in workbook["Angebote"].iter_rows()]
    assert first[0] == samples.headers() and len(first) == 2
    notes = [[cell.value for cell in line] for line in workbook["Hinweise"].iter_rows()]
    text = str(notes)
    assert "Pflicht, höchstens 200 Zeichen." in text
    for value in ("haltern-am-see", "Haltern am See", "sprache", "gefluechtete", "uk", "Ukrainisch"):
        assert value in text, value
    result = run_import(response.content, "vorlage.xlsx")
    assert result.ok and result.stats.created == 1, result.messages()


# --- one job at a time ----------------------------------------------------------------------------

def test_a_job_waits_for_its_turn_while_another_runs_and_keeps_its_heartbeat(settings, tmp_path):
    import threading

    started = threading.Event()

    def second():
        with progress.turn(5, poll_seconds=0.02):
            started.set()

    with progress.turn(4):
        worker = threading.Thread(target=second)
        worker.start()
        deadline = time.monotonic() + 5
        while progress.read(5) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert progress.read(5)["phase"] == progress.WAITING
        assert not started.is_set()
    worker.join(5)
    assert started.is_set()
    assert progress.read(5) is None  # the waiting note is gone once it runs


def test_a_waiting_job_says_it_waits_for_another_import(staff_client, editor):
    old = timezone.now() - jobs.STALE_AFTER - datetime.timedelta(seconds=5)
    job = waiting_job(editor, b"x", heartbeat_at=old)
    progress.write(job.pk, None, progress.WAITING, 0, None)
    state = jobs.state(job)
    assert state.behind_another and not state.stale
    translation.activate("de")
    assert staff_client.get(job_url(job, "exchange:job_status")).json()["message"] == (
        "Wartet, bis ein anderer Import fertig ist …")


# --- row estimates for the progress bar -----------------------------------------------------------

def test_the_row_estimate_counts_csv_records_and_xlsx_rows_without_parsing_cells():
    from openpyxl import Workbook

    from exchange.reader import estimate_rows

    text = csv_bytes([HEADER, row(description="zwei\nZeilen"), row(external_id="x-2")])
    assert estimate_rows(text, "a.csv") == 2
    for write_only in (False, True):  # with and without a <dimension> element
        workbook = Workbook(write_only=write_only)
        sheet = workbook.active if not write_only else workbook.create_sheet("Erste")
        for n in range(1235):
            sheet.append([f"Zeile {n}", "x"])
        stream = io.BytesIO()
        workbook.save(stream)
        assert estimate_rows(stream.getvalue(), "a.xlsx") == 1234
    assert estimate_rows(b"PK\x03\x04kaputt", "a.xlsx") is None
    assert estimate_rows(b"\xff\xfe", "a.csv") is None
