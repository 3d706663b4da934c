"""Every public page renders, sets no cookie, and keeps to the CSP (nothing inline)."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture
def public_urls(make_offer, make_contact):
    contact = make_contact(name="Erika Beispiel")
    offer = make_offer(title="Deutschkurs für Frauen", contacts=[contact],
                       organisation=contact.organisation)
    return [
        reverse("pages:home"),
        reverse("offers:search"),
        reverse("offers:search") + "?q=deutsch&city=marl&free=true",
        reverse("offers:search") + "?q=gibtesnicht&city=dorsten",
        reverse("offers:detail", args=[offer.pk]),
        reverse("providers:list"),
        reverse("providers:list") + "?q=test",
        reverse("providers:detail", args=[offer.organisation.slug]),
        reverse("providers:contacts"),
        reverse("providers:contacts") + "?q=erika&city=marl",
        reverse("pages:impressum"),
        reverse("pages:datenschutz"),
        reverse("pages:barrierefreiheit"),
        reverse("pages:kontakt"),
        reverse("pages:kontakt") + "?angebot=Deutschkurs&nr=1",
        reverse("pages:leichte_sprache"),
    ]


def assert_clean_html(html):
    assert not INLINE_SCRIPT.search(html), "inline <script> found"
    assert " style=" not in html and "<style" not in html, "inline style found"
    assert not INLINE_HANDLER.search(html), "inline event handler found"
    assert "csrfmiddlewaretoken" not in html


def test_every_public_page_renders_without_setting_a_cookie(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url


def test_no_page_contains_inline_script_or_style(client, public_urls):
    for url in public_urls:
        assert_clean_html(client.get(url).content.decode())


def test_pages_carry_lang_dir_skip_link_and_landmarks(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert '<html lang="de" dir="ltr">' in html, url
        assert 'href="#main"' in html and '<main id="main"' in html, url
        assert "<header" in html and "<nav" in html and "<footer" in html, url
        assert html.count("<h1") == 1, url


def test_pages_are_served_with_a_strict_content_security_policy(client, db):
    policy = client.get(reverse("pages:home")).headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy


def test_the_root_redirects_to_the_german_start_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/de/"


def test_the_urls_have_their_agreed_paths(db):
    assert reverse("pages:home") == "/de/"
    assert reverse("offers:search") == "/de/angebote/"
    assert reverse("offers:detail", args=[7]) == "/de/angebote/7/"
    assert reverse("providers:list") == "/de/anbieter/"
    assert reverse("providers:detail", args=["vhs"]) == "/de/anbieter/vhs/"
    assert reverse("providers:contacts") == "/de/ansprechpersonen/"
    assert reverse("pages:impressum") == "/de/impressum/"
    assert reverse("pages:datenschutz") == "/de/datenschutz/"
    assert reverse("pages:barrierefreiheit") == "/de/barrierefreiheit/"
    assert reverse("pages:kontakt") == "/de/kontakt/"
    assert reverse("pages:leichte_sprache") == "/de/leichte-sprache/"


def test_an_unknown_page_gets_the_friendly_404(client, db):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht" in html
    assert 'action="/de/angebote/"' in html
    assert "Set-Cookie" not in response.headers


def test_the_500_page_renders_without_a_database_or_context(db):
    response = server_error(RequestFactory().get("/de/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Etwas ist schiefgelaufen" in html
    assert_clean_html(html)


def test_the_header_shows_the_site_name_and_marks_the_current_section(client, db, settings):
    settings.SITE_NAME = "Testportal"
    html = client.get(reverse("providers:contacts")).content.decode()
    assert "Testportal" in html
    assert 'href="/de/ansprechpersonen/" aria-current="page"' in html
    for name in ("pages:impressum", "pages:datenschutz", "pages:barrierefreiheit", "pages:kontakt"):
        assert f'href="{reverse(name)}"' in html


def test_public_pages_only_answer_get_and_head(client, public_urls):
    for url in public_urls:
        assert client.head(url).status_code == 200, url
        response = client.post(url)
        assert response.status_code in (403, 405), url
        assert "Set-Cookie" not in response.headers, url
