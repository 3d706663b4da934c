"""The index holds visible offers only: each document knows its last visible day.

Existing documents get their day from the offer's reference date and end date; documents of
offers that are no longer visible (hidden for review, ended) are removed.
"""

import uuid
from collections import defaultdict

from django.db import migrations, models
from django.utils import timezone

CHUNK = 500


def _chunks(items):
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def set_visible_until(apps, schema_editor):
    from freshness import rules

    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchFacet = apps.get_model("search", "SearchFacet")
    DataVersion = apps.get_model("search", "DataVersion")
    today = rules.today()
    by_day, gone = defaultdict(list), []
    rows = SearchDocument.objects.values_list(
        "offer_id", "offer__last_verified", "offer__created_at", "offer__end_date"
    )
    for offer_id, last_verified, created_at, end_date in rows.iterator():
        reference = last_verified or timezone.localdate(created_at)
        until = rules.visible_until(reference, end_date)
        if until < today:
            gone.append(offer_id)
        else:
            by_day[until].append(offer_id)
    for ids in _chunks(gone):
        SearchFacet.objects.filter(offer_id__in=ids).delete()
        SearchDocument.objects.filter(offer_id__in=ids).delete()
    for day, offer_ids in by_day.items():
        for ids in _chunks(offer_ids):
            SearchDocument.objects.filter(offer_id__in=ids).update(visible_until=day)
    DataVersion.objects.filter(pk=1).update(token=uuid.uuid4().hex)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_facet_table'),
        ('offers', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchdocument',
            name='visible_until',
            field=models.DateField(db_index=True, null=True),
        ),
        migrations.RunPython(set_visible_until, migrations.RunPython.noop),
    ]
