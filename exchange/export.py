"""Exporting offers in the exchange format (CSV or XLSX), streamed in chunks.

The columns are those of the import (exchange.columns.KEYS), so an export imports again
without changes. Taxonomy values are written as slugs, several values joined with "; ",
dates as ISO (JJJJ-MM-TT), "free" as ja/nein. Text that a spreadsheet would run as a
formula (starting with = + - @, tab or CR) gets a leading apostrophe; the import removes it.
The city column lists the city of the first place first: the import uses it for that place.
"""

import csv
from pathlib import Path

from . import columns as cols
from .validate import FORMULA_STARTS

CHUNK_SIZE = 2000
FORMATS = ("csv", "xlsx")


def neutralise(text):
    """Text a spreadsheet shows as text, not as a formula."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def headers(german=False):
    return [cols.header_for(key, german) for key in cols.KEYS]


def iter_offer_rows(include_all=False, chunk_size=CHUNK_SIZE, queryset=None, with_ids=False):
    """Yield one list of cell texts per offer (in the order of exchange.columns.KEYS), in
    the order of the offers' ids; with_ids=True yields (offer id, cells) pairs instead (for
    exports in another order, e.g. a search's)."""
    from offers.models import Offer, Place
    from providers.models import Contact, Organisation
    from taxonomy.models import City, Language, TargetGroup, Topic

    terms = {
        "cities": (City, "city_id"), "topics": (Topic, "topic_id"),
        "target_groups": (TargetGroup, "targetgroup_id"), "languages": (Language, "language_id"),
    }
    slugs = {name: dict(model.objects.order_by("position", "name").values_list("id", "slug"))
             for name, (model, _column) in terms.items()}
    order = {name: {pk: n for n, pk in enumerate(values)} for name, values in slugs.items()}
    organisations = dict(Organisation.objects.values_list("id", "name"))
    if queryset is None:
        queryset = Offer.objects.all() if include_all else Offer.objects.published()
    fields = ("id", "external_id", "title", "summary", "description", "organisation_id", "website",
              "last_verified", "is_free", "cost")
    last_id = 0
    while True:
        batch = list(queryset.filter(id__gt=last_id).order_by("id").values(*fields)[:chunk_size])
        if not batch:
            return
        last_id = batch[-1]["id"]
        ids = [offer["id"] for offer in batch]
        links = {name: {} for name in terms}
        for name, (_model, column) in terms.items():
            through = getattr(Offer, name).through
            for offer_id, term_id in through.objects.filter(offer_id__in=ids).values_list(
                    "offer_id", column):
                links[name].setdefault(offer_id, []).append(term_id)
        places = {}
        for offer_id, street, postcode, city_id in Place.objects.filter(offer_id__in=ids).order_by(
                "offer_id", "id").values_list("offer_id", "street", "postcode", "city_id"):
            places.setdefault(offer_id, (street, postcode, city_id))
        first_contact = {}
        for offer_id, contact_id in Offer.contacts.through.objects.filter(offer_id__in=ids).order_by(
                "contact_id").values_list("offer_id", "contact_id"):
            first_contact.setdefault(offer_id, contact_id)
        contacts = {c[0]: c[1:] for c in Contact.objects.filter(id__in=set(first_contact.values()))
                    .values_list("id", "name", "phone", "email", "consent_given_on")}
        for offer in batch:
            pk = offer["id"]
            street, postcode, place_city = places.get(pk, ("", "", None))
            values = {}
            for name in terms:
                ids_sorted = sorted(links[name].get(pk, ()), key=lambda t, n=name: (
                    not (n == "cities" and t == place_city), order[n].get(t, 0)))
                values[name] = "; ".join(slugs[name][t] for t in ids_sorted)
            name, phone, email, consent = contacts.get(first_contact.get(pk), ("", "", "", None))
            row = {
                "external_id": offer["external_id"] or "",
                "title": offer["title"], "summary": offer["summary"],
                "description": offer["description"],
                "organisation": organisations.get(offer["organisation_id"], ""),
                "city": values["cities"], "postcode": postcode, "street": street,
                "topics": values["topics"], "target_groups": values["target_groups"],
                "languages": values["languages"], "cost": offer["cost"],
                "free": "ja" if offer["is_free"] else "nein",
                "contact_name": name, "contact_phone": phone, "contact_email": email,
                "contact_consent": consent.isoformat() if consent else "",
                "website": offer["website"],
                "last_verified": offer["last_verified"].isoformat() if offer["last_verified"] else "",
            }
            cells = [neutralise(row[key]) for key in cols.KEYS]
            yield (pk, cells) if with_ids else cells


def format_for(path, fmt=None):
    if fmt:
        return fmt
    return "xlsx" if Path(path).suffix.lower() in (".xlsx", ".xlsm") else "csv"


def write_csv(path, rows, german_headers=False, delimiter=";"):
    """UTF-8 with BOM (so Excel shows umlauts); semicolons by default (German Excel)."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(headers(german_headers))
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_xlsx(path, rows, german_headers=False):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Angebote")
    sheet.append(headers(german_headers))
    count = 0
    for row in rows:
        # control characters (other than tab and line breaks) cannot be stored in XLSX:
        # openpyxl refuses the whole file, so they are dropped from the cell
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell
                      for cell in row])
        count += 1
    workbook.save(path)
    return count


def export_offers(path, fmt=None, german_headers=False, include_all=False, delimiter=";"):
    """Write the offers to `path`; returns how many."""
    fmt = format_for(path, fmt)
    rows = iter_offer_rows(include_all=include_all)
    if fmt == "xlsx":
        return write_xlsx(path, rows, german_headers)
    return write_csv(path, rows, german_headers, delimiter)
