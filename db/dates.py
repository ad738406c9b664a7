"""Date helpers that honour a meeting's date precision (no pydantic: used on light paths)."""

from __future__ import annotations

import datetime as dt

from db.vocab import OPEN_MEETING_STATUSES, Precision


def last_possible_day(date: dt.date, precision: str) -> dt.date:
    """The last day a meeting dated with this precision can fall on."""
    if precision == Precision.MONTH:
        following = date.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    if precision == Precision.YEAR:
        return date.replace(month=12, day=31)
    if precision == Precision.APPROXIMATE:
        return date + dt.timedelta(days=7)
    return date


def is_overdue(status: str, date: dt.date, precision: str, today: dt.date | None = None) -> bool:
    """Still planned or confirmed although its date has passed: the record needs an update."""
    if status not in OPEN_MEETING_STATUSES:
        return False
    return last_possible_day(date, precision) < (today or dt.date.today())


def when_text(date: dt.date, precision: str) -> str:
    """A date written as honestly as it is known: "20 May 2025", "May 2025 (month only)"."""
    if precision == Precision.MONTH:
        return f"{date:%B %Y} (month only)"
    if precision == Precision.YEAR:
        return f"{date.year} (year only)"
    day = f"{date.day} {date:%B %Y}"
    return f"around {day} (approximate)" if precision == Precision.APPROXIMATE else day


def short_date(date: dt.date, precision: str) -> str:
    """A compact date for list rows: "20 May 2025", "May 2025", "2025", "~20 May 2025"."""
    if precision == Precision.MONTH:
        return f"{date:%b %Y}"
    if precision == Precision.YEAR:
        return str(date.year)
    day = f"{date.day:2d} {date:%b %Y}"
    return f"~{day.strip()}" if precision == Precision.APPROXIMATE else day


def iso_text(date: dt.date, precision: str) -> str:
    """ISO text cut to what is known: 2025-05-20, 2025-05 (month), 2025 (year), ~2025-05-20."""
    if precision == Precision.MONTH:
        return date.isoformat()[:7]
    if precision == Precision.YEAR:
        return str(date.year)
    return ("~" if precision == Precision.APPROXIMATE else "") + date.isoformat()
