"""From what a person typed to a token expression both databases can match.

Each query word becomes an OR-group of alternatives; the groups are ANDed:

    word      the folded word and its Snowball stem (both are indexed, see text.py)
    prefix    the last word also matches as a prefix (typing in progress), from 3 letters
    parts     a compound's known parts, ANDed ("Sprachkurs" also finds "Kurs für Sprache")
    synonyms  every term of the word's synonym groups (multi-word terms ANDed)
    typos     for words not in the vocabulary: vocabulary terms within edit distance 1–2

Consecutive words that form a multi-word synonym ("Bundesamt für Migration") are one group.
Tokens are [a-z0-9]+ only, so nothing a user types can reach the MATCH / tsquery syntax.
"""

from dataclasses import dataclass

from .text import compound_pieces, query_words, stem

MAX_WORDS = 10
MIN_PREFIX = 3


@dataclass(frozen=True)
class Term:
    token: str
    prefix: bool = False


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class And:
    children: tuple


def _or(children):
    unique = tuple(dict.fromkeys(children))
    return unique[0] if len(unique) == 1 else Or(unique)


def _and(children):
    unique = tuple(dict.fromkeys(children))
    return unique[0] if len(unique) == 1 else And(unique)


def _word_alternatives(word):
    return [Term(word), Term(stem(word))]


def _term_expression(words):
    """A synonym term (tuple of folded words) as an expression."""
    return _and(tuple(_or(tuple(_word_alternatives(w))) for w in words))


def _group_for_word(word, is_last, synonyms, vocab):
    alternatives = _word_alternatives(word)
    if is_last and len(word) >= MIN_PREFIX:
        alternatives.append(Term(word, prefix=True))
    pieces = compound_pieces(word)
    if len(pieces) >= 2:
        alternatives.append(_and(tuple(
            _or(tuple(Term(t) for form in forms for t in (form, stem(form)))) for forms in pieces
        )))
    for group in synonyms.for_word(word):
        alternatives.extend(_term_expression(term) for term in group)
    known = (word in vocab or stem(word) in vocab
             or (is_last and len(word) >= MIN_PREFIX and vocab.has_prefix(word)))
    if not known:
        for correction in vocab.corrections(word):
            alternatives.append(Term(correction))
            alternatives.append(Term(stem(correction)))
    return _or(tuple(alternatives))


def compile_query(q, synonyms, vocab):
    """The expression for a query string, or None when it holds no searchable word."""
    words = query_words(q)[:MAX_WORDS]
    if not words:
        return None
    groups = []
    i = 0
    while i < len(words):
        matched = False
        for length in range(min(synonyms.max_phrase, len(words) - i), 1, -1):
            phrase = words[i:i + length]
            found = synonyms.for_phrase(phrase)
            if found:
                alternatives = [_term_expression(tuple(phrase))]
                for group in found:
                    alternatives.extend(_term_expression(term) for term in group)
                groups.append(_or(tuple(alternatives)))
                i += length
                matched = True
                break
        if not matched:
            groups.append(_group_for_word(words[i], i == len(words) - 1, synonyms, vocab))
            i += 1
    return _and(tuple(groups))


def filter_expression(token_groups):
    """Facet filters: a list of token lists, OR within a list, AND across lists."""
    groups = [_or(tuple(Term(t) for t in tokens)) for tokens in token_groups if tokens]
    return _and(tuple(groups)) if groups else None


def to_fts5(expr):
    if isinstance(expr, Term):
        return f'"{expr.token}"*' if expr.prefix else f'"{expr.token}"'
    joiner = " OR " if isinstance(expr, Or) else " AND "
    return "(" + joiner.join(to_fts5(child) for child in expr.children) + ")"


def exact_expression(q):
    """Only the words as typed (folded), all required: the top ranking tier."""
    words = query_words(q)[:MAX_WORDS]
    return _and(tuple(Term(w) for w in words)) if words else None


def to_tsquery(expr, weights=""):
    """The tsquery text; `weights` (e.g. "A") restricts every term to those columns."""
    if isinstance(expr, Term):
        if expr.prefix:
            return f"{expr.token}:*{weights}"
        return f"{expr.token}:{weights}" if weights else expr.token
    joiner = " | " if isinstance(expr, Or) else " & "
    return "(" + joiner.join(to_tsquery(child, weights) for child in expr.children) + ")"
