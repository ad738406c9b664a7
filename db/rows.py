"""Conversion between models and table rows.

Rows read back from the store were validated when written, so they are rebuilt with
`model_construct` (no re-validation): exports of 50,000 meetings would otherwise spend
seconds re-checking what is already known to be valid.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from db.countries import fold
from db.views import MeetingRow

# Which table holds which model, and the derived columns the store adds for matching.
TABLE_OF = {
    "Meeting": "meetings",
    "Delegation": "delegations",
    "Person": "people",
    "Participant": "participants",
    "Topic": "topics",
    "AgendaItem": "agenda_items",
    "StatusChange": "status_changes",
    "Source": "sources",
}
_KEYED = {"Delegation", "Person", "Topic"}  # tables with a name_key column

MEETING_ROW_COLUMNS = (
    "id, date, precision, time, title, city, country, country_code, status, format, series"
)


def to_row(model) -> dict[str, Any]:
    row = model.model_dump(mode="json")
    kind = type(model).__name__
    if kind in _KEYED:
        row["name_key"] = fold(row["name"])
    if kind == "Topic":
        row["tags"] = json.dumps(row["tags"], ensure_ascii=False)
    return row


def from_row(cls, row: dict[str, Any]):
    data = {name: row[name] for name in cls.model_fields if name in row}
    for name, convert in _CONVERTERS.get(cls.__name__, {}).items():
        if data.get(name) is not None:
            data[name] = convert(data[name])
    return cls.model_construct(**data)


def meeting_row(values: tuple) -> MeetingRow:
    """A MeetingRow from a tuple selected with MEETING_ROW_COLUMNS."""
    (id_, date, precision, time, title, city, country, code, status, fmt, series) = values
    return MeetingRow(
        id_, dt.date.fromisoformat(date), precision, time, title, city, country, code,
        status, fmt, series,
    )


def _enum(name: str):
    def convert(value: str):
        from db import vocab

        return getattr(vocab, name)(value)

    return convert


_CONVERTERS = {
    "Meeting": {
        "date": dt.date.fromisoformat,
        "time": dt.time.fromisoformat,
        "precision": _enum("Precision"),
        "format": _enum("MeetingFormat"),
        "status": _enum("MeetingStatus"),
    },
    "Delegation": {"kind": _enum("DelegationKind")},
    "Participant": {"role": _enum("Role")},
    "Topic": {"tags": json.loads},
    "AgendaItem": {"status": _enum("ItemStatus")},
    "StatusChange": {"from_status": _enum("ItemStatus"), "to_status": _enum("ItemStatus")},
    "Source": {"published": dt.date.fromisoformat},
}
