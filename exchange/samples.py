"""The template files staff download from the import page ("Vorlage"): the German headers of
the import format and one example row that imports as it is; the XLSX has a second sheet
"Hinweise" explaining each column and listing the allowed values from the taxonomy."""

import csv
import io

from django.utils.translation import gettext as _

from . import columns as cols

# One valid row (exchange/tests check that it imports); values use the taxonomy's slugs.
EXAMPLE = {
    "external_id": "beispiel-1",
    "title": "Deutschkurs für Anfängerinnen",
    "summary": "Deutsch lernen in kleiner Gruppe, mit Kinderbetreuung.",
    "description": "Jeden Dienstag und Donnerstag von 9 bis 11 Uhr. Bitte vorher anrufen.",
    "organisation": "Beispielverein Marl e. V.",
    "city": "marl",
    "postcode": "45768",
    "street": "Hauptstraße 1",
    "topics": "sprache; frauen",
    "target_groups": "frauen",
    "languages": "de; ar",
    "cost": "kostenlos",
    "free": "ja",
    "contact_name": "Erika Beispiel",
    "contact_phone": "02365 12345",
    "contact_email": "erika.beispiel@example.org",
    "contact_consent": "2026-01-15",
    "website": "https://example.org/deutschkurs",
    "last_verified": "2026-11-01",
}


def headers():
    return [cols.header_for(key, german=True) for key in cols.KEYS]


def example_row():
    return [EXAMPLE[key] for key in cols.KEYS]


def template_csv():
    """UTF-8 with BOM and semicolons: what German Excel opens directly (like the export)."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(headers())
    writer.writerow(example_row())
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def _allowed_values():
    """(column key, [(slug, German name)]) for the columns that take taxonomy values."""
    from taxonomy.models import City, Language, TargetGroup, Topic

    return [(key, list(model.objects.order_by("position", "name").values_list("slug", "name")))
            for key, model in (("city", City), ("topics", Topic), ("target_groups", TargetGroup),
                               ("languages", Language))]


def template_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Angebote"
    sheet.append(headers())
    sheet.append(example_row())
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(12, min(40, len(str(column[1].value))))

    notes = workbook.create_sheet("Hinweise")
    notes.append([_("Spalte"), _("auch erlaubt"), _("Pflicht"), _("Hinweis")])
    for column in cols.COLUMNS:
        required = column.key in cols.REQUIRED
        notes.append([column.german, column.key, _("ja") if required else "", str(column.label)])
    notes.append([])
    notes.append([_("Zeile 1 enthält die Spaltennamen; die Reihenfolge der Spalten ist beliebig, "
                    "fehlende Spalten werden beim Aktualisieren nicht geändert. Mehrere Werte "
                    "werden mit „;“ getrennt. Eine Spalte „Stadt“ oder „PLZ“ ist Pflicht.")])
    notes.append([_("Datumsangaben als TT.MM.JJJJ oder JJJJ-MM-TT. Zeilen mit derselben Kennung "
                    "aktualisieren dasselbe Angebot; Zeilen ohne Kennung legen immer ein neues an.")])
    notes.append([])
    notes.append([_("Erlaubte Werte"), _("Kürzel"), _("Name")])
    header_rows = [1, notes.max_row]
    for key, values in _allowed_values():
        notes.append([cols.BY_KEY[key].german])
        header_rows.append(notes.max_row)
        for slug, name in values:
            notes.append(["", slug, name])
    for row in header_rows:
        for cell in notes[row]:
            cell.font = bold
    for letter, width in (("A", 22), ("B", 24), ("C", 40), ("D", 80)):
        notes.column_dimensions[letter].width = width
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
