"""Staff-editable synonyms, expanded at query time (no reindexing after an edit).

The map is rebuilt when the data version changes (any SynonymGroup save bumps it).
"""

import threading

from .models import SynonymGroup
from .text import query_words, stem

_lock = threading.Lock()
_cached = (None, None)


class SynonymMap:
    """Looks up the synonym groups a query word or phrase belongs to."""

    def __init__(self, groups):
        # groups: list of lists of terms, each term a tuple of folded words
        self.groups = []
        self.single = {}  # word or stem -> set of group indexes
        self.phrases = {}  # tuple of stems -> set of group indexes
        self.max_phrase = 1
        for terms in groups:
            index = len(self.groups)
            entry = []
            for term in terms:
                words = tuple(query_words(term))
                if not words:
                    continue
                entry.append(words)
                if len(words) == 1:
                    for key in {words[0], stem(words[0])}:
                        self.single.setdefault(key, set()).add(index)
                else:
                    key = tuple(stem(w) for w in words)
                    self.phrases.setdefault(key, set()).add(index)
                    self.max_phrase = max(self.max_phrase, len(words))
            self.groups.append(entry)

    def for_word(self, word):
        found = self.single.get(word, set()) | self.single.get(stem(word), set())
        return [self.groups[i] for i in sorted(found)]

    def for_phrase(self, words):
        found = self.phrases.get(tuple(stem(w) for w in words), set())
        return [self.groups[i] for i in sorted(found)]


def get_synonyms(data_token):
    global _cached
    token, synonyms = _cached
    if token == data_token and synonyms is not None:
        return synonyms
    with _lock:
        groups = [g.term_list() for g in SynonymGroup.objects.order_by("id")]
        synonyms = SynonymMap(groups)
        _cached = (data_token, synonyms)
    return synonyms
