"""The data-version row and a starting list of domain synonyms and abbreviations.

Staff extend the list in the admin (Suche → Synonymgruppen); changes work without reindexing.
"""

import uuid

from django.db import migrations

SYNONYMS = [
    ("Deutschkurs, Sprachkurs, Integrationskurs, Deutsch lernen, Deutschunterricht", ""),
    ("Job, Arbeit, Stelle, Arbeitsplatz, Beschäftigung, Arbeitsstelle", ""),
    ("MBE, Migrationsberatung für erwachsene Zuwanderer, Migrationsberatung", "Abkürzung"),
    ("JMD, Jugendmigrationsdienst", "Abkürzung"),
    ("BAMF, Bundesamt für Migration und Flüchtlinge, Bundesamt", "Abkürzung"),
    ("Flüchtling, Geflüchtete, Asylsuchende, Asylbewerber, Schutzsuchende", ""),
    ("Nachhilfe, Hausaufgabenhilfe, Lernförderung, Lernhilfe", ""),
    ("Kita, Kindergarten, Kindertagesstätte, Kindertageseinrichtung", ""),
    ("Wohnung, Wohnraum, Wohnungssuche", ""),
    ("Arzt, Ärztin, medizinisch, Mediziner", ""),
    ("Frauentreff, Frauencafé, Frauenfrühstück", ""),
    ("Bewerbung, Bewerbungstraining, Bewerbungshilfe, Bewerbungsmappe", ""),
    ("Ehrenamt, Freiwillige, ehrenamtlich, Engagement", ""),
    ("Café, Treff, Treffpunkt", ""),
    ("Sprachcafé, Sprachtreff, Konversationskurs", ""),
    ("Anerkennung, Berufsanerkennung, Anerkennungsberatung", ""),
    ("Alphabetisierung, Alphakurs, Lesen und Schreiben lernen", ""),
    ("Ausbildung, Lehre, Ausbildungsplatz", ""),
    ("Dolmetscher, Sprachmittler, Übersetzer, Sprachmittlung", ""),
    ("Schwangerschaft, schwanger, Schwangerenberatung", ""),
    ("Kinderbetreuung, Betreuung für Kinder, Kinderbetreuungsangebot", ""),
    ("Jugendliche, Jugend, Teenager, junge Menschen", ""),
    ("Senioren, ältere Menschen, Seniorinnen", ""),
    ("Radfahren, Fahrradkurs, Radfahrkurs", ""),
    ("Schwimmen, Schwimmkurs, Schwimmunterricht", ""),
    ("Möbel, Möbelbörse, Einrichtung", ""),
    ("Kleidung, Kleiderkammer, Kleiderladen", ""),
    ("Schulden, Schuldnerberatung, Schuldenberatung", ""),
    ("Psychotherapie, psychologische Beratung, psychosoziale Beratung, Trauma", ""),
    ("Rechtsberatung, Anwalt, Rechtshilfe", ""),
    ("Einbürgerung, Staatsangehörigkeit, Einbürgerungstest", ""),
    ("Asylverfahren, Asyl, Asylantrag", ""),
    ("Aufenthalt, Aufenthaltstitel, Aufenthaltsrecht, Aufenthaltserlaubnis", ""),
    ("Eltern, Mütter, Väter, Elterncafé", ""),
    ("Computerkurs, PC-Kurs, EDV-Kurs, Digitalkurs", ""),
    ("Lebensmittel, Tafel, Lebensmittelausgabe", ""),
    ("SGB, Sozialgesetzbuch", "Abkürzung"),
    ("VHS, Volkshochschule", "Abkürzung"),
    ("AWO, Arbeiterwohlfahrt", "Abkürzung"),
    ("DRK, Deutsches Rotes Kreuz", "Abkürzung"),
    ("KI, Kommunales Integrationszentrum", "Abkürzung"),
    ("Jobcenter, Arbeitsagentur, Agentur für Arbeit", ""),
    ("Begegnung, Begegnungscafé, Austausch", ""),
]


def seed(apps, schema_editor):
    DataVersion = apps.get_model("search", "DataVersion")
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    DataVersion.objects.get_or_create(pk=1, defaults={"token": uuid.uuid4().hex,
                                                      "vocab_token": uuid.uuid4().hex})
    if not SynonymGroup.objects.exists():
        SynonymGroup.objects.bulk_create(SynonymGroup(terms=t, note=n) for t, n in SYNONYMS)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_index")]

    operations = [migrations.RunPython(seed, unseed)]
