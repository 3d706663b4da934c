import datetime
import shutil

import pytest

from exchange.tests.conftest import DATA, HEADER, row
from offers.models import Offer
from providers.models import Contact, Organisation


def slugs(manager):
    return sorted(manager.values_list("slug", flat=True))


def test_csv_comma_happy_path(run_command):
    result = run_command("import_offers", DATA / "offers_comma.csv")
    assert result.ok, result.text
    assert "Angelegt: 3, aktualisiert: 0" in result.out
    assert Offer.objects.count() == 3

    kurs = Offer.objects.get(external_id="kurs-1")
    assert kurs.status == Offer.Status.PUBLISHED
    assert kurs.title == "Deutschkurs für Frauen"
    assert kurs.description == "Ein Kurs für Frauen, mit Kinderbetreuung."
    assert kurs.organisation.name == "Caritasverband Marl"
    assert slugs(kurs.cities) == ["marl"]
    assert slugs(kurs.topics) == ["frauen", "sprache"]
    assert slugs(kurs.target_groups) == ["frauen", "neuzugewanderte"]
    assert slugs(kurs.languages) == ["ar", "de"]
    assert kurs.is_free and kurs.cost == ""
    assert kurs.website == "https://example.org/kurs"
    assert kurs.last_verified == datetime.date(2026, 11, 1)
    place = kurs.places.get()
    assert (place.street, place.postcode, place.city.slug) == ("Hauptstraße 1", "45768", "marl")
    assert place.latitude == place.city.latitude and place.latitude is not None
    contact = kurs.contacts.get()
    assert (contact.name, contact.phone, contact.email) == ("Erika Beispiel", "02365 12345",
                                                            "erika@example.org")
    assert contact.consent_given_on is None  # no consent column: not public
    assert "keine Einwilligung" in result.out

    cafe = Offer.objects.get(external_id="kurs-2")
    assert cafe.organisation == kurs.organisation  # matched case-insensitively
    assert slugs(cafe.cities) == ["haltern-am-see"]  # by German name
    assert slugs(cafe.topics) == ["sprache"]
    assert slugs(cafe.languages) == ["de", "tr"]
    assert not cafe.is_free and cafe.cost == "2 € pro Abend"
    assert cafe.last_verified == datetime.date(2026, 10, 25)
    assert cafe.contacts.count() == 0

    beratung = Offer.objects.get(external_id="beratung-1")
    assert slugs(beratung.cities) == ["gladbeck"]  # from the postcode
    assert beratung.is_free and beratung.last_verified is None
    assert Organisation.objects.count() == 2


def test_semicolon_german_headers_bom_and_multiline_cell(run_command):
    result = run_command("import_offers", DATA / "offers_german_semicolon.csv")
    assert result.ok, result.text
    naehen = Offer.objects.get(external_id="g-1")
    assert naehen.description == "Wir nähen zusammen;\njeden Dienstag."
    assert naehen.is_free and naehen.last_verified == datetime.date(2026, 9, 1)
    assert naehen.places.get().street == "Lindenweg 2"
    hilfe = Offer.objects.get(external_id="g-2")
    assert slugs(hilfe.cities) == ["dorsten"]
    assert slugs(hilfe.topics) == ["bildung"]
    assert hilfe.is_free


def test_headers_are_case_and_space_insensitive(run_command, write_csv):
    path = write_csv([[" TITEL ", "träger", "stadt ", "e-mail", "ansprechperson", "Einwilligung"],
                      ["Kurs", "Träger A", "marl", "a@example.org", "Anna Probe", "15.01.2026"]])
    result = run_command("import_offers", path)
    assert result.ok, result.text
    contact = Contact.objects.get()
    assert contact.consent_given_on == datetime.date(2026, 1, 15)
    assert "keine Einwilligung" not in result.out


def test_xlsx(run_command, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Externe ID", "Titel", "Träger", "Stadt", "PLZ", "Themen", "Zuletzt geprüft", "Kosten"])
    sheet.append(["x-1", "Schwimmkurs", "Sportverein Herten", None, 45699, "sport",
                  datetime.datetime(2026, 5, 4), 0])
    sheet.append([None, None, None, None, None, None, None, None])  # empty rows are skipped
    sheet.append(["x-2", "Chor", "Sportverein Herten", "Waltrop", None, "Kultur und Begegnung", "2026-05-05",
                  "5 €"])
    path = tmp_path / "angebote.xlsx"
    workbook.save(path)
    result = run_command("import_offers", path)
    assert result.ok, result.text
    schwimmen = Offer.objects.get(external_id="x-1")
    assert slugs(schwimmen.cities) == ["herten"]
    assert schwimmen.places.get().postcode == "45699"
    assert schwimmen.last_verified == datetime.date(2026, 5, 4)
    assert schwimmen.is_free
    chor = Offer.objects.get(external_id="x-2")
    assert slugs(chor.topics) == ["kultur"] and chor.cost == "5 €" and not chor.is_free


def test_xlsx_errors_name_the_sheet_row(run_command, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["title", "organisation", "city"])
    workbook.active.append(["Kurs", "Träger", "marl"])
    workbook.active.append(["Kurs", "Träger", "Atlantis"])
    path = tmp_path / "a.xlsx"
    workbook.save(path)
    result = run_command("import_offers", path)
    assert not result.ok
    assert "Zeile 3, Spalte „city“: „Atlantis“ ist keine bekannte Stadt." in result.err
    assert Offer.objects.count() == 0


def test_upsert_by_external_id(run_command, write_csv):
    first = write_csv([HEADER, row(), row(external_id="x-2", title="Zweiter Kurs")])
    assert run_command("import_offers", first).ok
    offer = Offer.objects.get(external_id="x-1")
    created_at = offer.created_at

    again = run_command("import_offers", first)
    assert "Angelegt: 0, aktualisiert: 0, unverändert: 2" in again.out

    changed = write_csv([HEADER, row(title="Deutschkurs (neu)", topics="sprache; bildung",
                                     city="dorsten", postcode="46282", street="Neue Straße 5",
                                     contact_phone="0111")], name="changed.csv")
    result = run_command("import_offers", changed)
    assert result.ok, result.text
    assert "Angelegt: 0, aktualisiert: 1, unverändert: 0" in result.out
    assert Offer.objects.count() == 2
    offer.refresh_from_db()
    assert offer.title == "Deutschkurs (neu)"
    assert offer.created_at == created_at and offer.updated_at > created_at
    assert slugs(offer.topics) == ["bildung", "sprache"]
    assert slugs(offer.cities) == ["dorsten"]
    place = offer.places.get()  # the first place is updated, not duplicated
    assert (place.street, place.city.slug) == ("Neue Straße 5", "dorsten")
    assert offer.contacts.get().phone == "0111"
    assert Contact.objects.count() == 1


def test_update_keeps_fields_of_missing_columns(run_command, write_csv):
    assert run_command("import_offers", write_csv([HEADER, row()])).ok
    result = run_command("import_offers", write_csv([["external_id", "title", "organisation", "city"],
                                                     ["x-1", "Neuer Titel", "Caritasverband Marl", "marl"]],
                                                    name="b.csv"))
    assert result.ok, result.text
    offer = Offer.objects.get()
    assert offer.title == "Neuer Titel"
    assert offer.website == "https://example.org/kurs" and slugs(offer.topics) == ["sprache"]
    assert offer.contacts.count() == 1 and offer.places.count() == 1


def test_rows_without_external_id_always_create(run_command, write_csv):
    path = write_csv([HEADER, row(external_id="")])
    result = run_command("import_offers", path)
    assert "1 Zeilen ohne Kennung (external_id) legen immer neue Angebote an" in result.out
    run_command("import_offers", path)
    assert Offer.objects.count() == 2


def test_organisation_matched_by_name_case_insensitively(run_command, write_csv, make_organisation):
    existing = make_organisation(name="AWO Ortsverein Marl")
    result = run_command("import_offers", write_csv([HEADER, row(organisation="  awo ortsverein MARL ")]))
    assert result.ok, result.text
    assert Offer.objects.get().organisation == existing
    assert Organisation.objects.count() == 1


def test_new_organisations_get_unique_slugs(run_command, write_csv, make_organisation):
    make_organisation(name="Kulturverein", slug="kulturverein")
    result = run_command("import_offers", write_csv([HEADER, row(organisation="Kulturverein!")]))
    assert result.ok, result.text
    assert Offer.objects.get().organisation.slug == "kulturverein-2"


def test_contact_matched_by_organisation_and_name(run_command, write_csv, make_contact, make_organisation):
    organisation = make_organisation(name="Caritasverband Marl")
    contact = make_contact(organisation=organisation, name="Erika Beispiel")
    result = run_command("import_offers", write_csv([HEADER, row(contact_name="erika beispiel")]))
    assert result.ok, result.text
    assert list(Offer.objects.get().contacts.all()) == [contact]
    contact.refresh_from_db()
    assert contact.consent_given_on is not None  # an existing consent is kept


BAD_VALUES = [
    ("title", "", "title", "Der Titel fehlt."),
    ("title", "x" * 201, "title", "höchstens 200"),
    ("organisation", "", "organisation", "Der Träger fehlt."),
    ("city", "Atlantis", "city", "„Atlantis“ ist keine bekannte Stadt."),
    ("postcode", "4576", "postcode", "keine gültige Postleitzahl"),
    ("topics", "sprache; Zauberei", "topics", "„Zauberei“ ist kein bekanntes Themenfeld."),
    ("target_groups", "Marsianer", "target_groups", "keine bekannte Zielgruppe"),
    ("languages", "Klingonisch", "languages", "„Klingonisch“ ist keine bekannte Sprache."),
    ("contact_email", "erika@", "contact_email", "keine gültige E-Mail-Adresse"),
    ("website", "www.example.org", "website", "keine gültige Webadresse"),
    ("last_verified", "31.02.2026", "last_verified", "kein gültiges Datum"),
    ("last_verified", "gestern", "last_verified", "kein gültiges Datum"),
    ("contact_name", "", "contact_name", "ohne Namen der Ansprechperson"),
]


@pytest.mark.parametrize(("column", "value", "header", "message"), BAD_VALUES)
def test_bad_values_are_reported_with_line_and_column(run_command, write_csv, column, value, header,
                                                      message):
    path = write_csv([HEADER, row(external_id="ok-1"), row(external_id="bad", **{column: value})])
    result = run_command("import_offers", path)
    assert not result.ok
    assert f"Zeile 3, Spalte „{header}“: " in result.err
    assert message in result.err
    assert "nichts wurde importiert" in result.err
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0


def test_city_missing_and_not_inferable(run_command, write_csv):
    result = run_command("import_offers", write_csv([HEADER, row(city="", postcode="")]))
    assert "Zeile 2, Spalte „city“: Die Stadt fehlt" in result.err
    result = run_command("import_offers", write_csv([HEADER, row(city="", postcode="10115")]))
    assert "Zeile 2, Spalte „postcode“: Zur PLZ „10115“ gibt es keine Stadt" in result.err


def test_postcode_of_another_city_is_a_warning(run_command, write_csv):
    result = run_command("import_offers", write_csv([HEADER, row(city="dorsten", postcode="45768")]))
    assert result.ok
    assert ("Hinweis: Zeile 2, Spalte „postcode“: Die PLZ „45768“ gehört zu Marl, nicht zu Dorsten."
            in result.out)


def test_german_header_is_named_in_errors(run_command, write_csv):
    path = write_csv([["Titel", "Träger", "Stadt"], ["Kurs", "Träger", "Atlantis"]], delimiter=";")
    result = run_command("import_offers", path)
    assert "Zeile 2, Spalte „Stadt“: „Atlantis“ ist keine bekannte Stadt." in result.err


def test_all_errors_reported_and_nothing_written(run_command, write_csv):
    rows = [HEADER] + [row(external_id=f"r-{n}") for n in range(5)]
    rows[2] = row(external_id="r-1", city="Atlantis")
    rows[4] = row(external_id="r-3", website="ftp://example.org")
    result = run_command("import_offers", write_csv(rows))
    assert not result.ok
    assert "Zeile 3, Spalte „city“" in result.err and "Zeile 5, Spalte „website“" in result.err
    assert "2 fehlerhafte Zeilen" in result.err
    assert Offer.objects.count() == 0


def test_skip_invalid_imports_the_good_rows(run_command, write_csv):
    rows = [HEADER, row(external_id="a"), row(external_id="b", city="Atlantis"), row(external_id="c")]
    result = run_command("import_offers", write_csv(rows), "--skip-invalid")
    assert result.ok
    assert "Zeile 3, Spalte „city“" in result.err
    assert "Angelegt: 2" in result.out and "übersprungen (fehlerhaft): 1" in result.out
    assert sorted(Offer.objects.values_list("external_id", flat=True)) == ["a", "c"]


def test_dry_run_writes_nothing(run_command, write_csv):
    result = run_command("import_offers", write_csv([HEADER, row()]), "--dry-run")
    assert result.ok
    assert "Probelauf" in result.out and "Angelegt: 1" in result.out
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0


def test_duplicate_external_id_in_file(run_command, write_csv):
    result = run_command("import_offers", write_csv([HEADER, row(), row(title="Anders")]))
    assert not result.ok
    assert "Zeile 3, Spalte „external_id“: Die Kennung „x-1“ steht schon in Zeile 2." in result.err


def test_embedded_newlines_keep_line_numbers(run_command):
    result = run_command("import_offers", DATA / "embedded_newline.csv")
    assert not result.ok
    assert "Zeile 5, Spalte „city“: „Atlantis“ ist keine bekannte Stadt." in result.err


@pytest.mark.parametrize(("name", "message"), [
    ("broken_utf8.csv", "Zeile 2 ist nicht UTF-8-kodiert"),
    ("not_a_spreadsheet.xlsx", "ist keine Excel-Datei (XLSX)"),
])
def test_unreadable_files_give_a_clear_error(run_command, name, message):
    result = run_command("import_offers", DATA / name)
    assert not result.ok
    assert message in result.err and "Traceback" not in result.text
    assert Offer.objects.count() == 0


def test_zip_that_is_not_a_workbook(run_command, tmp_path):
    import zipfile

    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    result = run_command("import_offers", path)
    assert not result.ok and "keine lesbare Excel-Datei" in result.err


def test_old_xls_and_binary_files(run_command, tmp_path):
    old = tmp_path / "a.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    assert "(.xls) werden nicht unterstützt" in run_command("import_offers", old).err
    binary = tmp_path / "a.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run_command("import_offers", binary)
    assert not result.ok and "Traceback" not in result.text


@pytest.mark.parametrize(("content", "message"), [
    (b"", "Die Datei ist leer."),
    (b"\xef\xbb\xbf\n\n", "Die Datei ist leer."),
    (b"title,city\nKurs,marl\n", "Die Pflichtspalte „organisation“ (oder „Träger“) fehlt."),
    (b"title,organisation\nKurs,A\n", "Es fehlt eine Spalte „city“ (Stadt) oder „postcode“ (PLZ)."),
    (b"title,organisation,city,farbe\nKurs,A,marl,rot\n", "Die Spalte „farbe“ ist unbekannt."),
    (b"titel,title,organisation,city\n", "Die Spalten „titel“ und „title“ meinen dasselbe."),
])
def test_header_problems(run_command, tmp_path, content, message):
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    result = run_command("import_offers", path)
    assert not result.ok and message in result.err


def test_header_only_file_imports_nothing(run_command, write_csv):
    result = run_command("import_offers", write_csv([HEADER]))
    assert result.ok and "Angelegt: 0" in result.out


def test_missing_file(run_command, tmp_path):
    result = run_command("import_offers", tmp_path / "nope.csv")
    assert not result.ok and "lässt sich nicht öffnen" in result.err


@pytest.mark.parametrize(("cost", "free", "text"), [
    ("", True, ""), ("kostenlos", True, ""), ("Gratis", True, ""), ("0", True, ""), ("frei", True, ""),
    ("0,00 €", True, ""), ("5 € pro Monat", False, "5 € pro Monat"),
])
def test_cost(run_command, write_csv, cost, free, text):
    assert run_command("import_offers", write_csv([HEADER, row(cost=cost)])).ok
    offer = Offer.objects.get()
    assert (offer.is_free, offer.cost) == (free, text)


def test_formula_apostrophe_is_removed_on_import(run_command, write_csv):
    path = write_csv([HEADER, row(title="'=Kurs", contact_phone="'+49 2365 1")])
    assert run_command("import_offers", path).ok
    offer = Offer.objects.get()
    assert offer.title == "=Kurs" and offer.contacts.get().phone == "+49 2365 1"
    path = write_csv([HEADER, row(title="'s Lädchen")], name="b.csv")
    assert run_command("import_offers", path).ok
    assert Offer.objects.get().title == "'s Lädchen"  # a normal apostrophe stays


def test_plan_and_apply(db, tmp_path):
    from exchange.importer import apply_import, plan_import

    shutil.copy(DATA / "offers_comma.csv", tmp_path / "a.csv")
    with open(tmp_path / "a.csv", "rb") as upload:
        plan = plan_import(upload)
    assert plan.errors == []
    assert [(r.line, r.action) for r in plan.rows] == [(2, "created"), (3, "created"), (4, "created")]
    assert Offer.objects.count() == 0
    result = apply_import(plan)
    assert result.committed and result.stats.created == 3
    assert [r.action for r in plan_import((tmp_path / "a.csv").read_bytes(), "a.csv").rows] == [
        "unchanged"] * 3


def test_synthetic_file_of_500_rows(db, tmp_path):
    from exchange.importer import run_import
    from exchange.synthetic import write_synthetic_csv

    write_synthetic_csv(tmp_path / "s.csv", 500)
    result = run_import(tmp_path / "s.csv")
    assert result.ok and result.committed, result.messages()[:5]
    assert result.stats.created == 500 and Offer.objects.published().count() == 500
    again = run_import(tmp_path / "s.csv")
    assert again.stats.unchanged == 500


def test_imported_offers_are_found_by_the_search(run_command):
    from search.engine import search_offers
    from search.params import SearchParams

    assert run_command("import_offers", DATA / "offers_comma.csv").ok
    found = search_offers(SearchParams(q="Migrationsberatung"))
    assert [offer.external_id for offer in found.offers] == ["beratung-1"]
    found = search_offers(SearchParams(q="Sprachcafe"))
    assert "kurs-2" in [offer.external_id for offer in found.offers]


def test_update_keeps_the_status(run_command, write_csv):
    path = write_csv([HEADER, row()])
    assert run_command("import_offers", path).ok
    Offer.objects.update(status=Offer.Status.ARCHIVED)
    path = write_csv([HEADER, row(title="Neu")], name="b.csv")
    assert run_command("import_offers", path).ok
    offer = Offer.objects.get()
    assert offer.title == "Neu" and offer.status == Offer.Status.ARCHIVED


def test_more_cells_than_headers(run_command, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("title;organisation;city\nKurs; mit Semikolon;Träger;marl\nKurs 2;Träger;marl;\n",
                    encoding="utf-8")
    result = run_command("import_offers", path)
    assert not result.ok
    assert "Zeile 2: Die Zeile hat mehr Zellen als die Kopfzeile (4 statt 3)" in result.err
    assert "Zeile 3" not in result.err  # an empty extra cell is fine


@pytest.mark.parametrize(("free", "cost", "expected"), [
    ("ja", "Spende erwünscht", (True, "Spende erwünscht")),
    ("nein", "", (False, "")),
    ("", "", (True, "")),
])
def test_free_column(run_command, write_csv, free, cost, expected):
    path = write_csv([["title", "organisation", "city", "free", "Kosten"], ["Kurs", "A", "marl", free, cost]])
    assert run_command("import_offers", path).ok
    offer = Offer.objects.get()
    assert (offer.is_free, offer.cost) == expected
