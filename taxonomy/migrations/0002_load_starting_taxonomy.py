"""Every new database starts with the district's taxonomy (taxonomy/data/taxonomy.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from taxonomy.loader import load_taxonomy

    load_taxonomy(
        apps.get_model("taxonomy", "City"),
        apps.get_model("taxonomy", "Topic"),
        apps.get_model("taxonomy", "TargetGroup"),
        apps.get_model("taxonomy", "Language"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
