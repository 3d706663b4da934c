"""Property tests (hypothesis) for the offer import: whatever file arrives, run_import()
reports problems instead of raising, and it never changes data the file does not name.

- arbitrary bytes (binary, broken UTF-8, BOMs, NULs, quotes, delimiters, huge fields, zips
  that look like XLSX): no exception escapes; an unusable file writes nothing;
- CSV tables with valid headers and arbitrary cells: a dry run and a failed import write
  nothing (every row of every table is compared); with skip_invalid only the offers the
  valid rows name (by external_id) and new offers change, every other offer and every
  organisation stays as it was.

Each example runs inside a savepoint that is rolled back, so examples do not see each other.
Derandomized with a fixed number of examples, so CI runs the same inputs every time.
"""

import csv
import io
import zipfile

import pytest
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exchange import columns as cols
from exchange.importer import run_import
from exchange.reader import FileFormatError, estimate_rows, open_table
from exchange.tests.conftest import HEADER, row
from exchange.validate import RowValidator

pytestmark = pytest.mark.django_db

FAST = settings(max_examples=100, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])
DB = settings(max_examples=50, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

EXISTING = ("e-1", "e-2", "e-3", "e-4")  # e-4 is never named by a generated file
NAMED = ("e-1", "e-2", "e-3", "n-1", "n-2", "", " e-1 ", "E-1", "'=e-2")


class _Discard(Exception):
    pass


def snapshot():
    """Every row of every table (m2m link tables included), by model."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        state[model._meta.label] = list(model.objects.order_by("pk").values_list())
    return state


def offer_state():
    """Each offer with its fields, taxonomy links, places and contact links, by id."""
    from offers.models import Offer

    state = {}
    for offer in Offer.objects.prefetch_related("cities", "topics", "target_groups", "languages",
                                                "places", "contacts"):
        state[offer.pk] = (
            Offer.objects.filter(pk=offer.pk).values_list().get(),
            *(sorted(getattr(offer, name).values_list("pk", flat=True))
              for name in ("cities", "topics", "target_groups", "languages", "contacts")),
            sorted(offer.places.values_list()),
        )
    return state


def organisation_state():
    from providers.models import Organisation

    return list(Organisation.objects.order_by("pk").values_list())


def rolled_back(check):
    """Run check() in a savepoint that is always rolled back."""
    try:
        with transaction.atomic():
            check()
            raise _Discard
    except _Discard:
        pass


@pytest.fixture
def existing(make_offer, make_organisation):
    """Offers with external ids e-1 … e-4 (some named by the files) and one without."""
    org = make_organisation("Caritasverband Marl")
    for external_id in EXISTING:
        make_offer(f"Bestehendes Angebot {external_id}", organisation=org, external_id=external_id,
                   summary="Vorher")
    make_offer("Ohne Kennung", organisation=make_organisation("Anderer Träger"))


def assert_reported(result):
    """Problems come as file_error, header_errors or errors with line and column."""
    assert isinstance(result.file_error, str)
    assert all(isinstance(m, str) and m for m in result.header_errors)
    for error in result.errors:
        assert error.line >= 2 and isinstance(error.column, str) and error.message
    result.messages()


# --- arbitrary bytes ------------------------------------------------------------------------

def fake_zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


XLSX_NAMES = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
              "xl/worksheets/sheet1.xml", "_rels/.rels", "xl/sharedStrings.xml"]
WORKBOOK = (b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet r:id="rId1"/></sheets></workbook>')
RELS = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Target="worksheets/sheet1.xml"/></Relationships>')
XML_BITS = [WORKBOOK, RELS, b"<workbook/>", b"<Relationships/>",
            b'<?xml version="1.0"?>', b"<workbook>", b"<sheet r:id='rId1'/>", b"<row>", b"</row>",
            b"<c t='s'><v>0</v></c>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"\x00", b"\xff"]
SEPARATORS = [b",", b";", b"\t", b'"', b'""', b"\n", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf",
              b"\xff\xfe", b"\xc3", b"\xc3\xa4", b"\xed\xa0\x80", b"'", b"=", b"titel", b"title",
              b"organisation", b"city", b"external_id", b"Marl", b"x" * 200]
file_bytes = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(st.sampled_from(SEPARATORS), st.binary(max_size=8)), max_size=40).map(b"".join),
    st.builds(lambda head, tail: head + tail,
              st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\xef\xbb\xbf",
                               b"title,organisation,city\n", b"titel;tr\xc3\xa4ger;stadt\r\n"]),
              st.binary(max_size=200)),
    st.lists(st.tuples(st.sampled_from(XLSX_NAMES),
                       st.lists(st.sampled_from(XML_BITS), max_size=6).map(b"".join)),
             max_size=5, unique_by=lambda entry: entry[0]).map(fake_zip),
    st.builds(lambda n: b"title,organisation,city\n\"" + b"a" * n + b'",Tr,marl\n',
              st.integers(100_000, 300_000)),  # a huge field (csv's default limit is 131,072)
)
file_names = st.sampled_from([None, "offers.csv", "offers.xlsx", "offers.xls", "offers.txt",
                              "OFFERS.XLSM", "x"])


@FAST
@given(data=file_bytes, name=file_names)
@example(data=b"\x00\x00\x00", name="offers.csv")
@example(data=b"title,organisation,city\n\x00,\x00,\x00\n", name=None)
@example(data=b"PK\x03\x04garbage", name="offers.csv")
# found: estimate_rows() raised StopIteration / AttributeError for a workbook without a sheet
@example(data=fake_zip([("xl/workbook.xml", b"<workbook/>"),
                        ("xl/_rels/workbook.xml.rels", b"<Relationships/>")]), name="x.xlsx")
@example(data=fake_zip([("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS)]),
         name=None)
def test_reader_raises_only_file_format_error(data, name):
    total = estimate_rows(data, name)  # for the import page's progress; None when unknown
    assert total is None or isinstance(total, int)
    try:
        table = open_table(data, name)
        validator = RowValidator(table.headers)
        for line, cells in table.rows():
            assert line >= 2 and all(isinstance(c, str) for c in cells)
            if not validator.check.errors:
                validator.validate(line, cells)
    except FileFormatError as error:
        assert str(error)


def test_arbitrary_bytes_never_escape_run_import(existing):
    before = snapshot()
    count = [0]

    @DB
    @given(data=file_bytes, name=file_names, dry_run=st.booleans(), skip=st.booleans())
    @example(data=b'title,organisation,city\n"a' + b"a" * 200_000 + b'",x,marl\n', name=None,
             dry_run=False, skip=True)
    def check(data, name, dry_run, skip):
        count[0] += 1

        def run():
            result = run_import(data, name, dry_run=dry_run, skip_invalid=skip)
            assert_reported(result)
            if dry_run or not result.committed:
                assert snapshot() == before

        rolled_back(run)

    check()
    assert count[0] >= 50


def xlsx_bytes(rows):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    for cells in rows:
        workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c
                                for c in cells])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


xlsx_cell = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                      st.floats(allow_nan=False, allow_infinity=False), st.dates(),
                      st.datetimes(), st.text(max_size=20), st.sampled_from(["marl", "e-1", "ja"]))


def test_xlsx_cells_of_any_type_are_reported_not_raised(existing):
    before = snapshot()
    count = [0]

    @settings(FAST, max_examples=25)
    @given(header=st.lists(st.sampled_from([*cols.KEYS, "Titel", "Träger", "x"]), min_size=1,
                           max_size=6),
           cells=st.lists(st.lists(xlsx_cell, max_size=7), max_size=4), dry_run=st.booleans())
    def check(header, cells, dry_run):
        count[0] += 1

        def run():
            result = run_import(xlsx_bytes([header, *cells]), "offers.xlsx", dry_run=dry_run)
            assert_reported(result)
            if dry_run or not result.ok:
                assert snapshot() == before

        rolled_back(run)

    check()
    assert count[0] >= 25


# --- CSV tables with valid headers and arbitrary cells --------------------------------------

SPELLINGS = {c.key: [c.key, c.german, *c.aliases, c.german.upper(), f" {c.key} "] for c in cols.COLUMNS}
ODD = ["", " ", '"', '""', ";", ",", "\n", "\r\n", "\t", "\x00", "=1+1", "'=x", "-", "@", "ja",
       "nein", "marl", "Marl; Dorsten", "45768", "99999", "kostenlos", "0,00 €", "2026-02-30",
       "31.12.2026", "https://", "https://example.org", "a@b", "x" * 600, "مرحبا", "🙂", "\ufeff",
       "e-1", "e-4"]
cell_text = st.one_of(st.sampled_from(ODD), st.text(max_size=30))


@st.composite
def tables(draw):
    """(rows as lists of text, delimiter): a header of valid spellings, then rows that mix a
    valid row's cells with arbitrary text and external ids of existing and new offers."""
    keys = draw(st.lists(st.sampled_from(cols.KEYS), unique=True, min_size=1, max_size=10))
    if draw(st.sampled_from([True, True, True, False])):  # most tables have the required columns
        keys = list(dict.fromkeys(["external_id", "title", "organisation", "city", *keys]))
    if {"contact_phone", "contact_email", "contact_consent"} & set(keys):
        keys.append("contact_name")  # contact details without a name are an error
    keys = draw(st.permutations(list(dict.fromkeys(keys))))
    header = [draw(st.sampled_from(SPELLINGS[key])) for key in keys]
    valid = {**dict(zip(HEADER, row(), strict=True)), "summary": "Kurz", "free": "ja",
             "contact_consent": "2026-01-15"}
    rows = [header]
    for _ in range(draw(st.integers(1, 6))):
        # a valid row, often with a few cells replaced by arbitrary text or a cell too many
        cells = [draw(st.sampled_from(NAMED)) if key == "external_id" else valid[key] for key in keys]
        replaced = st.lists(st.integers(0, len(keys) - 1), min_size=1, max_size=3)
        for index in draw(st.one_of(st.just([]), replaced)):
            cells[index] = draw(cell_text)
        extra = st.lists(cell_text, min_size=1, max_size=1)
        rows.append(cells + draw(st.one_of(st.just([]), st.just([]), st.just([]), extra)))
    return rows, draw(st.sampled_from([",", ";", "\t"]))


def encode(rows, delimiter, bom):
    stream = io.StringIO()
    csv.writer(stream, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + stream.getvalue().encode("utf-8", "surrogatepass")


def test_failed_and_dry_runs_write_nothing(existing):
    before = snapshot()
    count = [0]

    @DB
    @given(table=tables(), bom=st.booleans(), dry_run=st.booleans())
    @example(table=([["title", "organisation", "city"], ["Kurs", "Träger", "nirgendwo"]], ","),
             bom=True, dry_run=False)
    # found on PostgreSQL: a NUL in a cell raised DataError ("cannot contain NUL") from the writer
    @example(table=([["external_id", "title", "organisation", "city"],
                     ["\x00", "Kurs\x00", "Träger", "marl"]], ","), bom=False, dry_run=True)
    def check(table, bom, dry_run):
        count[0] += 1

        def run():
            result = run_import(encode(*table, bom), "offers.csv", dry_run=dry_run)
            assert_reported(result)
            if dry_run or not result.ok:
                assert not result.committed
                assert snapshot() == before

        rolled_back(run)

    check()
    assert count[0] >= 50


def test_skip_invalid_changes_only_the_named_offers(existing):
    from offers.models import Offer

    offers_before = offer_state()
    organisations_before = organisation_state()
    count = [0]

    @DB
    @given(table=tables(), bom=st.booleans())
    @example(table=([["external_id", "title", "organisation", "city"],
                     ["e-1", "Neu", "Caritasverband Marl", "marl"],
                     ["e-2", "", "Caritasverband Marl", "marl"]], ";"), bom=False)
    @example(table=([["external_id", "title", "organisation", "city"],
                     ["e-1\x00", "\x00Neu", "Caritasverband Marl\x00", "marl"]], ","), bom=False)
    def check(table, bom):
        count[0] += 1

        def run():
            result = run_import(encode(*table, bom), "offers.csv", skip_invalid=True,
                                keep_outcomes=True)
            assert_reported(result)
            named = {o.external_id for o in result.outcomes if o.action != "error"}
            written = {o.offer_id for o in result.outcomes if o.action in ("created", "updated")}
            after = offer_state()
            for pk, state in offers_before.items():
                external_id = after[pk][0][[f.attname for f in Offer._meta.concrete_fields]
                                           .index("external_id")]
                if external_id not in named or pk not in written:
                    assert after[pk] == state, external_id
            for pk in set(after) - set(offers_before):
                assert pk in written
            new = Offer.objects.filter(pk__in=set(after) - set(offers_before))
            assert all(o.external_id in named or not o.external_id for o in new)
            # organisations may be added, never changed
            assert organisation_state()[:len(organisations_before)] == organisations_before

        rolled_back(run)

    check()
    assert count[0] >= 50
