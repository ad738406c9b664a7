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

from operator import itemgetter

from pydantic_core import from_json

from db.export.bulk import _REFERENCES, _TABLES, bulk_session, insert_rows
from db.export.json_fast import FIELDS, table_rows
from db.export.json_io import MODELS, ImportResult, _no_gc, _validate
from db.export.sections import split_sections

Rows = dict[str, tuple[list[str], list[tuple]]]  # table: (columns, tuples of stored values)


class _NotEmpty(Exception):
    """Raised inside the write transaction to roll it back: the store already holds records."""


def read_fast(data: bytes | str) -> Rows | None:
    """Every table of an export as rows to insert, if the fast path can vouch for all of it."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError:  # (lone surrogates) the full reader says what is wrong
            return None
    cuts = split_sections(data)
    if cuts is None:
        return None
    tables: Rows = {}
    with _no_gc():
        for table, model in MODELS.items():
            start, end = cuts[table]
            piece = data[start:end]
            got = table_rows(table, piece) if table in FIELDS else _model_rows(table, model, piece)
            del piece
            if got is None:
                return None
            tables[table] = got
        return tables if _consistent(tables) else None


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


def _consistent(tables: Rows) -> bool:
    """The checks plan_import makes, for a store with nothing in it: all of them at C speed."""
    ids = {table: _column(tables, table, "id") for table in _TABLES}
    known = {table: set(values) for table, values in ids.items()}
    if any(len(known[table]) != len(ids[table]) for table in _TABLES):
        return False
    for table, column, target in _REFERENCES:
        wanted = set(_column(tables, table, column))
        wanted.discard(None)
        if not wanted <= known[target]:
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


def import_fast(store, tables: Rows, name: str) -> ImportResult | None:
    """Insert the rows in one transaction if the store is empty; None (nothing written) if not."""
    counts = {table: len(tables[table][1]) for table in _TABLES}
    try:
        with (_no_gc(), bulk_session(store, sum(counts.values())),
              store._write(f"Import {name}", undoable=False)):
            conn = store.conn
            if any(conn.execute(f"SELECT EXISTS (SELECT 1 FROM [{table}])").fetchone()[0]
                   for table in _TABLES):
                raise _NotEmpty
            for table in _TABLES:  # parents before children
                columns, rows = tables[table]
                if rows:
                    insert_rows(conn, table, columns, rows)
    except _NotEmpty:
        return None
    return ImportResult(counts, dict.fromkeys(_TABLES, 0), {"delegations": 0, "topics": 0})
