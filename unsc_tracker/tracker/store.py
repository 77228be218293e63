"""The tracker's SQLite file: created with its schema, opened in write-ahead-log mode, and
written in transactions that writers take in turns.

Rows are never updated or deleted: triggers in the file refuse it. Each write runs inside one
``BEGIN IMMEDIATE`` transaction: all of it is written, or none (SQLite's atomic commit), and
``synchronous=FULL`` makes it durable before the write returns.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import TrackerError

__all__ = ["LogFile"]

T = TypeVar("T")

_APPLICATION_ID = 0x554E5343  # "UNSC": marks the file as an unsc-tracker log
_SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE header (
    position INTEGER PRIMARY KEY,
    recorded TEXT NOT NULL,
    header TEXT NOT NULL
);
CREATE TABLE drafts (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    recorded TEXT NOT NULL,
    draft TEXT NOT NULL
);
CREATE INDEX drafts_by_id ON drafts (id, position);
CREATE TABLE events (
    position INTEGER PRIMARY KEY,
    draft TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    kind TEXT NOT NULL,
    recorded TEXT NOT NULL,
    source TEXT,
    event TEXT NOT NULL,
    UNIQUE (draft, seq)
);
""" + "".join(
    f"""
CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
BEGIN SELECT RAISE(ABORT, 'the {table} log is append-only: add a new record instead'); END;
"""
    for table in ("header", "drafts", "events")
    for verb in ("update", "delete")
)


class LogFile:
    """One connection to a tracker's SQLite file at ``where``, created when missing.

    ``timeout`` is how long, in seconds, a writer waits for another; ``forget`` is called when a
    write is undone, so that caches of rows read inside it are dropped. Raises
    :class:`~unsc_tracker.errors.TrackerError` for a file that is not a tracker log.
    """

    def __init__(self, where: str, timeout: float, forget: Callable[[], None]) -> None:
        self.where = where
        self.timeout = timeout
        self._forget = forget
        try:
            self.db = sqlite3.connect(
                where, timeout=timeout, isolation_level=None, check_same_thread=True
            )
        except (sqlite3.Error, ValueError) as err:  # ValueError: a NUL in the path
            raise TrackerError(f"{where}: cannot open the tracker log ({err})") from None
        try:
            self._prepare()
        except sqlite3.DatabaseError as err:
            self.db.close()
            raise TrackerError(f"{where}: not an unsc-tracker log ({err})") from None
        except BaseException:
            self.db.close()
            raise

    def _prepare(self) -> None:
        db = self.db
        db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        if self.where != ":memory:":
            self._wal()
        db.execute("PRAGMA synchronous = FULL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            self.write(self._create)
            version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        if application != _APPLICATION_ID:
            raise TrackerError(f"{self.where}: not an unsc-tracker log (another SQLite database)")
        if version > _SCHEMA_VERSION:
            raise TrackerError(
                f"{self.where}: written by a newer unsc-tracker (log format {version}, this "
                f"version reads {_SCHEMA_VERSION}): upgrade the library"
            )

    def _wal(self) -> None:
        # The journal mode is kept in the file; setting it needs a moment alone with the file.
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
                continue
            if mode != "wal":
                raise TrackerError(f"{self.where}: cannot use a write-ahead log here ({mode})")
            return

    def _create(self) -> None:
        db = self.db
        if db.execute("PRAGMA user_version").fetchone()[0] != 0:
            return  # another process created it while we waited
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise TrackerError(f"{self.where}: not an unsc-tracker log (another SQLite database)")
        for statement in _SCHEMA.split(";\n"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")

    def _begin_write(self) -> None:
        """Take the write lock, waiting for other writers up to the timeout.

        SQLite's own busy handler backs off to sleeps of 100 ms, so a writer waiting behind a
        busy one keeps missing its turn; waiting here in short random steps keeps writers
        taking turns.
        """
        db = self.db
        deadline = time.monotonic() + self.timeout
        db.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as err:
                    if "locked" not in str(err) and "busy" not in str(err):
                        raise
                    if time.monotonic() >= deadline:
                        raise TrackerError(
                            f"{self.where}: the log stayed locked by another writer for "
                            f"{self.timeout} seconds ({err})"
                        ) from None
                time.sleep(random.uniform(0.0001, 0.002))
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def write(self, action: Callable[..., T], *args: Any) -> T:
        """Run ``action`` inside one write transaction: all of it is written, or none."""
        self._begin_write()
        try:
            result = action(*args)
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self._forget()  # caches may hold rows of the transaction just undone
            raise
        return result

    def read(self, action: Callable[..., T], *args: Any) -> T:
        """Run ``action`` inside one read transaction: one consistent view of the file."""
        self.db.execute("BEGIN")
        try:
            return action(*args)
        finally:
            self.db.execute("COMMIT")

    def close(self) -> None:
        """Close the connection to the file; the tracker cannot be used after."""
        self.db.close()
