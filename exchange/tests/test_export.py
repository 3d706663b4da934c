import csv
import datetime

import pytest

from offers.models import Offer, Place
from providers.models import Contact, Organisation
from taxonomy.models import City


def snapshot():
    """Every imported/exported fact of every offer, keyed by external_id."""
    result = {}
    for offer in Offer.objects.all():
        place = offer.places.order_by("id").first()
        contact = offer.contacts.order_by("id").first()
        result[offer.external_id] = {
            "title": offer.title, "summary": offer.summary, "description": offer.description,
            "organisation": offer.organisation.name, "status": offer.status,
            "cities": sorted(offer.cities.values_list("slug", flat=True)),
            "topics": sorted(offer.topics.values_list("slug", flat=True)),
            "target_groups": sorted(offer.target_groups.values_list("slug", flat=True)),
            "languages": sorted(offer.languages.values_list("slug", flat=True)),
            "is_free": offer.is_free, "cost": offer.cost, "website": offer.website,
            "last_verified": offer.last_verified,
            "place": (place.street, place.postcode, place.city.slug) if place else None,
            "contact": (contact.name, contact.phone, contact.email, contact.consent_given_on)
            if contact else None,
        }
    return result


@pytest.fixture
def offers(make_offer, make_organisation, make_contact):
    caritas = make_organisation(name="Caritasverband Marl")
    erika = make_contact(organisation=caritas, name="Erika Beispiel", phone="+49 2365 12345")
    marl = City.objects.get(slug="marl")
    first = make_offer(title="Deutschkurs für Frauen", organisation=caritas, external_id="a-1",
                       cities=("marl", "dorsten"), topics=("sprache", "frauen"),
                       target_groups=("frauen",), languages=("de", "ar"), contacts=[erika],
                       summary="Kurs am Vormittag", description="Zeile eins\nZeile zwei; mit Semikolon",
                       is_free=True, website="https://example.org/a")
    Place.objects.create(offer=first, street="Hauptstraße 1", postcode="45768", city=marl)
    second = make_offer(title="=HYPERLINK(\"http://evil.example\")", organisation=caritas,
                        external_id="a-2", summary="-5 % für Mitglieder", cost="@ 5 € im Monat",
                        is_free=False, last_verified=None, cities=("kreisweit",), topics=())
    draft = make_offer(title="Entwurf", external_id="a-3", status=Offer.Status.DRAFT)
    return first, second, draft


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=";"))


def test_export_csv_columns_and_values(run_command, offers, tmp_path):
    path = tmp_path / "out.csv"
    result = run_command("export_offers", path)
    assert result.ok and "2 Angebote" in result.out
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    header, *rows = read_csv(path)
    assert header[:4] == ["external_id", "title", "summary", "description"]
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    assert set(by_id) == {"a-1", "a-2"}  # published only
    first = by_id["a-1"]
    assert first["city"] == "marl; dorsten"  # the place's city first
    assert first["topics"] == "sprache; frauen"
    assert first["languages"] == "de; ar"
    assert first["last_verified"] == "2026-10-01"
    assert first["free"] == "ja" and first["cost"] == ""
    assert first["contact_phone"] == "'+49 2365 12345"
    assert first["contact_consent"] == "2026-01-15"
    assert first["description"] == "Zeile eins\nZeile zwei; mit Semikolon"


def test_formula_injection_is_neutralised(run_command, offers, tmp_path):
    path = tmp_path / "out.csv"
    run_command("export_offers", path)
    header, *rows = read_csv(path)
    second = dict(zip(header, next(r for r in rows if r[0] == "a-2"), strict=True))
    assert second["title"] == "'=HYPERLINK(\"http://evil.example\")"
    assert second["summary"] == "'-5 % für Mitglieder"
    assert second["cost"] == "'@ 5 € im Monat"


def test_all_and_german_headers(run_command, offers, tmp_path):
    path = tmp_path / "out.csv"
    assert run_command("export_offers", path, "--all", "--german-headers").ok
    header, *rows = read_csv(path)
    assert header[:3] == ["Externe ID", "Titel", "Kurzbeschreibung"] and "Träger" in header
    assert len(rows) == 3


@pytest.mark.parametrize(("name", "options"), [
    ("out.csv", []), ("out.xlsx", []), ("out.csv", ["--german-headers"]),
    ("out.dat", ["--format", "xlsx"]), ("out.csv", ["--delimiter", ","]),
])
def test_round_trip_into_an_empty_database(run_command, offers, tmp_path, name, options):
    before = snapshot()
    del before["a-3"]  # drafts are not exported by default
    path = tmp_path / name
    assert run_command("export_offers", path, *options).ok
    Place.objects.all().delete()  # first, so no place signal touches a deleted offer
    Offer.objects.all().delete()
    Contact.objects.all().delete()
    Organisation.objects.all().delete()
    result = run_command("import_offers", path)
    assert result.ok, result.text
    after = snapshot()
    # The import reads the consent date too, so even the contact comes back the same.
    assert after == before


def test_reimport_of_an_export_changes_nothing(run_command, offers, tmp_path, make_offer):
    for n in range(30):
        make_offer(title=f"Angebot {n}", external_id=f"b-{n}", cities=("herten",),
                   last_verified=datetime.date(2026, 1, 1))
    before = snapshot()
    for name in ("out.csv", "out.xlsx"):
        path = tmp_path / name
        assert run_command("export_offers", path, "--all").ok
        result = run_command("import_offers", path)
        assert result.ok, result.text
        assert "Angelegt: 0, aktualisiert: 0, unverändert: 33" in result.out
    assert snapshot() == before  # the draft stays a draft: updates keep the status


def test_export_streams_in_chunks(offers, django_assert_max_num_queries):
    from exchange.export import iter_offer_rows

    with django_assert_max_num_queries(30):
        rows = list(iter_offer_rows(include_all=True, chunk_size=1))
    assert len(rows) == 3
