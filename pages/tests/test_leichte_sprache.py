"""The page in German easy language: German under every language prefix, linked from every page."""

import re

from django.urls import reverse
from django.utils import translation

EASY_CONTENT = re.compile(r'<div class="easy-language" lang="de" dir="ltr">(.*?)</div>', re.DOTALL)


def easy_url(language):
    with translation.override(language):
        return reverse("pages:leichte_sprache")


def test_it_explains_the_site_the_search_the_contact_and_accessibility_in_german(client, db):
    response = client.get(easy_url("de"))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    html = response.content.decode()
    content = EASY_CONTENT.search(html).group(1)
    assert "<h1>Leichte Sprache</h1>" in content
    for heading in ("Das ist diese Internet·seite", "So finden Sie ein Angebot", "So erreichen Sie uns",
                    "Barriere·freiheit", "Das klappt schon gut", "Das klappt noch nicht gut",
                    "Eine Barriere melden"):
        assert f">{heading}</h" in content, heading
    assert "Integrations·zentrum" in content
    assert 'href="mailto:integration@kreis-re.example.org"' in content
    assert 'href="tel:' in content and '<bdi dir="ltr">02361 00000-0</bdi>' in content
    assert "Kurt-Schumacher-Allee 1" in content
    assert f'href="{reverse("pages:barrierefreiheit")}"' in content
    assert 'class="note"' not in html  # no "this page is German" note on the German site


def test_other_languages_show_the_german_content_with_a_note_above_it(client, db):
    html = client.get(easy_url("ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        note_text = translation.gettext("Diese Seite ist auf Deutsch in Leichter Sprache geschrieben.")
    note = html.index(f'<p class="note">{note_text}</p>')
    assert note < html.index('<div class="easy-language" lang="de" dir="ltr">')
    assert "So finden Sie ein Angebot" in EASY_CONTENT.search(html).group(1)
    english = client.get(easy_url("en")).content.decode()
    assert 'lang="de"' in english and "Integrations·zentrum" in english


def test_every_page_links_to_it_in_the_footer(client, make_offer, editor):
    offer = make_offer()
    pages = [reverse("pages:home"), reverse("offers:search"), reverse("offers:detail", args=[offer.pk]),
             reverse("pages:impressum"), reverse("pages:leichte_sprache")]
    for url in pages:
        html = client.get(url).content.decode()
        assert '<a href="/de/leichte-sprache/" hreflang="de">Leichte Sprache</a>' in html, url
    client.force_login(editor)
    html = client.get(reverse("changes:queue")).content.decode()
    assert 'href="/de/leichte-sprache/"' in html
    arabic = client.get(easy_url("ar").replace("leichte-sprache/", "")).content.decode()
    assert 'href="/ar/leichte-sprache/" hreflang="de"' in arabic


def test_the_accessibility_statement_points_to_it_and_names_the_languages(client, db):
    html = client.get(reverse("pages:barrierefreiheit")).content.decode()
    assert 'href="/de/leichte-sprache/">in Leichter Sprache</a>' in html
    assert "Ukrainisch und Russisch" in html
    assert "weitere Sprachen folgen" not in html
