"""Printing: every page links the print stylesheet; the printout names its page and date."""

import re
from pathlib import Path

from django.conf import settings

PRINT_CSS = (Path(settings.BASE_DIR) / "static" / "css" / "print.css").read_text()
LINK = '<link rel="stylesheet" href="/static/css/print.css" media="print">'


def test_offer_results_list_and_embed_pages_link_the_print_stylesheet(client, make_offer):
    offer = make_offer()
    for url in ("/de/angebote/", offer.get_absolute_url(), f"/de/merkliste/?merk={offer.pk}", "/de/embed/",
                f"/de/embed/angebote/{offer.pk}/", "/ar/merkliste/"):
        assert LINK in client.get(url).content.decode(), url


def test_the_print_stylesheet_prints_a4_black_on_white_without_controls():
    assert "@page { size: A4; margin: 15mm; }" in PRINT_CSS
    hidden = PRINT_CSS.split("{ display: none !important; }")[0]
    for selector in (".site-header nav", ".language-switcher", ".filters", "button", ".merk-control",
                     ".merk-status", ".site-footer nav", ".skip-link", ".pagination", ".search-box"):
        assert selector in hidden, selector
    assert 'a[href^="http"]::after' in PRINT_CSS  # external addresses written out, not tel:/mailto:
    assert "break-inside: avoid" in PRINT_CSS
    assert not re.search(r"(margin|padding|border)-(left|right)|\b(left|right):", PRINT_CSS)  # RTL-safe


def test_the_printout_names_the_page_without_extra_parameters(client, make_offer):
    make_offer()
    page = client.get("/de/angebote/?city=marl&utm_source=newsletter&foo=bar").content.decode()
    assert re.search(r'<p class="print-only print-address"><bdi dir="ltr">http://testserver/de/angebote/\?city=marl'
                     r"</bdi> · \d\d\.\d\d\.\d{4}</p>", page)
    assert "utm_source" not in page.split("print-address")[1].split("</p>")[0]


def test_the_print_address_is_hidden_on_screen():
    site_css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    assert ".print-only { display: none; }" in site_css
    assert ".print-only { display: block; }" in PRINT_CSS
