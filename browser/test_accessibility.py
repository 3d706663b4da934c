"""axe-core (WCAG 2.0/2.1, levels A and AA) finds no violation on the public pages in German and
Arabic, on the login page and on the provider's and editors' pages, at 360 px and 1280 px width.
Screenshots of the main public pages go to var/test-artifacts/screenshots/<lang>-<page>-<width>.png."""

import re

import pytest

from browser.helpers import check_page, goto

# name, path (without the language prefix; <offer>, <provider>, <merk> come from the demo data),
# and whether the page gets screenshots
PUBLIC = [
    ("start", "/", True),
    ("results", "/angebote/", False),
    ("results-filtered", "/angebote/?city=marl&topic=sprache", True),
    ("results-empty", "/angebote/?q=xyzxyz", False),
    ("offer", "<offer>", True),
    ("providers", "/anbieter/", False),
    ("provider", "<provider>", True),
    ("contacts", "/ansprechpersonen/", False),
    ("impressum", "/impressum/", False),
    ("datenschutz", "/datenschutz/", False),
    ("barrierefreiheit", "/barrierefreiheit/", False),
    ("kontakt", "/kontakt/", False),
    ("leichte-sprache", "/leichte-sprache/", True),
    ("offene-daten", "/offene-daten/", False),
    ("angebotslandschaft", "/angebotslandschaft/", True),
    ("angebotslandschaft-karte", "/angebotslandschaft/?map_topic=sprache", False),
    ("entwicklung", "/angebotslandschaft/entwicklung/", True),
    ("entwicklung-marl-bad-months", "/angebotslandschaft/entwicklung/?city=marl&months=abc", False),
    ("bericht", "/angebotslandschaft/bericht/", True),
    ("karte", "/angebote/karte/?topic=sprache&city=marl", True),
    ("karte-umkreis", "/angebote/karte/?near=45768&radius=5", False),
    ("results-umkreis", "/angebote/?near=45768&radius=5&sort=distance", True),
    ("results-umkreis-text", "/angebote/?q=Deutschkurs&near=45768&radius=10&sort=distance", False),
    ("results-umkreis-outside", "/angebote/?near=45127", False),
    ("embed-umkreis", "/embed/?near=Marl&radius=2", False),
    ("merkliste", "<merk>", True),
    ("einbinden", "/einbinden/", False),
    ("embed", "/embed/", False),
]


def public_path(path, demo_paths):
    return demo_paths.get(path.strip("<>"), path) if path.startswith("<") else path


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize(("name", "path", "shoot"), PUBLIC, ids=[p[0] for p in PUBLIC])
def test_public_page_has_no_axe_violation(visitor_page, base_url, demo_paths, lang, name, path, shoot):
    page = visitor_page
    goto(page, f"{base_url}/{lang}{public_path(path, demo_paths)}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    if name == "merkliste":
        assert page.locator("main a[href*='/angebote/']").count() >= 3, "the Merkliste shows no offers"
    violations = check_page(page, f"/{lang}{path}", screenshot=f"{lang}-{name}" if shoot else None)
    assert not violations, "\n".join(violations)


def test_login_page_has_no_axe_violation(visitor_page, base_url):
    for lang in ("de", "ar"):
        goto(visitor_page, f"{base_url}/{lang}/konto/anmelden/")
        violations = check_page(visitor_page, f"/{lang}/konto/anmelden/", screenshot=f"{lang}-login")
        assert not violations, "\n".join(violations)


def _first_href(page, selector):
    link = page.locator(selector).first
    assert link.count(), f"no {selector} on {page.url}"
    return link.get_attribute("href")


def test_provider_pages_have_no_axe_violation(provider_page, base_url):
    page, violations = provider_page, []
    goto(page, f"{base_url}/de/mein-bereich/")
    violations += check_page(page, "Mein Bereich", screenshot="de-mein-bereich")
    edit = _first_href(page, "main a[href$='/bearbeiten/']")
    # /de/mein-bereich/traeger/<slug>/ (the first link may be one of its sub-pages)
    organisation = re.match(r"^/de/mein-bereich/traeger/[^/]+/",
                            _first_href(page, "main a[href*='/mein-bereich/traeger/']")).group(0)
    for name, path in [("offer edit", edit), ("new offer", "/de/mein-bereich/angebote/neu/"),
                       ("organisation edit", organisation),
                       ("contacts", organisation + "ansprechpersonen/"),
                       ("new contact", organisation + "ansprechpersonen/neu/")]:
        goto(page, base_url + path)
        violations += check_page(page, f"{name} ({path})")
    assert not violations, "\n".join(violations)


def test_staff_pages_have_no_axe_violation(editor_page, base_url):
    page, violations = editor_page, []
    goto(page, f"{base_url}/de/redaktion/")
    violations += check_page(page, "Redaktion queue", screenshot="de-redaktion")
    review = _first_href(page, "main a[href*='/redaktion/pruefen/']")
    for name, path in [("review", review), ("overdue", "/de/redaktion/ueberfaellig/"),
                       ("reports", "/de/redaktion/meldungen/"), ("import", "/de/redaktion/import/"),
                       ("organisations", "/de/redaktion/traeger/"), ("requests", "/de/redaktion/anfragen/"),
                       ("invite", "/de/redaktion/einladen/"),
                       ("landscape", "/de/redaktion/angebotslandschaft/"),
                       ("landscape-map-topic", "/de/redaktion/angebotslandschaft/?map_topic=sprache"),
                       ("freshness", "/de/redaktion/angebotslandschaft/aktualitaet/"),
                       ("freshness-ar", "/ar/redaktion/angebotslandschaft/aktualitaet/?city=marl&sort=name")]:
        goto(page, base_url + path)
        violations += check_page(page, f"{name} ({path})")
    assert not violations, "\n".join(violations)
