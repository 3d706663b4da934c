"""Relevance test set: realistic offers, queries as people type them, recall@10.

Also measures a baseline: a plain token match (lower-case, accents stripped, words ANDed,
no stemming, compounds, synonyms or typo tolerance), which is what a plain FTS5 index gives.
"""

import re
import unicodedata

import pytest
from django.utils.text import slugify

from providers.models import Organisation
from search.engine import search_offers
from search.params import SearchParams

from .relevance_corpus import OFFERS, QUERIES

MIN_RECALL = 0.95


@pytest.fixture
def corpus(make_offer):
    ids = {}
    for key, title, summary, description, provider, cities, topics in OFFERS:
        org, _ = Organisation.objects.get_or_create(
            name=provider, defaults={"slug": slugify(provider)[:200]}
        )
        offer = make_offer(title, organisation=org, summary=summary, description=description,
                           cities=cities, topics=topics)
        ids[offer.pk] = key
    return ids


def _plain_tokens(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", text)


def _baseline_top10(query):
    words = _plain_tokens(query)
    scored = []
    for key, title, summary, description, provider, *_rest in OFFERS:
        fields = [(10, _plain_tokens(title)), (4, _plain_tokens(summary)),
                  (1.5, _plain_tokens(description)), (1, _plain_tokens(provider))]
        every = {t for _w, tokens in fields for t in tokens}
        if words and all(w in every for w in words):
            score = sum(weight * tokens.count(w) for weight, tokens in fields for w in words)
            scored.append((-score, key))
    return [key for _score, key in sorted(scored)[:10]]


def _recall(top10_for):
    found = expected = 0
    misses = []
    for query, keys in QUERIES:
        top = top10_for(query)
        hits = [k for k in keys if k in top]
        found += len(hits)
        expected += len(keys)
        misses += [(query, k) for k in keys if k not in hits]
    return found / expected, misses


@pytest.mark.django_db
def test_recall_at_10_stays_high_and_far_above_a_plain_token_match(corpus, capsys):
    def ours(query):
        result = search_offers(SearchParams(q=query, page_size=10))
        return [corpus[o.pk] for o in result.offers]

    recall, misses = _recall(ours)
    baseline, _baseline_misses = _recall(_baseline_top10)
    with capsys.disabled():
        print(f"\nrecall@10 over {len(QUERIES)} queries / {len(OFFERS)} offers: "
              f"{recall:.3f} (plain token match: {baseline:.3f}); misses: {misses}")
    assert len(QUERIES) >= 30 and len(OFFERS) >= 60
    assert recall >= MIN_RECALL, misses
    assert baseline < recall
