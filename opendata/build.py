"""Writing one generation of the open-data package into a directory.

`build_package(directory)` writes every table of opendata/schema.py as CSV, the offers with
everything that belongs to them as one JSON document (offers.json), datapackage.json
(Frictionless Tabular Data Package with sizes and SHA-256 hashes) and a ZIP of all of them.
Offers are read in chunks of CHUNK_SIZE and every file is written as it goes, so memory
stays bounded by one chunk plus the small tables (organisations, consented contacts,
taxonomy), whatever the number of offers.

CSV: UTF-8 without byte order mark, comma, double quotes where needed, a header line (RFC 4180).
Texts that a spreadsheet would run as a formula get a leading apostrophe (see `csv_text`);
offers.json keeps every text exactly as entered.
"""

import contextlib
import csv
import datetime
import hashlib
import json
import re
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from exchange.export import neutralise

from . import schema

CHUNK_SIZE = 1000
JSON_NAME = "offers.json"
PACKAGE_NAME = "datapackage.json"
ZIP_NAME = "offene-daten.zip"
MANIFEST_NAME = "manifest.json"  # internal: what a generation holds; never served
PACKAGE_ID = "integrationsangebote-kreis-recklinghausen"
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".zip": "application/zip"}

# Only digits, spaces and the signs of phone numbers: "+49 2361 123-45" or "-5" cannot call a
# function or reference a cell in a spreadsheet, and an apostrophe would corrupt them for
# machines, so such values stay as they are.
_HARMLESS = re.compile(r"[+\-]?[0-9 ()/.\-]*[0-9][0-9 ()/.\-]*")
_PLACEHOLDER = 987654321


def csv_text(value):
    """A text cell of an open-data CSV: neutralised against spreadsheet formulas (a leading
    apostrophe before = + - @ tab CR), except plain numbers such as phone numbers."""
    if value and _HARMLESS.fullmatch(value):
        return value
    return neutralise(value)


def _iso(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _cell(field, value):
    if value is None:
        return ""
    if field.type == "boolean":
        return "true" if value else "false"
    if field.type in ("date", "time", "datetime"):
        return _iso(value)
    if field.type == "string":
        return csv_text(str(value))
    return str(value)


class CsvTable:
    def __init__(self, directory, table):
        self.table = table
        self.stream = open(directory / table.filename, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.stream)
        self.writer.writerow(table.field_names)
        self.rows = 0

    def write(self, row):
        """`row`: a dict by field name (missing fields are empty)."""
        self.writer.writerow([_cell(f, row.get(f.name)) for f in self.table.fields])
        self.rows += 1

    def close(self):
        self.stream.close()


def _url_builder(viewname):
    """value -> absolute URL of a German page taking one argument (reverse() once)."""
    with translation.override(settings.LANGUAGE_CODE):
        sample = settings.SITE_URL + reverse(viewname, args=[_PLACEHOLDER])
    prefix, _sep, suffix = sample.rpartition(str(_PLACEHOLDER))
    return lambda value: f"{prefix}{value}{suffix}"


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


@contextlib.contextmanager
def read_snapshot():
    """Every query inside sees the database as of one moment, so the keys of all tables agree
    even while people edit — without blocking them.

    PostgreSQL: a REPEATABLE READ, READ ONLY transaction. SQLite: a plain (deferred) read
    transaction, one WAL snapshot; not Django's atomic(), which the settings make BEGIN
    IMMEDIATE and which would hold the write lock for the whole generation. Inside a
    transaction the caller opened (tests), that one is used as it is.
    """
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")  # read only: nothing to keep or undo
    else:
        yield


class PackageWriter:
    """One generation: call write() once; returns the manifest."""

    def __init__(self, directory, today=None):
        self.directory = Path(directory)
        self.today = today
        self.tables = {}
        self.offer_url = _url_builder("offers:detail")
        self.organisation_url = _url_builder("providers:detail")

    def _open(self):
        for table in schema.TABLES:
            self.tables[table.name] = CsvTable(self.directory, table)

    # --- the small tables, held in memory for offers.json -----------------------------------

    def _taxonomy(self):
        from taxonomy.models import City, Language, TargetGroup, Topic

        self.cities, self.topics, self.target_groups, self.languages = {}, {}, {}, {}
        for model, table, terms, extra in (
                (City, "cities", self.cities, ("postcodes", "latitude", "longitude", "is_districtwide")),
                (Topic, "topics", self.topics, ("covers",)),
                (TargetGroup, "target_groups", self.target_groups, ()),
                (Language, "languages", self.languages, ("native_name", "is_rtl"))):
            for row in model.objects.order_by("position", "name", "id").values(
                    "id", "slug", "name", "position", *extra):
                terms[row["id"]] = row
                if "postcodes" in row:
                    row = {**row, "postcodes": " ".join(str(code) for code in row["postcodes"] or ())}
                self.tables[table].write(row)

    def _organisations(self):
        from providers.models import Contact, Organisation

        self.organisations = {}
        for row in Organisation.objects.order_by("id").values(
                "id", "name", "slug", "description", "website", "email", "phone", "street",
                "postcode", "city_id").iterator(chunk_size=CHUNK_SIZE):
            row["url"] = self.organisation_url(row["slug"])
            row["city"] = self.cities[row["city_id"]]["slug"] if row["city_id"] else None
            self.organisations[row["id"]] = {"id": row["id"], "name": row["name"], "url": row["url"]}
            self.tables["organisations"].write(row)
        # Only persons who consented to being published — the same rule as every public page.
        self.contacts = {}
        for row in Contact.objects.public().order_by("id").values(
                "id", "organisation_id", "name", "role", "phone", "email").iterator(
                chunk_size=CHUNK_SIZE):
            self.contacts[row["id"]] = {k: row[k] for k in ("id", "name", "role", "phone", "email")}
            self.tables["contacts"].write(row)

    # --- offers, chunk by chunk -------------------------------------------------------------

    OFFER_FIELDS = ("id", "external_id", "title", "summary", "description", "organisation_id",
                    "website", "is_online", "schedule_note", "start_date", "end_date", "is_free",
                    "cost", "registration_required", "registration_deadline", "registration_note",
                    "accessibility", "accessibility_note", "childcare", "age_min", "age_max",
                    "last_verified", "created_at", "updated_at")

    def _offers(self, json_stream):
        from offers.models import Offer

        ids = list(Offer.objects.visible(self.today).order_by("id").values_list("id", flat=True))
        first = True
        for chunk in _chunks(ids, CHUNK_SIZE):
            for offer in self._offer_chunk(chunk):
                json_stream.write(("" if first else ",\n") + json.dumps(offer, ensure_ascii=False))
                first = False
        return len(ids)

    def _offer_chunk(self, ids):
        from offers.models import Offer, OfferTime, OfferTranslation, Place

        offers = {row["id"]: row for row in Offer.objects.filter(id__in=ids).order_by("id").values(
            *self.OFFER_FIELDS)}
        related = {pk: {"cities": [], "topics": [], "target_groups": [], "languages": [],
                        "places": [], "times": [], "contacts": [], "translations": {}}
                   for pk in offers}
        for name, terms, column, singular in (
                ("cities", self.cities, "city_id", "city"),
                ("topics", self.topics, "topic_id", "topic"),
                ("target_groups", self.target_groups, "targetgroup_id", "target_group"),
                ("languages", self.languages, "language_id", "language")):
            through = getattr(Offer, name).through
            links = through.objects.filter(offer_id__in=offers).values_list("offer_id", column)
            for offer_id, term_id in sorted(links, key=lambda link, t=terms: (
                    link[0], t[link[1]]["position"], t[link[1]]["name"])):
                slug = terms[term_id]["slug"]
                related[offer_id][name].append({"slug": slug, "name": terms[term_id]["name"]})
                self.tables[f"offer_{name}"].write({"offer_id": offer_id, singular: slug})
        for row in OfferTranslation.objects.filter(offer_id__in=offers).order_by(
                "offer_id", "language").values("offer_id", "language", "title", "summary",
                                                "description"):
            self.tables["offer_translations"].write(row)
            related[row["offer_id"]]["translations"][row["language"]] = {
                k: row[k] for k in ("title", "summary", "description")}
        for row in Place.objects.filter(offer_id__in=offers).order_by("offer_id", "id").values(
                "id", "offer_id", "name", "street", "postcode", "city_id", "latitude", "longitude"):
            row["city"] = self.cities[row["city_id"]]["slug"]
            self.tables["places"].write(row)
            related[row["offer_id"]]["places"].append({
                "id": row["id"], "name": row["name"], "street": row["street"],
                "postcode": row["postcode"],
                "city": {"slug": row["city"], "name": self.cities[row["city_id"]]["name"]},
                "latitude": row["latitude"], "longitude": row["longitude"]})
        for row in OfferTime.objects.filter(offer_id__in=offers).order_by(
                "offer_id", "weekday", "opens_at", "id").values(
                "id", "offer_id", "weekday", "opens_at", "closes_at", "note"):
            self.tables["offer_times"].write(row)
            related[row["offer_id"]]["times"].append({
                "weekday": row["weekday"], "opens_at": _iso(row["opens_at"]),
                "closes_at": _iso(row["closes_at"]), "note": row["note"]})
        for offer_id, contact_id in Offer.contacts.through.objects.filter(
                offer_id__in=offers, contact__consent_given_on__isnull=False).order_by(
                "offer_id", "contact_id").values_list("offer_id", "contact_id"):
            contact = self.contacts.get(contact_id)
            if contact is None:  # consented after the contacts table was read: next generation
                continue
            self.tables["offer_contacts"].write({"offer_id": offer_id, "contact_id": contact_id})
            related[offer_id]["contacts"].append(contact)
        for pk, row in offers.items():
            row["url"] = self.offer_url(pk)
            self.tables["offers"].write(row)
            yield self._offer_json(row, related[pk])

    def _offer_json(self, row, related):
        data = {name: row[name] for name in self.OFFER_FIELDS if name != "organisation_id"}
        for name in ("start_date", "end_date", "registration_deadline", "last_verified",
                     "created_at", "updated_at"):
            data[name] = _iso(data[name])
        data["url"] = row["url"]
        data["organisation"] = self.organisations[row["organisation_id"]]
        data.update(related)
        return data

    # --- the whole package ------------------------------------------------------------------

    def write(self, fingerprint=""):
        started = time.monotonic()
        created = timezone.now().replace(microsecond=0)
        self._open()
        meta = self._meta(created, fingerprint)
        try:
            with read_snapshot():
                self._taxonomy()
                self._organisations()
                with open(self.directory / JSON_NAME, "w", encoding="utf-8") as stream:
                    head = {k: meta[k] for k in ("name", "title", "created", "version", "licenses",
                                                 "contributors")}
                    stream.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "offers": [\n')
                    offer_count = self._offers(stream)
                    stream.write("\n]}\n")
        finally:
            for table in self.tables.values():
                table.close()
        meta["resources"] = [self._resource(table) for table in schema.TABLES]
        meta["resources"].append(self._json_resource())
        (self.directory / PACKAGE_NAME).write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self._zip()
        files = [self._file_entry(name) for name in (
            PACKAGE_NAME, ZIP_NAME, JSON_NAME, *(table.filename for table in schema.TABLES))]
        manifest = {
            "fingerprint": fingerprint, "created": _iso(created), "version": meta["version"],
            "offers": offer_count, "rows": {name: t.rows for name, t in self.tables.items()},
            "seconds": round(time.monotonic() - started, 3), "files": files,
        }
        (self.directory / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        return manifest

    def _meta(self, created, fingerprint):
        licence = {"path": settings.OPEN_DATA_LICENCE_URL, "title": settings.OPEN_DATA_LICENCE}
        if re.fullmatch(r"[-a-zA-Z0-9._]+", settings.OPEN_DATA_LICENCE_ID or ""):
            licence = {"name": settings.OPEN_DATA_LICENCE_ID, **licence}
        with translation.override(settings.LANGUAGE_CODE):
            title = str(settings.SITE_NAME)
            homepage = settings.SITE_URL + reverse("opendata:index")
        return {
            # Not "tabular-data-package": offers.json is a (non-tabular) JSON resource too.
            "profile": "data-package",
            "name": PACKAGE_ID,
            "title": title,
            "description": (
                "Die öffentlich sichtbaren Integrationsangebote im Kreis Recklinghausen mit Trägern, "
                "Orten, Zeiten, Übersetzungen, Ansprechpersonen (nur mit Einwilligung) und den "
                "Themenfeldern, Zielgruppen, Sprachen und Städten. CSV: UTF-8, Komma, Kopfzeile; "
                "Texte, die mit =, +, -, @, Tabulator oder Wagenrücklauf beginnen, stehen dort mit "
                "einem Apostroph davor (Schutz vor Tabellenformeln; reine Zahlen wie Telefonnummern "
                "ausgenommen). offers.json enthält alle Texte unverändert."),
            "homepage": homepage,
            "version": f"{created:%Y.%m.%d}-{fingerprint[:8]}" if fingerprint else f"{created:%Y.%m.%d}",
            "created": _iso(created),
            "keywords": ["Integration", "Migration", "Beratung", "Sprachkurse", "Kreis Recklinghausen"],
            "licenses": [licence],
            "contributors": [{"title": settings.OPEN_DATA_PUBLISHER, "role": "publisher"}],
        }

    def _file_entry(self, name):
        path = self.directory / name
        digest = hashlib.sha256()
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        return {"name": name, "bytes": path.stat().st_size, "sha256": digest.hexdigest(),
                "mediatype": MEDIA_TYPES[path.suffix]}

    def _resource(self, table):
        entry = self._file_entry(table.filename)
        with translation.override(settings.LANGUAGE_CODE):
            title, description = str(table.title), str(table.description)
        data = {
            "name": table.name, "path": table.filename, "profile": "tabular-data-resource",
            "title": title, "description": description,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": entry["bytes"], "hash": f"sha256:{entry['sha256']}",
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": {
                "fields": [f.descriptor() for f in table.fields],
                "primaryKey": list(table.primary_key),
                "missingValues": [""],
            },
        }
        if table.foreign_keys:
            data["schema"]["foreignKeys"] = [
                {"fields": list(own), "reference": {"resource": other, "fields": list(theirs)}}
                for own, other, theirs in table.foreign_keys]
        return data

    def _json_resource(self):
        entry = self._file_entry(JSON_NAME)
        return {
            "name": "offers-json", "path": JSON_NAME, "profile": "data-resource",
            "title": "Angebote als JSON",
            "description": (
                "Ein JSON-Dokument: Kopfdaten (name, created, version, licenses) und unter "
                "„offers“ jedes Angebot mit Träger, Orten, Zeiten, Ansprechpersonen, "
                "Übersetzungen (nach Sprachcode), Städten, Themenfeldern, Zielgruppen und Sprachen "
                "(je slug und name). Felder wie in den CSV-Tabellen; Texte unverändert."),
            "format": "json", "mediatype": "application/json", "encoding": "utf-8",
            "bytes": entry["bytes"], "hash": f"sha256:{entry['sha256']}",
        }

    def _zip(self):
        names = [PACKAGE_NAME, JSON_NAME, *(table.filename for table in schema.TABLES)]
        with zipfile.ZipFile(self.directory / ZIP_NAME, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=6) as archive:
            for name in names:
                archive.write(self.directory / name, arcname=name)


def build_package(directory, fingerprint="", today=None):
    """Write a complete package into `directory` (which must exist); returns the manifest."""
    return PackageWriter(directory, today).write(fingerprint)
