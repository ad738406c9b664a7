"""Fill a new store with realistic synthetic meetings, for benchmarks and for trying the app.

    python -m benchmarks.generate --meetings 50000 --items 500000 --seed 1 --db PATH

The store is opened with Store.open (so the schema, indexes and full-text triggers are the real
ones) and filled in one transaction with executemany. The same seed gives the same store.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks import synth
from benchmarks.synth import COLUMNS, Meetings
from db.errors import AgendaError
from db.schema import FTS_COLUMNS

BATCH = 1000  # meetings per executemany round: bounded memory, few round trips
POOL_FROM = 5000  # below this many meetings, starting worker processes costs more than it saves


class GenerateRefused(AgendaError):
    title = "Cannot generate"


def default_sizes(meetings: int) -> dict[str, int]:
    """People, topics and series in proportion: 50,000 meetings have 5,000 people, 2,000
    topics and 400 series; small stores keep enough of each to look like real data."""
    return {
        "people": max(50, min(5000, meetings // 10)),
        "topics": max(30, min(2000, meetings // 25)),
        "series": max(3, meetings // 125),
    }


def generate(path: str | Path, meetings: int, items: int, seed: int, *,
             people: int | None = None, topics: int | None = None) -> dict[str, int]:
    """Write the synthetic store to `path` (new or empty); returns rows per table."""
    from db.store import Store

    if meetings < 0 or items < 0:
        raise GenerateRefused("--meetings and --items must be zero or more")
    if items and not meetings:
        raise GenerateRefused("agenda items need meetings: give --meetings as well")
    sizes = default_sizes(meetings)
    sizes["people"] = sizes["people"] if people is None else people
    sizes["topics"] = sizes["topics"] if topics is None else topics

    store = Store.open(path)
    try:
        held = {table: n for table, n in store.counts().items() if n}
        if held:
            listed = ", ".join(f"{n:,} {table}" for table, n in held.items())
            raise GenerateRefused(
                f"{store.path}: already holds data ({listed}); generate into a new file"
            )
        args = (seed, meetings, items, sizes["people"], sizes["topics"], sizes["series"])
        meeting_plan = synth.plan(*args)
        _load(store.conn, meeting_plan.world.rows, _batches(args, meeting_plan))
        return store.counts()
    finally:
        store.close()


def _load(conn, world_rows: dict[str, list[tuple]], batches) -> None:
    """Insert everything in one transaction, as fast as SQLite allows on a file nobody else uses:
    secondary indexes and the full-text insert triggers are set aside during the load and put
    back from their own stored SQL (so the store ends with exactly the schema's definitions);
    building an index or a full-text index in one pass is several times faster than updating
    it row by row. Foreign keys are off because the generator makes every reference itself
    (the tests check the result with PRAGMA foreign_key_check)."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    # A new file has few pages to journal, so an in-memory rollback journal costs little and
    # still lets a failed load roll back; WAL would write every page twice.
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: random UUID keys touch many pages
    conn.execute("PRAGMA threads = 2")  # lets CREATE INDEX sort with a helper thread
    statements = {
        table: f"INSERT INTO [{table}] ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})"
        for table, names in COLUMNS.items()
    }
    tables = ", ".join(f"'{t}'" for t in COLUMNS)
    conn.execute("BEGIN IMMEDIATE")
    try:
        indexes = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({tables})"
        ).fetchall()
        triggers = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_ai' "
            f"AND tbl_name IN ({tables})"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX [{name}]")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER [{name}]")
        for table, rows in world_rows.items():
            conn.executemany(statements[table], rows)
        for batch in batches:
            for table, rows in batch.items():
                conn.executemany(statements[table], rows)
        for _, sql in indexes + triggers:
            conn.execute(sql)
        for table in FTS_COLUMNS:
            conn.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_mode = WAL")


def _batches(args: tuple, plan: Meetings) -> Iterator[dict[str, list[tuple]]]:
    """The meeting batches in order. Large stores are made in worker processes while this one
    inserts (threads would not help: making rows is pure Python and holds the GIL); each batch
    has its own seed, so where it is made does not change it."""
    starts = plan.starts(BATCH)
    workers = min(3, (os.cpu_count() or 1) - 1)
    if plan.count < POOL_FROM or workers < 1:
        for start in starts:
            yield plan.batch(start, BATCH)
        return
    context = multiprocessing.get_context("spawn")  # no fork: the caller may have threads
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=args) as pool:
        ahead: deque = deque()
        pending = iter(starts)
        for start in itertools.islice(pending, workers + 2):  # a few batches ahead, no more
            ahead.append(pool.submit(_make_batch, start))
        while ahead:
            batch = ahead.popleft().result()
            for start in itertools.islice(pending, 1):
                ahead.append(pool.submit(_make_batch, start))
            yield batch


_PLAN: Meetings | None = None


def _start_worker(*args) -> None:
    global _PLAN
    _PLAN = synth.plan(*args)


def _make_batch(start: int) -> dict[str, list[tuple]]:
    assert _PLAN is not None
    return _PLAN.batch(start, BATCH)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Fill a new agenda store with synthetic meetings (deterministic per seed).",
    )
    parser.add_argument("--meetings", type=int, required=True, help="how many meetings")
    parser.add_argument("--items", type=int, required=True,
                        help="how many agenda items in all (about ten per meeting is typical)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--db", type=Path, required=True, help="the new store file to write")
    parser.add_argument("--people", type=int, help="people (default: meetings/10, 50-5,000)")
    parser.add_argument("--topics", type=int, help="topics (default: meetings/25, 30-2,000)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.db, args.meetings, args.items, args.seed,
                          people=args.people, topics=args.topics)
    except AgendaError as exc:
        print(f"benchmarks.generate: {exc.msg}", file=sys.stderr)
        return 1
    if not args.quiet:
        rows = ", ".join(f"{n:,} {table}" for table, n in counts.items())
        print(f"{args.db}: {rows} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
