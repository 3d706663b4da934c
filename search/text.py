"""Text normalisation for the search index and for queries: German first, and the scripts of
the offers' translations (Latin, Cyrillic, Arabic/Persian).

Everything here is pure Python and deterministic, so SQLite and PostgreSQL see exactly the same
tokens: the databases only match tokens, they never analyse a language themselves.

Pipeline for a text:  fold (case, umlauts, ß, accents, Arabic/Persian letter variants) → split
into words → drop stopwords → for each word: the folded word, its Snowball stem (German for
Latin words, Russian for Cyrillic, Arabic for Arabic script) and, for German words, its
compound parts (with their stems).
"""

import functools
import re
import unicodedata
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"

# The letters a folded word consists of: Latin (folded to a-z), digits, Cyrillic (а–џ and
# ґ), Arabic and Persian letters (without tatweel, marks and punctuation). Nothing else
# reaches the index or a query, so no user input can form FTS5 or tsquery syntax.
_LETTERS = "a-z0-9\u0430-\u045f\u0491\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5"
_WORD_RE = re.compile(f"[{_LETTERS}]+")
# ae/oe/ue typed for ä/ö/ü, but not after a vowel or q (Frauen, neue, Feuer, Quelle).
_DIGRAPH_RE = re.compile(r"(?<![aeiouyq])([aou])e")
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
    # Turkish dotless ı (İ lower-cases to i + a combining dot, which is stripped below), so
    # İstanbul, ISTANBUL and ıstanbul all become istanbul
    "ı": "i",
    # the common letters directly (fast path); NFKD handles the rest
    "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "â": "a",
    "ó": "o", "ò": "o", "ô": "o", "í": "i", "ì": "i", "î": "i", "ú": "u", "ù": "u", "û": "u",
    "ç": "c", "ñ": "n", "ë": "e", "ï": "i", "\u2011": "-", "\u00ad": "",
})
# Arabic and Persian: the same word is written with and without vowel marks (harakat,
# superscript alef), stretched with tatweel, and with letter variants that people type
# interchangeably (Persian ی/ک for Arabic ي/ك, ى for ي, ة for ه). Alef with hamza or madda
# (أ إ آ) decompose into alef + mark under NFKD and lose the mark. ZWNJ joins the parts of a
# Persian word (می‌خواهم): removed here, so the word is one token; the index adds its parts as
# well (see _raw_word_tokens), so a query typed with a space instead finds it too.
_SCRIPT_FOLDS = str.maketrans({
    **dict.fromkeys(range(0x064B, 0x0660)), 0x0670: None,  # harakat, superscript alef
    0x0640: None,  # tatweel
    0x200C: None, 0x200D: None,  # zero-width non-joiner / joiner
    0x02BC: " ",  # the Ukrainian apostrophe letter splits like ' and ’ do (сім'я)
    0x0671: "\u0627",  # alef wasla → alef
    0x0649: "\u064a", 0x06CC: "\u064a",  # alef maqsura, Farsi yeh → yeh
    0x06A9: "\u0643", 0x06AA: "\u0643",  # keheh, swash kaf → kaf
    0x0629: "\u0647", 0x06C0: "\u0647", 0x06C1: "\u0647",  # teh marbuta, heh variants → heh
    **{0x0660 + d: str(d) for d in range(10)},  # Arabic-Indic digits
    **{0x06F0 + d: str(d) for d in range(10)},  # Persian digits
})
# Letters NFKD splits into a base and a mark that are letters of their own, not accented ones:
# Cyrillic й and Ukrainian ї stay (ё becomes е, as Russian is mostly written).
_KEPT_LETTERS = (("\u0438\u0306", "\u0439"), ("\u0456\u0308", "\u0457"))

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
    """Case-folded, ä/ae→a, ö/oe→o, ü/ue→u, ß→ss, other diacritics stripped (but Cyrillic й
    and ї kept), Arabic/Persian letter variants, marks, tatweel and digits unified."""
    text = text.casefold().translate(_SPECIAL)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SCRIPT_FOLDS))
        for decomposed, letter in _KEPT_LETTERS:
            if decomposed in text:
                text = text.replace(decomposed, letter)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _DIGRAPH_RE.sub(r"\1", text)


# A raw word: letters and digits plus the marks and joiners that sit inside words (combining
# accents as in the İ of İstanbul, Arabic harakat, tatweel, ZWNJ); fold() removes those.
# (An underscore may join two raw words: folding splits them again.)
_IN_WORD_MARKS = ("\u0300-\u036f\u0483-\u0489\u0610-\u061a\u0640\u064b-\u065f\u0670"
                  "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u200c\u200d")
_RAW_WORD_RE = re.compile(f"[\\w{_IN_WORD_MARKS}]+")


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


def _snowball(language):
    try:  # PyStemmer: the same Snowball algorithms in C, ~75x faster (identical tokens)
        import Stemmer

        return Stemmer.Stemmer(language)
    except ImportError:  # pragma: no cover - depends on the installation
        return snowballstemmer.stemmer(language)


_stemmer = _snowball("german")
# Folded Latin words are ASCII and get the German stemmer (also for English and Turkish
# translations: both sides of a match are stemmed alike). Cyrillic words get the Russian one
# (it also strips most Ukrainian endings: курси → курс), Arabic script the Arabic one, which
# removes the article and affixes (الدورات → دور); Persian shares its letters.
_script_stemmers = {"cyrillic": _snowball("russian"), "arabic": _snowball("arabic")}


def _script(word):
    first = word[0]
    if "\u0400" <= first <= "\u04ff":
        return "cyrillic"
    if "\u0600" <= first <= "\u06ff":
        return "arabic"
    return None


@functools.lru_cache(maxsize=200_000)
def stem(word):
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.isascii():
        return _stemmer.stemWord(word)
    stemmer = _script_stemmers.get(_script(word))
    return stemmer.stemWord(word) if stemmer else word


# Function words of the translations' languages (Turkish, Ukrainian, Russian, Arabic,
# Persian; English ones are in data/stopwords.txt), so "курсы для женщин" does not require
# "для". Only words that are no German word and no name (Arabic على folds to the name علي).
_TRANSLATION_STOPWORDS = """
    ve ile icin bir bu veya ya
    і й та або для з із зі на у в до від по що це як не
    и или для с со на в во к о об от из у по что это как не а но
    في من الى إلى مع عن او أو هذا هذه
    و در به از با برای که را این یا
"""


@functools.cache
def stopwords():
    extra = {word for raw in _TRANSLATION_STOPWORDS.split() for word in _WORD_RE.findall(fold(raw))}
    return _load_words("stopwords.txt") | extra


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
    # German compounds only: the lexicon is German, and a Cyrillic or Arabic word has no parts
    if n < MIN_COMPOUND or not word.isalpha() or not word.isascii():
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
    words = list(_fold_word(raw))
    if "\u200c" in raw:  # a Persian word joined by ZWNJ: its parts too (typed with a space)
        words += [w for part in raw.split("\u200c") for w in _fold_word(part) if w not in words]
    out = []
    for word in words:
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
