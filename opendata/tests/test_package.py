"""The open-data package: valid for the reference validator, only public data, neutralised CSV."""

import csv
import io
import json
import zipfile

import pytest
from frictionless import validate

from opendata import store
from opendata.build import csv_text


def read_csv(generation, name):
    with open(generation.path(name), encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def all_text(generation):
    """Every file of the package (the ZIP unpacked) as one string."""
    texts = []
    for name in generation.files:
        if name.endswith(".zip"):
            with zipfile.ZipFile(generation.path(name)) as archive:
                texts += [archive.read(member).decode() for member in archive.namelist()]
        else:
            texts.append(generation.path(name).read_text(encoding="utf-8"))
    return "\n".join(texts)


def test_the_reference_validator_finds_the_package_valid_with_types_keys_sizes_and_hashes(
        open_data_dir, world):
    generation = store.current()
    report = validate(str(generation.path("datapackage.json")))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    tasks = {task.name: task for task in report.tasks}
    assert tasks["offers"].stats["rows"] == 1
    assert tasks["offers-json"].valid


def test_a_broken_foreign_key_is_caught_by_the_validator_so_the_check_means_something(
        open_data_dir, world):
    generation = store.current()
    path = generation.path("offer_topics.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].split(",")[0] + ",gibt-es-nicht"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    package = json.loads(generation.path("datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == "offer_topics":
            del resource["hash"], resource["bytes"]
    generation.path("datapackage.json").write_text(json.dumps(package))
    report = validate(str(generation.path("datapackage.json")))
    assert not report.valid
    tasks = {task.name: task for task in report.tasks}
    assert [error.type for error in tasks["offer_topics"].errors] == ["foreign-key"]


def test_the_package_describes_every_file_with_licence_publisher_and_schema(open_data_dir, world, settings):
    settings.OPEN_DATA_LICENCE = "Creative Commons Namensnennung 4.0"
    settings.OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPEN_DATA_LICENCE_ID = "CC-BY-4.0"
    settings.OPEN_DATA_PUBLISHER = "Kreis Beispiel"
    package = json.loads(store.current().path("datapackage.json").read_text())
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "Creative Commons Namensnennung 4.0"}]
    assert package["contributors"] == [{"title": "Kreis Beispiel", "role": "publisher"}]
    assert package["homepage"] == "https://angebote.example.org/de/offene-daten/"
    assert package["created"].endswith("Z") and package["version"]
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) >= {"offers", "offer_translations", "organisations", "contacts", "places",
                              "offer_times", "offer_topics", "cities", "topics", "offers-json"}
    offers = resources["offers"]
    assert (offers["format"], offers["mediatype"], offers["encoding"]) == ("csv", "text/csv", "utf-8")
    assert offers["hash"].startswith("sha256:") and offers["bytes"] > 0
    assert offers["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["organisation_id"], "reference": {"resource": "organisations", "fields": ["id"]}} \
        in offers["schema"]["foreignKeys"]
    assert all(field.get("description") for field in offers["schema"]["fields"])


def test_only_offers_the_search_shows_are_in_the_package(open_data_dir, world):
    generation = store.current()
    assert [row["title"] for row in read_csv(generation, "offers.csv")] == ["Sprachcafé Marl"]
    text = all_text(generation)
    for title in ("Alter Kurs", "Beendeter Kurs", "Entwurf"):
        assert title not in text


def test_a_contact_without_consent_never_appears_in_any_file(open_data_dir, world):
    generation = store.current()
    text = all_text(generation)
    assert "Erika Öffentlich" in text
    for secret in ("Gerda Geheim", "gerda.geheim@example.org", "02365 99999"):
        assert secret not in text
    links = read_csv(generation, "offer_contacts.csv")
    assert links == [{"offer_id": str(world["offer"].pk), "contact_id": str(world["public"].pk)}]


def test_tables_hold_places_times_translations_and_links(open_data_dir, world):
    generation = store.current()
    offer_id = str(world["offer"].pk)
    [place] = read_csv(generation, "places.csv")
    assert (place["offer_id"], place["city"], place["latitude"], place["longitude"]) == (
        offer_id, "marl", "51.65", "7.09")
    [time] = read_csv(generation, "offer_times.csv")
    assert (time["weekday"], time["opens_at"], time["closes_at"]) == ("1", "15:00:00", "17:00:00")
    [translation] = read_csv(generation, "offer_translations.csv")
    assert (translation["language"], translation["title"]) == ("ar", "مقهى اللغة")
    assert {row["topic"] for row in read_csv(generation, "offer_topics.csv")} == {"sprache", "kultur"}
    [offer] = read_csv(generation, "offers.csv")
    assert offer["url"] == f"https://angebote.example.org/de/angebote/{offer_id}/"
    assert (offer["is_free"], offer["description"]) == ("true", "Jeden Dienstag.\nOhne Anmeldung.")
    assert {row["slug"] for row in read_csv(generation, "cities.csv")} >= {"marl", "kreisweit"}


def test_the_json_document_nests_everything_about_an_offer(open_data_dir, world):
    data = json.loads(store.current().path("offers.json").read_text(encoding="utf-8"))
    assert data["licenses"][0]["title"] and data["created"]
    [offer] = data["offers"]
    assert offer["organisation"]["name"] == "Caritas Marl"
    assert offer["places"][0]["city"] == {"slug": "marl", "name": "Marl"}
    assert offer["times"] == [{"weekday": 1, "opens_at": "15:00:00", "closes_at": "17:00:00",
                               "note": "nicht in den Ferien"}]
    assert [c["name"] for c in offer["contacts"]] == ["Erika Öffentlich"]
    assert offer["translations"]["ar"]["title"] == "مقهى اللغة"
    assert [t["slug"] for t in offer["topics"]] == ["sprache", "kultur"]


def test_the_zip_holds_every_file_and_the_datapackage(open_data_dir, world):
    generation = store.current()
    with zipfile.ZipFile(generation.path("offene-daten.zip")) as archive:
        names = set(archive.namelist())
        package = json.loads(archive.read("datapackage.json"))
    assert names == {resource["path"] for resource in package["resources"]} | {"datapackage.json"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formula_get_an_apostrophe(
        open_data_dir, make_offer, start):
    title = f"{start}HYPERLINK(\"https://evil.example\")"
    make_offer(title=title, summary=f"{start}1+1 Kurs")
    generation = store.current()
    [row] = read_csv(generation, "offers.csv")
    assert row["title"] == "'" + title
    assert row["summary"] == f"'{start}1+1 Kurs"
    # machines read the JSON: the texts stay exactly as entered
    [offer] = json.loads(generation.path("offers.json").read_text())["offers"]
    assert offer["title"] == title


def test_phone_numbers_and_plain_numbers_stay_unchanged_in_the_open_data_csv():
    assert csv_text("+49 2361 123-45") == "+49 2361 123-45"
    assert csv_text("-5") == "-5"
    assert csv_text("(02361) 12 34 / 56") == "(02361) 12 34 / 56"
    assert csv_text("+49 2361 =A1") == "'+49 2361 =A1"
    assert csv_text("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0"
    assert csv_text("") == ""


def test_csv_is_utf8_without_bom_with_commas_and_a_header(open_data_dir, world):
    raw = store.current().path("organisations.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert header[:3] == ["id", "name", "slug"]
