"""The Merkliste on the results page and the offer page: "Merken" links, and every link keeps it."""

import html
import re

import pytest
from django.core.cache import cache

from sharing.merkliste import MAX_ITEMS

SEARCH = "/de/angebote/"


def hrefs(page):
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page)]


def hidden_merk_inputs(page):
    return re.findall(r'<input type="hidden" name="merk" value="([^"]*)">', page)


@pytest.fixture
def offers(make_offer):
    """25 published offers in Marl: two pages of results."""
    return [make_offer(f"Kurs {n:02d}", cities=["marl"], topics=["sprache"]) for n in range(25)]


def test_every_card_has_a_merken_link_that_adds_the_offer(client, offers):
    page = client.get(SEARCH + "?city=marl").content.decode()
    first = offers[0]
    toggle = f"/de/angebote/?city=marl&amp;merk={first.pk}#angebot-{first.pk}"
    assert f'href="{toggle}" rel="nofollow">Merken' in page
    assert page.count(">Merken<span") == 20
    assert f'id="angebot-{first.pk}"' in page
    assert "Merkliste (" not in page  # nothing collected yet: no link to the list


def test_a_marked_offer_offers_to_remove_it_and_the_list_is_linked_with_its_count(client, offers):
    a, b = offers[0], offers[1]
    page = client.get(f"{SEARCH}?city=marl&merk={a.pk}.{b.pk}").content.decode()
    toggle = f"/de/angebote/?city=marl&amp;merk={b.pk}#angebot-{a.pk}"
    assert f'href="{toggle}" rel="nofollow">Gemerkt – entfernen' in page
    assert f'href="/de/merkliste/?merk={a.pk}.{b.pk}">Merkliste (2 Angebote)</a>' in page
    assert page.count("Gemerkt – entfernen") == 2
    assert '<meta name="robots" content="noindex">' in page  # one visitor's page: not for search engines


def test_every_link_and_form_of_the_results_page_keeps_the_list(client, offers):
    merk = f"{offers[0].pk}.{offers[1].pk}"
    page = client.get(f"{SEARCH}?city=marl&topic=sprache&page=1&merk={merk}").content.decode()
    # the pages a visitor browses; not feeds, calendars or downloads (files with an extension)
    kept = [h for h in hrefs(page) if (re.match(r"^/[a-z]{2}/angebote/", h) or "/merkliste/" in h)
            and not re.search(r"\.[a-z]+(\?|$)", h)]
    offer_links = [h for h in kept if re.match(r"^/de/angebote/\d+/", h)]
    chips = [h for h in kept if "topic=sprache" not in h or "city=marl" not in h]
    pages = [h for h in kept if "page=2" in h]
    languages = [h for h in kept if h.startswith("/ar/angebote/")]
    assert len(offer_links) == 20 and chips and pages and languages
    for link in kept:
        assert "merk=" in link, link
    # the query box and the filter form (sort, filters) carry it as a hidden field
    assert hidden_merk_inputs(page) == [merk, merk]


def test_the_empty_result_hints_keep_the_list(client, offers):
    page = client.get(f"{SEARCH}?city=marl&q=gibtesnicht&merk={offers[0].pk}").content.decode()
    hints = re.findall(r'<ul class="relax">(.*?)</ul>', page, re.S)[0]
    assert hrefs(hints) and all(f"merk={offers[0].pk}" in h for h in hrefs(hints))


def test_a_full_list_says_so_instead_of_merken(client, offers, make_offer):
    merk = ".".join(str(n) for n in range(100_000, 100_000 + MAX_ITEMS))
    page = client.get(f"{SEARCH}?merk={merk}").content.decode()
    assert "Merkliste ist voll" in page and ">Merken<span" not in page
    assert f"Merkliste ({MAX_ITEMS} Angebote)" in page


@pytest.mark.parametrize("raw", [
    "abc", "1..2", "-5", "99999999999999999999", "1" * 5000, "١٢", "%00", "1.2.3." * 400, "<script>",
])
def test_garbage_in_the_parameter_never_fails(client, offers, raw):
    for url in (SEARCH, f"/de/angebote/{offers[0].pk}/", "/de/merkliste/", "/de/embed/"):
        response = client.get(url, {"merk": raw})
        assert response.status_code == 200, url
        assert not response.cookies  # the list is in the URL, never in a cookie
        assert "<script>" not in response.content.decode().split("</head>")[1]


def test_the_cached_results_page_never_shows_another_visitors_list(client, offers):
    a, b = offers[0], offers[1]
    plain = client.get(SEARCH).content.decode()  # now cached
    assert "Merkliste (" not in plain and "merk=" + str(a.pk) + "." not in plain
    first = client.get(f"{SEARCH}?merk={a.pk}").content.decode()
    assert f"merk={a.pk}" in first and "Merkliste (1 Angebot)" in first
    second = client.get(f"{SEARCH}?merk={b.pk}").content.decode()
    assert f'href="/de/merkliste/?merk={b.pk}"' in second
    assert f"merk={a.pk}&" not in second and f"merk={a.pk}#" not in second
    again = client.get(SEARCH).content.decode()
    assert again == plain  # the shared page is untouched by either list
    assert "Merkliste (" not in client.get(f"{SEARCH}?merk=").content.decode()


def test_pages_with_a_list_are_not_stored_in_the_cache(client, offers):
    cache.clear()
    client.get(f"{SEARCH}?merk={offers[0].pk}")
    client.get(f"{SEARCH}?merk={offers[1].pk}")
    assert not cache._cache or all(not k.startswith(":1:offers:results:") for k in cache._cache)


def test_the_offer_page_has_merken_and_keeps_the_list_in_its_links(client, offers):
    a, b = offers[0], offers[1]
    url = f"/de/angebote/{a.pk}/"
    page = client.get(url).content.decode()
    assert f'href="{url}?merk={a.pk}" rel="nofollow">Merken</a>' in page
    page = client.get(f"{url}?merk={b.pk}.{a.pk}",
                      HTTP_REFERER=f"http://testserver/de/angebote/?city=marl&merk={b.pk}").content.decode()
    assert f'href="{url}?merk={b.pk}" rel="nofollow">Gemerkt – entfernen</a>' in page
    assert f'href="/de/merkliste/?merk={b.pk}.{a.pk}">Merkliste (2 Angebote)' in page
    # the back link takes the list as it is now, not as it was on the results page
    assert f'href="/de/angebote/?city=marl&amp;merk={b.pk}.{a.pk}">Suche</a>' in page
    assert f'href="/de/angebote/?topic=sprache&amp;merk={b.pk}.{a.pk}">Sprache</a>' in page
    assert f'href="/ar/angebote/{a.pk}/?merk={b.pk}.{a.pk}"' in page  # language switcher


def test_the_results_page_without_a_list_stays_as_it_was(client, offers):
    page = client.get(SEARCH).content.decode()
    assert hidden_merk_inputs(page) == []
    assert all("#angebot-" in h for h in hrefs(page) if "merk=" in h)  # only the Merken links
