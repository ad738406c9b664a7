"""Reading dates as people type them: "2025-05-20", "20 May 2025", "May 20", "May 2025",
"2025", "~20 May", "next Thursday". Each reading says how precise it is and what was assumed,
so a form can show how the entry was understood before it is saved."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from db.dates import when_text
from db.vocab import Precision

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_APPROX = re.compile(r"^(~|c\.|ca\.|circa|around|about|approx\.?|approximately)\s*", re.I)

_PATTERNS = [
    (re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})$"), Precision.DAY),
    (re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})$"), Precision.MONTH),
    (re.compile(r"^(?P<year>\d{4})$"), Precision.YEAR),
    (re.compile(r"^(?P<day>\d{1,2})(st|nd|rd|th)?\s+" + _MONTH + r",?\s*(?P<year>\d{4})?$",
                re.I), Precision.DAY),
    (re.compile(r"^" + _MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s*(?P<year>\d{4})?$",
                re.I), Precision.DAY),
    (re.compile(r"^" + _MONTH + r",?\s+(?P<year>\d{4})$", re.I), Precision.MONTH),
    (re.compile(r"^(?P<day>\d{1,2})[./](?P<m>\d{1,2})[./](?P<year>\d{4})$"), Precision.DAY),
]


@dataclass(frozen=True)
class DateEntry:
    date: dt.date
    precision: Precision
    assumed: str | None = None  # e.g. "year assumed"

    @property
    def explanation(self) -> str:
        text = when_text(self.date, self.precision)
        return f"{text} ({self.assumed})" if self.assumed else text


def parse_date_entry(text: str, today: dt.date | None = None, *, words: bool = True
                     ) -> DateEntry | None:
    """Read a typed date; raises ValueError with a message fit to show beside the field.

    With words=False only the quick patterns are tried, and None means "only dateparser can
    tell" (it is slow to load, so forms run it off the UI thread).
    """
    today = today or dt.date.today()
    raw = " ".join(text.strip().split())
    if not raw:
        raise ValueError("is required")
    approx = _APPROX.match(raw)
    body = raw[approx.end():] if approx else raw
    entry = _by_pattern(body, today)
    if entry is None:
        if not words and re.search(r"[^\W\d_]", body):
            return None
        entry = _by_words(body, today)
    if entry is None:
        raise ValueError(f"{raw!r} is not a date I can read; try 2025-05-20 or 20 May 2025")
    if approx and entry.precision is Precision.DAY:
        entry = DateEntry(entry.date, Precision.APPROXIMATE, entry.assumed)
    return entry


def _by_pattern(body: str, today: dt.date) -> DateEntry | None:
    for pattern, precision in _PATTERNS:
        match = pattern.match(body)
        if not match:
            continue
        parts = match.groupdict()
        name = (parts.get("month") or "").lower()
        month = int(parts["m"]) if parts.get("m") else _MONTHS.get(name, 1)
        assumed = None
        if parts.get("year"):
            year = int(parts["year"])
        else:
            year, assumed = today.year, f"year {today.year} assumed"
        day = int(parts["day"]) if parts.get("day") else 1
        try:
            return DateEntry(dt.date(year, month, day), precision, assumed)
        except ValueError:
            raise ValueError(f"{body!r} is not a calendar date") from None
    return None


def _by_words(body: str, today: dt.date) -> DateEntry | None:
    """Relative and other forms ("tomorrow", "next Thursday", "in 3 days"), via dateparser."""
    if not re.search(r"[^\W\d_]", body):
        return None  # bare numbers ("12") are not dates
    import dateparser  # slow to import: only loaded when the quick patterns do not match

    moment = dateparser.parse(
        body,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
            "PREFER_DATES_FROM": "future",
        },
    )
    if moment is None:
        return None
    return DateEntry(moment.date(), Precision.DAY, f"from {body!r}")
