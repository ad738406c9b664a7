"""The fast path of a JSON import: a file laid out as agenda-tui exports it, into an empty store.

Each table's section is validated on its own (sections.py): the three big tables by the
certificate of json_fast.py, the others by their models as always, straight into rows of
stored values (no model object per record). The checks that need the whole file (ids unique,
every reference found, no person twice in a meeting, no topic or country twice) are done on
those rows with set operations. Into an empty store the merge rule has nothing to merge, so the
rows are inserted as they are, in one transaction, as import_records would insert them.

Whenever the fast path cannot vouch for a file (another layout, a value the certificate does
not cover, any problem at all, a store that is not empty) it returns None and the caller runs
the full import (json_io.import_records), which applies the merge rule and names the problem:
what is imported, refused and said is the same either way; only the time differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from pydantic_core import from_json

from db.export.bulk import _FTS_TABLES, _REFERENCES, _TABLES, bulk_session, insert_rows
from db.export.fast_helper import HELPED, Helped, Helper
from db.export.json_fast import FIELDS, table_rows
from db.export.json_io import MODELS, ImportResult, _no_gc, _validate
from db.export.sections import split_sections

Rows = dict[str, tuple[list[str], list[tuple]]]  # table: (columns, tuples of stored values)


@dataclass
class FastImport:
    """A file the fast path vouches for: rows per table, and the tables a helper process
    made (fast_helper.py), if one did. close() removes the helper's scratch file."""

    tables: Rows
    helped: Helped | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def close(self) -> None:
        if self.helped is not None:
            self.helped.close()


class _NotEmpty(Exception):
    """Raised inside the write transaction to roll it back: the store already holds records."""


class _Unsure(Exception):
    """Raised inside the write transaction to roll it back: a check failed after all."""


def read_fast(data: bytes | str, folder: Path | None = None) -> FastImport | None:
    """Every table of an export as rows to insert, if the fast path can vouch for all of it.
    With `folder` (where the store is), a big file's agenda items and status changes are
    validated and written by a helper process meanwhile (fast_helper.py)."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError:  # (lone surrogates) the full reader says what is wrong
            return None
    cuts = split_sections(data)
    if cuts is None:
        return None
    helper = Helper.start(data, cuts, folder) if folder is not None else None
    helped = None
    vouched = False
    try:
        with _no_gc():
            tables = _read_tables(data, cuts, skip=HELPED if helper else ())
            if helper is not None and tables is not None:
                helped = helper.result()
                if helped is None:  # it failed, or could not vouch: its part is done here
                    rest = _read_tables(data, cuts, only=HELPED)
                    tables = None if rest is None else tables | rest
            vouched = tables is not None and _consistent(tables, helped)
    finally:
        if helper is not None and not vouched:
            helper.stop()  # ends it if it still runs; removes what it wrote
    if not vouched:
        return None
    counts = {table: len(tables[table][1]) if table in tables else helped.counts[table]
              for table in _TABLES}
    return FastImport(tables, helped, counts)


def _read_tables(data: bytes, cuts, skip=(), only=None) -> Rows | None:
    tables: Rows = {}
    for table, model in MODELS.items():
        if table in skip or (only is not None and table not in only):
            continue
        start, end = cuts[table]
        piece = data[start:end]
        got = table_rows(table, piece) if table in FIELDS else _model_rows(table, model, piece)
        del piece
        if got is None:
            return None
        tables[table] = got
    return tables


def _model_rows(table: str, model, piece: bytes) -> tuple[list[str], list[tuple]] | None:
    from db.export.bulk import _rows

    try:
        records = from_json(piece)
    except ValueError:
        return None
    if not isinstance(records, list):
        return None
    problems: list[str] = []
    validated = _validate(table, model, records, problems)
    if problems:
        return None
    if not validated:
        return [], []
    return _rows(table, validated)


def _column(tables: Rows, table: str, name: str) -> list:
    columns, rows = tables[table]
    if not rows:
        return []
    return list(map(itemgetter(columns.index(name)), rows))


def _consistent(tables: Rows, helped: Helped | None) -> bool:
    """The checks plan_import makes, for a store with nothing in it: all of them at C speed
    (the helper has checked its own tables' ids and the status changes' references)."""
    mine = [table for table in _TABLES if table in tables]
    ids = {table: _column(tables, table, "id") for table in mine}
    known = {table: set(values) for table, values in ids.items()}
    if any(len(known[table]) != len(ids[table]) for table in mine):
        return False
    for table, column, target in _REFERENCES:
        if table not in tables:
            continue
        wanted = set(_column(tables, table, column))
        wanted.discard(None)
        if not wanted <= known[target]:
            return False
    if helped is not None:
        for table, column, target in _REFERENCES:
            if (table, column) in helped.refs and not helped.refs[(table, column)] <= known[target]:
                return False
    pairs = list(zip(_column(tables, "participants", "meeting_id"),
                     _column(tables, "participants", "person_id"), strict=True))
    if len(set(pairs)) != len(pairs):
        return False
    topics = _column(tables, "topics", "name_key")
    if len(set(topics)) != len(topics):
        return False
    delegations = [f"country:{code}" if code else f"name:{key}" for code, key in zip(
        _column(tables, "delegations", "country_code"),
        _column(tables, "delegations", "name_key"), strict=True)]
    return len(set(delegations)) == len(delegations)


def import_fast(store, fast: FastImport, name: str) -> ImportResult | None:
    """Insert the rows in one transaction if the store is empty; None (nothing written) if not.
    The helper's tables are copied from its scratch database, attached for the while."""
    conn = store.conn
    with _no_gc(), bulk_session(store, sum(fast.counts.values())):
        # Attached outside the transaction (SQLite's rule), and after bulk_session has chosen
        # the store's journal, so that only the store's is changed.
        attached = fast.helped is not None and not store.readonly
        if attached:
            with store._lock:
                conn.execute("ATTACH DATABASE ? AS helped", [str(fast.helped.path)])
        try:
            with store._write(f"Import {name}", undoable=False):
                if any(conn.execute(f"SELECT EXISTS (SELECT 1 FROM [{table}])").fetchone()[0]
                       for table in _TABLES):
                    raise _NotEmpty
                for table in _TABLES:  # parents before children
                    if attached and table in HELPED:
                        _copy_helped(conn, table, fast.counts[table])
                    elif fast.tables[table][1]:
                        insert_rows(conn, table, *fast.tables[table])
        except (_NotEmpty, _Unsure):
            return None
        finally:
            if attached:
                with store._lock:
                    conn.execute("DETACH DATABASE helped")
    return ImportResult(dict(fast.counts), dict.fromkeys(_TABLES, 0),
                        {"delegations": 0, "topics": 0})


def _copy_helped(conn, table: str, count: int) -> None:
    """INSERT ... SELECT * from the helper's table: SQLite copies records and index entries as
    they are when the target has no triggers, so the full-text triggers are set aside (and the
    full-text index rebuilt) as bulk._insert_then_index does."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]
    ).fetchall()
    for trigger, _ in triggers:
        conn.execute(f"DROP TRIGGER [{trigger}]")
    conn.execute(f"INSERT INTO main.[{table}] SELECT * FROM helped.[{table}]")
    if conn.execute(f"SELECT count(*) FROM main.[{table}]").fetchone()[0] != count:
        raise _Unsure
    if table in _FTS_TABLES:
        conn.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
