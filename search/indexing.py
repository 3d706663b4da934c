"""Keeping the search index in step with the offers.

`reindex_offers(ids)` rebuilds the SearchDocument rows of those offers in batches (a handful
of queries per 500 offers). Signals (search/signals.py) call it after every change; imports
wrap their work in `bulk_indexing()`, which collects the touched offers and indexes them once
at the end.

Only visible offers (freshness/rules.py: published, not hidden for review, not ended) have a
document, which records its last visible day; `sweep_expired(day)` removes the documents whose
day has passed, so offers leave the search as time passes without anybody saving anything.
"""

import contextlib
import threading

from django.db import connection, transaction
from django.utils import timezone

from freshness import rules

from . import version
from .models import SearchDocument, SearchFacet, SearchTerm
from .text import fold, index_tokens

BATCH_SIZE = 500
MAX_TERM_LENGTH = 64

FACET_PREFIX = {"city": "xc", "topic": "xt", "target_group": "xg", "language": "xl"}
M2M_FIELDS = {"city": "cities", "topic": "topics", "target_group": "target_groups",
              "language": "languages"}
FLAG_TOKENS = {"free": "xfree", "accessible": "xacc", "childcare": "xchild"}
# SearchFacet codes: base + taxonomy id for the facets, small numbers for true flags
FACET_BASE = {"city": 10_000_000, "topic": 20_000_000, "target_group": 30_000_000,
              "language": 40_000_000}
FACET_SPAN = 10_000_000
FLAG_CODES = {"free": 1, "accessible": 2, "childcare": 3}

DOC_COLUMNS = ("offer_id", "title_tokens", "summary_tokens", "description_tokens",
               "provider_tokens", "meta_tokens", "facet_tokens", "sort_title", "created_at",
               "is_free", "accessible", "childcare", "visible_until")
INSERT_SQL = (f"INSERT INTO {SearchDocument._meta.db_table} ({', '.join(DOC_COLUMNS)}) "
              f"VALUES ({', '.join(['%s'] * len(DOC_COLUMNS))})")

FACET_INSERT_SQL = f"INSERT INTO {SearchFacet._meta.db_table} (offer_id, code) VALUES (%s, %s)"

_state = threading.local()


def adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


def adapt_date(value):
    return connection.ops.adapt_datefield_value(value)


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# Almost every offer is held in German: indexing that name would make "Deutsch" (as in
# Deutschkurs) match everything, so the language of the offer is searchable for all but German.
UNINDEXED_LANGUAGES = {"de"}


def _taxonomy_names():
    from taxonomy.models import City, Language, TargetGroup, Topic

    names = {}
    for facet, model in (("city", City), ("topic", Topic), ("target_group", TargetGroup),
                         ("language", Language)):
        rows = model.objects.values_list("id", "name", "slug")
        names[facet] = {pk: name for pk, name, slug in rows
                        if not (facet == "language" and slug in UNINDEXED_LANGUAGES)}
    return names


DOC_TABLE = SearchDocument._meta.db_table
FACET_TABLE = SearchFacet._meta.db_table


def _rows(sql, ids, fetch=True):
    """Run `sql` with its `{}` replaced by placeholders for the integer ids (no ORM overhead)."""
    ids = [int(i) for i in ids]
    with connection.cursor() as cursor:
        cursor.execute(sql.format(", ".join(["%s"] * len(ids))), ids)
        return cursor.fetchall() if fetch else None


def _index_batch(batch, taxonomy, seen_terms, today):
    """Replace the documents of the offers in `batch`; returns the number written."""
    from offers.models import Offer, OfferTranslation, Place

    rows = list(
        Offer.objects.filter(pk__in=batch).visible(today).values_list(
            "id", "title", "summary", "description", "organisation__name", "created_at",
            "is_free", "accessibility", "childcare", "last_verified", "end_date",
        )
    )
    ids = [row[0] for row in rows]
    related = {oid: {facet: [] for facet in M2M_FIELDS} for oid in ids}
    places = {}
    translations = {}
    if ids:
        for facet, field in M2M_FIELDS.items():
            rel = Offer._meta.get_field(field)
            table = rel.remote_field.through._meta.db_table
            for offer_id, term_id in _rows(
                f"SELECT offer_id, {rel.m2m_reverse_name()} FROM {table} WHERE offer_id IN ({{}})",
                ids,
            ):
                related[offer_id][facet].append(term_id)
        for offer_id, name, street, postcode in _rows(
            f"SELECT offer_id, name, street, postcode FROM {Place._meta.db_table} "
            "WHERE offer_id IN ({})", ids,
        ):
            places.setdefault(offer_id, []).append(f"{name} {street} {postcode}")
        # The translations' texts join the German ones in the same columns, so a word in a
        # translated title weighs like one in the German title.
        for offer_id, *texts in _rows(
            f"SELECT offer_id, title, summary, description FROM {OfferTranslation._meta.db_table} "
            "WHERE offer_id IN ({})", ids,
        ):
            translations.setdefault(offer_id, []).append(texts)
    docs = []
    facet_rows = []
    terms = set()
    for (oid, title, summary, description, org_name, created_at, free, access, childcare,
         last_verified, end_date) in rows:
        rel = related[oid]
        meta_text = " ".join(
            taxonomy[facet].get(term_id, "") for facet in M2M_FIELDS for term_id in rel[facet]
        )
        meta_text += " " + " ".join(places.get(oid, ()))
        facet_tokens = [f"{FACET_PREFIX[facet]}{term_id}" for facet in M2M_FIELDS
                        for term_id in rel[facet]]
        accessible = access == "yes"
        facet_tokens += [
            f"xfree{int(free)}", f"xacc{int(accessible)}", f"xchild{int(childcare)}"
        ]
        codes = {FACET_BASE[facet] + term_id for facet in M2M_FIELDS for term_id in rel[facet]}
        for flag, value in (("free", free), ("accessible", accessible), ("childcare", childcare)):
            if value:
                codes.add(FLAG_CODES[flag])
        facet_rows.extend((oid, code) for code in codes)
        texts = [(title, summary, description), *translations.get(oid, ())]
        tokens = (*(index_tokens("\n".join(column)) for column in zip(*texts, strict=True)),
                  index_tokens(org_name), index_tokens(meta_text))
        reference = last_verified or timezone.localdate(created_at)
        docs.append((oid, *tokens, " ".join(facet_tokens), fold(title)[:200],
                     adapt_datetime(created_at), free, accessible, childcare,
                     adapt_date(rules.visible_until(reference, end_date))))
        for text in tokens:
            terms.update(text.split())
    existing = [r[0] for r in _rows(f"SELECT offer_id FROM {DOC_TABLE} WHERE offer_id IN ({{}})",
                                    batch)]
    if existing:
        _rows(f"DELETE FROM {DOC_TABLE} WHERE offer_id IN ({{}})", existing, fetch=False)
    _rows(f"DELETE FROM {FACET_TABLE} WHERE offer_id IN ({{}})", batch, fetch=False)
    if docs:
        _insert_rows(docs, facet_rows)
    new_terms = [t for t in terms - seen_terms if len(t) <= MAX_TERM_LENGTH]
    seen_terms.update(new_terms)
    if new_terms:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=t) for t in sorted(new_terms)], ignore_conflicts=True,
            batch_size=2000,
        )
    return len(docs)


def _insert_rows(docs, facet_rows):
    """Write documents and facet rows: COPY on PostgreSQL, raw executemany on SQLite.

    Both are several times faster than bulk_create for wide rows; on PostgreSQL, COPY cut
    the indexing time of an import by more than half against pipelined INSERTs.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {DOC_TABLE} ({', '.join(DOC_COLUMNS)}) FROM STDIN") as copy:
                for row in docs:
                    copy.write_row(row)
            with raw.copy(f"COPY {FACET_TABLE} (offer_id, code) FROM STDIN") as copy:
                for row in facet_rows:
                    copy.write_row(row)
        else:
            cursor.executemany(INSERT_SQL, docs)
            cursor.executemany(FACET_INSERT_SQL, facet_rows)


def _max_term_id():
    return SearchTerm.objects.order_by("-id").values_list("id", flat=True).first() or 0


def reindex_offers(offer_ids, batch_size=BATCH_SIZE):
    """Rebuild the index documents of these offers (visible ones get one, others none).

    Returns the number of documents written. Safe to call with ids of deleted offers.
    """
    ids = sorted({int(i) for i in offer_ids})
    if not ids:
        return 0
    taxonomy = _taxonomy_names()
    seen_terms = set()
    written = 0
    today = rules.today()
    with transaction.atomic():
        before = _max_term_id()
        for batch in _chunks(ids, batch_size):
            written += _index_batch(batch, taxonomy, seen_terms, today)
        version.bump(vocabulary=_max_term_id() != before)
    return written


def rebuild_index(batch_size=2000, stdout=None):
    """Rebuild every document from scratch (the management command rebuild_search_index)."""
    from offers.models import Offer

    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchFacet.objects.all()._raw_delete(connection.alias)
        SearchTerm.objects.all().delete()
        ids = list(Offer.objects.visible().order_by("pk").values_list("pk", flat=True))
        written = 0
        for batch in _chunks(ids, 10 * batch_size):
            written += reindex_offers(batch, batch_size=batch_size)
            if stdout:
                stdout.write(f"{written} …")
        version.bump(vocabulary=True)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    return written


def extend_visibility(offer_ids):
    """After a confirmation: offers still in the index only get their new last visible day
    (their results are unchanged, so the tokens and every cache stay valid, only the data's
    time moves); the others are indexed, which brings them back at once and bumps the version."""
    from offers.models import Offer

    ids = sorted({int(i) for i in offer_ids})
    today = rules.today()
    by_day, reindex = {}, []
    for batch in _chunks(ids, BATCH_SIZE):
        indexed = {r[0] for r in _rows(
            f"SELECT offer_id FROM {DOC_TABLE} WHERE offer_id IN ({{}})", batch)}
        reindex += [i for i in batch if i not in indexed]
        for pk, last_verified, created_at, end_date in Offer.objects.filter(
                pk__in=indexed).values_list("pk", "last_verified", "created_at", "end_date"):
            until = rules.visible_until(last_verified or timezone.localdate(created_at), end_date)
            if until < today:  # ended since the last sweep: let the index drop it now
                reindex.append(pk)
            else:
                by_day.setdefault(until, []).append(pk)
    with transaction.atomic(), connection.cursor() as cursor:
        for day, day_ids in by_day.items():
            for batch in _chunks(day_ids, BATCH_SIZE):
                cursor.execute(
                    f"UPDATE {DOC_TABLE} SET visible_until = %s "
                    f"WHERE offer_id IN ({', '.join(['%s'] * len(batch))})",
                    [adapt_date(day), *batch],
                )
        if reindex:
            reindex_offers(reindex)
        else:  # the offers' last_verified is public (the API shows it): the data's time moves
            version.touch()


def sweep_expired(today):
    """Remove the documents (and facet rows) of offers whose last visible day lies before
    `today`; bumps the data version when there were any. Returns how many went.

    The check is one indexed read; writing (and the version bump, which makes every process
    reload its filter index) happens only on the days something expired.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT offer_id FROM {DOC_TABLE} WHERE visible_until < %s",
                       [adapt_date(today)])
        ids = [row[0] for row in cursor.fetchall()]
    if not ids:
        return 0
    with transaction.atomic():
        for batch in _chunks(ids, BATCH_SIZE):
            _rows(f"DELETE FROM {FACET_TABLE} WHERE offer_id IN ({{}})", batch, fetch=False)
            _rows(f"DELETE FROM {DOC_TABLE} WHERE offer_id IN ({{}})", batch, fetch=False)
        version.bump()
    return len(ids)


# The day this process last swept the index.
_swept_on = None
_sweep_lock = threading.Lock()


def sweep_daily():
    """Sweep once per day and process (the search calls this first): every other call costs
    a date comparison, no query."""
    global _swept_on
    today = rules.today()
    if _swept_on != today:
        with _sweep_lock:
            if _swept_on != today:
                sweep_expired(today)
                _swept_on = today


# --- signal-driven indexing ---------------------------------------------------------------


def is_suspended():
    return getattr(_state, "depth", 0) > 0


def offers_changed(offer_ids):
    """Called by the signal handlers: index now, or later when inside bulk_indexing()."""
    if is_suspended():
        _state.pending.update(offer_ids)
    else:
        reindex_offers(offer_ids)


def data_changed():
    """Something searchable but not an offer's document changed (synonyms, taxonomy)."""
    if is_suspended():
        _state.bump = True
    else:
        version.bump()


class _BulkSession:
    def add(self, offer_ids):
        """Mark offers written without signals (bulk_create, update()) for indexing at exit."""
        _state.pending.update(int(i) for i in offer_ids)


@contextlib.contextmanager
def bulk_indexing():
    """Suspend signal-driven indexing; reindex all touched offers in one batch at exit.

    Offers written with bulk_create() or QuerySet.update() send no signals: pass their ids to
    the yielded session's `add(ids)`. Nesting is allowed; the outermost block indexes.
    """
    depth = getattr(_state, "depth", 0)
    if depth == 0:
        _state.pending = set()
        _state.bump = False
    _state.depth = depth + 1
    ok = False
    try:
        yield _BulkSession()
        ok = True
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            pending, _state.pending = _state.pending, set()
            broken = connection.in_atomic_block and connection.needs_rollback
            if (ok or not connection.in_atomic_block) and not broken:
                if pending:
                    reindex_offers(pending)
                elif _state.bump:
                    version.bump()
                else:  # bulk writes send no signals: contacts or times may have changed
                    version.touch()
