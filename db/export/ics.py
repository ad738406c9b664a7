"""Meetings as an iCalendar file (RFC 5545, written with the `icalendar` library), for Outlook,
Google Calendar, Apple Calendar and the like.

- One VEVENT per meeting; UID is the meeting id (stable, so re-importing a newer export updates
  the same events); DTSTAMP and LAST-MODIFIED are the meeting's updated_at, never "now", so
  the same store gives the same bytes.
- Day precision without a time: an all-day event (DTSTART;VALUE=DATE). With a time: a timed
  event, with TZID and a VTIMEZONE when the meeting has a time zone, floating time otherwise.
  The store has no end times, so timed events have no DTEND (they show as starting then).
- Month precision: an all-day event spanning the month, marked free (TRANSP:TRANSPARENT) and
  titled "(date: May 2025, month only)" so it is not mistaken for a month-long meeting.
  Approximate dates: an all-day event on the stored day, marked free and "(approximate date)".
  Year precision: left out (a year-long event helps no one); `IcsExport.skipped` counts them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from db.dates import last_possible_day
from db.export.gather import MeetingBundle, iter_bundles
from db.views import MeetingFilter
from db.vocab import Precision

PRODID = "-//agenda-tui//agenda-tui export//EN"
_STATUS = {
    "planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED",
    "postponed": "TENTATIVE", "cancelled": "CANCELLED",
}


@dataclass
class IcsExport:
    chunks: Iterator[str]
    skipped: list[str]  # titles of year-precision meetings left out; filled while streaming


def export_ics(store, filters: MeetingFilter | None = None) -> str:
    return "".join(ics_export(store, filters).chunks)


def ics_export(store, filters: MeetingFilter | None = None) -> IcsExport:
    skipped: list[str] = []
    return IcsExport(_chunks(store, filters, skipped), skipped)


def _chunks(store, filters: MeetingFilter | None, skipped: list[str]) -> Iterator[str]:
    from icalendar import Calendar, Timezone

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "agenda-tui")
    for zone in _zones(store, filters):
        calendar.add_component(Timezone.from_tzid(zone))
    # The calendar's own lines, then events one at a time: a 50,000-meeting export streams.
    head = calendar.to_ical().decode("utf-8")
    yield head.removesuffix("END:VCALENDAR\r\n")
    for meeting in iter_bundles(store, filters):
        if meeting.meeting.precision == Precision.YEAR:
            skipped.append(meeting.meeting.title)
            continue
        yield "".join(fold(line) for line in event(meeting).content_lines() if line)
    yield "END:VCALENDAR\r\n"


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1) without splitting a UTF-8
    character, with its CRLF. icalendar's own folding walks each line character by character
    in Python, which is most of the time of a 50,000-meeting export."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # inside a multi-byte character: cut before it
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines start with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8") + "\r\n"


def _zones(store, filters: MeetingFilter | None) -> list[str]:
    from db.filtering import where_sql

    with store._read() as conn:
        where, params = where_sql(conn, filters)
        where.append("m.timezone IS NOT NULL AND m.time IS NOT NULL")
        rows = conn.execute(
            f"SELECT DISTINCT m.timezone FROM meetings m WHERE {' AND '.join(where)} "
            "ORDER BY m.timezone", params,
        )
        return [row[0] for row in rows]


def event(bundle: MeetingBundle):
    from icalendar import Event

    m = bundle.meeting
    day = dt.date.fromisoformat(m.date)
    ev = Event()
    ev.add("uid", f"{m.id}@agenda-tui")
    ev.add("dtstamp", _utc(m.updated_at))
    ev.add("created", _utc(m.created_at))
    ev.add("last-modified", _utc(m.updated_at))
    summary = m.title
    if m.precision == Precision.MONTH:
        summary += f" (date: {day:%B %Y}, month only)"
        ev.add("dtstart", day)
        ev.add("dtend", last_possible_day(day, m.precision) + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
    elif m.precision == Precision.APPROXIMATE:
        summary += " (approximate date)"
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
    elif m.time:
        start = dt.datetime.combine(day, dt.time.fromisoformat(m.time))
        if m.timezone:
            from zoneinfo import ZoneInfo

            start = start.replace(tzinfo=ZoneInfo(m.timezone))
        ev.add("dtstart", start)
    else:
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
    ev.add("summary", summary)
    if m.place:
        ev.add("location", m.place)
    ev.add("status", _STATUS.get(m.status, "TENTATIVE"))
    ev.add("categories", [m.format] + ([m.series] if m.series else []))
    ev.add("description", description(bundle))
    return ev


def _utc(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(dt.UTC)


def description(bundle: MeetingBundle) -> str:
    """Plain text: the brief in a few lines (calendar apps show DESCRIPTION as text)."""
    m = bundle.meeting
    lines = [f"Date: {m.when}", f"Format: {m.format}; status: {m.status}"]
    if m.series:
        lines.append(f"Series: {m.series}")
    for delegation, people in bundle.delegations():
        names = ", ".join(f"{p.name} ({p.role})" for p in people)
        lines.append(f"{delegation or 'Without a delegation'}: {names}")
    if bundle.items:
        lines.append("Agenda:")
        lines += [f"{n}. {item.label} [{item.status}]" for n, item in enumerate(bundle.items, 1)]
    if m.notes:
        lines += ["", m.notes]
    for source in bundle.sources:
        text = ", ".join(part for part in (source.outlet, source.author) if part)
        lines.append(f"Source: {text}" + (f" {source.url}" if source.url else ""))
    return "\n".join(lines)
