import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

DATA = Path(__file__).resolve().parent / "data"


class CommandRun:
    def __init__(self, ok, out, err):
        self.ok, self.out, self.err = ok, out, err

    @property
    def text(self):
        return self.out + self.err


@pytest.fixture
def run_command(db):
    """run_command("import_offers", path, "--skip-invalid") -> CommandRun(ok, out, err)."""

    def run(name, *args):
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(name, *[str(a) for a in args], stdout=out, stderr=err)
        except CommandError as error:
            err.write(str(error))
            return CommandRun(False, out.getvalue(), err.getvalue())
        return CommandRun(True, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(rows, name="offers.csv", delimiter=",", bom=False) -> path; rows[0] is the header."""

    def write(rows, name="offers.csv", delimiter=",", bom=False):
        path = tmp_path / name
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as stream:
            csv.writer(stream, delimiter=delimiter).writerows(rows)
        return path

    return write


HEADER = ["external_id", "title", "description", "organisation", "city", "postcode", "street",
          "topics", "target_groups", "languages", "cost", "contact_name", "contact_phone",
          "contact_email", "website", "last_verified"]


def row(**values):
    """A full valid row in HEADER order; override single columns by keyword."""
    base = {
        "external_id": "x-1", "title": "Deutschkurs für Frauen", "description": "Ein Kurs.",
        "organisation": "Caritasverband Marl", "city": "marl", "postcode": "45768",
        "street": "Hauptstraße 1", "topics": "sprache", "target_groups": "frauen", "languages": "de",
        "cost": "kostenlos", "contact_name": "Erika Beispiel", "contact_phone": "02365 12345",
        "contact_email": "erika@example.org", "website": "https://example.org/kurs",
        "last_verified": "2026-11-01",
    }
    base.update(values)
    return [base[key] for key in HEADER]


# --- the staff import page --------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _import_jobs(settings, tmp_path):
    """Import jobs run inline in the request (threads do not see a test's transaction) and
    write their progress files into the test's own folder."""
    settings.IMPORT_JOBS_RUN_INLINE = True
    settings.IMPORT_JOBS_DIR = tmp_path / "imports"


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def upload(client, name, content):
    """POST a file to the upload page; returns the response (follow it for the job page)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    return client.post(reverse("exchange:start"), {"file": SimpleUploadedFile(name, content)})


def csv_bytes(rows, delimiter=","):
    stream = io.StringIO()
    csv.writer(stream, delimiter=delimiter).writerows(rows)
    return stream.getvalue().encode("utf-8")
