"""backup FILE and restore FILE round-trip the whole database (every table, every row), on
SQLite and on PostgreSQL. Transactional tests: pg_dump and pg_restore are other processes
and see only committed data."""

import datetime
import hashlib
import io
import json
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from changes import services
from offers.models import Offer, OfferTranslation
from providers.models import Contact

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"


def table_digests():
    """{table: (rows, sha256 of its rows in a fixed order)} for every table of the database."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = sorted(json.dumps(row, default=str, ensure_ascii=False) for row in cursor.fetchall())
            digests[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return digests


def run(name, *args):
    out = io.StringIO()
    call_command(name, *[str(a) for a in args], stdout=out)
    return out.getvalue()


@pytest.fixture
def some_data(make_offer, make_contact, editor, provider, provider_org):
    contact = make_contact(organisation=provider_org, name="Fatma Yilmaz")
    offers = [make_offer(f"Sprachcafé {n}", organisation=provider_org, contacts=[contact])
              for n in range(5)]
    OfferTranslation.objects.create(offer=offers[0], language="ar", title="مقهى اللغة",
                                    summary="للجميع")
    OfferTranslation.objects.create(offer=offers[0], language="uk", title="Мовне кафе")
    base = services.snapshot(contact)
    services.save_fields(contact, {**base, "role": "Leitung"}, user=editor, base=base)
    return offers, contact


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_data")
def test_backup_and_restore_round_trip_the_whole_database(some_data, tmp_path, editor):
    offers, contact = some_data
    before = table_digests()
    assert before["changes_revision"][0] >= 1 and before["offers_offertranslation"][0] == 2
    target = tmp_path / "backup.dump"

    started = time.monotonic()
    out = run("backup", target)
    backup_seconds = time.monotonic() - started
    assert "written to" in out and target.stat().st_size > 10_000

    # Change, add and delete data of several kinds after the backup.
    Offer.objects.filter(pk=offers[1].pk).update(title="Geändert nach der Sicherung")
    offers[2].delete()
    OfferTranslation.objects.filter(language="ar").delete()
    Contact.objects.filter(pk=contact.pk).update(name="Jemand anderes")
    editor.delete()
    services.record(contact, "changed", user=None, changes={"name": ["a", "b"]}, snapshot_after={})
    assert table_digests() != before

    started = time.monotonic()
    out = run("restore", target, "--noinput")
    restore_seconds = time.monotonic() - started
    assert "restored" in out
    after = table_digests()
    assert after == before
    assert Offer.objects.get(pk=offers[1].pk).title == "Sprachcafé 1"
    assert Contact.objects.get(pk=contact.pk).name == "Fatma Yilmaz"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"backup-{connection.vendor}.json").write_text(json.dumps({
        "vendor": connection.vendor, "tables": len(before),
        "rows": sum(rows for rows, _ in before.values()), "bytes": target.stat().st_size,
        "backup_seconds": round(backup_seconds, 3), "restore_seconds": round(restore_seconds, 3),
        "date": datetime.date.today().isoformat(),
    }, indent=2))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_data")
def test_a_second_restore_of_the_same_backup_gives_the_same_state(make_offer, tmp_path):
    make_offer("Nähkurs")
    target = tmp_path / "b"
    run("backup", target)
    before = table_digests()
    Offer.objects.all().delete()
    run("restore", target, "--force")
    run("restore", target, "--force")
    assert table_digests() == before


@pytest.mark.django_db
def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("restore", tmp_path / "nope.dump", "--noinput")


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"", b"hello, this is not a backup",
                                     b"SQLite format 3\x00" + b"\x00" * 50, b"PGDMP\x01\x0e\x00" + b"x" * 99])
def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path, content, make_offer):
    make_offer("Bleibt")
    bad = tmp_path / "bad.dump"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match="not"):
        run("restore", bad, "--noinput")
    assert Offer.objects.filter(title="Bleibt").exists()


@pytest.mark.django_db
def test_restore_refuses_an_sqlite_file_of_another_application(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("an SQLite file is simply the wrong format on PostgreSQL (tested above)")
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(CommandError, match="not a backup of this site"):
        run("restore", other, "--noinput")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_data")
def test_restore_asks_first_and_a_no_changes_nothing(tmp_path, make_offer, monkeypatch):
    make_offer("Vorher")
    target = tmp_path / "b"
    run("backup", target)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        run("restore", target)
    assert Offer.objects.filter(title="Vorher").exists()


@pytest.mark.django_db
def test_backup_inside_a_transaction_is_refused_rather_than_inconsistent(tmp_path):
    with pytest.raises(CommandError, match="open transaction"):
        run("backup", tmp_path / "b")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_data")
def test_backup_into_a_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("backup", tmp_path / "no" / "such" / "dir" / "b.dump")
