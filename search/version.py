"""The data version: one row whose random tokens change with every searchable change.

Cache keys for search results, facet counts, synonyms and slugs include the token, so every
worker sees a change on its next request (one cheap primary-key read per request).
"""

from django.db import connection

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


def bump(vocabulary=False):
    """Mark the searchable data (and with vocabulary=True the vocabulary) as changed."""
    fields = {"token": new_token()}
    if vocabulary:
        fields["vocab_token"] = new_token()
    if not DataVersion.objects.filter(pk=1).update(**fields):
        DataVersion.objects.update_or_create(pk=1, defaults=fields)
