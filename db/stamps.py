"""Ids and timestamps as the store keeps them, and the checks the models run on them: ids are
time-ordered UUIDs, timestamps UTC ISO text with milliseconds, dates ISO text."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from typing import Any

_STORED_TS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


_id_lock = threading.Lock()
_last_id = (0, 0)  # (milliseconds, 12-bit sequence) of the last id made here


def new_id() -> str:
    """A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix time in milliseconds, a
    12-bit sequence, then 62 random bits. Ids made later sort later, so new rows append to the
    primary-key index instead of landing on a random page of it (random UUIDs made a
    50,000-meeting import spend most of its time in index pages). Ids made in the same
    millisecond count up, so this process's ids are strictly increasing."""
    global _last_id
    random_bits = int.from_bytes(os.urandom(10))
    with _id_lock:
        millis, sequence = time.time_ns() // 1_000_000, random_bits >> 69  # a random start
        last_millis, last_sequence = _last_id
        if millis <= last_millis:  # same millisecond (or the clock went back): count on
            millis, sequence = last_millis, last_sequence + 1
            if sequence > 0xFFF:
                millis, sequence = last_millis + 1, 0
        _last_id = (millis, sequence)
    return uuid_text(time_ordered_uuid(millis, sequence, random_bits))


def uuid_text(value: int) -> str:
    """The canonical 8-4-4-4-12 text of a 128-bit UUID (what str(uuid.UUID(int=...)) gives,
    at a fraction of the cost)."""
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def time_ordered_uuid(millis: int, sequence: int, random_bits: int) -> int:
    """The 128 bits of a version-7 UUID: `millis` (48 bits), version 7, `sequence` (12 bits),
    the RFC variant (binary 10) and the low 62 bits of `random_bits`."""
    return ((millis & 0xFFFF_FFFF_FFFF) << 80 | 0x7000 << 64 | (sequence & 0xFFF) << 64
            | 0b10 << 62 | random_bits & 0x3FFF_FFFF_FFFF_FFFF)


def now_ts() -> str:
    return format_ts(dt.datetime.now(dt.UTC))


def format_ts(moment: dt.datetime) -> str:
    """Timestamps are stored as UTC ISO text with milliseconds, so they sort as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def timestamp_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return format_ts(value)
    if not isinstance(value, str):
        raise ValueError("must be an ISO date-time text")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value[:40]!r} is not an ISO date-time") from None
    # Already in the stored form (UTC, milliseconds, Z): re-formatting it would give the same
    # text, at a cost that adds up to many seconds over a 50,000-meeting JSON import.
    if _STORED_TS.fullmatch(value):
        return value
    return format_ts(moment)


def checked_date(value: Any) -> Any:
    """A calendar date from its ISO text. Pydantic alone would also take a number as a Unix
    timestamp, so `"date": 0` in an import file would silently become 1970-01-01."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"{value.strip()[:40]!r} is not a calendar date (use YYYY-MM-DD)"
            ) from None
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise ValueError("must be a date written as YYYY-MM-DD text")


# The stored form with every field in range except the day of the month: hours 00-23,
# minutes and seconds 00-59 (ASCII digits only: `\d` would also take other scripts' digits,
# which fromisoformat refuses). A text matching it whose day _valid_day accepts is exactly a
# text that fromisoformat reads and that re-formatting would return unchanged.
_STORED_FORM = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{3}Z"
)
_valid_days: set[str] = set()


def _valid_day(day: str) -> bool:
    """Whether YYYY-MM-DD (ASCII digits) is a real calendar day, remembered: a 20-year store
    has some 7,000 days, its timestamps millions (2025-02-29 and 0000-01-01 are not days)."""
    if day in _valid_days:
        return True
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return False
    if len(_valid_days) >= 100_000:  # bounded (27 years of days): a plain reset is enough
        _valid_days.clear()
    _valid_days.add(day)
    return True


_known_stamps: dict[str, str] = {}


def checked_timestamp(value: Any) -> str:
    """timestamp_text, faster for what a JSON import holds millions of. Recent texts are
    remembered (a record's created_at, updated_at and changed_at are often the same, and the
    items of one meeting share theirs); a new text already in the stored form is checked with
    one regex match and a set lookup instead of a fromisoformat and a regex. Anything else goes
    through timestamp_text, so the same texts pass, fail and are normalised as there; only valid
    texts are remembered (errors are raised every time)."""
    if type(value) is str:
        known = _known_stamps.get(value)
        if known is None:
            match = _STORED_FORM.fullmatch(value)
            if match is not None and (match[1] in _valid_days or _valid_day(match[1])):
                known = value
            else:
                known = timestamp_text(value)
            if len(_known_stamps) >= 4096:  # bounded: a plain reset is enough here
                _known_stamps.clear()
            _known_stamps[value] = known
        return known
    return timestamp_text(value)
