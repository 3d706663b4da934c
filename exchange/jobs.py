"""Running the jobs of the staff import page: the check (a dry run that records what every row
would do) and, once staff confirm, the import.

A job's phase runs in a background thread started after the response has been sent
(`launch`), so a 10,000-row file never holds a request; the thread closes its database
connection when done. With `settings.IMPORT_JOBS_RUN_INLINE` (tests) it runs in the request
instead. `python manage.py run_import_jobs` runs jobs left waiting, e.g. after a restart.

One job runs at a time per machine (progress.turn); the others wait for their turn. While a
phase runs, progress goes to a file (exchange/progress.py); the job row is written only
before and after run_import's transaction. A runner that stopped without finishing (its
process died) is noticed by its heartbeat, older than STALE_AFTER: the page then offers to
start the job again, as a new check, so staff always confirm a fresh preview.
"""

import datetime
import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F
from django.utils import timezone, translation

from . import progress
from .importer import run_import
from .models import ImportJob, ImportRow
from .reader import estimate_rows

logger = logging.getLogger(__name__)

# No sign of life for this long: the runner is gone. Progress is written every 250 rows and
# after every chunk of 2,000; the longest quiet stretch (one chunk on a slow database, the
# final ANALYZE) takes seconds, not minutes.
STALE_AFTER = datetime.timedelta(minutes=2)
ROW_BATCH = 1000

Status, Phase = ImportJob.Status, ImportJob.Phase


def run_inline():
    return bool(getattr(settings, "IMPORT_JOBS_RUN_INLINE", False))


def actor_for(user, filename):
    """Who the history names for the offers a job writes."""
    name = user.get_full_name().strip()
    who = f"{name} <{user.email}>" if name and user.email else (name or user.email or user.get_username())
    return f"{who}, Import {filename}"[:200]


def create(user, filename, data, language):
    now = timezone.now()
    return ImportJob.objects.create(
        created_by=user, actor=actor_for(user, filename), filename=filename[:255], data=data,
        size=len(data), language=language or "de", heartbeat_at=now)


def queue(job, phase, **fields):
    """Put the job (back) in line for a phase; False if it changed meanwhile."""
    done = ImportJob.objects.filter(pk=job.pk, status=job.status, attempt=job.attempt).update(
        status=Status.QUEUED, phase=phase, rows_done=0, heartbeat_at=timezone.now(), error="",
        **fields)
    return bool(done)


# --- starting --------------------------------------------------------------------------------

def launch(job_id, response):
    """Run the job's phase after `response` has gone out (or now, inline); returns response."""
    if run_inline():
        run(job_id)
        return response
    send_close = response.close

    def close():  # the WSGI server calls this once the response is sent
        send_close()
        threading.Thread(target=_thread_main, args=(job_id,), name=f"import-job-{job_id}",
                         daemon=True).start()

    response.close = close
    return response


def _thread_main(job_id):
    try:
        run(job_id)
    except Exception:  # run() records failures itself; this only guards the thread
        logger.exception("import job %s: runner crashed", job_id)
    finally:
        connections.close_all()  # this thread's connections only


def claim(job_id):
    """Take a waiting job; None if it is gone or another runner took it first."""
    now = timezone.now()
    taken = ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING, attempt=F("attempt") + 1, started_at=now, heartbeat_at=now,
        rows_done=0, error="")
    if not taken:
        return None
    return ImportJob.objects.get(pk=job_id)


def run(job_id):
    """Run the waiting phase of a job; returns the job afterwards, or None if not taken."""
    with progress.turn(job_id):
        return _run(job_id)


def _run(job_id):
    job = claim(job_id)
    if job is None:
        return None
    with translation.override(job.language):
        try:
            if job.phase == Phase.IMPORT:
                _import(job)
            else:
                _check(job)
        except Exception as error:  # a bug or a lost database: the job must not stay "running"
            logger.exception("import job %s failed", job_id)
            _update(job, status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
        finally:
            progress.clear(job_id)
    return ImportJob.objects.filter(pk=job_id).defer("data").first()


def run_waiting():
    """For run_import_jobs: restart jobs whose runner died, then run every waiting job."""
    for job in ImportJob.objects.filter(status=Status.RUNNING).defer("data"):
        if state(job).stale:
            queue(job, Phase.CHECK)
    for job_id in ImportJob.objects.filter(status=Status.QUEUED).order_by("created_at", "pk") \
            .values_list("pk", flat=True):
        job = run(job_id)
        if job is not None:
            yield job


# --- the two phases --------------------------------------------------------------------------

def _update(job, **fields):
    """Write to the job row unless another runner has taken the job over (or it is gone)."""
    return bool(ImportJob.objects.filter(pk=job.pk, attempt=job.attempt).update(**fields))


def _check(job):
    data = bytes(job.data)
    total = estimate_rows(data, job.filename)
    _update(job, rows_total=total, heartbeat_at=timezone.now())
    reporter = progress.Reporter(job, total)
    reporter(0)
    result = run_import(data, job.filename, dry_run=True, keep_outcomes=True, actor=job.actor,
                        progress=reporter)
    readable = not (result.file_error or result.header_errors)
    now = timezone.now()
    _store(job, result, True, {
        "status": Status.CHECKED if readable else Status.FAILED, "preview": summarise(result),
        "rows_total": result.rows_read, "rows_done": result.rows_read, "checked_at": now,
        "heartbeat_at": now})


def _import(job):
    data = bytes(job.data)
    reporter = progress.Reporter(job, job.rows_total)
    reporter(0)
    result = run_import(data, job.filename, skip_invalid=job.skip_invalid, keep_outcomes=True,
                        actor=job.actor, progress=reporter)
    now = timezone.now()
    fields = {"result": summarise(result), "rows_done": result.rows_read, "heartbeat_at": now}
    if not result.committed:
        _store(job, result, False, {**fields, "status": Status.FAILED})
        return
    # The file has done its work; the rows say what became of each line.
    fields.update(status=Status.DONE, imported_at=now, data=b"")
    try:
        _store(job, result, False, fields)
    except Exception:  # the offers are saved: the job must say so even without its row list
        logger.exception("import job %s: imported, but its rows could not be stored", job.pk)
        _update(job, **fields)


def summarise(result):
    """The counts a preview or result page shows (stored as JSON on the job)."""
    stats = result.stats
    return {
        "rows": result.rows_read, "created": stats.created, "updated": stats.updated,
        "unchanged": stats.unchanged, "invalid": result.invalid_rows, "errors": len(result.errors),
        "warnings": len(result.warnings), "organisations_created": stats.organisations_created,
        "contacts_created": stats.contacts_created, "contacts_updated": stats.contacts_updated,
        "contacts_without_consent": stats.contacts_without_consent,
        "without_external_id": result.without_external_id,
        "file_errors": ([result.file_error] if result.file_error else []) + [str(m) for m in
                                                                             result.header_errors],
        "committed": result.committed, "indexing": result.indexing,
        "seconds": round(result.seconds, 2), "rate": round(result.rate),
    }


def _by_line(problems):
    found = defaultdict(list)
    for problem in problems:
        found[problem.line].append([problem.column, str(problem.message)])
    return found


def _store(job, result, dry_run, fields):
    """Replace the job's rows with what this run did and save its findings, in one transaction
    (after run_import's has ended). A failed import keeps only its error rows: the others
    stopped being written at the first error and would show half a picture."""
    errors, warnings = _by_line(result.errors), _by_line(result.warnings)
    outcomes = result.outcomes
    if not (dry_run or result.committed):
        outcomes = [outcome for outcome in outcomes if outcome.action == "error"]
    rows = [ImportRow(
        job_id=job.pk, line=o.line, external_id=(o.external_id or "")[:100], title=(o.title or "")[:200],
        action=o.action, offer_id=None if dry_run and o.action == "created" else o.offer_id,
        changed=list(o.changed), errors=errors.get(o.line, []), warnings=warnings.get(o.line, []),
    ) for o in sorted(outcomes, key=lambda outcome: outcome.line)]
    started = time.perf_counter()
    with transaction.atomic():
        if not ImportJob.objects.select_for_update().filter(pk=job.pk, attempt=job.attempt).exists():
            return False  # discarded meanwhile, or taken over by another runner
        ImportRow.objects.filter(job_id=job.pk).delete()
        ImportRow.objects.bulk_create(rows, batch_size=ROW_BATCH)
        _update(job, **fields)
    logger.info("import job %s, %s: %d rows in %.1f s (%.0f rows/s), results stored in %.1f s",
                job.pk, job.phase, result.rows_read, result.seconds, result.rate,
                time.perf_counter() - started)
    return True


# --- what the pages show ---------------------------------------------------------------------

@dataclass
class JobState:
    status: str
    phase: str
    rows_done: int
    rows_total: int | None
    stale: bool  # waiting or running, but no sign of life for STALE_AFTER
    behind_another: bool = False  # waiting for another job to finish (one runs at a time)

    @property
    def active(self):
        return self.status in (Status.QUEUED, Status.RUNNING) and not self.stale

    @property
    def percent(self):
        if not self.rows_total:
            return None
        return min(100, round(100 * self.rows_done / self.rows_total))


def state(job, now=None):
    """Status and progress of a job, including what its runner last wrote to the file."""
    now = now or timezone.now()
    rows_done, rows_total, beat = job.rows_done, job.rows_total, job.heartbeat_at
    info = progress.read(job.pk) if job.status in (Status.QUEUED, Status.RUNNING) else None
    behind_another = False
    if info and job.status == Status.RUNNING and info.get("attempt") == job.attempt \
            and info.get("phase") == job.phase:
        rows_done = info.get("rows_done") or 0
        rows_total = info.get("rows_total") or rows_total
    elif info and job.status == Status.QUEUED and info.get("phase") == progress.WAITING:
        behind_another = True
    else:
        info = None
    if info:
        written = datetime.datetime.fromtimestamp(info.get("at", 0), tz=datetime.UTC)
        beat = max(beat, written) if beat else written
    waiting = job.status in (Status.QUEUED, Status.RUNNING)
    stale = waiting and (beat is None or now - beat > STALE_AFTER)
    return JobState(job.status, job.phase, rows_done, rows_total, stale, behind_another)
