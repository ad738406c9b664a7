"""The range agenda: every meeting matching the timeline's filters, in date order, each in
compact form (facts, participants by delegation, numbered agenda, notes, sources). The whole
store is one such export, 50,000 meetings and 500,000 agenda items.

It reads plain rows (agenda_bytes.iter_rows) instead of building bundles, escapes each name
once per export, and builds each meeting's text in one piece: per agenda item a lookup and one
string. The output is the one the bundles gave (the golden files and the tests hold it).
Exports run agenda_bytes.chunks, the formatting on UTF-8 bytes that are decoded only where
text needs escaping; tests/unit/agenda_text.py keeps the same formatting on text as its
reference (a test compares them).
From the CLI a big agenda is written by two processes, one per core (_Helper, at the end).
"""

from __future__ import annotations

import gc
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from db.export import agenda_bytes, escape
from db.export.chunks import Chunks, FilePart
from db.export.markdown import long_date
from db.views import MeetingFilter


def range_agenda(store, filters: MeetingFilter) -> str:
    return "".join(iter_range_agenda(store, filters))


def iter_range_agenda(store, filters: MeetingFilter) -> Chunks:
    """Every meeting matching `filters` (dates, country, series, status) in date order, each
    in compact form; as text chunks, so that a big export streams to its file.

    A big selection is split in two and the later part is written by a forked process on
    the other core (see _Helper): the same bytes in little more than half the time. Its part
    is copied file to file by write_atomic (Chunks.write_to), never decoded here."""
    return Chunks(_parts(store, filters))


def _parts(store, filters: MeetingFilter) -> Iterator[str | bytes | FilePart]:
    count = store.count_meetings(filters)
    yield f"# {escape.inline(range_title(filters))}\n\n"
    detail = filters.describe() if (filters.statuses or filters.country or filters.series) else ""
    summary = f"{count:,} meeting{'s' if count != 1 else ''}"
    yield escape.inline(f"{summary}; {detail}." if detail else f"{summary}.") + "\n"
    helper = _Helper.start(store, filters, count) if count >= SPLIT_AT else None
    try:
        with store._read() as conn:
            where, params = _where(conn, filters)
            if helper is not None and not helper.same_snapshot(conn):
                helper.stop()  # the store changed as the helper began: do it all here
                helper = None
            if helper is None:
                yield from agenda_bytes.chunks(conn, where, params)
                return
            yield from agenda_bytes.chunks(conn, f"({where}) AND (m.date, m.id) < (?, ?)",
                                           [*params, *helper.middle])
            rest = helper.result()
            if rest is None:  # the helper failed: the later part here after all
                yield from agenda_bytes.chunks(conn, f"({where}) AND (m.date, m.id) >= (?, ?)",
                                               [*params, *helper.middle])
            else:
                yield rest
    finally:
        if helper is not None:
            helper.stop()


def _where(conn, filters: MeetingFilter) -> tuple[str, list]:
    from db.filtering import where_sql

    where, params = where_sql(conn, filters)
    return " AND ".join(where) or "1", params


def range_title(filters: MeetingFilter) -> str:
    start, end = filters.date_from, filters.date_to
    if start and end:
        return f"Agenda, {long_date(start)} to {long_date(end)}"
    if start:
        return f"Agenda from {long_date(start)}"
    if end:
        return f"Agenda until {long_date(end)}"
    return "Agenda"


# -- the later part in a second process --------------------------------------------------------

SPLIT_AT = 5_000  # meetings: below this, forking costs more than the second core saves
# Split at the middle meeting: copying the helper's part comes after both parts whichever
# finishes first, so even parts end soonest (measured: 45/55 was slower).


def _can_fork() -> bool:
    # Only a process without other threads (the CLI) forks: a forked copy of a threaded one
    # (the app) can hang on a lock that a thread it no longer has was holding.
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) > 1


class _Helper:
    """A forked process writing the later part of a big agenda to a temporary file while this
    one writes the earlier part. The formatting is Python, bound to one core, and 50,000
    meetings take one core about twice issue 6's 3 s.

    It reads in a read transaction of its own, begun before ours: both see the same store
    when no commit came in between (PRAGMA data_version counts other connections' commits);
    otherwise it is stopped and this process writes everything. If it fails in any way this
    process writes the later part itself: the output is the same bytes either way."""

    def __init__(self, pid: int, signals: int, output, middle: tuple, version: int) -> None:
        self.pid, self.signals, self.output = pid, signals, output
        self.middle, self.version = middle, version

    @classmethod
    def start(cls, store, filters: MeetingFilter, count: int) -> _Helper | None:
        if not _can_fork() or not Path(store.path).is_file():
            return None
        with store._read() as conn:
            where, params = _where(conn, filters)
            middle = conn.execute(
                f"SELECT m.date, m.id FROM meetings m WHERE {where} ORDER BY m.date, m.id "
                "LIMIT 1 OFFSET ?", [*params, count // 2],
            ).fetchone()
        if middle is None:
            return None
        version = store.data_version()
        output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        signals, signal_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper: never returns
            os.close(signals)
            _helper_main(store.path, filters, tuple(middle), output, signal_end)
        os.close(signal_end)
        helper = cls(pid, signals, output, tuple(middle), version)
        if os.read(signals, 1) != b"R":  # it could not begin reading
            helper.stop()
            return None
        return helper

    def same_snapshot(self, conn) -> bool:
        """Whether our read transaction (`conn`'s, begun after the helper's) sees the store
        the helper sees: nothing was committed since before the helper began."""
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # our snapshot begun
        return conn.execute("PRAGMA data_version").fetchone()[0] == self.version

    def result(self) -> FilePart | None:
        """The later part, once the helper is done; None if it failed."""
        if os.read(self.signals, 1) != b"D":
            return None
        self.output.seek(0)
        return FilePart(self.output)

    def stop(self) -> None:
        if not self.pid:
            return
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)  # (already gone when it is done)
        os.waitpid(self.pid, 0)
        os.close(self.signals)
        self.output.close()
        self.pid = 0


def _helper_main(path, filters: MeetingFilter, middle: tuple, output, signals: int) -> NoReturn:
    """The helper's whole life: the later part to `output`, "R" on `signals` once its read
    transaction has begun and "D" when all is written; os._exit, so that nothing of the
    parent (atexit handlers, buffered output, the open store) runs or is flushed twice."""
    status = 1
    try:
        from db.store import Store

        # A process that lives for one export: what it allocates is freed when it exits,
        # and the cyclic collector's passes over 800,000 rows' tuples are ~5% of its time.
        gc.disable()

        with Store.open(path, readonly=True) as store, store._read() as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            os.write(signals, b"R")
            where, params = _where(conn, filters)
            with open(output.fileno(), "wb", buffering=1 << 20, closefd=False) as out:
                for chunk in agenda_bytes.chunks(
                        conn, f"({where}) AND (m.date, m.id) >= (?, ?)", [*params, *middle]):
                    out.write(chunk)
        os.write(signals, b"D")
        status = 0
    except BaseException:  # noqa: BLE001 - the parent writes this part instead
        pass
    finally:
        os._exit(status)
