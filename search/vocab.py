"""The vocabulary of indexed tokens, for prefix checks and typo correction.

Loaded from SearchTerm once per vocabulary version and kept in the process. Typo candidates
come from a deletion index (the SymSpell idea): every term is stored under itself and its
one-letter deletions; a query word probes with its own deletions, and the candidates are
checked with the Damerau-Levenshtein distance. That finds every term within distance 1 and
most within distance 2, in microseconds, identically on SQLite and PostgreSQL.
"""

import bisect
import threading

from .models import SearchTerm

MIN_TYPO_LENGTH = 4
MAX_TYPO_LENGTH = 30
MAX_CORRECTIONS = 6

_lock = threading.Lock()
_cached = (None, None)  # (vocab_token, Vocabulary)


def max_distance(word):
    if len(word) < MIN_TYPO_LENGTH:
        return 0
    return 1 if len(word) <= 7 else 2


def _deletes(word, depth):
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


def damerau_levenshtein(a, b, limit):
    """Optimal-string-alignment distance, or limit + 1 when it is larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if (prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2]
                    and a[i - 2] == b[j - 1]):
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Vocabulary:
    def __init__(self, terms):
        self.sorted = sorted(terms)
        self.terms = frozenset(self.sorted)
        self._deletes = None

    def __contains__(self, term):
        return term in self.terms

    def has_prefix(self, prefix):
        i = bisect.bisect_left(self.sorted, prefix)
        return i < len(self.sorted) and self.sorted[i].startswith(prefix)

    def _delete_index(self):
        if self._deletes is None:
            index = {}
            for term in self.sorted:
                if MIN_TYPO_LENGTH - 1 <= len(term) <= MAX_TYPO_LENGTH and term.isalpha():
                    for key in _deletes(term, 1):
                        found = index.get(key)
                        if found is None:
                            index[key] = term
                        elif isinstance(found, str):
                            index[key] = [found, term]
                        else:
                            found.append(term)
            self._deletes = index
        return self._deletes

    def corrections(self, word):
        """Terms within the allowed edit distance of `word`, nearest first."""
        limit = max_distance(word)
        if not limit or not word.isalpha() or len(word) > MAX_TYPO_LENGTH:
            return []
        index = self._delete_index()
        candidates = set()
        for key in _deletes(word, limit):
            found = index.get(key)
            if found is None:
                continue
            if isinstance(found, str):
                candidates.add(found)
            else:
                candidates.update(found)
        scored = []
        for term in candidates:
            if term == word:
                continue
            distance = damerau_levenshtein(word, term, limit)
            if distance <= limit:
                scored.append((distance, term[0] != word[0], abs(len(term) - len(word)), term))
        scored.sort()
        return [term for *_rest, term in scored[:MAX_CORRECTIONS]]


def get_vocabulary(vocab_token):
    """The vocabulary for this version (reloaded only when new terms were indexed)."""
    global _cached
    token, vocab = _cached
    if token == vocab_token and vocab is not None:
        return vocab
    with _lock:
        token, vocab = _cached
        if token != vocab_token or vocab is None:
            vocab = Vocabulary(SearchTerm.objects.values_list("term", flat=True).iterator(5000))
            _cached = (vocab_token, vocab)
    return vocab
