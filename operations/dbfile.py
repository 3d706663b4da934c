"""Backup and restore of the whole database: SQLite through its online backup API (a
consistent copy also while the site writes, WAL included), PostgreSQL through pg_dump's
custom format and pg_restore."""

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def vendor(alias="default"):
    return connections[alias].vendor


def _pg_tool(name):
    path = shutil.which(name) or f"/usr/bin/{name}"
    if not Path(path).exists():
        raise BackupError(f"{name} is not installed (the PostgreSQL client tools are needed).")
    return path


def _pg_args_env(alias):
    """Connection options for pg_dump/pg_restore from DATABASES (the test database in tests)."""
    db = connections[alias].settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(cmd, env):
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed: {result.stderr.strip() or result.returncode}")
    return result


def _raw_sqlite(alias):
    connection = connections[alias]
    connection.ensure_connection()
    return connection.connection


def backup(path, alias="default"):
    """Write the whole database to `path`. Returns {"bytes": size, "seconds": duration}."""
    path = Path(path)
    if connections[alias].in_atomic_block:
        # SQLite cannot copy a database its own connection is writing to, and pg_dump would not
        # see what is uncommitted: back up committed data only.
        raise BackupError("A backup cannot be taken inside an open transaction.")
    if path.parent and not path.parent.is_dir():
        raise BackupError(f"The directory {path.parent} does not exist.")
    started = time.monotonic()
    tmp = path.with_name(path.name + ".part")
    try:
        if vendor(alias) == "sqlite":
            # Copies page by page from Django's own connection (works for a file in WAL mode
            # and for the in-memory test database alike), into a fresh file.
            tmp.unlink(missing_ok=True)
            target = sqlite3.connect(tmp)
            try:
                _raw_sqlite(alias).backup(target)
            finally:
                target.close()
        elif vendor(alias) == "postgresql":
            args, env = _pg_args_env(alias)
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp), *args], env)
        else:
            raise BackupError(f"Backups of {vendor(alias)} databases are not supported.")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return {"bytes": path.stat().st_size, "seconds": time.monotonic() - started}


def check_file(path, alias="default"):
    """Raise BackupError unless `path` is a readable backup for this database's kind."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"The backup file {path} does not exist.")
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise BackupError(f"The backup file {path} cannot be read: {error.strerror}.") from error
    if vendor(alias) == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{path} is not an SQLite backup.")
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                result = source.execute("PRAGMA integrity_check").fetchone()[0]
                has_migrations = source.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='django_migrations'"
                ).fetchone()
            finally:
                source.close()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a usable SQLite backup: {error}.") from error
        if result != "ok":
            raise BackupError(f"{path} is damaged: {result}.")
        if not has_migrations:
            raise BackupError(f"{path} is an SQLite file but not a backup of this site.")
    elif vendor(alias) == "postgresql":
        if not head.startswith(PGDUMP_MAGIC):
            raise BackupError(f"{path} is not a pg_dump backup (custom format).")
        try:
            listing = _run([_pg_tool("pg_restore"), "--list", str(path)], dict(os.environ)).stdout
        except BackupError as error:
            raise BackupError(f"{path} is not a readable pg_dump backup ({error}).") from error
        if "django_migrations" not in listing:
            raise BackupError(f"{path} is a pg_dump file but not a backup of this site.")
    else:
        raise BackupError(f"Restoring {vendor(alias)} databases is not supported.")


def restore(path, alias="default"):
    """Replace the whole database by the backup at `path` (checked first)."""
    check_file(path, alias)
    if connections[alias].in_atomic_block:
        raise BackupError("A restore cannot run inside an open transaction.")
    started = time.monotonic()
    if vendor(alias) == "sqlite":
        # The backup API writes into the open database, WAL and all, under one lock; other
        # connections see the restored state on their next read.
        source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(_raw_sqlite(alias))
        finally:
            source.close()
        connections[alias].close()
    else:
        # pg_restore drops and recreates the tables: no open transaction of ours may hold them.
        connections[alias].close()
        args, env = _pg_args_env(alias)
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--single-transaction", "--exit-on-error", *args, str(path)], env)
    return {"seconds": time.monotonic() - started}
