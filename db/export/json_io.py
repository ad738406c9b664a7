"""Lossless JSON export and import of the store (format "agenda-tui", version 1).

The file is one JSON object: {"format": "agenda-tui", "version": 1, "meetings": [...], ...} with
one array per table, parents before children, each record on its own line with every field of
its model (db/models.py) in the model's order, records in the order they were added to the
store. Export -> import into an empty store -> export gives the same bytes.

Import validates every record with the pydantic models and checks every reference before
writing anything, then writes in one transaction (bulk.py). The merge rule is in `plan_import`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from pydantic_core import from_json

from db.errors import ImportFailed, ValidationFailed
from db.models import (
    AgendaItem,
    Delegation,
    Meeting,
    Participant,
    Person,
    Source,
    StatusChange,
    Topic,
)
from db.records import Records
from db.views import MeetingFilter

FORMAT = "agenda-tui"
VERSION = 1
MODELS = {
    "meetings": Meeting,
    "delegations": Delegation,
    "people": Person,
    "participants": Participant,
    "topics": Topic,
    "agenda_items": AgendaItem,
    "status_changes": StatusChange,
    "sources": Source,
}
MAX_REPORTED = 1  # problems spelled out in the one-line message; the rest are counted


# -- export ------------------------------------------------------------------------------------


def export_json(store, filters: MeetingFilter | None = None) -> str:
    return "".join(iter_json(store, filters))


def iter_json(store, filters: MeetingFilter | None = None) -> Iterator[str]:
    """The store (or, with `filters`, the matching meetings with everything they refer to) as
    JSON text chunks. SQLite's json_object writes each record: this keeps a 50,000-meeting
    export to seconds, and the values are the stored ones, so nothing is lost or reformatted."""
    yield f'{{\n"format": "{FORMAT}",\n"version": {VERSION}'
    with store._read() as conn:
        selection = _selection(conn, filters)
        for table, model in MODELS.items():
            pairs = ", ".join(
                f"'{name}', " + ("json(tags)" if name == "tags" else f"[{name}]")
                for name in model.model_fields
            )
            where, params = selection.get(table, ("", []))
            cursor = conn.execute(
                f"SELECT json_object({pairs}) FROM [{table}] {where} ORDER BY rowid", params
            )
            yield f',\n"{table}": ['
            first = True
            while rows := cursor.fetchmany(2000):
                yield ("\n" if first else ",\n") + ",\n".join(row[0] for row in rows)
                first = False
            yield "]" if first else "\n]"
    yield "\n}\n"


def _selection(conn, filters: MeetingFilter | None) -> dict[str, tuple[str, list]]:
    """WHERE clauses that keep the chosen meetings and what they need to stand alone."""
    if filters is None or not filters.active:
        return {}
    from db.filtering import where_sql

    where, params = where_sql(conn, filters)
    chosen = "SELECT m.id FROM meetings m" + (" WHERE " + " AND ".join(where) if where else "")
    items = f"SELECT id FROM agenda_items WHERE meeting_id IN ({chosen})"
    return {
        "meetings": (f"WHERE id IN ({chosen})", params),
        "participants": (f"WHERE meeting_id IN ({chosen})", params),
        "people": (f"WHERE id IN (SELECT person_id FROM participants WHERE meeting_id IN "
                   f"({chosen}))", params),
        "delegations": (f"WHERE id IN (SELECT delegation_id FROM participants WHERE "
                        f"meeting_id IN ({chosen}))", params),
        "topics": (f"WHERE id IN (SELECT topic_id FROM agenda_items WHERE meeting_id IN "
                   f"({chosen}))", params),
        "agenda_items": (f"WHERE id IN ({items})", params),
        "status_changes": (f"WHERE agenda_item_id IN ({items})", params),
        "sources": (f"WHERE meeting_id IN ({chosen})", params),
    }


# -- reading and validating a file ------------------------------------------------------------


def read_export(data: bytes | str, name: str = "the file") -> Records:
    """Parse and validate an export completely: every record against its model, ids unique
    per table. Raises ImportFailed (one line naming the record and field) on the first kind of
    problem found; returns validated Records."""
    with _no_gc():
        return _read_export(_parse(data, name), name)


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector while millions of objects are made: they are all
    kept, and each collection pass would walk them all again (CPython's usual bulk-load fix)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_export(document: dict, name: str) -> Records:
    records = Records()
    problems: list[str] = []
    for table, model in MODELS.items():
        # Taken out of the document: each table's parsed rows are freed once validated.
        rows = document.pop(table, [])
        if not isinstance(rows, list):
            raise ImportFailed(
                f'{name}: "{table}" must be a list of records; nothing was imported'
            )
        validated = _validate(table, model, rows, problems)
        del rows
        _share_fields_sets(model, validated)
        records.table(table).extend(validated)
    if problems:
        _fail(name, problems)
    _check_unique_ids(records, problems)
    if problems:
        _fail(name, problems)
    return records


def _parse(data: bytes | str, name: str) -> dict:
    # A byte order mark, as some Windows editors write at the start of UTF-8 files.
    if data[:3] == b"\xef\xbb\xbf" or data[:1] == "\ufeff":
        data = data[3:] if isinstance(data, bytes) else data[1:]
    try:
        # pydantic-core's JSON parser: the same result as json.loads in about half the time.
        document = from_json(data)
    except ValueError as exc:
        if isinstance(data, bytes):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise ImportFailed(
                    f"{name}: is not UTF-8 text (byte {bad.start}); nothing was imported"
                ) from None
        message = str(exc)
        hint = " (the file looks cut short)" if message.startswith("EOF while") else ""
        raise ImportFailed(
            f"{name}: is not valid JSON: {message}{hint}; nothing was imported"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFailed(
            f'{name}: is not an agenda-tui export (expected an object with "format": '
            f'"{FORMAT}"); nothing was imported'
        )
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):  # true == 1 in Python, not in the format
        raise ImportFailed(
            f"{name}: is export format version {version!r}; this agenda-tui reads version "
            f"{VERSION}; nothing was imported"
        )
    unknown = sorted(set(document) - {"format", "version", *MODELS})
    if unknown:
        raise ImportFailed(
            f"{name}: has unknown sections {', '.join(map(repr, unknown))}; nothing was imported"
        )
    return document


_ADAPTERS: dict[str, TypeAdapter] = {}


def _validate(table: str, model, rows: list, problems: list[str]) -> list:
    """Validate a whole table in one pydantic call (much faster than record by record); on
    failure, name each bad record by table, index and id, and the field."""
    adapter = _ADAPTERS.get(table) or _ADAPTERS.setdefault(table, TypeAdapter(list[model]))
    try:
        return adapter.validate_python(rows)
    except ValidationError as exc:
        failed = ValidationFailed.from_pydantic("", exc)
    by_record: dict[int, list[str]] = {}
    for error in failed.errors:
        index_text, _, field_path = error.field.partition(".")
        index = int(index_text) if index_text.isdigit() else -1
        by_record.setdefault(index, []).append(
            f"{field_path}: {error.message}" if field_path else error.message
        )
    for index, messages in sorted(by_record.items()):
        problems.append(f"{_where(table, index, rows)}: {'; '.join(messages)}")
    return []


def _share_fields_sets(model, records: list) -> None:
    """Give every record that has all of its fields set (all of them, in an export) one shared
    set of field names instead of its own. Pydantic makes a set per record (728 bytes for
    eight names, nearly three times the record's values): 1.3 GB over a 50,000-meeting import.
    The contents are unchanged, and pydantic only ever adds to the set a name already in it."""
    full = set(model.model_fields)
    share = object.__setattr__
    for record in records:
        if record.__pydantic_fields_set__ == full:
            share(record, "__pydantic_fields_set__", full)


def _where(table: str, index: int, rows: list) -> str:
    record = rows[index] if 0 <= index < len(rows) else None
    record_id = record.get("id") if isinstance(record, dict) else None
    return f"{table}[{index}]" + (f" (id {record_id})" if isinstance(record_id, str) else "")


def _check_unique_ids(records: Records, problems: list[str]) -> None:
    for table in MODELS:
        ids = [record.id for record in records.table(table)]
        if len(set(ids)) == len(ids):  # the usual case, at C speed; then find the repeats
            continue
        seen: dict[str, int] = {}
        for index, record_id in enumerate(ids):
            first = seen.setdefault(record_id, index)
            if first != index:
                problems.append(
                    f"{table}[{index}] (id {record_id}): the same id as {table}[{first}]"
                )


def _fail(name: str, problems: list[str]) -> None:
    shown = "; ".join(problems[:MAX_REPORTED])
    more = len(problems) - MAX_REPORTED
    extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
    raise ImportFailed(f"{name}: {shown}{extra}; nothing was imported")


# -- importing ----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # already stored: left as they were
    merged: dict[str, int] = field(default_factory=dict)  # matched to a stored one by name

    def summary(self) -> str:
        added = ", ".join(_count(n, table) for table, n in self.added.items() if n)
        text = f"added {added}" if added else "added nothing"
        kept = sum(self.kept.values())
        if kept:
            text += f"; {kept:,} record{'s' if kept != 1 else ''} already in the store were kept"
        merged = sum(self.merged.values())
        if merged:
            text += f"; {merged:,} topic(s)/delegation(s) matched existing ones by name"
        return text


def _count(n: int, table: str) -> str:
    singular = {
        "people": "person", "status_changes": "status change", "agenda_items": "agenda item"
    }
    word = table.replace("_", " ") if n != 1 else singular.get(table, table.rstrip("s"))
    return f"{n:,} {word}"


def load_file(path: str | Path) -> Records:
    """Read and validate an export file completely, before any store is touched."""
    path = Path(path).expanduser()
    return records_from_bytes(read_file(path), str(path))


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot be read ({exc.strerror or exc})") from None


def records_from_bytes(data: bytes, name: str) -> Records:
    with _no_gc():
        document = _parse(data, name)
        # The parsed document replaces the file's bytes: a 50 MB file is not held in memory
        # twice over while its records are validated.
        del data
        return _read_export(document, name)


def import_file(store, path: str | Path) -> ImportResult:
    path = Path(path).expanduser()
    return import_data(store, read_file(path), str(path))


def import_data(store, data: bytes | str, name: str = "the file") -> ImportResult:
    """Import an export's text: by the fast path when it can vouch for the file and the store
    is empty (fast_import.py), otherwise by the models and the merge rule; same outcome."""
    from db.export.fast_import import import_fast, read_fast

    fast = read_fast(data, Path(store.path).parent)
    if fast is not None:
        try:
            result = import_fast(store, fast, name)
        finally:
            fast.close()
        if result is not None:
            return result
        del fast
    return import_records(store, read_export(data, name), name)


def import_records(store, records: Records, name: str = "the file") -> ImportResult:
    """Resolve validated records against the store (bulk.py: the merge rule, references), then
    write them all in one transaction; on any problem nothing is written."""
    from db.export.bulk import bulk_session, insert_plan, plan_import

    with (_no_gc(), bulk_session(store, sum(records.counts().values())),
          store._write(f"Import {name}", undoable=False)):
        plan = plan_import(store.conn, records, name)
        insert_plan(store.conn, plan.records)
    return ImportResult(plan.records.counts(), plan.kept, plan.merged)
