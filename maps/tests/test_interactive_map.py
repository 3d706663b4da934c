"""The interactive map: only with the operator's own tile server, and then with exactly that
origin allowed for images; the places endpoint answers the same search without personal data."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from offers.models import Offer, Place
from taxonomy.models import City

MAP = "/de/angebote/karte/"
PLACES = "/de/angebote/karte/orte.json"
ROOT = Path(__file__).resolve().parents[2]
TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def csp(response):
    return {parts[0]: parts[1:] for parts in
            (d.split() for d in response["Content-Security-Policy"].split(";") if d.strip())}


def settings_csp(**env):
    """CONTENT_SECURITY_POLICY as config/settings.py builds it with these variables."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MAP_TILE")} | env
    done = subprocess.run(
        [sys.executable, "-c", "import json, config.settings as s; "
                               "print(json.dumps(s.CONTENT_SECURITY_POLICY))"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60,
    )
    return done.returncode, (json.loads(done.stdout) if done.returncode == 0 else done.stderr)


@pytest.fixture
def tiles_on(settings):
    settings.MAP_TILE_URL = TILES
    settings.MAP_TILE_ATTRIBUTION = "© Kartendaten: Beispiel"
    policy = json.loads(json.dumps(django_settings.CONTENT_SECURITY_POLICY))
    policy["DIRECTIVES"]["img-src"].append("https://tiles.example.org")
    settings.CONTENT_SECURITY_POLICY = policy


@pytest.fixture
def offers(make_offer, make_contact):
    marl, herten = City.objects.get(slug="marl"), City.objects.get(slug="herten")
    contact = make_contact(name="Erika Beispiel", email="erika@example.org", phone="02361 123-45")
    course = make_offer(title="Deutschkurs", cities=["marl"], topics=["sprache"], contacts=[contact])
    Place.objects.create(offer=course, name="Stadtteilzentrum Hüls", street="Victoriastraße 1",
                         postcode="45772", city=marl, latitude=51.6801, longitude=7.0859)
    Place.objects.create(offer=course, name="Ohne Koordinaten", postcode="45768", city=marl)
    job = make_offer(title="Bewerbungstraining", cities=["herten"], topics=["arbeit"])
    Place.objects.create(offer=job, name="Rathaus Herten", postcode="45699", city=herten,
                         latitude=51.5958, longitude=7.1411)
    draft = make_offer(title="Entwurf", cities=["marl"], status=Offer.Status.DRAFT)
    Place.objects.create(offer=draft, name="Geheim", postcode="45768", city=marl,
                         latitude=51.65, longitude=7.09)
    return course, job


def test_without_a_tile_server_nothing_of_leaflet_is_referenced(client, offers):
    response = client.get(MAP)
    html = response.content.decode()
    assert "leaflet" not in html.lower() and "map.js" not in html and 'id="live-map"' not in html
    assert csp(response)["img-src"] == ["'self'", "data:"]
    assert client.get(PLACES).status_code == 200  # harmless, but nothing links to it


def test_without_the_setting_the_policy_is_unchanged():
    code, policy = settings_csp()
    assert code == 0, policy
    assert policy["DIRECTIVES"]["img-src"] == ["'self'", "data:"]


def test_the_setting_allows_exactly_the_tile_origin_for_images_and_nothing_else():
    code, policy = settings_csp(MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    assert code == 0, policy
    _code, plain = settings_csp()
    assert policy["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]
    assert {k: v for k, v in policy["DIRECTIVES"].items() if k != "img-src"} == {
        k: v for k, v in plain["DIRECTIVES"].items() if k != "img-src"}


def test_a_tile_url_that_is_no_http_address_stops_the_start():
    code, error = settings_csp(MAP_TILE_URL="javascript:alert(1)")
    assert code != 0 and "MAP_TILE_URL" in error


def test_with_a_tile_server_the_page_loads_our_leaflet_and_map_script(client, offers, tiles_on):
    response = client.get(f"{MAP}?topic=sprache&merk=4")
    html = response.content.decode()
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/map.js" defer></script>' in html
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert f'data-places="{PLACES}?topic=sprache"' in html
    assert "https://tiles.example.org" in csp(response)["img-src"]
    # the SVG map stays, for visitors without JavaScript
    assert 'class="district-map__svg"' in html


def test_the_places_are_those_of_the_matching_offers_with_coordinates(client, offers):
    data = client.get(PLACES).json()
    assert {(p["title"], p["place"]) for p in data["places"]} == {
        ("Deutschkurs", "Stadtteilzentrum Hüls"), ("Bewerbungstraining", "Rathaus Herten")}
    assert data["count"] == 2 and data["truncated"] is False
    course = offers[0]
    hüls = next(p for p in data["places"] if p["place"] == "Stadtteilzentrum Hüls")
    assert hüls == {"lat": 51.6801, "lon": 7.0859, "title": "Deutschkurs",
                    "place": "Stadtteilzentrum Hüls", "city": "Marl", "url": f"/de/angebote/{course.pk}/"}


@pytest.mark.parametrize("query, titles", [
    ("topic=arbeit", {"Bewerbungstraining"}),
    ("city=marl", {"Deutschkurs"}),
    ("q=Deutschkurs", {"Deutschkurs"}),
    ("city=datteln", set()),
    ("city=atlantis&free=vielleicht", {"Deutschkurs", "Bewerbungstraining"}),
])
def test_the_places_follow_the_filters(client, offers, query, titles):
    response = client.get(f"{PLACES}?{query}")
    assert response.status_code == 200
    assert {p["title"] for p in response.json()["places"]} == titles


def test_the_places_carry_no_contact_data_and_set_no_cookie(client, offers):
    response = client.get(PLACES)
    body = response.content.decode()
    for private in ("erika", "02361", "Victoriastraße", "Geheim", "Entwurf"):
        assert private not in body
    assert not response.cookies


def test_the_place_list_is_bounded(client, offers, monkeypatch):
    from maps import places

    monkeypatch.setattr(places, "MAX_PLACES", 1)
    monkeypatch.setattr(places.places, "__defaults__", (1,))
    data = client.get(PLACES).json()
    assert data["count"] == 1 and data["truncated"] is True


def test_exactly_as_many_places_as_the_limit_are_not_truncated(client, offers, monkeypatch):
    from maps import places

    everything = client.get(PLACES).json()
    monkeypatch.setattr(places.places, "__defaults__", (everything["count"],))
    data = client.get(PLACES).json()
    assert data["count"] == everything["count"] and data["truncated"] is False
