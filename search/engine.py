"""Entry point of the offer search: filters, text query, facet counts, sorting, paging.

The query is compiled in Python (query.py) to a token expression; the database's full-text
index (FTS5 on SQLite, tsvector/GIN on PostgreSQL) matches it against the normalised
SearchDocument tokens, including filter tokens such as `xc12` (city 12) or `xfree1`, so the
text index does the filtering too. Facet counts are one GROUP BY per facet on the m2m tables
restricted to the matching ids. Results and facet counts are cached per filter state in
Django's cache under the data version, which changes with every searchable change.

The index holds visible offers only (freshness/rules.py); data_version() removes, once a day
per process, those whose last visible day has passed.
"""

import hashlib
import math
import threading
from dataclasses import dataclass
from itertools import islice

from django.core.cache import cache
from django.db import connection, transaction

from offers.models import Offer
from taxonomy.models import City, Language, TargetGroup, Topic

from . import bitsets, proximity, version
from .indexing import FACET_BASE, FACET_PREFIX, FACET_SPAN, FLAG_CODES, M2M_FIELDS, sweep_daily
from .lru import RecentResults
from .params import FACETS, FLAGS, SearchParams
from .query import compile_query, exact_expression, filter_expression, to_fts5, to_tsquery
from .synonyms import get_synonyms
from .vocab import get_vocabulary

FACET_FIELDS = {
    "city": ("cities", City),
    "topic": ("topics", Topic),
    "target_group": ("target_groups", TargetGroup),
    "language": ("languages", Language),
}
FLAG_TOKENS = {"free": "xfree", "accessible": "xacc", "childcare": "xchild"}
FLAG_COLUMNS = {"free": "is_free", "accessible": "accessible", "childcare": "childcare"}

# Column weights: title over summary over description over provider (and meta data).
FTS5_TEXT_COLUMNS = "{title_tokens summary_tokens description_tokens provider_tokens meta_tokens}"
FTS5_BM25 = "bm25(search_fts, 10.0, 4.0, 1.5, 1.0, 0.7, 0.0)"
PG_WEIGHTS = "'{0.05, 0.2, 0.5, 1.0}'"  # D (provider, meta), C (description), B, A (title)
CACHE_TIMEOUT = 3600
# Above this many hits, relevance uses cheap tiers instead of scoring every hit.
BM25_LIMIT = 500
# matching_ids(): more than the district will ever have, fewer than would exhaust memory.
MAX_MATCHING_IDS = 100_000
DOC_TABLE = "search_searchdocument"
FACET_TABLE = "search_searchfacet"


@dataclass
class SearchResult:
    params: SearchParams
    count: int
    offers: list  # the offers on the requested page, with related data prefetched
    facets: dict  # {"city": {slug: n}, ..., "flags": {"free": n, "accessible": n, "childcare": n}}

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.params.page_size))


# --- taxonomy lookups, cached per data version ----------------------------------------------

_tax_lock = threading.Lock()
_tax_cache = (None, None)


def _taxonomy(token):
    """{facet: (slug -> id, id -> slug)} for this data version."""
    global _tax_cache
    cached_token, maps = _tax_cache
    if cached_token == token:
        return maps
    with _tax_lock:
        maps = {facet: ({}, {}) for facet in FACET_FIELDS}
        sql = " UNION ALL ".join(
            f"SELECT '{facet}', slug, id FROM {model._meta.db_table}"
            for facet, (_field, model) in FACET_FIELDS.items()
        )
        for facet, slug, pk in _fetch(sql, []):
            maps[facet][0][slug] = pk
            maps[facet][1][pk] = slug
        _tax_cache = (token, maps)
    return maps


def known_slugs():
    """The valid slugs per facet (cached until the data version changes)."""
    maps = _taxonomy(version.current()[0])
    return {facet: set(maps[facet][0]) for facet in FACET_FIELDS}


# --- SQL building --------------------------------------------------------------------------


class _Query:
    """The compiled text and filter expressions for one request."""

    def __init__(self, params, token, vocab_token):
        self.params = params
        self.maps = _taxonomy(token)
        # offers within the radius (search/proximity.py), or None without `near`
        self.near = proximity.matches(params.near, params.radius, token) if params.near else None
        self.text = self.exact = None
        if params.q:
            self.text = compile_query(params.q, get_synonyms(token), get_vocabulary(vocab_token))
            self.exact = exact_expression(params.q)

    def filter_groups(self, skip=None):
        groups = []
        for facet in FACETS:
            if facet == skip:
                continue
            slug_to_id = self.maps[facet][0]
            values = [slug_to_id[s] for s in getattr(self.params, facet) if s in slug_to_id]
            if getattr(self.params, facet):
                # an unknown slug alone must match nothing, not everything
                groups.append([f"{FACET_PREFIX[facet]}{v}" for v in values] or ["xnone"])
        for flag in FLAGS:
            value = getattr(self.params, flag)
            if value is not None and flag != skip:
                groups.append([f"{FLAG_TOKENS[flag]}{int(value)}"])
        return groups

    def id_subquery(self, skip=None):
        """SQL selecting the ids of matching offers (all filters but `skip`), and params."""
        sql, params = self._id_subquery(skip)
        if self.near is None:
            return sql, params
        # Only on the SQL fallback (ids beyond bitsets): the radius as a literal id list of
        # integers read from the database, so no parameter limit applies.
        ids = ",".join(map(str, self.near.order)) or "-1"
        column = "rowid" if sql.startswith("SELECT rowid") else "offer_id"
        joiner = " AND " if " WHERE " in sql else " WHERE "
        return f"{sql}{joiner}{column} IN ({ids})", params

    def _id_subquery(self, skip=None):
        filters = filter_expression(self.filter_groups(skip))
        if connection.vendor == "postgresql":
            conditions, params = [], []
            if self.text is not None:
                conditions.append("tsv @@ to_tsquery('simple', %s)")
                params.append(to_tsquery(self.text))
            if filters is not None:
                conditions.append("ftsv @@ to_tsquery('simple', %s)")
                params.append(to_tsquery(filters))
            where = " WHERE " + " AND ".join(conditions) if conditions else ""
            return f"SELECT offer_id FROM {DOC_TABLE}{where}", params
        parts = []
        if self.text is not None:
            parts.append(f"{FTS5_TEXT_COLUMNS} : {to_fts5(self.text)}")
        if filters is not None:
            parts.append(f"facet_tokens : {to_fts5(filters)}")
        if not parts:
            return f"SELECT offer_id FROM {DOC_TABLE}", []
        return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [" AND ".join(parts)]

    @property
    def is_everything(self):
        return self.text is None and self.near is None and not self.filter_groups()

    @property
    def sort(self):
        return self.params.effective_sort(has_text=self.text is not None)


def _fetch(sql, params):
    if connection.vendor == "postgresql":
        # The planner prices a tsvector match as cheap and picks a sequential scan once it
        # expects a large share of rows, then de-TOASTs every document: 345 ms against 68 ms
        # through the GIN index for a query matching 20 % of 100,000 offers.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _summary(query):
    """The number of results and all facet counts, in one round trip.

    Each distinct matching set (all filters; all but facet F when F is filtered) is computed
    once as a materialised CTE; the facets sharing a set are counted with one GROUP BY over
    SearchFacet (one row per offer and filter value). UNION ALL makes it one statement.
    """
    everything = f"SELECT offer_id FROM {DOC_TABLE}"
    ctes, cte_params = {}, []

    def matching(skip=None):
        """The CTE name for the id set, or None for every document."""
        sql, params = query.id_subquery(skip=skip)
        if sql == everything:
            return None
        key = (sql, tuple(params))
        if key not in ctes:
            ctes[key] = f"m{len(ctes)}"
            cte_params.extend(params)
        return ctes[key]

    parts = []
    name = matching()
    parts.append(f"SELECT -1, COUNT(*) FROM {name or DOC_TABLE}")
    by_set = {}
    for facet in M2M_FIELDS:
        by_set.setdefault(matching(skip=facet), []).append(facet)
    active = [flag for flag in FLAGS if getattr(query.params, flag) is not None]
    flag_sets = {}
    for flag in FLAGS:
        flag_sets.setdefault(matching(skip=flag if flag in active else None), []).append(flag)
    for name in set(by_set) | set(flag_sets):
        ranges = [f"code BETWEEN {FACET_BASE[f]} AND {FACET_BASE[f] + FACET_SPAN - 1}"
                  for f in by_set.get(name, [])]
        codes = [str(FLAG_CODES[f]) for f in flag_sets.get(name, [])]
        if codes:
            ranges.append(f"code IN ({', '.join(codes)})")
        where = " OR ".join(ranges)
        if name is not None:
            if connection.vendor == "sqlite":
                # unary + keeps SQLite from scanning the code index instead of looking up ids
                where = where.replace("code ", "+code ")
            where = f"offer_id IN (SELECT id FROM {name}) AND ({where})"
        parts.append(f"SELECT code, COUNT(*) FROM {FACET_TABLE} WHERE {where} GROUP BY code")
    with_clause = ""
    if ctes:
        with_clause = "WITH " + ", ".join(
            f"{cte}(id) AS MATERIALIZED ({sql})" for (sql, _p), cte in ctes.items()
        ) + " "
    count = 0
    facets = {facet: {} for facet in M2M_FIELDS}
    flags = dict.fromkeys(FLAGS, 0)
    flag_by_code = {code: flag for flag, code in FLAG_CODES.items()}
    base_to_facet = {base: facet for facet, base in FACET_BASE.items()}
    for code, n in _fetch(with_clause + " UNION ALL ".join(parts), cte_params):
        if code == -1:
            count = n
        elif code in flag_by_code:
            flags[flag_by_code[code]] = n
        elif n:
            facet = base_to_facet.get(code - code % FACET_SPAN)
            slug = query.maps[facet][1].get(code % FACET_SPAN) if facet else None
            if slug:
                facets[facet][slug] = n
    facets["flags"] = flags
    return count, facets


def _tiered_ranking(query, offset, limit):
    """Relevance for large result sets without scoring every hit.

    Tiers: the typed words in the title, any alternative in the title, in the summary, the
    rest; newest first within a tier. Scoring (bm25 / ts_rank) is per-hit work that grows
    with the result set; these are index look-ups.
    """
    sql, params = query.id_subquery()
    if connection.vendor == "postgresql":
        tiers = [to_tsquery(query.exact, "A"), to_tsquery(query.text, "A"),
                 to_tsquery(query.text, "B")]
        case = " ".join(f"WHEN tsv @@ to_tsquery('simple', %s) THEN {n}" for n in range(3))
        return [r[0] for r in _fetch(
            f"{sql} ORDER BY CASE {case} ELSE 3 END, offer_id DESC LIMIT %s OFFSET %s",
            params + tiers + [limit, offset],
        )]
    tiers = [f"title_tokens : {to_fts5(query.exact)}", f"title_tokens : {to_fts5(query.text)}",
             f"summary_tokens : {to_fts5(query.text)}"]
    case = " ".join(
        f"WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) THEN {n}"
        for n in range(3)
    )
    return [r[0] for r in _fetch(
        f"{sql} ORDER BY CASE {case} ELSE 3 END, rowid DESC LIMIT %s OFFSET %s",
        params + tiers + [limit, offset],
    )]


def _page_ids(query, offset, limit, count):
    sort = query.sort
    if sort == "distance":
        sql, params = query.id_subquery()
        found = {r[0] for r in _fetch(sql, params)}
        return [i for i in query.near.order if i in found][offset:offset + limit]
    if sort == "relevance" and count > BM25_LIMIT:
        return _tiered_ranking(query, offset, limit)
    if sort == "relevance":
        sql, params = query.id_subquery()
        if connection.vendor == "postgresql":
            sql += (f" ORDER BY ts_rank({PG_WEIGHTS}, tsv, to_tsquery('simple', %s), 1) DESC, "
                    "offer_id DESC LIMIT %s OFFSET %s")
            return [r[0] for r in _fetch(sql, params + [to_tsquery(query.text), limit, offset])]
        sql += f" ORDER BY {FTS5_BM25}, rowid DESC LIMIT %s OFFSET %s"
        return [r[0] for r in _fetch(sql, params + [limit, offset])]
    order = ("created_at DESC, offer_id DESC" if sort == "newest" else "sort_title, offer_id")
    sql, params = query.id_subquery()
    where = "" if sql == f"SELECT offer_id FROM {DOC_TABLE}" else f" WHERE offer_id IN ({sql})"
    return [r[0] for r in _fetch(
        f"SELECT offer_id FROM {DOC_TABLE}{where} ORDER BY {order} LIMIT %s OFFSET %s",
        params + [limit, offset],
    )]


def _match_bits(fts_match, tsquery, filters=None):
    """The ids matching a text expression (FTS5 MATCH string / PostgreSQL tsquery text).

    `filters` (a filter expression) narrows the match inside the index, so fewer ids travel
    to Python; only for sets that are intersected with the filtered hits anyway.
    """
    if connection.vendor == "postgresql":
        sql = f"SELECT offer_id FROM {DOC_TABLE} WHERE tsv @@ to_tsquery('simple', %s)"
        params = [tsquery]
        if filters is not None:
            sql += " AND ftsv @@ to_tsquery('simple', %s)"
            params.append(to_tsquery(filters))
        rows = _fetch(sql, params)
    else:
        if filters is not None:
            fts_match = f"{fts_match} AND facet_tokens : {to_fts5(filters)}"
        rows = _fetch("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts_match])
    return bitsets.to_bits(r[0] for r in rows)


def _text_bits(query, token):
    """The ids matching the text query alone, kept per query while the data is unchanged,
    so that changing filters or pages under one query costs no index query."""
    key = (token, query.params.q)
    bits = _text_matches.get(key)
    if bits is None:
        bits = _match_bits(f"{FTS5_TEXT_COLUMNS} : {to_fts5(query.text)}",
                           to_tsquery(query.text))
        _text_matches.put(key, bits)
    return bits


def _bitset_summary(query, index, token):
    """(matching bits, count, facets) with filters and facet counts as bitset operations."""
    base = index.everything
    if query.text is not None:
        base &= _text_bits(query, token)
    restrictions = {}
    for facet in FACETS:
        values = getattr(query.params, facet)
        if values:
            slug_to_id = query.maps[facet][0]
            bits = 0
            for slug in values:
                if slug in slug_to_id:
                    bits |= index.by_code.get(FACET_BASE[facet] + slug_to_id[slug], 0)
            restrictions[facet] = bits
    for flag in FLAGS:
        value = getattr(query.params, flag)
        if value is not None:
            bits = index.by_code.get(FLAG_CODES[flag], 0)
            restrictions[flag] = bits if value else index.everything & ~bits
    if query.near is not None:
        base &= query.near.bits  # never relaxed for a facet's counts: they count within the radius

    def matching(skip=None):
        bits = base
        for name, restriction in restrictions.items():
            if name != skip:
                bits &= restriction
        return bits

    hits = matching()
    facets = {}
    for facet in M2M_FIELDS:
        within = matching(facet) if facet in restrictions else hits
        counts = {}
        for term_id, slug in query.maps[facet][1].items():
            bits = index.by_code.get(FACET_BASE[facet] + term_id)
            if bits:
                n = (within & bits).bit_count()
                if n:
                    counts[slug] = n
        facets[facet] = counts
    flags = {}
    for flag in FLAGS:
        within = matching(flag) if flag in restrictions else hits
        flags[flag] = (within & index.by_code.get(FLAG_CODES[flag], 0)).bit_count()
    facets["flags"] = flags
    return hits, hits.bit_count(), facets


def _bitset_page(query, index, hits, count, offset, limit):
    sort = query.sort
    if sort == "distance":
        return bitsets.select_ordered(query.near.order, hits, None, offset, limit)
    if sort == "relevance":
        if count <= BM25_LIMIT:
            return _page_ids(query, offset, limit, count)
        # tiers (see _tiered_ranking), newest first within each; each tier's index query
        # runs only when the page reaches into it (page 1 usually needs the first alone)
        filters = filter_expression(query.filter_groups())
        tiers = [
            lambda: _match_bits(f"title_tokens : {to_fts5(query.exact)}",
                                to_tsquery(query.exact, "A"), filters),
            lambda: _match_bits(f"title_tokens : {to_fts5(query.text)}",
                                to_tsquery(query.text, "A"), filters),
            lambda: _match_bits(f"summary_tokens : {to_fts5(query.text)}",
                                to_tsquery(query.text, "B"), filters),
            None,
        ]
        remaining, out, skip = hits, [], offset
        for tier in tiers:
            part = remaining if tier is None else remaining & tier()
            remaining &= ~part
            n = part.bit_count()
            if skip >= n:
                skip -= n
                continue
            for i in islice(bitsets.iter_ids(part, descending=True), skip, None):
                out.append(i)
                if len(out) >= limit:
                    return out
            skip = 0
        return out
    order = index.title_order if sort == "title" else index.newest_order()
    return bitsets.select_ordered(order, hits, index.everything, offset, limit)


def _load_offers(ids):
    if not ids:
        return []
    by_id = {
        offer.pk: offer
        for offer in Offer.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("cities", "topics", "target_groups", "languages")
    }
    return [by_id[i] for i in ids if i in by_id]


def _key(*parts):
    return "search:" + hashlib.sha1("|".join(parts).encode()).hexdigest()


_recent = RecentResults()
_matching_sets = RecentResults(size=64)  # (hits bits, count, facets) per filter state
_text_matches = RecentResults(size=64)  # ids matching a text query, per query


def data_version():
    """(token, vocab_token) of the searchable data now, after the first call of a new day in
    this process has removed the offers that stopped being visible (indexing.sweep_daily)."""
    sweep_daily()
    return version.current()


def search_offers(params: SearchParams) -> SearchResult:
    token, vocab_token = data_version()
    page_key = _key(token, "page", params.cache_key())
    result = _recent.get(page_key)
    if result is not None:
        return result
    # Django's cache holds the light part (ids, count, facets): cheap to pickle, and shared
    # between processes when the deployment configures a shared cache.
    light = cache.get(page_key)
    if light is None:
        light = _compute(params, token, vocab_token)
        cache.set(page_key, light, CACHE_TIMEOUT)
    count, facets, ids = light
    result = SearchResult(params=params, count=count, offers=_load_offers(ids), facets=facets)
    _recent.put(page_key, result)
    return result


def _compute(params, token, vocab_token):
    """(count, facets, ids of the requested page) for these params."""
    query = _Query(params, token, vocab_token)
    filter_key = _key(token, "facets", params.q, *params.cache_key().split("|")[4:])
    offset = (params.page - 1) * params.page_size
    index = bitsets.get_index(token)
    if index is not None:
        entry = _matching_sets.get(filter_key)
        if entry is None:
            entry = _bitset_summary(query, index, token)
            _matching_sets.put(filter_key, entry)
        hits, count, facets = entry
        ids = (_bitset_page(query, index, hits, count, offset, params.page_size)
               if offset < count else [])
        return count, facets, ids
    # ids too large for bitsets: count in SQL
    summary = cache.get(filter_key)
    if summary is None:
        summary = _summary(query)
        cache.set(filter_key, summary, CACHE_TIMEOUT)
    count, facets = summary
    ids = _page_ids(query, offset, params.page_size, count) if offset < count else []
    return count, facets, ids


def matching_ids(params, limit=MAX_MATCHING_IDS):
    """The ids of all offers this search finds (up to `limit`), in the search's order.

    For exports, feeds and calendars of a search: the same filters and ranking as the results
    page, without its paging. Not cached: these are rarer requests than result pages.
    """
    from dataclasses import replace

    token, vocab_token = data_version()
    _count, _facets, ids = _compute(replace(params, page=1, page_size=limit), token, vocab_token)
    return ids


def warm_up():
    """Build this process's in-memory filter index and vocabulary before the first request
    needs them (about a second at 100,000 offers); gunicorn workers call it on start."""
    token, vocab_token = data_version()
    _taxonomy(token)
    bitsets.get_index(token)
    get_vocabulary(vocab_token)
