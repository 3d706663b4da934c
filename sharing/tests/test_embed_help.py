"""/einbinden/: the copy-paste snippet for other websites, with a live preview."""

import html
import re

import pytest

HELP = "/de/einbinden/"


def snippet(page):
    match = re.search(r'<textarea id="embed-snippet"[^>]*>([^<]*)</textarea>', page)
    return html.unescape(match.group(1)) if match else None


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://angebote.kreis-re.example.org"


def test_without_choices_the_snippet_embeds_the_whole_search_in_german(client, db):
    page = client.get(HELP).content.decode()
    assert snippet(page) == (
        '<iframe src="https://angebote.kreis-re.example.org/de/embed/" title="Integrationsangebote im Kreis '
        'Recklinghausen" width="100%" height="900" loading="lazy"></iframe>'
    )
    assert '<iframe class="embed-help__preview" src="/de/embed/"' in page


def test_the_chosen_language_and_filters_go_into_the_snippet(client, db):
    choices = {"lang": "ar", "city": "marl", "topic": "sprache", "target_group": ""}
    page = client.get(HELP, choices).content.decode()
    code = snippet(page)
    assert 'src="https://angebote.kreis-re.example.org/ar/embed/?city=marl&amp;topic=sprache"' in code
    assert 'title="Integrationsangebote im Kreis Recklinghausen"' not in code  # the title in Arabic
    assert '<iframe class="embed-help__preview" src="/ar/embed/?city=marl&amp;topic=sprache"' in page
    assert '<option value="marl" selected>Marl</option>' in page


def test_an_unknown_value_is_an_error_next_to_its_field_and_gives_no_snippet(client, db):
    response = client.get(HELP, {"city": "atlantis", "lang": "xx"})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="errorlist"') == 2
    assert 'id="id_city_error"' in page and 'id="id_lang_error"' in page
    assert snippet(page) is None and "embed-help__preview" not in page


def test_the_page_tells_the_operator_setting_and_the_allowed_sites(client, settings, db):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.marl.example.de"]
    page = client.get(HELP).content.decode()
    assert "<code>EMBED_FRAME_ANCESTORS</code>" in page
    assert '<bdi dir="ltr">https://www.marl.example.de</bdi>' in page
    assert "Kopieren</button>" in page and "data-merk-copy=\"embed-snippet\"" in page


def test_the_page_sets_no_cookie(client, db):
    assert not client.get(HELP, {"city": "marl"}).cookies
