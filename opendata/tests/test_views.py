"""The open-data page and the downloads under /daten/."""

import json
import zipfile
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation

from opendata import store


def test_the_open_data_page_explains_licence_files_sizes_date_and_apis(client, open_data_dir, world,
                                                                       settings):
    settings.OPEN_DATA_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    settings.OPEN_DATA_PUBLISHER = "Kreis Recklinghausen, Kommunales Integrationszentrum"
    response = client.get(reverse("opendata:index"))
    translation.activate("de")
    page = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in page
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in page
    assert "Kreis Recklinghausen, Kommunales Integrationszentrum" in page
    for href in ("/daten/offene-daten.zip", "/daten/datapackage.json", "/daten/offers.json",
                 "/daten/offers.csv", "/daten/contacts.csv", "/daten/offer_translations.csv",
                 reverse("api:index"), "/api/hsds/"):
        assert f'href="{href}"' in page, href
    assert "UTF-8" in page and "Komma" in page
    assert "1 Angebot" in page  # the date line counts the offers in the package
    assert "KB" in page or "Bytes" in page  # sizes


def test_the_open_data_page_works_in_arabic(client, open_data_dir, world):
    response = client.get("/ar/offene-daten/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_the_footer_links_the_open_data_page(client, open_data_dir):
    page = client.get(reverse("pages:impressum")).content.decode()
    assert f'href="{reverse("opendata:index")}"' in page


@pytest.mark.parametrize(("url", "content_type", "disposition"), [
    ("/daten/offers.csv", "text/csv; charset=utf-8", 'attachment; filename="offers.csv"'),
    ("/daten/offene-daten.zip", "application/zip", 'attachment; filename="offene-daten.zip"'),
    ("/daten/datapackage.json", "application/json; charset=utf-8", 'inline; filename="datapackage.json"'),
    ("/daten/offers.json", "application/json; charset=utf-8", 'inline; filename="offers.json"'),
])
def test_downloads_are_open_cacheable_and_set_no_cookie(client, open_data_dir, world, url, content_type,
                                                        disposition):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == disposition
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"].strip('W/"') and response["Last-Modified"].endswith("GMT")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")  # the same file in every language
    assert b"".join(response.streaming_content)


def test_a_known_etag_or_date_answers_not_modified(client, open_data_dir, world):
    first = client.get("/daten/offers.csv")
    again = client.get("/daten/offers.csv", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert client.get("/daten/offers.csv", headers={"If-None-Match": '"anders"'}).status_code == 200
    since = client.get("/daten/offers.csv", headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_the_etag_changes_with_the_data(client, open_data_dir, world):
    before = client.get("/daten/offers.csv")["ETag"]
    world["offer"].title = "Sprachcafé Marl (neu)"
    world["offer"].save()
    response = client.get("/daten/offers.csv", headers={"If-None-Match": before})
    assert response.status_code == 200 and response["ETag"] != before
    assert "Sprachcafé Marl (neu)" in b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("url", ["/daten/gibt_es_nicht.csv", "/daten/manifest.json", "/daten/.lock",
                                 "/daten/../config/settings.py", "/daten/offers.xlsx"])
def test_unknown_or_internal_files_are_not_found(client, open_data_dir, world, url):
    assert client.get(url).status_code == 404


def test_downloads_refuse_writing_methods(client, open_data_dir, world):
    assert client.post("/daten/offers.csv").status_code == 405


def test_the_zip_download_holds_the_package(client, open_data_dir, world):
    response = client.get("/daten/offene-daten.zip")
    with zipfile.ZipFile(BytesIO(b"".join(response.streaming_content))) as archive:
        package = json.loads(archive.read("datapackage.json"))
        assert archive.read("offers.csv").startswith(b"id,external_id,title")
    assert package["name"] == "integrationsangebote-kreis-recklinghausen"


def test_head_requests_are_answered_without_generating_twice(client, open_data_dir, world):
    start = store.generated
    assert client.head("/daten/datapackage.json").status_code == 200
    assert client.get("/daten/datapackage.json").status_code == 200
    assert store.generated - start == 1
