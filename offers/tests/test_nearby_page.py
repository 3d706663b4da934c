"""The results page near a postcode: the "In der Nähe" fields, chip, distances, messages, hints."""

import re

import pytest

from offers.models import Place
from taxonomy.models import City

SEARCH = "/de/angebote/"
HUELS = (51.6745, 7.1160)  # 2.7 km from Marl's centre
DORSTEN = (51.6604, 6.9646)  # 8.7 km


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def offers(make_offer):
    huels = make_offer(title="Treff Hüls", cities=["marl"])
    dorsten = make_offer(title="Kurs Dorsten", cities=["dorsten"])
    make_offer(title="Online-Beratung", cities=["marl"], is_online=True)
    Place.objects.create(offer=huels, city=City.objects.get(slug="marl"), name="Stadtteilzentrum Hüls",
                         latitude=HUELS[0], longitude=HUELS[1])
    Place.objects.create(offer=dorsten, city=City.objects.get(slug="dorsten"), name="Rathaus",
                         latitude=DORSTEN[0], longitude=DORSTEN[1])
    return huels, dorsten


def test_a_radius_search_lists_the_near_offers_nearest_first_with_their_distance(client, offers):
    html = client.get(SEARCH, {"near": "45768", "radius": "10"}).content.decode()
    assert re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html) == [
        "Treff Hüls", "Kurs Dorsten"]
    assert "2,7 km entfernt: <bdi>Stadtteilzentrum Hüls</bdi>" in html
    assert "8,7 km entfernt: <bdi>Rathaus</bdi>" in html
    assert "2 Angebote gefunden" in html
    # distance is the default order without a query, and offered as a choice
    assert '<option value="distance" selected>Entfernung</option>' in html
    assert "Online-Angebote haben keinen Ort" in html


def test_the_radius_narrows_the_results_and_the_counts(client, offers):
    html = client.get(SEARCH, {"near": "45768", "radius": "5"}).content.decode()
    assert titles_of(html) == ["Treff Hüls"]
    assert re.search(r'<label for="f-city-marl">Marl <span class="count">\(1\)', html)
    assert re.search(r'<label for="f-city-dorsten">Dorsten <span class="count">\(0\)', html)


def titles_of(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_fieldset_is_labelled_and_keeps_the_values(client, offers):
    html = client.get(SEARCH, {"near": "45768", "radius": "10"}).content.decode()
    assert "<legend>In der Nähe</legend>" in html
    assert '<label for="f-near">Postleitzahl oder Stadt</label>' in html
    field = re.search(r'<input type="text" id="f-near"[^>]*>', html).group(0)
    # a city name ("Marl") is allowed too, so phones must offer letters, not a number pad
    assert 'value="45768"' in field and 'inputmode' not in field
    assert 'autocomplete="postal-code"' in field
    assert '<option value="10" selected>10 km</option>' in html


def test_the_chip_removes_the_radius_and_links_keep_it(client, offers, make_offer):
    html = client.get(SEARCH, {"near": "45768", "radius": "10", "q": "Kurs"}).content.decode()
    assert "Umkreis 10 km um 45768" in html
    chip = re.search(r'<a class="chip" href="([^"]+)">Umkreis 10 km um 45768', html).group(1)
    assert "near" not in chip and "q=Kurs" in chip
    # the search box carries the radius as hidden fields
    assert '<input type="hidden" name="near" value="45768">' in html
    assert '<input type="hidden" name="radius" value="10">' in html
    # the Merken links of the cards keep it too
    merk = re.search(r'class="merk-control__link" href="([^"]+)"', html).group(1)
    assert "near=45768" in merk and "radius=10" in merk


def test_pagination_keeps_the_radius(client, settings, make_offer):
    settings.SEARCH_PAGE_SIZE = 1
    for title in ("A", "B"):
        offer = make_offer(title=title)
        Place.objects.create(offer=offer, city=City.objects.get(slug="marl"),
                             latitude=HUELS[0], longitude=HUELS[1])
    html = client.get(SEARCH, {"near": "45768"}).content.decode()
    assert re.search(r'href="[^"]*near=45768&amp;radius=5[^"]*page=2"', html)


def test_a_postcode_outside_the_district_is_explained_next_to_the_field(client, offers):
    html = client.get(SEARCH, {"near": "45127", "radius": "5"}).content.decode()
    assert '<p class="errorlist" id="f-near-error">45127 liegt nicht im Kreis Recklinghausen.</p>' in html
    assert 'aria-invalid="true"' in html
    assert 'value="45127"' in html  # kept, to be corrected
    assert "3 Angebote gefunden" in html  # the search still works, without the radius
    assert '<details class="filters" id="filter-panel" open>' in html


def test_a_malformed_postcode_asks_for_five_digits(client, offers):
    html = client.get(SEARCH, {"near": "457"}).content.decode()
    assert "Bitte eine fünfstellige Postleitzahl angeben." in html


def test_a_radius_without_a_place_is_explained(client, offers):
    html = client.get(SEARCH, {"radius": "5"}).content.decode()
    assert "Für einen Umkreis bitte eine Postleitzahl oder einen Ort angeben." in html
    # the form itself always sends both fields: an empty postcode is simply no radius search
    html = client.get(SEARCH, {"near": "", "radius": "5"}).content.decode()
    assert "errorlist" not in html and "3 Angebote gefunden" in html


def test_the_message_is_not_served_from_the_cache_of_the_plain_search(client, offers, settings):
    settings.DEBUG = False
    client.get(SEARCH)
    assert "liegt nicht im Kreis" in client.get(SEARCH, {"near": "45127"}).content.decode()


@pytest.mark.parametrize("path", [SEARCH, "/de/angebote/karte/"])
def test_one_visitors_rejected_input_is_never_shown_to_the_next(client, offers, settings, path):
    """Both postcodes get the same message, but each page must show its own input again."""
    settings.DEBUG = False
    first = client.get(path, {"near": "Call 0900-123 for help"}).content.decode()
    assert 'value="Call 0900-123 for help"' in first
    second = client.get(path, {"near": "4576"}).content.decode()
    assert 'value="4576"' in second and "0900-123" not in second


def test_an_empty_radius_search_suggests_a_larger_radius(client, offers):
    html = client.get(SEARCH, {"near": "45768", "radius": "2"}).content.decode()
    assert "Keine Angebote gefunden" in html
    hint = re.search(r'<a href="([^"]+)">im Umkreis von 5 km statt 2 km</a> – 1 Angebot', html)
    assert hint and "radius=5" in hint.group(1)
    assert re.search(r">ohne den Umkreis um 45768</a> – 3 Angebote", html)


def test_the_distance_sort_is_offered_only_near_a_place(client, offers):
    html = client.get(SEARCH).content.decode()
    assert 'value="distance"' not in html
    html = client.get(SEARCH, {"near": "Marl", "q": "Kurs"}).content.decode()
    assert '<option value="relevance" selected>Relevanz</option>' in html
    assert '<option value="distance">Entfernung</option>' in html


def test_distances_use_the_pages_number_format(client, offers):
    html = client.get("/en/angebote/", {"near": "45768", "radius": "10"}).content.decode()
    assert "2.7 km" in html


def test_feeds_and_the_embed_keep_the_radius(client, offers):
    html = client.get(SEARCH, {"near": "45768", "radius": "10"}).content.decode()
    feed = re.search(r'<a href="([^"]+)" type="application/atom\+xml">', html).group(1)
    assert "near=45768" in feed and "radius=10" in feed
    feed_xml = client.get(feed.replace("&amp;", "&")).content.decode()
    assert "Treff Hüls" in feed_xml and "Online-Beratung" not in feed_xml
    embed = client.get("/de/embed/", {"near": "45768", "radius": "5"}).content.decode()
    assert titles_of(embed) == ["Treff Hüls"] and "Umkreis 5 km um 45768" in embed
