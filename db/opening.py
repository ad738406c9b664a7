"""Opening a store file safely: refuse what is not ours, migrate what is old, never harm a file.

Everything is inspected read-only first; a file is only opened for writing once it is known to be
an agenda-tui store (or a new/empty SQLite file), and it is backed up before a migration runs.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from db.errors import StoreOpenError, StoreWriteError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 15.0


@dataclass
class Opened:
    conn: sqlite3.Connection
    readonly: bool
    readonly_reason: str | None = None
    created: bool = False
    migrated_from: int | None = None
    backup: Path | None = None


@dataclass
class _Inspection:
    version: int
    applied: list[str]
    empty: bool


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection shared by the UI thread and workers (the Store serialises use with a lock).

    isolation_level=None: the Store issues BEGIN IMMEDIATE itself, so a writer takes the lock
    up front and waits (busy timeout) instead of failing on a read-to-write upgrade.
    """
    uri = f"file:{quote(str(path))}" + ("?mode=ro" if readonly else "?mode=rwc")
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
    )
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_store_file(path: Path, *, readonly: bool = False, create: bool = True) -> Opened:
    from db.versions import KNOWN_MIGRATIONS, SCHEMA_VERSION

    try:
        # pathlib ignores "no such file" but raises for a folder on the way we cannot enter.
        is_dir, exists = path.is_dir(), path.exists()
    except PermissionError:
        raise StoreOpenError(
            f"{path}: cannot be reached (permission denied: a folder on the way cannot be "
            "entered)"
        ) from None
    except OSError as exc:
        raise StoreOpenError(f"{path}: cannot be used ({exc.strerror or exc})") from None
    if is_dir:
        raise StoreOpenError(f"{path}: is a folder, not a store file")
    if not exists:
        return _create(path, readonly=readonly, create=create)

    inspection = _inspect(path)
    unknown = [name for name in inspection.applied if name not in KNOWN_MIGRATIONS]
    if inspection.version > SCHEMA_VERSION or unknown:
        raise StoreOpenError(
            f"{path}: was written by a newer agenda-tui (schema version {inspection.version}, "
            f"this version knows {SCHEMA_VERSION}); upgrade agenda-tui to open it"
        )
    pending = [name for name in KNOWN_MIGRATIONS if name not in inspection.applied]

    cannot_write = _why_not_writable(path)
    reason = "opened read-only" if readonly else cannot_write
    if readonly or reason:
        if pending:
            raise StoreOpenError(
                f"{path}: needs upgrading to schema version {SCHEMA_VERSION}, which cannot be "
                f"done while it is read-only ({reason})"
            )
        if cannot_write:
            return Opened(_connect_readonly(path), readonly=True, readonly_reason=reason)
        return Opened(_connect_query_only(path), readonly=True, readonly_reason=reason)

    conn = connect(path, readonly=False)
    try:
        _enable_wal(conn, path)
        backup = None
        if pending and not inspection.empty:
            backup = _backup(conn, path, inspection.version)
        if pending:  # (sqlite-utils, which runs them, is imported only then)
            _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return Opened(
        conn,
        readonly=False,
        created=inspection.empty,
        migrated_from=inspection.version if pending and not inspection.empty else None,
        backup=backup,
    )


def _create(path: Path, *, readonly: bool, create: bool) -> Opened:
    parent = path.parent
    if not parent.exists():
        raise StoreOpenError(f"{path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise StoreOpenError(f"{path}: {parent} is not a folder")
    if not create or readonly:
        raise StoreOpenError(f"{path}: no such store")
    if not os.access(parent, os.W_OK):
        raise StoreOpenError(f"{path}: cannot create a store here (the folder is not writable)")
    # Built under a temporary name and linked into place when whole: another instance
    # starting at the same moment finds no file, or a complete store, never the empty file
    # SQLite begins with (which it would refuse as "not an agenda-tui store").
    building = path.with_name(f".{path.name}.{os.getpid()}.creating")
    try:
        conn = connect(building, readonly=False)
        try:
            _enable_wal(conn, path)
            _migrate(conn, path)
        finally:
            conn.close()  # the last connection: the log is folded in and removed
        won = _link_new(building, path)
    finally:
        for leftover in (building, *_sidecars(building)):
            leftover.unlink(missing_ok=True)
    opened = open_store_file(path, readonly=False, create=False)
    opened.created = won
    return opened


def _link_new(building: Path, path: Path) -> bool:
    """Put the new store at `path` unless one appeared there meanwhile; True if ours is it."""
    try:
        os.link(building, path)  # fails if `path` exists: exactly one instance wins
        return True
    except FileExistsError:
        return False
    except OSError:
        # A filesystem without hard links: a rename, checked first (a small window remains).
        if path.exists():
            return False
        os.replace(building, path)
        return True


def _inspect(path: Path) -> _Inspection:
    """Read-only look at an existing file: is it SQLite, is it ours, which schema version."""
    from db.versions import MIGRATION_SET

    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StoreOpenError(f"{path}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise StoreOpenError(f"{path}: cannot read the file ({exc.strerror})") from None
    if not header:
        raise StoreOpenError(
            f"{path}: is an empty file, not an agenda-tui store (remove it or pick another path)"
        )
    if header != SQLITE_HEADER:
        raise StoreOpenError(f"{path}: is not an agenda-tui store (not a SQLite database)")

    try:
        conn = _connect_readonly(path)
    except StoreOpenError:
        raise
    try:
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
    except sqlite3.DatabaseError as exc:
        raise StoreOpenError(f"{path}: is not a readable agenda-tui store ({exc})") from None
    finally:
        conn.close()

    if not applied and tables:
        listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreOpenError(
            f"{path}: is a SQLite database of another application (tables: {listed}), "
            "not an agenda-tui store"
        )
    return _Inspection(version=version, applied=applied, empty=not tables)


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Open for reading without creating or changing any file beside the store.

    A read-only connection to a WAL store creates NAME-wal and NAME-shm when they are missing
    and, unable to checkpoint, leaves them behind: stray files owned by this user (read-only
    when the store is, which later stops the store being opened for writing). When neither
    exists no connection has the store open (the last one to close removes them) and every
    committed change is in the file itself, so it is read as immutable, which creates nothing.
    When they exist the store is in use, or a crash left committed changes in the log: share
    them, read-only.
    """
    wal, shm = _sidecars(path)
    if not wal.exists() and not shm.exists():
        return _connect_immutable(path)
    try:
        conn = connect(path, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as first:
        if "not a database" in str(first) or "malformed" in str(first):
            raise StoreOpenError(f"{path}: is not a readable agenda-tui store ({first})") from None
        if wal.exists() and wal.stat().st_size > 0:
            # Reading the file alone would silently show the store without its latest changes.
            raise StoreOpenError(
                f"{path}: its latest changes are in {wal.name}, which can only be read with "
                f"write access to {path.parent} ({first}); open it once where that folder is "
                "writable"
            ) from None
        return _connect_immutable(path)


def _connect_immutable(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(path))}?immutable=1",
            uri=True,
            check_same_thread=False,
            isolation_level=None,
        )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreOpenError(f"{path}: is not a readable agenda-tui store ({exc})") from None
        raise StoreOpenError(f"{path}: cannot be opened ({exc})") from None


def _connect_query_only(path: Path) -> sqlite3.Connection:
    """Read-only use of a store we could write: a normal connection that SQLite itself stops
    from writing. Unlike a read-only connection it sees other instances' changes as they
    commit and, when it is the last to close, removes NAME-wal and NAME-shm as usual."""
    conn = connect(path, readonly=False)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreOpenError(f"{path}: cannot be opened ({exc})") from None
    return conn


def _why_not_writable(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return "the file is not writable"
    if not os.access(path.parent, os.W_OK):
        # SQLite keeps its write-ahead log beside the store.
        return "its folder is not writable"
    return None


def _enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        raise StoreOpenError(f"{path}: cannot be opened for writing ({exc})") from None


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    from sqlite_utils import Database

    from db.schema import MIGRATIONS

    db = Database(conn, execute_plugins=False)
    try:
        # One IMMEDIATE transaction: two processes opening a new store at once cannot both
        # create it; the second waits, then finds nothing pending.
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS.apply(db)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        raise StoreWriteError(f"{path}: could not prepare the store ({exc})") from None


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the store (consistently, with SQLite's backup API) before migrating it.

    The copy is written under a ".partial" name and renamed when whole, so a file named as a
    backup is always a usable one, even if the process dies while copying.
    """
    target = path.with_name(f"{path.name}.schema{version}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.schema{version}.{counter}.bak")
    partial = target.with_name(f"{target.name}.partial")
    _remove_partial(partial)  # left by an upgrade that was killed while copying
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        dest.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        dest.close()
        _remove_partial(partial)
        raise StoreWriteError(f"{path}: could not back up before upgrading ({exc})") from None
    return target


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, partial.with_name(f"{partial.name}-journal")):
        leftover.unlink(missing_ok=True)
