"""German text normalisation for the search index and for queries.

Everything here is pure Python and deterministic, so SQLite and PostgreSQL see exactly the same
tokens: the databases only match tokens, they never analyse German themselves.

Pipeline for a text:  fold (case, umlauts, ß, accents) → split into words → drop stopwords →
for each word: the folded word, its Snowball stem, and its compound parts (with their stems).
"""

import functools
import re
import unicodedata
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"

_WORD_RE = re.compile(r"[a-z0-9]+")
# ae/oe/ue typed for ä/ö/ü, but not after a vowel or q (Frauen, neue, Feuer, Quelle).
_DIGRAPH_RE = re.compile(r"(?<![aeiouyq])([aou])e")
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
    # the common letters directly (fast path); NFKD handles the rest
    "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "â": "a",
    "ó": "o", "ò": "o", "ô": "o", "í": "i", "ì": "i", "î": "i", "ú": "u", "ù": "u", "û": "u",
    "ç": "c", "ñ": "n", "ë": "e", "ï": "i", "\u2011": "-", "\u00ad": "",
})

MIN_PART = 3  # shortest compound part
MIN_COMPOUND = 6  # shortest word we try to split
LINKERS = ("s", "es", "n", "en", "e", "er", "ns")
ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "nen", "innen", "in")


def _load_words(name):
    words = set()
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        for raw in line.replace(",", " ").split():
            words.update(_WORD_RE.findall(fold(raw)))
    return frozenset(words)


def fold(text):
    """Lower-case, ä/ae→a, ö/oe→o, ü/ue→u, ß→ss, other diacritics stripped."""
    text = text.lower().translate(_SPECIAL)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _DIGRAPH_RE.sub(r"\1", text)


_RAW_WORD_RE = re.compile(r"[^\W_]+")


def _raw_words(text):
    if not text:
        return []
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _RAW_WORD_RE.findall(text.lower())


@functools.lru_cache(maxsize=500_000)
def _fold_word(raw):
    return tuple(_WORD_RE.findall(fold(raw)))


def words(text):
    """The folded words of a text, in order (stopwords included).

    Words are cut first and folded one by one (cached), which is much faster than folding
    whole texts and gives the same words.
    """
    out = []
    for raw in _raw_words(text):
        out.extend(_fold_word(raw))
    return out


try:  # PyStemmer: the same Snowball algorithm in C, ~75x faster (identical tokens)
    import Stemmer

    _stemmer = Stemmer.Stemmer("german")
except ImportError:  # pragma: no cover - depends on the installation
    _stemmer = snowballstemmer.stemmer("german")


@functools.lru_cache(maxsize=200_000)
def stem(word):
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer.stemWord(word)


@functools.cache
def stopwords():
    return _load_words("stopwords.txt")


@functools.cache
def lexicon():
    """Known German word parts (folded), shipped in search/data/compound_parts.txt."""
    return frozenset(w for w in _load_words("compound_parts.txt") if len(w) >= MIN_PART)


def _piece_forms(piece, lex, final):
    """Lexicon forms a piece can stand for (non-final Sprach- → sprache, Schul- → schule)."""
    forms = []
    if piece in lex:
        forms.append(piece)
    if not final and piece + "e" in lex:
        forms.append(piece + "e")
    return forms


def _unknown_cost(length):
    return 1.5 + 0.3 * length


@functools.lru_cache(maxsize=200_000)
def split_compound(word):
    """The known parts of a compound, flattened: deutschkurs → (deutsch, kurs)."""
    parts = []
    for forms in compound_pieces(word):
        for form in forms:
            if form != word and form not in parts:
                parts.append(form)
    return tuple(parts)


@functools.lru_cache(maxsize=200_000)
def compound_pieces(word):
    """Known pieces of a compound word, e.g. sprachkurs → ((sprach, sprache), (kurs,)).

    Dynamic programming over the word: known pieces cost 1 (a linking element such as the s
    in Integrationskurs may follow a non-final piece); one unknown stretch of ≥ 4 letters is
    allowed at the start or the end at a higher cost, so that "Töpferkurs" still yields
    "kurs". The last piece may carry an inflection ending. The whole word never counts as a
    piece of itself. Returns one tuple of lexicon forms per known piece; () when the word is
    not a compound we recognise.
    """
    n = len(word)
    if n < MIN_COMPOUND or not word.isalpha():
        return ()
    lex = lexicon()
    inf = float("inf")
    # best[i] = (cost, pieces, unknown_used) for word[:i]
    best = [(inf, (), False)] * (n + 1)
    best[0] = (0.0, (), False)

    def offer(j, cand):
        if cand[0] < best[j][0]:
            best[j] = cand

    for i in range(n):
        cost, pieces, unknown = best[i]
        if cost == inf:
            continue
        for j in range(i + MIN_PART, n + 1):
            if i == 0 and j >= n - 2:
                break  # the whole word (perhaps with an ending) is not a part of itself
            piece = word[i:j]
            forms = _piece_forms(piece, lex, final=j >= n - 2)
            if forms:
                offer(j, (cost + 1.0, pieces + (tuple(forms),), unknown))
                for link in LINKERS:
                    k = j + len(link)
                    if k <= n - MIN_PART and word.startswith(link, j):
                        offer(k, (cost + 1.1, pieces + (tuple(forms),), unknown))
        if not unknown:
            if i == 0:
                for j in range(4, n - MIN_PART + 1):
                    offer(j, (_unknown_cost(j), (), True))
            elif i <= n - 4:
                offer(n, (cost + _unknown_cost(n - i), pieces, True))
    result = None
    for ending in ENDINGS:
        end = n - len(ending)
        if end <= 0 or not word.endswith(ending):
            continue
        cost, pieces, unknown = best[end]
        if pieces and cost < inf and (result is None or cost < result[0]):
            result = (cost, pieces, unknown)
    if result is None:
        return ()
    _cost, pieces, unknown = result
    if len(pieces) + (1 if unknown else 0) < 2:
        return ()
    return pieces


@functools.lru_cache(maxsize=200_000)
def word_tokens(word):
    """Index tokens for one folded word: the word, its stem, compound parts and their stems."""
    tokens = [word]
    s = stem(word)
    if s != word:
        tokens.append(s)
    parts = list(split_compound(word))
    for part in list(parts):
        parts.extend(p for p in split_compound(part) if p not in parts)
    for part in parts:
        for token in (part, stem(part)):
            if token not in tokens:
                tokens.append(token)
    return tuple(tokens)


@functools.lru_cache(maxsize=500_000)
def _raw_word_tokens(raw):
    stop = stopwords()
    out = []
    for word in _fold_word(raw):
        if word not in stop:
            out.extend(word_tokens(word))
    return tuple(out)


def index_tokens(text):
    """The token string stored in the search document for a text (each token once)."""
    out = {}
    for raw in _raw_words(text):
        out.update(dict.fromkeys(_raw_word_tokens(raw)))
    return " ".join(out)


def query_words(text):
    """The folded words of a query without stopwords (all of them if only stopwords)."""
    all_words = words(text)
    stop = stopwords()
    kept = [w for w in all_words if w not in stop]
    return kept or all_words
