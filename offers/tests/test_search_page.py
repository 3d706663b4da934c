"""The results page: filters with counts, OR within / AND across, chips, empty state, paging."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings

from offers.models import Offer

SEARCH = "/de/angebote/"


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_results_page_lists_published_offers_only(client, make_offer):
    make_offer(title="Öffentlicher Kurs")
    for status in (Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED):
        make_offer(title=f"Versteckt {status}", status=status)
    response = client.get(SEARCH)
    assert titles(response) == ["Öffentlicher Kurs"]
    assert "Versteckt" not in response.content.decode()
    assert "1 Angebot gefunden" in response.content.decode()


def test_the_heading_counts_results_in_plural(client, make_offer):
    make_offer(title="A")
    make_offer(title="B")
    assert "2 Angebote gefunden" in client.get(SEARCH).content.decode()


def test_every_filter_value_shows_its_count(client, make_offer):
    make_offer(title="Kurs Marl", cities=["marl"], topics=["sprache"], languages=["de", "ar"], is_free=True)
    make_offer(title="Kurs Dorsten", cities=["dorsten"], topics=["sprache"], languages=["de"])
    html = client.get(SEARCH).content.decode()
    assert re.search(r'value="marl">\s*<label for="f-city-marl">Marl <span class="count">\(1\)', html)
    assert re.search(r'<label for="f-topic-sprache">Sprache <span class="count">\(2\)', html)
    assert re.search(r'<label for="f-free">kostenlos <span class="count">\(1\)', html)
    assert re.search(r'<label for="f-language-de">Deutsch <span class="count">\(2\)', html)
    # the short fixed lists are shown in full, a 0 included
    assert re.search(r'<label for="f-city-datteln">Datteln <span class="count">\(0\)', html)
    assert re.search(r'<label for="f-topic-wohnen">Wohnen <span class="count">\(0\)', html)


def test_languages_are_ordered_by_how_many_offers_they_have(client, make_offer):
    make_offer(title="A", languages=["ar"])
    make_offer(title="B", languages=["ar", "tr"])
    make_offer(title="C", languages=["ar"])
    html = client.get(SEARCH).content.decode()
    assert html.index('id="f-language-ar"') < html.index('id="f-language-tr"')
    assert 'id="f-language-uk"' not in html  # languages without offers are left out


def test_values_within_a_filter_combine_with_or_and_filters_with_and(client, make_offer):
    make_offer(title="Marl Sprache", cities=["marl"], topics=["sprache"])
    make_offer(title="Dorsten Sprache", cities=["dorsten"], topics=["sprache"])
    make_offer(title="Marl Sport", cities=["marl"], topics=["sport"])
    make_offer(title="Herten Sprache", cities=["herten"], topics=["sprache"])
    either_city = client.get(SEARCH, {"city": ["marl", "dorsten"]})
    assert sorted(titles(either_city)) == ["Dorsten Sprache", "Marl Sport", "Marl Sprache"]
    both_filters = client.get(SEARCH, {"city": ["marl", "dorsten"], "topic": "sprache"})
    assert sorted(titles(both_filters)) == ["Dorsten Sprache", "Marl Sprache"]
    html = both_filters.content.decode()
    assert 'id="f-city-marl" name="city" value="marl" checked' in html
    assert 'id="f-city-dorsten" name="city" value="dorsten" checked' in html


def test_selected_filters_are_chips_that_link_to_the_search_without_them(client, make_offer):
    make_offer(cities=["marl"], is_free=True)
    html = client.get(SEARCH, {"q": "kurs", "city": ["marl", "dorsten"], "free": "true"}).content.decode()
    chips = dict((label, url.replace("&amp;", "&")) for url, label in
                 re.findall(r'<a class="chip" href="([^"]*)">([^<]+)<', html))
    assert chips["Stadt: Marl"] == f"{SEARCH}?q=kurs&city=dorsten&free=true"
    assert chips["Stadt: Dorsten"] == f"{SEARCH}?q=kurs&city=marl&free=true"
    assert chips["kostenlos"] == f"{SEARCH}?q=kurs&city=dorsten&city=marl"
    assert chips["Suche: „kurs“"] == f"{SEARCH}?city=dorsten&city=marl&free=true"
    assert "Alle Filter entfernen" in html


def test_the_empty_state_names_the_filter_to_drop_and_what_it_would_give(client, make_offer):
    make_offer(title="Kurs in Marl", cities=["marl"], is_free=False)
    make_offer(title="Noch ein Kurs in Marl", cities=["marl"], is_free=False)
    response = client.get(SEARCH, {"city": "marl", "free": "true"})
    html = response.content.decode()
    assert "Keine Angebote gefunden" in html
    assert titles(response) == []
    free_hint = re.search(r'<a href="([^"]+)">ohne den Filter „kostenlos“</a> – 2 Angebote', html)
    assert free_hint and free_hint.group(1) == f"{SEARCH}?city=marl"
    assert re.search(r"ohne den Filter Stadt \(Marl\)</a> – 0 Angebote", html)


def test_the_query_can_be_dropped_from_an_empty_result(client, make_offer):
    make_offer(title="Sprachcafé", cities=["marl"])
    html = client.get(SEARCH, {"q": "xylophonunterricht", "city": "marl"}).content.decode()
    assert "ohne den Suchbegriff „xylophonunterricht“</a> – 1 Angebot" in html


def test_pagination_links_keep_the_search_state(client, make_offer):
    for n in range(45):
        make_offer(title=f"Kurs {n:02d}", cities=["marl"], is_free=True)
    response = client.get(SEARCH, {"city": "marl", "free": "true", "sort": "title"})
    assert len(titles(response)) == 20
    html = response.content.decode().replace("&amp;", "&")
    assert f'href="{SEARCH}?city=marl&free=true&sort=title&page=2" rel="next"' in html
    assert f'href="{SEARCH}?city=marl&free=true&sort=title&page=3"' in html
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>1</a>' in html
    page3 = client.get(SEARCH, {"city": "marl", "free": "true", "sort": "title", "page": "3"})
    assert len(titles(page3)) == 5
    assert 'rel="prev"' in page3.content.decode()


def test_a_page_beyond_the_end_shows_the_last_page(client, make_offer):
    make_offer(title="Einziges Angebot")
    response = client.get(SEARCH, {"page": "40"})
    assert response.status_code == 200
    assert titles(response) == ["Einziges Angebot"]


@pytest.mark.parametrize("query", [
    {"page": "abc"}, {"city": "nonsense"}, {"sort": "wrong"}, {"free": "vielleicht"},
    {"page": "-1"}, {"page_size": "100000"}, {"q": "x" * 5000}, {"topic": "sprache,unbekannt"},
    {"q": '"AND -:*'}, {"q": "deutsch\x00kurs"}, {"city": "marl\x00"},
])
def test_bad_parameters_give_a_page_not_an_error(client, make_offer, query):
    make_offer()
    response = client.get(SEARCH, query)
    assert response.status_code == 200


def test_the_sort_offers_relevance_only_with_a_query(client, make_offer):
    make_offer()
    without_query = client.get(SEARCH).content.decode()
    assert 'value="relevance"' not in without_query
    assert '<option value="title" selected>' in without_query
    with_query = client.get(SEARCH, {"q": "deutsch"}).content.decode()
    assert '<option value="relevance" selected>' in with_query
    newest = client.get(SEARCH, {"q": "deutsch", "sort": "newest"}).content.decode()
    assert '<option value="newest" selected>' in newest


def test_the_query_box_keeps_the_filters_as_hidden_fields(client, make_offer):
    make_offer()
    html = client.get(SEARCH, {"q": "kurs", "city": "marl", "free": "true", "sort": "newest",
                               "page": "1"}).content.decode()
    query_box = html[html.index('role="search"'):html.index("</form>")]
    assert '<input type="hidden" name="sort"' not in query_box  # a new query ranks by relevance
    assert '<input type="hidden" name="city" value="marl">' in html
    assert '<input type="hidden" name="free" value="true">' in html
    assert 'value="kurs"' in html


def test_the_filter_form_works_without_javascript(client, make_offer):
    make_offer()
    html = client.get(SEARCH).content.decode()
    assert '<form id="filters" action="/de/angebote/" method="get">' in html
    assert "Filter anwenden" in html
    assert "<fieldset><legend>Stadt</legend>" in html


def test_a_result_card_shows_what_matters(client, make_offer):
    make_offer(title="Deutschkurs", summary="Für Anfängerinnen", cities=["marl", "herten"],
               topics=["sprache"], languages=["de", "ar"], is_free=True, childcare=True,
               accessibility="yes")
    make_offer(title="Ungeprüft", last_verified=None)
    html = client.get(SEARCH).content.decode()
    assert "Für Anfängerinnen" in html
    assert "Herten, Marl" in html
    for badge in ("kostenlos", "barrierefrei", "Kinderbetreuung"):
        assert f">{badge}</li>" in html
    assert '<abbr title="Arabisch">AR</abbr>' in html
    assert "zuletzt geprüft am 01.10.2026" in html
    assert "noch nicht geprüft" in html


def test_offer_titles_are_escaped(client, make_offer):
    make_offer(title="<script>alert(1)</script>")
    html = client.get(SEARCH).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def _realistic_offers(make_offer, count):
    words = ("Beratung Sprache Kurs Familie Frauen Jugend Arbeit Bewerbung Nachbarschaft Treffpunkt "
             "Hausaufgaben Begegnung Gesundheit Wohnung Ehrenamt Fahrrad Nähen Kochen Schwimmen "
             "Elterncafé Sprechstunde Anmeldung Kinderbetreuung Integrationskurs").split()
    for n in range(count):
        summary = " ".join(words[(n * 7 + i * 3) % len(words)] for i in range(40))[:300]
        make_offer(
            title=f"{words[n % len(words)]} und {words[(n * 5) % len(words)]} im Stadtteil {n}",
            summary=summary, cities=["marl", "herten", "dorsten"][: 1 + n % 3],
            topics=["sprache", "beratung", "familie"][: 1 + n % 3],
            languages=["de", "ar", "tr", "uk"][: 1 + n % 4], is_free=n % 2 == 0,
            childcare=n % 3 == 0, accessibility="yes" if n % 2 else "unknown",
            target_groups=["neuzugewanderte", "frauen"],
        )


def test_the_results_page_with_20_offers_is_under_30_kb_gzipped(client, make_offer):
    _realistic_offers(make_offer, 60)
    response = client.get(SEARCH, {"q": "", "city": ["marl"], "sort": "title"})
    assert len(re.findall('class="card"', response.content.decode())) == 20
    compressed = gzip.compress(response.content)
    print(f"results page: {len(response.content)} bytes, {len(compressed)} bytes gzip")
    assert len(compressed) < 30_000, len(compressed)


def test_the_whole_results_page_stays_under_50_kb_over_the_wire(client, make_offer):
    _realistic_offers(make_offer, 60)
    html = client.get(SEARCH).content
    static = Path(settings.BASE_DIR) / "static"
    total = sum(len(gzip.compress(data)) for data in (
        html, (static / "css" / "site.css").read_bytes(), (static / "js" / "filters.js").read_bytes(),
    ))
    assert total < 50_000, total


def test_the_page_is_gzipped_for_clients_that_accept_it(client, make_offer):
    make_offer()
    response = client.get(SEARCH, HTTP_ACCEPT_ENCODING="gzip")
    assert response.headers.get("Content-Encoding") == "gzip"


def test_the_results_page_loads_one_stylesheet_and_one_deferred_script(client, make_offer):
    make_offer()
    html = client.get(SEARCH).content.decode()
    # one stylesheet for the screen; the print one (media="print") does not hold up rendering
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"( media="print")?>', html) == [
        ("/static/css/site.css", ""), ("/static/css/print.css", ' media="print"')]
    assert html.count("<script") == 1 and 'src="/static/js/filters.js" defer' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_an_empty_query_string_is_the_same_page(client, make_offer):
    make_offer(title="Irgendwas")
    assert titles(client.get(SEARCH + "?q=&city=&free=")) == ["Irgendwas"]


def test_the_rendered_page_is_reused_until_the_data_changes(
    client, make_offer, django_assert_max_num_queries
):
    make_offer(title="Erstes Angebot")
    assert titles(client.get(SEARCH, {"city": "marl"})) == ["Erstes Angebot"]
    with django_assert_max_num_queries(2):  # the data version (and the slugs) only
        assert titles(client.get(SEARCH, {"city": "marl"})) == ["Erstes Angebot"]
    make_offer(title="Zweites Angebot")
    assert titles(client.get(SEARCH, {"city": "marl"})) == ["Erstes Angebot", "Zweites Angebot"]
    first = Offer.objects.get(title="Erstes Angebot")
    first.status = Offer.Status.ARCHIVED
    first.save()
    assert titles(client.get(SEARCH, {"city": "marl"})) == ["Zweites Angebot"]


def test_a_negative_flag_from_a_shared_link_survives_the_filter_form(client, make_offer):
    make_offer(title="Kostet etwas", is_free=False)
    make_offer(title="Kostenlos", is_free=True)
    response = client.get(SEARCH, {"free": "false"})
    assert titles(response) == ["Kostet etwas"]
    html = response.content.decode()
    assert '<input type="hidden" name="free" value="false">' in html
    assert ">nicht kostenlos<" in html
    # ticking the box sends free=false and free=true; the later one wins
    assert titles(client.get(SEARCH + "?free=false&free=true")) == ["Kostenlos"]


def test_a_renamed_topic_shows_its_new_name_at_once(client, make_offer):
    from taxonomy.models import Topic

    make_offer(topics=("sprache",))
    assert "Sprache" in client.get(SEARCH, {"topic": "sprache"}).content.decode()
    Topic.objects.filter(slug="sprache").update(name="Deutsch lernen")
    Topic.objects.get(slug="sprache").save()  # the admin saves through the model
    html = client.get(SEARCH, {"topic": "sprache"}).content.decode()
    assert "Deutsch lernen" in html
