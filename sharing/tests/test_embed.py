"""/embed/: the search for other websites' frames; who may frame it; nothing else may be framed."""

import html
import re

import pytest

from offers.models import Offer

EMBED = "/de/embed/"


def hrefs(page):
    return [html.unescape(h) for h in re.findall(r'<a [^>]*href="([^"]+)"', page)]


def anchors(page):
    return re.findall(r"<a [^>]*>", page)


@pytest.fixture
def marl(make_offer, make_contact):
    contact = make_contact(name="Erika Beispiel", phone="02365 111")
    offers = [make_offer(f"Kurs Marl {n:02d}", cities=["marl"], contacts=[contact]) for n in range(22)]
    make_offer("Kurs Dorsten", cities=["dorsten"])
    return offers


@pytest.fixture
def city_site(settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.marl.example.de", "https://www.kreis-re.example.de"]


def frame_ancestors(response):
    return re.search(r"frame-ancestors ([^;]+)", response["Content-Security-Policy"]).group(1)


@pytest.mark.parametrize("cached", [False, True])
def test_embed_pages_may_be_framed_by_the_listed_sites(client, marl, city_site, cached):
    for url in (EMBED + "?city=marl", f"/de/embed/angebote/{marl[0].pk}/"):
        if cached:
            client.get(url)
        response = client.get(url)
        assert response.status_code == 200
        assert frame_ancestors(response) == "'self' https://www.marl.example.de https://www.kreis-re.example.de"
        assert "X-Frame-Options" not in response
        assert not response.cookies


@pytest.mark.parametrize("url", ["/de/angebote/", "/de/merkliste/", "/de/einbinden/", "/de/",
                                 "/ar/angebote/"])
def test_every_other_page_still_refuses_to_be_framed(client, marl, city_site, url):
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "'none'"


def test_the_offer_page_refuses_to_be_framed(client, marl, city_site):
    response = client.get(f"/de/angebote/{marl[0].pk}/")
    assert response["X-Frame-Options"] == "DENY" and frame_ancestors(response) == "'none'"


def test_with_the_default_setting_only_this_site_may_frame_the_embed(client, marl, settings):
    settings.EMBED_FRAME_ANCESTORS = ["'self'"]
    assert frame_ancestors(client.get(EMBED)) == "'self'"
    settings.EMBED_FRAME_ANCESTORS = ["'none'"]
    assert frame_ancestors(client.get(EMBED + "?q=x")) == "'self'"  # the /einbinden/ preview still works


def test_the_embed_has_no_site_chrome_but_a_link_to_the_whole_site(client, marl):
    page = client.get(EMBED + "?city=marl").content.decode()
    assert "site-header" not in page and "site-footer" not in page and "Hauptnavigation" not in page
    assert "Impressum" not in page and "Merken" not in page
    assert ('<a href="/de/angebote/?city=marl" target="_blank" rel="noopener">Alle Angebote auf '
            "Integrationsangebote im Kreis Recklinghausen") in page
    assert 'class="language-switcher"' in page and 'href="/ar/embed/?city=marl"' in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_preset_filter_from_the_url_is_kept_in_every_link(client, marl):
    page = client.get(EMBED + "?city=marl").content.decode()
    assert "22 Angebote gefunden" in page and "Kurs Dorsten" not in page
    cards = re.findall(r'class="card__title"><a href="([^"]+)"', page)
    assert len(cards) == 20
    assert all(re.fullmatch(r"/de/embed/angebote/\d+/\?city=marl", html.unescape(c)) for c in cards)
    assert 'href="/de/embed/?city=marl&amp;page=2"' in page
    assert page.count('action="/de/embed/"') == 2  # the query box and the filters
    assert '<input type="hidden" name="city" value="marl">' in page  # kept by the query box


def test_no_link_in_the_frame_leads_to_a_page_that_may_not_be_framed(client, marl):
    """Inside a frame, a page with frame-ancestors 'none' would stay blank: such links open a tab."""
    offer_page = client.get(f"/de/embed/angebote/{marl[0].pk}/?city=marl&page=2").content.decode()
    for page in (client.get(EMBED + "?city=marl&free=true").content.decode(), offer_page):
        for tag in anchors(page):
            href = html.unescape(re.search(r'href="([^"]+)"', tag).group(1))
            if href.startswith(("tel:", "mailto:")):
                continue
            framed = re.match(r"^/[a-z]{2}/embed/", href)
            assert framed or ('target="_blank"' in tag and 'rel="noopener"' in tag), tag


def test_the_embedded_offer_shows_contacts_places_and_a_way_back(client, marl):
    offer = marl[0]
    page = client.get(f"/de/embed/angebote/{offer.pk}/?city=marl&page=2").content.decode()
    assert "<h1>Kurs Marl 00</h1>" in page
    assert "Erika Beispiel" in page and "02365 111" in page
    assert 'href="/de/embed/?city=marl&amp;page=2">‹ Zurück zur Übersicht' in page
    assert f'href="/de/angebote/{offer.pk}/" target="_blank" rel="noopener">Auf der Website öffnen' in page


def test_an_unpublished_offer_is_not_shown_in_the_embed(client, make_offer):
    draft = make_offer("Entwurf", status=Offer.Status.DRAFT)
    assert client.get(f"/de/embed/angebote/{draft.pk}/").status_code == 404


def test_the_embed_speaks_the_language_of_its_url(client, marl):
    page = client.get("/ar/embed/?city=marl").content.decode()
    assert 'lang="ar" dir="rtl"' in page and 'href="/ar/embed/angebote/' in page


def test_the_embed_without_a_language_goes_to_one_keeping_its_filters(client):
    response = client.get("/embed/?city=marl", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302 and response["Location"] == "/de/embed/?city=marl"
    assert not response.cookies


def test_bad_search_parameters_in_the_embed_are_dropped(client, marl):
    response = client.get(EMBED, {"city": "atlantis", "page": "x", "sort": "<b>", "free": "vielleicht"})
    assert response.status_code == 200 and "23 Angebote gefunden" in response.content.decode()
