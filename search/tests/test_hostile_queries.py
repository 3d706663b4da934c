"""Whatever people (or robots) type, the search answers and never raises."""

import random

import pytest

from search.engine import search_offers
from search.params import SearchParams

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"', '""', "'", "*", "-", ":", "^", "(", ")", "((", "a OR", "NOT", "AND OR NOT", "NEAR(a b)",
    "title:kurs", "{title} : kurs", "kurs*", "-kurs", "+kurs", "kurs AND", '"kurs', "kurs\"*",
    "'; DROP TABLE offers_offer; --", "%", "_", "\\", "\x00", "🙂", "ß" * 200, "a" * 200,
    "ÄÖÜ äöü", "مرحبا", "Привет", "k:u:r:s", "kurs & deutsch", "kurs | deutsch", "!kurs",
    "<->", "kurs <-> deutsch", "kurs:*", "kurs:A", "1e5", "12.5", "...", "deutsch-kurs",
]


@pytest.fixture
def some_offers(make_offer):
    make_offer("Deutschkurs für Frauen")
    make_offer("Kurs: Schwimmen")


@pytest.mark.parametrize("q", HOSTILE)
def test_an_odd_query_never_raises(some_offers, q):
    result = search_offers(SearchParams(q=q))
    assert result.count >= 0


def test_random_punctuation_and_words_never_raise(some_offers):
    rng = random.Random(20261125)
    alphabet = list('"*-:^(){}[]+!&|<>\'\\/.,;~ ') + ["AND", "OR", "NOT", "NEAR", "kurs", "ä", "x"]
    for _ in range(300):
        q = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        search_offers(SearchParams(q=q, city=("marl",) if rng.random() < 0.3 else ()))


def test_operators_are_searched_as_words(some_offers):
    titles = [o.title for o in search_offers(SearchParams(q='"Kurs"* -Deutsch')).offers]
    assert "Deutschkurs für Frauen" in titles
