"""Imports are changes too: each created or updated offer gets a history entry with the old
and new values, and its version goes up (so a form opened before the import notices)."""

from changes.models import Revision
from offers.models import Offer

from .conftest import HEADER, row


def test_import_records_created_and_updated_offers(run_command, write_csv):
    assert run_command("import_offers", write_csv([HEADER, row()])).ok
    offer = Offer.objects.get(external_id="x-1")
    created = Revision.objects.for_object(offer).get()
    assert created.action == "imported" and created.approved is True
    assert created.changes == {}  # the values are the offer's; later changes keep the old ones
    assert created.actor == "Import offers.csv" and "neu angelegt (Zeile 2)" in created.note
    version = offer.version

    changed = write_csv([HEADER, row(title="Deutschkurs (neu)", topics="sprache; bildung")],
                        name="changed.csv")
    assert run_command("import_offers", changed).ok
    updated = Revision.objects.for_object(offer).first()
    assert updated.changes["title"] == [offer.title, "Deutschkurs (neu)"]
    assert "topics" in updated.changes and "aktualisiert" in updated.note
    offer.refresh_from_db()
    assert offer.version == version + 1


def test_unchanged_rows_and_dry_runs_record_nothing(run_command, write_csv):
    path = write_csv([HEADER, row()])
    assert run_command("import_offers", path, "--dry-run").ok
    assert not Revision.objects.exists()
    run_command("import_offers", path)
    run_command("import_offers", path)
    assert Revision.objects.count() == 1
