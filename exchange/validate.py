"""Checking the rows of an offer file: text cells in, a clean OfferRecord or errors out.

Nothing here writes to the database; the taxonomy is read once into a Vocabulary so that a
row costs no query. Every error names the line, the column as written in the file's header
and the reason in German.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import columns as cols

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FREE_WORDS = {"kostenlos", "gratis", "frei", "kostenfrei", "umsonst", "free"}
ZERO_COST = re.compile(r"^0+(?:[.,]0+)?\s*(?:€|eur|euro)?$", re.IGNORECASE)
YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0"}
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
POSTCODE = re.compile(r"^\d{5}$")
_SEPARATORS = re.compile(r"[\s_-]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

MAX_LENGTH = {
    "external_id": 100, "title": 200, "summary": 500, "organisation": 200, "street": 200,
    "cost": 300, "contact_name": 200, "contact_phone": 50, "contact_email": 254, "website": 200,
}

_email = EmailValidator()
# Like Django's URLValidator for http(s) addresses with a host name, but fast enough to run
# 100,000 times.
_url = re.compile(
    r"^https?://(?:[^\s:@/]+(?::[^\s@/]*)?@)?"  # user:password@
    r"(?:localhost|(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+"
    r"(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})\.?)"
    r"(?::\d{1,5})?(?:[/?#]\S*)?$", re.IGNORECASE)
UNKNOWN_TERM = {
    "city": gettext_lazy("„%(value)s“ ist keine bekannte Stadt."),
    "topics": gettext_lazy("„%(value)s“ ist kein bekanntes Themenfeld."),
    "target_groups": gettext_lazy("„%(value)s“ ist keine bekannte Zielgruppe."),
    "languages": gettext_lazy("„%(value)s“ ist keine bekannte Sprache."),
}


def fold(text):
    """A taxonomy value as a lookup key: "Haltern am See" == "haltern-am-see" == "HALTERN AM SEE"."""
    return _SEPARATORS.sub(" ", text.casefold().translate(_UMLAUTS)).strip()


def clean_cell(text):
    """Strip spaces and the apostrophe the export puts before formula-like text; drop NUL
    characters (PostgreSQL refuses them in text: the import failed with a DataError)."""
    text = (text or "").replace("\x00", "").strip()
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        text = text[1:].strip()
    return text


def split_values(text):
    seen = []
    for part in text.split(cols.MULTI_VALUE_SEPARATOR):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def parse_date(text):
    """ISO (2026-11-25) or German (25.11.2026) date; None if it is neither."""
    match = GERMAN_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        if len(text) > 10 and text[10] in "T ":
            text = text[:10]
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def is_free_text(text):
    return not text or text.casefold() in FREE_WORDS or bool(ZERO_COST.match(text))


@dataclass(frozen=True)
class CityInfo:
    id: int
    slug: str
    name: str
    latitude: float | None
    longitude: float | None
    districtwide: bool


class Vocabulary:
    """The taxonomy in memory: slug or name (folded) -> id, and postcode -> city."""

    def __init__(self):
        from taxonomy.models import City, Language, TargetGroup, Topic

        self.cities = {}
        self.city_keys = {}
        self.postcode_city = {}
        for city in City.objects.all():
            info = CityInfo(city.id, city.slug, city.name, city.latitude, city.longitude,
                            city.is_districtwide)
            self.cities[city.id] = info
            for postcode in city.postcodes or ():
                self.postcode_city.setdefault(str(postcode), info)
        self.city_keys = self._keys(self.cities.values())
        self.topics = self._keys(Topic.objects.only("id", "slug", "name"))
        self.target_groups = self._keys(TargetGroup.objects.only("id", "slug", "name"))
        self.languages = self._keys(Language.objects.only("id", "slug", "name"))

    @staticmethod
    def _keys(terms):
        terms = list(terms)
        keys = {fold(term.slug): term.id for term in terms}  # a slug wins over a name
        for term in terms:
            keys.setdefault(fold(term.name), term.id)
        return keys


@dataclass
class RowError:
    line: int
    column: str  # the header as written in the file; "" for the row as a whole
    message: str

    def __str__(self):
        if self.column:
            return _("Zeile %(line)d, Spalte „%(column)s“: %(message)s") % {
                "line": self.line, "column": self.column, "message": self.message}
        return _("Zeile %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class OfferRecord:
    """One valid row. Fields of columns the file does not have are left out (`offer_fields`,
    `m2m`), so an update never clears data the file did not mention."""

    line: int
    external_id: str | None
    organisation: str
    offer_fields: dict  # Offer field name -> value
    m2m: dict  # "cities" / "topics" / "target_groups" / "languages" -> tuple of ids
    place: tuple | None  # (street, postcode, city_id)
    contact: tuple | None  # (name, phone, email, consent_given_on)
    warnings: list = field(default_factory=list)


class HeaderCheck:
    """Which column is where; errors for unknown, repeated and missing required columns."""

    UNKNOWN_NAMED = 10  # unknown columns named one by one; the rest in one message

    def __init__(self, headers):
        self.positions = []  # (index, key, header as written)
        self.errors = []
        self.header = {}
        unknown = []
        for index, raw in enumerate(headers):
            text = (raw or "").strip().lstrip("\ufeff")
            if not text:
                continue
            key = cols.column_for_header(text)
            if key is None:
                unknown.append(text)
            elif key in self.header:
                self.errors.append(_("Die Spalten „%(first)s“ und „%(second)s“ meinen dasselbe.")
                                   % {"first": self.header[key], "second": text})
            else:
                self.header[key] = text
                self.positions.append((index, key, text))
        # A message per unknown column, but a file with thousands of columns gets a short
        # answer: the columns after the first few are named together in one message.
        named = unknown[:self.UNKNOWN_NAMED]
        if len(unknown) > self.UNKNOWN_NAMED:
            rest = unknown[self.UNKNOWN_NAMED:]
            named.append(f"{', '.join(rest[:3])}, … (+{len(rest) - 3})" if len(rest) > 3 else ", ".join(rest))
        for text in named:
            self.errors.append(_("Die Spalte „%(column)s“ ist unbekannt. Bekannte Spalten: %(known)s.")
                               % {"column": text, "known": ", ".join(cols.KEYS)})
        for key in cols.REQUIRED:
            if key not in self.header:
                self.errors.append(_("Die Pflichtspalte „%(column)s“ (oder „%(german)s“) fehlt.")
                                   % {"column": key, "german": cols.BY_KEY[key].german})
        if not any(key in self.header for key in cols.CITY_SOURCES):
            self.errors.append(_("Es fehlt eine Spalte „city“ (Stadt) oder „postcode“ (PLZ)."))
        self.present = set(self.header)
        self.width = len(headers)


class RowValidator:
    """validate(line, cells) -> (record or None, errors). Remembers external ids across calls
    so a repeated id in the same file is an error."""

    def __init__(self, headers, vocabulary=None):
        self.check = HeaderCheck(headers)
        self.vocabulary = vocabulary or Vocabulary()
        self.seen_ids = {}

    @property
    def present(self):
        return self.check.present

    def peek(self, cells):
        """(external_id, title) of a row as written, also of an invalid one (for the preview)."""
        found = {key: clean_cell(cells[index]) if index < len(cells) else ""
                 for index, key, _header in self.check.positions if key in ("external_id", "title")}
        return found.get("external_id") or None, found.get("title", "")[:200]

    def validate(self, line, cells):
        v = {key: clean_cell(cells[index]) if index < len(cells) else ""
             for index, key, _header in self.check.positions}
        errors = []
        header = self.check.header
        if len(cells) > self.check.width and any(c.strip() for c in cells[self.check.width:]):
            errors.append(RowError(line, "", _(
                "Die Zeile hat mehr Zellen als die Kopfzeile (%(cells)d statt %(headers)d). Steht ein "
                "Text mit Trennzeichen ohne Anführungszeichen in der Zeile?") % {
                    "cells": len(cells), "headers": self.check.width}))

        def error(key, message):
            errors.append(RowError(line, header.get(key, ""), message))

        too_long = set()
        for key, limit in MAX_LENGTH.items():
            if len(v.get(key, "")) > limit:
                too_long.add(key)
                error(key, _("Der Text ist %(length)d Zeichen lang, erlaubt sind höchstens %(max)d.")
                      % {"length": len(v[key]), "max": limit})
                v[key] = ""

        external_id = v.get("external_id") or None
        if external_id:
            if external_id in self.seen_ids:
                error("external_id", _("Die Kennung „%(id)s“ steht schon in Zeile %(line)d.")
                      % {"id": external_id, "line": self.seen_ids[external_id]})
            else:
                self.seen_ids[external_id] = line
        if not v["title"] and "title" not in too_long:
            error("title", _("Der Titel fehlt."))
        if not v["organisation"] and "organisation" not in too_long:
            error("organisation", _("Der Träger fehlt."))

        fields = {"title": v["title"]}
        for key in ("summary", "description"):
            if key in v:
                fields[key] = v[key]
        if "website" in v:
            fields["website"] = self._website(v["website"], error)
        if "last_verified" in v:
            fields["last_verified"] = self._date(v["last_verified"], "last_verified", error)
        free = self._yes_no(v.get("free", ""), "free", error)
        if "cost" in v:
            fields["cost"] = "" if is_free_text(v["cost"]) else v["cost"]
            if free is None:
                free = is_free_text(v["cost"])
        if free is not None:
            fields["is_free"] = free

        warnings = []
        city_ids, place = self._cities(v, error, warnings)
        m2m = {"cities": city_ids}
        vocabulary = self.vocabulary
        for key, terms in (("topics", vocabulary.topics), ("target_groups", vocabulary.target_groups),
                           ("languages", vocabulary.languages)):
            if key in v:
                m2m[key] = self._terms(v[key], terms, key, error)

        contact = self._contact(v, error, warnings)
        if errors:
            return None, errors
        record = OfferRecord(line, external_id, v["organisation"], fields, m2m, place, contact)
        record.warnings = [RowError(line, header.get(key, ""), message) for key, message in warnings]
        return record, []

    # --- single values ----------------------------------------------------------------------

    @staticmethod
    def _website(text, error):
        if text and not _url.match(text):
            error("website", _("„%(value)s“ ist keine gültige Webadresse; sie muss mit http:// "
                               "oder https:// beginnen.") % {"value": text})
        return text

    @staticmethod
    def _date(text, key, error):
        if not text:
            return None
        value = parse_date(text)
        if value is None:
            error(key, _("„%(value)s“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).")
                  % {"value": text})
        return value

    @staticmethod
    def _yes_no(text, key, error):
        folded = text.casefold()
        if not folded:
            return None
        if folded in YES:
            return True
        if folded in NO:
            return False
        error(key, _("„%(value)s“ ist weder „ja“ noch „nein“.") % {"value": text})
        return None

    @staticmethod
    def _terms(text, terms, key, error):
        ids = []
        for value in split_values(text):
            term_id = terms.get(fold(value))
            if term_id is None:
                error(key, str(UNKNOWN_TERM[key]) % {"value": value})
            elif term_id not in ids:
                ids.append(term_id)
        return tuple(ids)

    def _cities(self, v, error, warnings):
        vocabulary = self.vocabulary
        city_ids = list(self._terms(v.get("city", ""), vocabulary.city_keys, "city", error))
        postcode = v.get("postcode", "")
        postcode_city = None
        if postcode:
            if not POSTCODE.match(postcode):
                error("postcode", _("„%(value)s“ ist keine gültige Postleitzahl (fünf Ziffern).")
                      % {"value": postcode})
                return (), None
            postcode_city = vocabulary.postcode_city.get(postcode)
        if not city_ids and not v.get("city"):
            if postcode_city is None:
                if postcode:
                    error("postcode", _("Zur PLZ „%(value)s“ gibt es keine Stadt im Kreis; bitte die "
                                        "Stadt angeben.") % {"value": postcode})
                else:
                    error("city" if "city" in self.present else "postcode",
                          _("Die Stadt fehlt (oder eine PLZ, aus der sie sich ergibt)."))
                return (), None
            city_ids = [postcode_city.id]
        if not city_ids:
            return (), None
        # The place lies in the first real city named ("kreisweit; Marl" -> Marl).
        cities = [vocabulary.cities[pk] for pk in city_ids]
        first = next((city for city in cities if not city.districtwide), cities[0])
        if postcode_city is not None and postcode_city.id != first.id and not first.districtwide:
            warnings.append(("postcode", _("Die PLZ „%(postcode)s“ gehört zu %(right)s, nicht zu "
                                           "%(city)s.") % {"postcode": postcode,
                                                           "right": postcode_city.name,
                                                           "city": first.name}))
        street = v.get("street", "")
        place = (street, postcode, first.id) if street or postcode else None
        return tuple(city_ids), place

    def _contact(self, v, error, warnings):
        if "contact_name" not in self.present and not (v.get("contact_phone") or v.get("contact_email")):
            return None
        name, phone, email = v.get("contact_name", ""), v.get("contact_phone", ""), v.get("contact_email", "")
        consent = self._date(v.get("contact_consent", ""), "contact_consent", error)
        if email:
            try:
                _email(email)
            except ValidationError:
                error("contact_email", _("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": email})
        if not name:
            if phone or email or consent:
                error("contact_name" if "contact_name" in self.present else "contact_phone",
                      _("Telefon, E-Mail oder Einwilligung ohne Namen der Ansprechperson."))
            return None
        return (name, phone, email, consent)
