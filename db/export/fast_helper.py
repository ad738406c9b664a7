"""The second core's share of a fast import: a forked helper validates the status changes (two
fifths of a big file, half of its records) and writes them, with their indexes, into a scratch
database of the store's schema, while this process validates and inserts everything else. The
import then copies the table in with INSERT ... SELECT *, which SQLite carries out as a
transfer of records and index entries as they are (no re-indexing), at a fraction of the
cost of inserting them.

The helper checks what it can alone (its certificate, ids unique) and hands back the ids its
records refer to, which this process checks. If it fails in any way, this process validates
and inserts that table itself: the store gets the same rows either way. The copy's speed is
SQLite's to decide: were the scratch table not identical to the store's, it would insert row
by row, with the same result.
"""

from __future__ import annotations

import gc
import os
import pickle
import sqlite3
import tempfile
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

# The status changes: half of the records and two fifths of the file. With the agenda items
# too, the helper took longer than all this process does meanwhile (CPU seconds measured at
# 50,000 meetings: 17.6 against 5).
HELPED = ("status_changes",)
HELP_FROM = 20_000_000  # bytes of that section: below this, forking costs more than it saves


@dataclass
class Helped:
    """What the helper made: the scratch database and what the import must still check."""

    path: Path
    counts: dict[str, int]
    # {(table, column): the ids it refers to} for references to tables this process reads
    refs: dict[tuple[str, str], set[str]] = field(repr=False)

    def close(self) -> None:
        for leftover in (self.path, self.path.with_name(self.path.name + ".ids")):
            leftover.unlink(missing_ok=True)


def can_fork() -> bool:
    # Only a process without other threads (the CLI) forks: a forked copy of a threaded one
    # (the app) can hang on a lock that a thread it no longer has was holding.
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) > 1


class Helper:
    def __init__(self, pid: int, path: Path) -> None:
        self.pid, self.path = pid, path

    @classmethod
    def start(cls, data: bytes, cuts: dict[str, tuple[int, int]], folder: Path) -> Helper | None:
        size = sum(cuts[table][1] - cuts[table][0] for table in HELPED)
        if size < HELP_FROM or not can_fork():
            return None
        try:
            handle, name = tempfile.mkstemp(prefix=".agenda-tui-import-", suffix=".db",
                                            dir=folder)
        except OSError:  # a folder we cannot write to: no helper
            return None
        os.close(handle)
        path = Path(name)
        pid = os.fork()
        if pid == 0:  # the helper: never returns
            _helper_main(data, cuts, path)
        return cls(pid, path)

    def result(self) -> Helped | None:
        """What the helper made, once it is done; None if it failed or could not vouch."""
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        helped = None
        if os.waitstatus_to_exitcode(status) == 0:
            with suppress(OSError, pickle.UnpicklingError, ValueError):
                ids = self.path.with_name(self.path.name + ".ids")
                counts, refs = pickle.loads(ids.read_bytes())
                helped = Helped(self.path, counts, refs)
        if helped is None:
            self.stop()
        return helped

    def stop(self) -> None:
        """End the helper if it still runs, and remove what it wrote."""
        if self.pid:
            with suppress(ProcessLookupError):
                os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            self.pid = 0
        Helped(self.path, {}, {}).close()


def _helper_main(data: bytes, cuts: dict[str, tuple[int, int]], path: Path) -> NoReturn:
    """The helper's whole life, ended by os._exit (status 0: done) so that nothing of the
    parent (atexit handlers, buffered output, the open store) runs or is flushed twice."""
    status = 1
    parent = os.getppid()
    try:
        gc.disable()  # a short life: everything it makes is freed when it exits
        status = 0 if _build(data, cuts, path) else 3
    except BaseException:  # noqa: BLE001 - the parent does this part instead
        pass
    finally:
        if os.getppid() != parent:  # the import was killed: nobody will remove the files
            Helped(path, {}, {}).close()
        os._exit(status)


def _build(data: bytes, cuts: dict[str, tuple[int, int]], path: Path) -> bool:
    from operator import itemgetter

    from db.export.bulk import _REFERENCES
    from db.export.json_fast import table_rows

    tables = {}
    for table in HELPED:
        start, end = cuts[table]
        got = table_rows(table, data[start:end])
        if got is None:
            return False
        tables[table] = got
    known: dict[str, set[str]] = {}
    for table, (_, rows) in tables.items():
        known[table] = set(map(itemgetter(0), rows))  # ids come first
        if len(known[table]) != len(rows):
            return False
    refs: dict[tuple[str, str], set[str]] = {}
    for table, column, target in _REFERENCES:
        if table in tables:
            columns, rows = tables[table]
            wanted = set(map(itemgetter(columns.index(column)), rows))
            wanted.discard(None)
            if target not in tables:
                refs[(table, column)] = wanted
            elif not wanted <= known[target]:
                return False
    conn = sqlite3.connect(path, isolation_level=None)
    # A scratch file: nothing to roll back or to keep safe from a crash.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    tables_sql, indexes_sql = _schema(HELPED)
    conn.execute("BEGIN")
    for sql in tables_sql:
        conn.execute(sql)
    for table, (columns, rows) in tables.items():
        conn.executemany(f"INSERT INTO [{table}] ({', '.join(columns)}) "
                         f"VALUES ({', '.join('?' for _ in columns)})", rows)
    for sql in indexes_sql:  # built once the rows are in: a sort instead of random inserts
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()
    counts = {table: len(rows) for table, (_, rows) in tables.items()}
    path.with_name(path.name + ".ids").write_bytes(
        pickle.dumps((counts, refs), protocol=pickle.HIGHEST_PROTOCOL))
    return True


def _schema(tables: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """CREATE statements of these tables and their indexes, as the store's migrations make
    them (run on an empty database in memory)."""
    from sqlite_utils import Database

    from db.schema import MIGRATIONS

    db = Database(memory=True, execute_plugins=False)
    MIGRATIONS.apply(db)
    rows = db.execute(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name IN ({}) AND sql IS NOT NULL "
        "AND type IN ('table', 'index') ORDER BY rowid".format(", ".join("?" for _ in tables)),
        list(tables),
    ).fetchall()
    db.close()
    return [sql for kind, sql in rows if kind == "table"], [
        sql for kind, sql in rows if kind == "index"]
