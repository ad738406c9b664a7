"""The write side of a JSON import: match validated records against the store (the merge rule)
and insert them in bulk, inside the caller's one transaction.

Merge rule (documented in the README):
- Records are identified by id. A record whose id is already in the store is kept as stored;
  the file's copy is skipped. Re-importing a file therefore adds nothing.
- Topics are also unique by name, and delegations by country (or, for organisations, by name),
  as everywhere in the store: a new topic or delegation whose name matches a stored one with
  another id is merged into it, and the file's references are redirected to the stored one.
- A participant whose person is already listed in that (stored) meeting is kept as stored.
- Every reference must resolve to a record in the file or in the store; otherwise nothing is
  imported and the message names the record and the field.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from operator import attrgetter
from types import NoneType as NONE
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import TypeAdapter

from db.countries import fold
from db.errors import ImportFailed
from db.records import Records
from db.rows import to_row

_REFERENCES = [
    ("participants", "meeting_id", "meetings"),
    ("participants", "person_id", "people"),
    ("participants", "delegation_id", "delegations"),
    ("agenda_items", "meeting_id", "meetings"),
    ("agenda_items", "topic_id", "topics"),
    ("status_changes", "agenda_item_id", "agenda_items"),
    ("sources", "meeting_id", "meetings"),
]
_SINGULAR = {
    "meetings": "meeting", "people": "person", "delegations": "delegation", "topics": "topic",
    "agenda_items": "agenda item",
}
_FTS_TABLES = ("meetings", "people", "topics", "agenda_items")
_KEYED_TABLES = ("delegations", "people", "topics")
_TABLES = ("meetings", "delegations", "people", "participants", "topics", "agenda_items",
           "status_changes", "sources")  # parents before children
_ID, _MEETING_ID, _PERSON_ID = attrgetter("id"), attrgetter("meeting_id"), attrgetter("person_id")


@dataclass
class Plan:
    records: Records  # what to insert, references redirected
    kept: dict[str, int] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)


def plan_import(conn: sqlite3.Connection, records: Records, name: str) -> Plan:
    """Check every reference and apply the merge rule. The common case, a big file into an
    empty store, is a few set operations per table (in C): loops over the records only run
    to name a problem or to redirect and skip what the store already holds."""
    problems: list[str] = []
    ids = {table: list(map(_ID, records.table(table))) for table in _TABLES}
    stored = {table: _stored_ids(conn, table, ids[table]) for table in _TABLES}
    # Ids the file may refer to: its own and the store's (checked lazily, below).
    in_file = {table: set(ids[table]) for table in _TABLES}
    redirect: dict[str, dict[str, str]] = {"topics": {}, "delegations": {}}
    _merge_by_name(conn, records, stored, redirect, problems)

    for table, column, target in _REFERENCES:
        rows = records.table(table)
        values = list(map(attrgetter(column), rows))
        wanted = set(values) - in_file[target]
        wanted.discard(None)
        missing = wanted - _stored_ids(conn, target, sorted(wanted)) if wanted else wanted
        if not missing:
            continue
        for index, (record, value) in enumerate(zip(rows, values, strict=True)):
            if value in missing:
                problems.append(
                    f"{table}[{index}] (id {record.id}): {column}: no {_SINGULAR[target]} with "
                    f"id {value} in the file or the store"
                )
    _check_participants(records, problems)
    if problems:
        more = len(problems) - 1
        extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        raise ImportFailed(f"{name}: {problems[0]}{extra}; nothing was imported")

    plan = Plan(Records())
    for table in _TABLES:
        fresh = records.table(table)
        if stored[table]:
            fresh = [r for r in fresh if r.id not in stored[table]]
        plan.kept[table] = len(records.table(table)) - len(fresh)
        if table in redirect:
            plan.merged[table] = sum(1 for r in fresh if r.id in redirect[table])
            if redirect[table]:
                fresh = [r for r in fresh if r.id not in redirect[table]]
        plan.records.table(table).extend(fresh)
    if redirect["delegations"]:
        plan.records.participants[:] = [
            p.model_copy(update={"delegation_id": redirect["delegations"][p.delegation_id]})
            if p.delegation_id in redirect["delegations"] else p
            for p in plan.records.participants
        ]
    if redirect["topics"]:
        plan.records.agenda_items[:] = [
            i.model_copy(update={"topic_id": redirect["topics"][i.topic_id]})
            if i.topic_id in redirect["topics"] else i
            for i in plan.records.agenda_items
        ]
    _skip_listed_participants(conn, plan)
    return plan


def _merge_by_name(conn, records: Records, stored, redirect, problems: list[str]) -> None:
    """Topics by folded name, delegations by country code or organisation name: the unique
    keys of the store. Duplicates inside the file are an error; matches in the store merge."""
    for table in ("topics", "delegations"):
        seen: dict[str, int] = {}
        keys: dict[str, str] = {}
        for index, record in enumerate(records.table(table)):
            key = _key(table, record)
            keys[record.id] = key
            first = seen.setdefault(key, index)
            if first != index:
                problems.append(
                    f"{table}[{index}] (id {record.id}): name: the same "
                    f"{_SINGULAR[table]} as {table}[{first}] ({record.name!r})"
                )
        new_keys = {keys[r.id]: r.id for r in records.table(table) if r.id not in stored[table]}
        for key, stored_id in _stored_keys(conn, table, sorted(new_keys)):
            if stored_id != new_keys[key]:
                redirect[table][new_keys[key]] = stored_id


def _key(table: str, record) -> str:
    if table == "delegations" and record.country_code:
        return f"country:{record.country_code}"
    return f"name:{fold(record.name)}"


def _stored_keys(conn, table: str, keys: list[str]) -> Iterable[tuple[str, str]]:
    if table == "topics":
        names = [k.removeprefix("name:") for k in keys]
        for name_key, row_id in _in(conn, "SELECT name_key, id FROM topics WHERE name_key", names):
            yield f"name:{name_key}", row_id
        return
    codes = [k.removeprefix("country:") for k in keys if k.startswith("country:")]
    for code, row_id in _in(conn, "SELECT country_code, id FROM delegations WHERE country_code",
                            codes):
        yield f"country:{code}", row_id
    names = [k.removeprefix("name:") for k in keys if k.startswith("name:")]
    for name_key, row_id in _in(
        conn, "SELECT name_key, id FROM delegations WHERE country_code IS NULL AND name_key", names
    ):
        yield f"name:{name_key}", row_id


def _check_participants(records: Records, problems: list[str]) -> None:
    parts = records.participants
    pairs = list(zip(map(_MEETING_ID, parts), map(_PERSON_ID, parts), strict=True))
    if len(set(pairs)) == len(pairs):  # no person twice in a meeting: the usual case
        return
    seen: dict[tuple[str, str], int] = {}
    for index, (part, pair) in enumerate(zip(parts, pairs, strict=True)):
        first = seen.setdefault(pair, index)
        if first != index:
            problems.append(
                f"participants[{index}] (id {part.id}): person_id: the person is already "
                f"listed in that meeting by participants[{first}]"
            )


def _skip_listed_participants(conn, plan: Plan) -> None:
    """Drop new participations of a person already listed in a stored meeting."""
    parts = plan.records.participants
    meetings = sorted(set(map(_MEETING_ID, parts)) - set(map(_ID, plan.records.meetings)))
    if not meetings:
        return
    listed = set(_in(conn, "SELECT meeting_id, person_id FROM participants WHERE meeting_id",
                     meetings))
    if listed:
        keep = [p for p in parts if (p.meeting_id, p.person_id) not in listed]
        plan.kept["participants"] += len(parts) - len(keep)
        parts[:] = keep


def _stored_ids(conn, table: str, ids: list[str]) -> set[str]:
    if not ids or conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM [{table}])").fetchone()[0]:
        return set()
    return {row[0] for row in _in(conn, f"SELECT id FROM [{table}] WHERE id", ids)}


def _in(conn, select: str, values: list) -> Iterable[tuple]:
    """`select` ending in a column, completed with IN (...) over `values`, in chunks."""
    for start in range(0, len(values), 900):
        chunk = values[start:start + 900]
        yield from conn.execute(f"{select} IN ({', '.join('?' for _ in chunk)})", chunk)


# -- inserting ----------------------------------------------------------------------------------


BULK_FROM = 10_000  # records in an import from which bulk_session's settings pay off
BULK_CACHE_KIB = 128 * 1024  # SQLite page cache during a bulk import (freed afterwards)


@contextmanager
def bulk_session(store, records: int) -> Iterator[None]:
    """Connection settings for one import, restored afterwards (on failure too):

    - Foreign keys are not enforced row by row: plan_import has checked every reference
      against the file and the store inside the same write transaction, and SQLite's own
      check costs a parent lookup per row (a sixth of a 50,000-meeting import).
    - A big page cache, so that index pages stay in memory while they fill.
    - For a big import, a rollback journal instead of the write-ahead log, if no other
      connection has the store open: in WAL mode every new page is written twice (to the log
      at commit, then to the store when the log is checkpointed), a second pass over
      hundreds of megabytes. A rollback journal keeps the import atomic and, with the store's
      synchronous = FULL, the commit durable; WAL is switched back on right after.
    """
    conn = store.conn
    if store.readonly:  # the write is refused with the usual message; nothing to set
        yield
        return
    with store._lock:
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = OFF")
        journal = None
        if records >= BULK_FROM:
            conn.execute("PRAGMA busy_timeout = 0")  # in use elsewhere: keep WAL, do not wait
            try:
                journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
                if journal == "wal":
                    conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.OperationalError:
                journal = None
            conn.execute(f"PRAGMA busy_timeout = {timeout}")
        try:
            yield
        finally:
            if journal == "wal":
                with suppress(sqlite3.OperationalError):
                    conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = {cache}")


def insert_plan(conn: sqlite3.Connection, records: Records) -> None:
    """Insert every record, parents first, inside the caller's transaction."""
    for table in _TABLES:
        models = records.table(table)
        if models:
            insert_rows(conn, table, *_rows(table, models))


def insert_rows(conn: sqlite3.Connection, table: str, columns: list[str], values: list) -> None:
    """Insert tuples of stored values in `columns` order, inside the caller's transaction."""
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    if _worth_rebuilding(conn, table, len(values)):
        _insert_then_index(conn, table, sql, values)
    else:
        conn.executemany(sql, values)


def _rows(table: str, models: list) -> tuple[list[str], list[tuple]]:
    """Column names and one tuple of values per model, as stored."""
    model = type(models[0])
    if table in _KEYED_TABLES:  # few rows; to_row adds the name_key matching column
        rows = [to_row(m) for m in models]
        return list(rows[0]), [tuple(row.values()) for row in rows]
    columns = list(model.model_fields)
    if _stored_as_is(model):  # the attributes are the stored values, enums aside
        # Column by column, enum members swapped for their text: sqlite3 binds a str
        # subclass only after a failed adapter lookup (about 0.7 us a value, 1.5 s over the
        # 2 million statuses and roles of a 50,000-meeting import).
        values = []
        for column in columns:
            got = list(map(attrgetter(column), models))
            texts = _enum_texts(model.model_fields[column].annotation)
            values.append(list(map(texts.get, got, got)) if texts else got)
        return columns, list(zip(*values, strict=True))
    # One pydantic-core call for the whole table: half the time of to_row per row.
    rows = _dumper(model).dump_python(models, mode="json")
    return columns, [tuple(row.values()) for row in rows]


@cache
def _stored_as_is(model) -> bool:
    """Whether every field holds text, a text enum (sqlite3 binds a str subclass as its text)
    or a whole number, possibly None: then the model's attributes are what to_row stores."""
    return all(_plain(info.annotation) for info in model.model_fields.values())


@cache
def _enum_texts(annotation) -> dict:
    """{member: its text} for the enums an annotation allows (empty if none)."""
    if get_origin(annotation) is Annotated:
        return _enum_texts(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return {k: v for member in get_args(annotation) for k, v in _enum_texts(member).items()}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {member: member.value for member in annotation}
    return {}


def _plain(annotation) -> bool:
    if annotation is NONE:
        return True
    if get_origin(annotation) is Annotated:
        return _plain(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return all(_plain(member) for member in get_args(annotation))
    return isinstance(annotation, type) and issubclass(annotation, str | int)


@cache
def _dumper(model) -> TypeAdapter:
    return TypeAdapter(list[model])


def _worth_rebuilding(conn, table: str, adding: int) -> bool:
    # Re-indexing the whole table beats row-by-row indexing when the import at least doubles
    # it; for a few rows into a big store the per-row work is cheaper.
    if adding < 1000:
        return False
    return conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] <= adding


def _insert_then_index(conn, table: str, sql: str, values) -> None:
    """Insert with the table's secondary indexes and full-text trigger set aside, then build
    them once. Row by row, every index insert lands on a random page (an index on meeting_id
    or person_id is in no useful order for a file in creation order) and SQLite's FTS5
    flushes its pending terms at every statement; building afterwards is a sort. All of this
    runs in the import's transaction: a failure restores the indexes and the trigger along
    with everything else, and other connections never see them missing."""
    saved = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND (type = 'index' OR (type = 'trigger' AND name = ?))",
        [table, f"{table}_ai"],
    ).fetchall()
    for kind, name, _ in saved:
        conn.execute(f"DROP {kind.upper()} [{name}]")
    conn.executemany(sql, values)
    if table in _FTS_TABLES:
        conn.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
    for _, _, create in saved:
        conn.execute(create)
