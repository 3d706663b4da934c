"""The columns of the offer exchange format (import and export).

Each column has a stable key (also the English header written by the export), a German header
and a few spellings people use. Headers are matched case-, space-, hyphen-, underscore- and
umlaut-insensitively, so "E-Mail", "e_mail" and " EMAIL " are the same column, and so are
"Straße" and "Strasse".
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    german: str
    aliases: tuple[str, ...] = ()
    label: str = ""  # what the column holds, for documentation and the upload page


COLUMNS = (
    Column("external_id", "Externe ID", ("kennung", "externe kennung"),
           _("Kennung aus dem Quellsystem; Zeilen mit derselben Kennung aktualisieren das Angebot.")),
    Column("title", "Titel", (), _("Pflicht, höchstens 200 Zeichen.")),
    Column("summary", "Kurzbeschreibung", (), _("Optional, höchstens 500 Zeichen.")),
    Column("description", "Beschreibung", ()),
    Column("organisation", "Träger", ("organization", "anbieter"),
           _("Pflicht; vorhandene Träger werden über den Namen gefunden, neue angelegt.")),
    Column("city", "Stadt", ("städte", "cities"),
           _("Kürzel oder Name; mehrere mit „;“; leer, wenn sich die Stadt aus der PLZ ergibt.")),
    Column("postcode", "PLZ", ("postleitzahl",)),
    Column("street", "Straße", ("strasse und hausnummer", "straße und hausnummer", "adresse")),
    Column("topics", "Themen", ("themenfelder", "thema")),
    Column("target_groups", "Zielgruppen", ("zielgruppe",)),
    Column("languages", "Sprachen", ("sprache",)),
    Column("cost", "Kosten", (), _("Leer, „kostenlos“, „gratis“, „frei“ oder „0“ heißt kostenlos.")),
    Column("free", "Kostenlos", ("gratis",), _("Optional: ja/nein; sonst ergibt es sich aus „Kosten“.")),
    Column("contact_name", "Ansprechperson", ("ansprechpartner", "ansprechpartnerin", "kontakt")),
    Column("contact_phone", "Telefon", ("phone", "telefonnummer")),
    Column("contact_email", "E-Mail", ("email", "mail")),
    Column("contact_consent", "Einwilligung", ("einwilligung am", "consent"),
           _("Datum der Einwilligung der Ansprechperson; ohne Datum wird sie nicht veröffentlicht.")),
    Column("website", "Webseite", ("website", "internetseite", "homepage")),
    Column("last_verified", "Zuletzt geprüft", ("zuletzt geprüft am", "geprüft am")),
)

BY_KEY = {column.key: column for column in COLUMNS}
# The export writes these in this order; the import accepts them in any order.
KEYS = tuple(column.key for column in COLUMNS)
REQUIRED = ("title", "organisation")
# At least one of these must be present, so every offer gets a city.
CITY_SOURCES = ("city", "postcode")
MULTI_VALUE_SEPARATOR = ";"

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text):
    """A header as a lookup key: lower case, umlauts folded, only letters and digits."""
    return _NOT_ALNUM.sub("", str(text).casefold().translate(_UMLAUTS))


HEADER_LOOKUP = {}
for _column in COLUMNS:
    for _spelling in (_column.key, _column.german, *_column.aliases):
        HEADER_LOOKUP.setdefault(header_key(_spelling), _column.key)


def column_for_header(text):
    """The column key a header names, or None for an unknown header."""
    return HEADER_LOOKUP.get(header_key(text))


def header_for(key, german=False):
    return BY_KEY[key].german if german else key
