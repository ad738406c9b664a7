"""Validating the three big tables of an import (participants, agenda items, status changes:
nine records in ten) in pydantic-core's Rust code, as rows ready to insert.

The models in db/models.py stay the one definition of valid data. This is a certificate, not
a second definition: a table passes here only when every value is one the model takes as it
is and would store unchanged (ids of the model's pattern, timestamps already in the stored
form on real days, statuses from the enum, text already NFC-normalised, trimmed, without
control characters and within the model's length). Anything else (a missing field, text to be
normalised, a time in another zone, an invalid value) is not judged here: `table_rows` returns
None and the caller validates with the models, which accept, normalise or refuse it and name
the record and field. tests/unit/test_import_fast.py checks each field's rule against its
model on valid, invalid and not-yet-normalised values.

Why: a pydantic model per record, with a Python validator per text and timestamp, was most of
a 50,000-meeting import (9.5 of 38 s); here the checks are regular expressions run in Rust and
one NFC check per column.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from functools import cache
from operator import itemgetter

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from db.models import _ID_PATTERN, LINE_MAX, TEXT_MAX
from db.vocab import ItemStatus, Role

# The characters str.isspace() and so str.strip() take as white space (a test checks this
# against every code point): a trimmed text neither starts nor ends with one.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The control characters the models refuse (db/models.py: _CONTROL_IN_LINE, _CONTROL), as
# character-class ranges; \r is among them, so text the model would rewrite is not certified.
LINE_CONTROL = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
TEXT_CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"

# A real day, YYYY-MM-DD in ASCII digits, years 0001-9999: what date.fromisoformat reads from
# that shape (a test checks every month and day of every year).
_YEAR = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
# (years divisible by 4 but not by 100, or by 400 except 0000)
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DAY_PATTERN = (
    rf"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29)"
)
# A timestamp in the stored form (UTC, milliseconds, Z) on a real day: exactly the texts that
# db.stamps.checked_timestamp returns unchanged without re-formatting them.
STAMP_PATTERN = (
    rf"\A{DAY_PATTERN}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{{3}}Z\z"
)


def _escaped(chars: str) -> str:
    return "".join(f"\\x{{{ord(c):x}}}" for c in chars)


def _text(control: str, max_length: int) -> cs.CoreSchema:
    """Optional text the model keeps as it is: not blank (blank becomes None), no control
    character, no white space at either end (the NFC check is per column, below)."""
    edge = f"[^{control}{_escaped(WHITESPACE)}]"
    return cs.nullable_schema(cs.str_schema(
        strict=True, max_length=max_length, pattern=rf"\A(?:{edge}|{edge}[^{control}]*{edge})\z"
    ))


def _enum(enum: type[Enum], nullable: bool = False) -> cs.CoreSchema:
    schema = cs.literal_schema([member.value for member in enum])
    return cs.nullable_schema(schema) if nullable else schema


_ID = cs.str_schema(strict=True, pattern=_ID_PATTERN.removesuffix("$") + r"\n?$")  # the model's
_STAMP = cs.str_schema(strict=True, pattern=STAMP_PATTERN)
_RECORD = {"id": _ID, "created_at": _STAMP, "updated_at": _STAMP}

# Per table: every field of its model, in the model's (= the column) order, and which of them
# hold text to check for NFC. A test checks the names and order against the models.
FIELDS: dict[str, dict[str, cs.CoreSchema]] = {
    "participants": {
        **_RECORD, "meeting_id": _ID, "person_id": _ID, "delegation_id": cs.nullable_schema(_ID),
        "role": _enum(Role),
    },
    "agenda_items": {
        **_RECORD, "meeting_id": _ID, "topic_id": _ID,
        "position": cs.int_schema(strict=True, ge=0, le=2**63 - 1),  # (SQLite's integers)
        "text": _text(LINE_CONTROL, LINE_MAX), "status": _enum(ItemStatus),
        "outcome": _text(TEXT_CONTROL, TEXT_MAX),
    },
    "status_changes": {
        **_RECORD, "agenda_item_id": _ID, "from_status": _enum(ItemStatus, nullable=True),
        "to_status": _enum(ItemStatus), "changed_at": _STAMP,
        "note": _text(TEXT_CONTROL, LINE_MAX),
    },
}
TEXT_FIELDS = {
    "participants": (), "agenda_items": ("text", "outcome"), "status_changes": ("note",),
}


@cache
def _validator(table: str) -> SchemaValidator:
    record = cs.typed_dict_schema(
        {name: cs.typed_dict_field(schema) for name, schema in FIELDS[table].items()},
        extra_behavior="forbid", total=True,
    )
    # Strings are not interned: ids and timestamps are nearly all different, so the cache
    # lookups would cost more than they save.
    return SchemaValidator(cs.list_schema(record), {"cache_strings": "keys"})


def table_rows(table: str, text: bytes) -> tuple[list[str], list[tuple]] | None:
    """(columns, one tuple of stored values per record) if every record of this table's JSON
    array is certified; None if any is not (then the models must judge the table)."""
    try:
        records = _validator(table).validate_json(text)
    except ValidationError:
        return None
    columns = list(FIELDS[table])
    rows = list(map(itemgetter(*columns), records))
    del records
    for name in TEXT_FIELDS[table]:
        at = columns.index(name)
        if not is_nfc([row[at] for row in rows if row[at] is not None]):
            return None
    return columns, rows


def is_nfc(texts: list[str]) -> bool:
    """Whether every text is in NFC, checked on all of them joined by a line break. A line
    break is a starter that never composes with its neighbours, so normalisation never crosses
    it: the joined text is NFC exactly when every text is."""
    return unicodedata.is_normalized("NFC", "\n".join(texts))
