"""The generations of the open-data package on disk: settings.OPEN_DATA_DIR/<fingerprint>/.

`current()` answers the generation for the data as it is now, generating it first when the
fingerprint (opendata/fingerprint.py) has no directory yet. A generation is written into a
temporary directory and renamed into place, so a reader never sees half a package; an
exclusive file lock (OPEN_DATA_DIR/.lock, flock) makes sure that concurrent requests — in this
process or another worker — generate only once: the others wait and then find the directory.
After a new generation the older ones are removed (a download already streaming from one
keeps its open file).
"""

import fcntl
import json
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.dateparse import parse_datetime

from .build import MANIFEST_NAME, build_package
from .fingerprint import fingerprint

LOCK_NAME = ".lock"
TEMP_PREFIX = ".tmp-"
_FINGERPRINT = re.compile(r"[0-9a-f]{24}")

# How many generations this process wrote (tests assert on it) and what it already read.
generated = 0
_manifests = {}
_manifests_lock = threading.Lock()


@dataclass(frozen=True)
class Generation:
    directory: Path
    fingerprint: str
    manifest: dict

    @property
    def created(self):
        return parse_datetime(self.manifest["created"])

    @property
    def files(self):
        """name -> {"name", "bytes", "sha256", "mediatype"}"""
        return {entry["name"]: entry for entry in self.manifest["files"]}

    def path(self, name):
        return self.directory / name


def root():
    return Path(settings.OPEN_DATA_DIR)


def _load(directory, fp):
    manifest_path = directory / MANIFEST_NAME
    key = str(manifest_path)
    with _manifests_lock:
        manifest = _manifests.get(key)
    if manifest is None:
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        with _manifests_lock:
            _manifests[key] = manifest
    if not directory.is_dir():  # removed by a newer generation meanwhile
        with _manifests_lock:
            _manifests.pop(key, None)
        return None
    return Generation(directory, fp, manifest)


class _FileLock:
    def __init__(self, path):
        self.path = path

    def __enter__(self):
        self.stream = open(self.path, "a+b")  # noqa: SIM115 (closed in __exit__)
        fcntl.flock(self.stream.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.stream.fileno(), fcntl.LOCK_UN)
        self.stream.close()


def current(today=None):
    """The Generation for the data as it is now (generated on first use)."""
    fp = fingerprint(today)
    base = root()
    generation = _load(base / fp, fp)
    if generation is not None:
        return generation
    base.mkdir(parents=True, exist_ok=True)
    with _FileLock(base / LOCK_NAME):
        generation = _load(base / fp, fp)  # another request may have just written it
        if generation is not None:
            return generation
        _generate(base, fp, today)
        _remove_others(base, keep=fp)
        return _load(base / fp, fp)


def _generate(base, fp, today):
    global generated
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=base))
    try:
        build_package(temp, fingerprint=fp, today=today)
        os.chmod(temp, 0o755)  # mkdtemp makes it private; the web server may serve it directly
        os.rename(temp, base / fp)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    generated += 1


def _remove_others(base, keep):
    """Older generations and temporary directories left by a crash (we hold the lock, so no
    generation is in progress)."""
    for entry in base.iterdir():
        # Only what we wrote: fingerprint-named and temporary directories, never anything else
        # an operator keeps in the same directory.
        ours = _FINGERPRINT.fullmatch(entry.name) or entry.name.startswith(TEMP_PREFIX)
        if entry.name == keep or not ours or not entry.is_dir():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        with _manifests_lock:
            _manifests.pop(str(entry / MANIFEST_NAME), None)


def discard_current(today=None):
    """Remove the generation of the current data, so the next current() writes it again."""
    base = root()
    if not base.is_dir():
        return
    fp = fingerprint(today)
    with _FileLock(base / LOCK_NAME):
        shutil.rmtree(base / fp, ignore_errors=True)
        with _manifests_lock:
            _manifests.pop(str(base / fp / MANIFEST_NAME), None)
