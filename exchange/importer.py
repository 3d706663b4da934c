"""Importing an offer file: read -> validate -> write in chunks, all in one transaction.

For scripts and the command: `run_import(source, filename, dry_run=..., skip_invalid=...)`.
For an upload page: `plan = plan_import(uploaded_file)` shows what would happen (every row
with create / update / unchanged, and all errors) without keeping anything, then
`apply_import(plan)` does it. The staff page (exchange/jobs.py) calls run_import() itself in
a background thread, with `progress=` to report how far it is.

Nothing is kept unless every row is valid, except with skip_invalid, which keeps the good
rows. The rows are streamed in chunks (default 2,000), so memory stays bounded; search
indexing is suspended during the import and the written offers are reindexed per chunk.
"""

import contextlib
import time
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .reader import FileFormatError, open_table
from .validate import RowValidator
from .writer import OfferWriter, WriteStats

CHUNK_SIZE = 2000
PROGRESS_EVERY = 250  # rows between two calls of run_import's progress callback


class _Rollback(Exception):
    pass


@dataclass
class RowOutcome:
    line: int
    external_id: str | None
    title: str
    action: str  # "created", "updated", "unchanged"; "error" for an invalid row
    offer_id: int | None = None  # in a dry run only meaningful for "updated" / "unchanged"
    changed: tuple = ()  # "updated": what changes (offer fields, "organisation", "cities", "place", …)


@dataclass
class ImportResult:
    dry_run: bool = False
    skip_invalid: bool = False
    file_error: str = ""  # the file could not be read at all
    header_errors: list = field(default_factory=list)  # messages about the columns
    errors: list = field(default_factory=list)  # RowError
    warnings: list = field(default_factory=list)  # RowError
    stats: WriteStats = field(default_factory=WriteStats)
    rows_read: int = 0
    invalid_rows: int = 0
    without_external_id: int = 0  # valid rows without external_id: always new offers
    seconds: float = 0.0
    index_seconds: float = 0.0  # of `seconds`, spent reindexing the search
    committed: bool = False
    indexing: bool = True  # False when the search indexing module was not available
    outcomes: list = field(default_factory=list)  # RowOutcome, when asked for

    @property
    def ok(self):
        return not (self.file_error or self.header_errors or self.errors)

    @property
    def rate(self):
        return self.rows_read / self.seconds if self.seconds else 0.0

    def messages(self):
        """All problems as German sentences, file-level ones first."""
        found = [self.file_error] if self.file_error else []
        return found + list(self.header_errors) + [str(error) for error in self.errors]


@dataclass
class ImportPlan:
    """What importing `source` would do; hand it to apply_import()."""

    source: object
    filename: str | None
    result: ImportResult

    @property
    def rows(self):
        return self.result.outcomes

    @property
    def errors(self):
        return self.result.messages()


def _indexing_hooks():
    """(context manager, reindex function) from the search app, or no-ops without it."""
    try:
        from search import indexing
    except ModuleNotFoundError as error:
        if error.name not in ("search.indexing", "search"):
            raise
        return contextlib.nullcontext(), None
    return indexing.bulk_indexing(), indexing.reindex_offers


def run_import(source, filename=None, *, dry_run=False, skip_invalid=False, chunk_size=CHUNK_SIZE,
               keep_outcomes=False, actor="Import", progress=None, progress_every=PROGRESS_EVERY):
    """Import (or with dry_run: check) a file; see the module docstring.

    `keep_outcomes` collects a RowOutcome per row (invalid ones as "error") in
    `result.outcomes`. `progress(rows_read)`, if given, is called every `progress_every` rows
    read, after each written chunk and at the end; it runs inside the import's transaction,
    so it must not write through this thread's database connection."""
    result = ImportResult(dry_run=dry_run, skip_invalid=skip_invalid)
    started = time.perf_counter()
    try:
        table = open_table(source, filename)
    except FileFormatError as error:
        result.file_error = str(error)
        return result
    validator = RowValidator(table.headers)
    if validator.check.errors:
        table.close()
        result.header_errors = validator.check.errors
        return result
    writer = OfferWriter(validator.present, validator.vocabulary, actor=actor)
    context, reindex = (contextlib.nullcontext(), None) if dry_run else _indexing_hooks()
    result.indexing = dry_run or reindex is not None

    def flush(chunk):
        if result.errors and not (skip_invalid or dry_run):
            return  # everything will be rolled back; only keep validating
        outcomes = writer.write(chunk)
        touched = [pk for _record, action, pk in outcomes if action != "unchanged"]
        if reindex and touched:
            index_started = time.perf_counter()
            reindex(touched)
            result.index_seconds += time.perf_counter() - index_started
        if keep_outcomes:
            changed = writer.changed_fields
            result.outcomes.extend(
                RowOutcome(r.line, r.external_id, r.offer_fields.get("title", ""), action, pk,
                           tuple(changed.pop(r.line, ())))
                for r, action, pk in outcomes)
        writer.changed_fields.clear()
        if progress:
            progress(result.rows_read)

    try:
        with transaction.atomic():
            with context:
                chunk = []
                for line, cells in table.rows():
                    result.rows_read += 1
                    if progress and result.rows_read % progress_every == 0:
                        progress(result.rows_read)
                    record, errors = validator.validate(line, cells)
                    if errors:
                        result.errors.extend(errors)
                        result.invalid_rows += 1
                        if keep_outcomes:
                            result.outcomes.append(RowOutcome(line, *validator.peek(cells), "error"))
                        continue
                    result.warnings.extend(record.warnings)
                    if not record.external_id:
                        result.without_external_id += 1
                    chunk.append(record)
                    if len(chunk) >= chunk_size:
                        flush(chunk)
                        chunk = []
                flush(chunk)
                if progress:
                    progress(result.rows_read)
                if dry_run or (result.errors and not skip_invalid):
                    raise _Rollback
            result.committed = True
    except _Rollback:
        pass
    except FileFormatError as error:
        result.file_error = str(error)
    if result.committed or dry_run:
        result.stats = writer.stats
    if result.committed and result.rows_read >= ANALYZE_AFTER_ROWS:
        _refresh_statistics()
    result.seconds = time.perf_counter() - started
    return result


# A large import changes the tables' shape; without fresh statistics PostgreSQL (whose
# autovacuum may be off or lagging) planned facet counts as nested loops: 36 s instead of 0.5 s.
ANALYZE_AFTER_ROWS = 1000


def _refresh_statistics():
    from django.db import connection

    if connection.in_atomic_block:
        return  # inside a caller's transaction (tests): the caller's data is not final yet
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize")


def plan_import(source, filename=None):
    """Check a file and show what importing it would do, keeping nothing."""
    if hasattr(source, "read"):
        filename = filename or getattr(source, "name", None)
        source = source.read()
    result = run_import(source, filename, dry_run=True, keep_outcomes=True)
    return ImportPlan(source, filename, result)


def apply_import(plan, skip_invalid=False, actor="Import"):
    """Import the file of a plan (checked again: the data may have changed meanwhile)."""
    return run_import(plan.source, plan.filename, skip_invalid=skip_invalid, actor=actor)


def summary_lines(result):
    """The closing summary of an import, in German."""
    stats = result.stats
    if result.committed:
        head = _("Import abgeschlossen.")
    elif result.dry_run:
        head = _("Probelauf (--dry-run): nichts wurde gespeichert.")
    else:
        head = _("Nichts wurde importiert.")
    lines = [
        head,
        _("Angelegt: %(created)d, aktualisiert: %(updated)d, unverändert: %(unchanged)d, "
          "übersprungen (fehlerhaft): %(skipped)d.") % {
            "created": stats.created, "updated": stats.updated, "unchanged": stats.unchanged,
            "skipped": result.invalid_rows},
        _("Neue Träger: %(orgs)d; neue Ansprechpersonen: %(contacts)d, geänderte: %(changed)d.") % {
            "orgs": stats.organisations_created, "contacts": stats.contacts_created,
            "changed": stats.contacts_updated},
    ]
    if result.without_external_id:
        lines.append(_("%(n)d Zeilen ohne Kennung (external_id) legen immer neue Angebote an; ein "
                       "erneuter Import derselben Datei verdoppelt sie.") % {"n": result.without_external_id})
    if stats.contacts_without_consent:
        lines.append(_("%(n)d Ansprechpersonen haben keine Einwilligung (Spalte „Einwilligung“) und "
                       "werden nicht öffentlich angezeigt.") % {"n": stats.contacts_without_consent})
    if not result.indexing:
        lines.append(_("Hinweis: Die Suchindizierung war nicht verfügbar; der Suchindex ist nicht "
                       "aktualisiert."))
    lines.append(_("%(rows)d Zeilen in %(seconds).1f s (%(rate).0f Zeilen/s).") % {
        "rows": result.rows_read, "seconds": result.seconds, "rate": result.rate})
    return lines
