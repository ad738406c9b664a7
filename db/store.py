"""The Store: one agenda file, its connection, transactions and undo history.

Reads live in reads.py, writes in writes.py, full-text search in search.py; Store combines them.
Every public method takes the store's lock, so the app's UI thread and its workers can share one
connection; every write runs in one BEGIN IMMEDIATE transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from db.errors import ReadOnlyStore, StoreWriteError, UndoConflict
from db.opening import open_store_file
from db.reads import Reads
from db.search import Search
from db.undo import Change, Recorder, revert
from db.writes import Writes

UNDO_DEPTH = 100


class Store(Reads, Writes, Search):
    def __init__(self, path: Path, *, readonly: bool = False, create: bool = True) -> None:
        self.path = Path(path).expanduser()
        opened = open_store_file(self.path, readonly=readonly, create=create)
        self.conn: sqlite3.Connection = opened.conn
        # A 32 MB page cache instead of SQLite's 2 MB: at 50,000 meetings the indexes the
        # panes probe then stay in memory (a third faster; README, Performance). Pages are
        # only cached as they are read, so a small store uses little of it.
        self.conn.execute("PRAGMA cache_size = -32768")
        self.readonly = opened.readonly
        self.readonly_reason = opened.readonly_reason
        self.created = opened.created
        self.migrated_from = opened.migrated_from
        self.backup = opened.backup
        self.history: deque[Change] = deque(maxlen=UNDO_DEPTH)
        self._lock = threading.RLock()
        self._db = None

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, create: bool = True) -> Store:
        return cls(Path(path), readonly=readonly, create=create)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self):
        """sqlite-utils view of the connection, for bulk inserts (imported when first needed)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for a read made of several queries."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    @contextmanager
    def _write(self, label: str, *, undoable: bool = True) -> Iterator[Recorder]:
        """One transaction: all of it is saved, or (on any error) none of it."""
        with self._lock:
            if self.readonly:
                raise ReadOnlyStore(
                    f"{self.path}: is open read-only ({self.readonly_reason}); nothing was changed"
                )
            recorder = Recorder(self.conn, label)
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                yield recorder
                if undoable:
                    recorder.seal()
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:
                    # (a failed COMMIT may already have ended the transaction)
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _write_error(self.path, exc) from None
                raise
            if undoable and recorder.change.rows:
                self.history.append(recorder.change)

    def undo(self) -> Change | None:
        """Revert the most recent change made through this Store; None if there is none."""
        with self._lock:
            if not self.history:
                return None
            change = self.history[-1]
            try:
                with self._write(f"Undo: {change.label}", undoable=False):
                    revert(self.conn, change)
            except UndoConflict:
                self.history.pop()  # it can never apply now; the one before it still may
                raise
            self.history.pop()
            return change

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap "do I need to refresh?" probe."""
        with self._lock:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def integrity_check(self) -> str:
        with self._lock:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


def _write_error(path: Path, exc: sqlite3.Error) -> Exception:
    text = str(exc)
    if "readonly" in text:
        return ReadOnlyStore(f"{path}: cannot be written ({text}); nothing was changed")
    if "full" in text:
        return StoreWriteError(f"{path}: the disk is full; nothing was saved")
    if "locked" in text or "busy" in text:
        return StoreWriteError(
            f"{path}: another program kept the store locked; nothing was saved, try again"
        )
    return StoreWriteError(f"{path}: the change could not be saved ({text}); nothing was saved")
