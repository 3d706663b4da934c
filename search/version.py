"""The data version: one row whose random tokens change with every searchable change, and the
time the published data last changed.

Cache keys for search results, facet counts, synonyms and slugs include the token, so every
worker sees a change on its next request (one cheap primary-key read per request). The time
(`changed_at`) is the API's Last-Modified: bump() sets it with the tokens, touch() alone for
public data that is not searched (contact persons, times, confirmations).
"""

from django.db import connection, transaction
from django.utils import timezone

from .models import DataVersion, new_token

_SQL = f"SELECT token, vocab_token FROM {DataVersion._meta.db_table} WHERE id = 1"


def current():
    """(token, vocab_token) of the data as it is now (one primary-key read, no ORM)."""
    with connection.cursor() as cursor:
        cursor.execute(_SQL)
        row = cursor.fetchone()
    if row is None:
        obj, _created = DataVersion.objects.get_or_create(pk=1)
        row = (obj.token, obj.vocab_token)
    return row


def changed_at():
    """When the published data last changed (an aware datetime; one primary-key read)."""
    value = DataVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
    if value is None:
        value = DataVersion.objects.get_or_create(pk=1)[0].changed_at
    return value


def bump(vocabulary=False):
    """Mark the searchable data (and with vocabulary=True the vocabulary) as changed."""
    fields = {"token": new_token(), "changed_at": timezone.now()}
    if vocabulary:
        fields["vocab_token"] = new_token()
    _write(fields)


def touch():
    """Mark public data as changed that the search does not use: only the time moves, the
    tokens (and every cache keyed by them) stay."""
    _write({"changed_at": timezone.now()})


def _write(fields):
    if not DataVersion.objects.filter(pk=1).update(**fields):
        DataVersion.objects.update_or_create(pk=1, defaults=fields)
    _restamp_on_commit()


def _restamp():
    DataVersion.objects.filter(pk=1).update(changed_at=timezone.now())


def _restamp_on_commit():
    """Inside a transaction, set the time again once it commits.

    Readers see a change only from its commit on; a time taken earlier (a long import) could
    lie in a second for which a reader already announced the old data as last modified, and
    that reader's If-Modified-Since would then wrongly match the new data. Once per
    transaction is enough.
    """
    if not connection.in_atomic_block:
        return
    if any(func is _restamp for _sids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_restamp)
