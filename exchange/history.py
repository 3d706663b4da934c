"""The import's entries in the history (changes.Revision): one row per created or updated
offer with the fields that changed, old and new values, written in bulk with the chunk.

Imports are run by staff, so they publish directly (approved). They carry no snapshot: a
restore goes back to a state recorded in the work areas, not to an imported one."""

import datetime
import json

from django.db import connection

from .bulk import copy_rows, qn


def _json(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, set | tuple | list):
        return sorted(value)
    return value


class ImportHistory:
    def __init__(self, actor="Import"):
        from django.contrib.contenttypes.models import ContentType

        from offers.models import Offer

        self.actor = actor[:200]
        self.content_type = ContentType.objects.get_for_model(Offer).pk
        self.rows = []

    def created(self, pk, record):
        # No values: the offer holds them, and every later change records its old values,
        # so the state as imported can always be read back. (Writing all of them cost a
        # fifth of the import's time.)
        self._add(pk, record, {}, "neu angelegt")

    def updated(self, pk, record, old, replaced):
        changes = {k: [_json(old[k]), _json(v)] for k, v in record.offer_fields.items() if old[k] != v}
        changes.update({k: [_json(old[k]), _json(v)] for k, v in replaced.items()})
        self._add(pk, record, changes, "aktualisiert")

    def _add(self, pk, record, changes, what):
        title = record.offer_fields.get("title", "")
        note = f"{what} (Zeile {record.line})"
        self.rows.append((pk, str(title)[:200], json.dumps(changes, ensure_ascii=False), note))

    def flush(self, now, updated_ids):
        """Write the collected rows; the updated offers' version goes up, so an edit form
        opened before the import notices the change."""
        from changes.models import Revision
        from offers.models import Offer

        names = ["content_type", "object_id", "object_repr", "action", "actor", "created_at",
                 "changes", "approved", "note"]
        copy_rows(Revision, names, [
            (self.content_type, pk, title, Revision.Action.IMPORTED, self.actor, now, changes, True,
             note) for pk, title, changes, note in self.rows])
        self.rows = []
        if updated_ids:
            table = qn(Offer._meta.db_table)
            ids = sorted(updated_ids)
            with connection.cursor() as cursor:
                for start in range(0, len(ids), 5000):
                    batch = ids[start:start + 5000]
                    cursor.execute(f"UPDATE {table} SET version = version + 1 WHERE id IN "
                                   f"({', '.join(['%s'] * len(batch))})", batch)
