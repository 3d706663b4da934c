"""How far a running import job is, kept in a small file outside the database.

The check and the import each run in one database transaction (all or nothing). Progress
written to the job's row inside that transaction would stay invisible until the end; written
through a second connection it would, on SQLite, wait for the import's write lock until the
end as well. A per-process cache would not reach the other web workers. So the runner writes
`var/imports/job-<id>.json` (replaced atomically, every 250 rows), which every process on the
machine can read; its time stamp is also the runner's heartbeat.

The folder is `settings.IMPORT_JOBS_DIR` if set (tests), else `var/imports/` of the project.

`turn(job_id)` lets one job run at a time on the machine (a lock file): on SQLite a second
import would wait for the first one's write lock and give up after the busy timeout (20 s).
"""

import contextlib
import json
import os
import threading
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX: one job at a time per process only
    fcntl = None

from django.conf import settings


def directory():
    return Path(getattr(settings, "IMPORT_JOBS_DIR", None) or settings.BASE_DIR / "var" / "imports")


def path_for(job_id):
    return directory() / f"job-{job_id}.json"


def write(job_id, attempt, phase, rows_done, rows_total):
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    target = path_for(job_id)
    temporary = folder / f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary.write_text(json.dumps({
        "attempt": attempt, "phase": phase, "rows_done": rows_done, "rows_total": rows_total,
        "at": time.time(),
    }), encoding="utf-8")
    os.replace(temporary, target)  # a reader sees the old or the new file, never half of one


def read(job_id):
    """The last progress written for the job, or None."""
    try:
        return json.loads(path_for(job_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def clear(job_id):
    try:
        path_for(job_id).unlink()
    except OSError:
        pass


class Reporter:
    """The progress callback handed to run_import: writes the file for one job and phase."""

    def __init__(self, job, rows_total=None):
        self.job_id, self.attempt, self.phase = job.pk, job.attempt, job.phase
        self.rows_total = rows_total
        self.rows_done = 0

    def __call__(self, rows_done):
        self.rows_done = rows_done
        write(self.job_id, self.attempt, self.phase, rows_done, self.rows_total)


_process_lock = threading.Lock()
WAITING = "waiting"  # the phase written while a job waits for its turn


@contextlib.contextmanager
def turn(job_id, poll_seconds=1.0):
    """Wait until no other import job runs on this machine, then hold the turn. While it
    waits, the job's progress file says so (phase "waiting"), which keeps its heartbeat fresh."""
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    with _process_lock if fcntl is None else open(folder / ".runner.lock", "a+b") as handle:
        waited = False
        while fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = True
                write(job_id, None, WAITING, 0, None)
                time.sleep(poll_seconds)
        if waited:
            clear(job_id)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
