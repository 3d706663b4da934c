"""Staff export of a search result (CSV/XLSX in the import format) and its links on the results page."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from exchange.importer import run_import

EXPORT = "/de/redaktion/export/"


def export_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def offers(make_offer):
    return [make_offer(title=title, external_id=f"e-{n}", cities=(city,))
            for n, (title, city) in enumerate([("Beta Deutschkurs", "marl"), ("Alpha Deutschkurs", "dorsten"),
                                               ("Gamma Nähtreff", "marl")])]


def test_an_editor_exports_exactly_the_offers_of_the_search_in_its_order(client, editor, offers):
    client.force_login(editor)
    response = client.get(EXPORT, {"city": "marl", "sort": "title", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="angebote-2026-11-25.csv"'
    assert response["Cache-Control"] == "private, no-store"
    header, *rows = export_rows(response)
    assert header[:2] == ["Externe ID", "Titel"]
    assert [row[1] for row in rows] == ["Beta Deutschkurs", "Gamma Nähtreff"]
    everything = export_rows(client.get(EXPORT, {"sort": "title", "format": "csv"}))
    assert [row[1] for row in everything[1:]] == ["Alpha Deutschkurs", "Beta Deutschkurs", "Gamma Nähtreff"]


def test_the_export_holds_all_matches_not_only_one_page(client, editor, make_offer, settings):
    settings.SEARCH_PAGE_SIZE = 2
    for n in range(5):
        make_offer(title=f"Kurs {n}")
    client.force_login(editor)
    rows = export_rows(client.get(EXPORT, {"page": "2", "format": "csv"}))
    assert len(rows) == 1 + 5


def test_an_export_imports_again_without_changes(client, editor, offers, tmp_path):
    client.force_login(editor)
    for fmt in ("csv", "xlsx"):
        response = client.get(EXPORT, {"format": fmt})
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(b"".join(response.streaming_content))
        result = run_import(path, dry_run=True)
        assert result.ok, result.messages()
        assert (result.stats.unchanged, result.stats.created, result.stats.updated) == (3, 0, 0), fmt


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_neutralised_in_csv_and_xlsx(client, editor, make_offer, start):
    make_offer(title=f"{start}HYPERLINK(\"https://evil.example\",\"Klick\")", summary=f"{start}2+3")
    client.force_login(editor)
    [_header, row] = export_rows(client.get(EXPORT, {"format": "csv"}))
    assert row[1].startswith("'" + start) and row[2] == f"'{start}2+3"
    response = client.get(EXPORT, {"format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="angebote-2026-11-25.xlsx"'
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    start = start.replace("\r", "\n")  # XML (inside XLSX) stores a carriage return as a line feed
    assert cells[1][1].startswith("'" + start) and cells[1][2] == f"'{start}2+3"


@pytest.mark.parametrize("value", ["pdf", "", "CSV;DROP", "x" * 300])
def test_an_unknown_format_gets_a_clear_error_page(client, editor, offers, value):
    client.force_login(editor)
    response = client.get(EXPORT, {"format": value, "q": "Kurs"})
    translation.activate("de")
    assert response.status_code == 400
    assert "ist kein Exportformat. Möglich sind CSV und XLSX." in response.content.decode()


def test_without_format_the_export_is_csv_and_bad_filters_are_dropped_like_on_the_page(
        client, editor, offers):
    client.force_login(editor)
    response = client.get(EXPORT, {"city": "atlantis", "sort": "bogus", "page": "x"})
    assert response.status_code == 200
    assert len(export_rows(response)) == 1 + 3


def test_providers_may_not_export_and_visitors_are_sent_to_the_login(client, provider, offers):
    response = client.get(EXPORT, {"format": "csv"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    client.force_login(provider)
    assert client.get(EXPORT, {"format": "csv"}).status_code == 403


# --- the links on the results page -----------------------------------------------------------

def test_editors_see_export_links_for_the_whole_search_on_the_results_page(client, editor, offers):
    client.force_login(editor)
    response = client.get(reverse("offers:search"), {"q": "Deutschkurs", "city": "marl", "page": "1"})
    translation.activate("de")
    page = response.content.decode()
    assert "Ergebnis exportieren:" in page
    assert f'href="{EXPORT}?q=Deutschkurs&amp;city=marl&amp;format=csv"' in page
    assert f'href="{EXPORT}?q=Deutschkurs&amp;city=marl&amp;format=xlsx"' in page


def test_visitors_and_providers_never_see_the_links_even_after_an_editor_opened_the_page(
        client, editor, provider, offers, settings):
    settings.DEBUG = False  # the results page cache is on
    url = reverse("offers:search") + "?q=Nähtreff"
    client.force_login(editor)
    assert "Ergebnis exportieren" in client.get(url).content.decode()
    client.logout()
    anonymous = client.get(url)
    assert "Ergebnis exportieren" not in anonymous.content.decode()
    assert not anonymous.cookies  # no cookie for visitors
    client.force_login(provider)
    assert "Ergebnis exportieren" not in client.get(url).content.decode()
    # and the other way round: a cached visitor's page does not hide them from editors
    client.force_login(editor)
    assert "Ergebnis exportieren" in client.get(url).content.decode()


def test_a_visitor_without_cookie_gets_the_results_page_without_any_cookie(client, offers):
    response = client.get(reverse("offers:search"), {"q": "Kurs"})
    assert response.status_code == 200
    assert not response.cookies
    assert "Ergebnis exportieren" not in response.content.decode()
