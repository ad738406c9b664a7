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
from functools import lru_cache

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
        yield "".join(map(fold, event_lines(meeting)))
    yield "END:VCALENDAR\r\n"


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1) without splitting a UTF-8
    character, with its CRLF. icalendar's own folding walks each line character by character
    in Python, which is most of the time of a 50,000-meeting export."""
    if len(line) <= 75 and line.isascii():  # most lines: no need to count UTF-8 bytes
        return line + "\r\n"
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


def event_lines(bundle: MeetingBundle) -> list[str]:
    """The content lines (unfolded) of event(bundle) exactly as icalendar writes them, made
    directly: icalendar's generic property machinery (type lookup, parameters, escaping,
    serialising) was nearly all the time of a 50,000-meeting export. The property order is
    icalendar's for a VEVENT: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then alphabetical. A test
    compares the two on hostile text and every kind of date."""
    m = bundle.meeting
    day = dt.date.fromisoformat(m.date)
    summary, start, end, transparent = m.title, None, None, False
    if m.precision == Precision.MONTH:
        summary += f" (date: {day:%B %Y}, month only)"
        start = f"DTSTART;VALUE=DATE:{_ical_date(day)}"
        end = _ical_date(last_possible_day(day, m.precision) + dt.timedelta(days=1))
        transparent = True
    elif m.precision == Precision.APPROXIMATE:
        summary += " (approximate date)"
        start, end = f"DTSTART;VALUE=DATE:{_ical_date(day)}", _ical_date(day + _DAY)
        transparent = True
    elif m.time:
        moment = dt.datetime.combine(day, dt.time.fromisoformat(m.time))
        digits = (f"{moment.year:04}{moment.month:02}{moment.day:02}"
                  f"T{moment.hour:02}{moment.minute:02}{moment.second:02}")
        head, suffix = _zoned_start(m.timezone) if m.timezone else ("DTSTART", "")
        start = f"{head}:{digits}{suffix}"
    else:
        start, end = f"DTSTART;VALUE=DATE:{_ical_date(day)}", _ical_date(day + _DAY)
    stamp = _ical_stamp(m.updated_at)
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_text(summary)}", start]
    if end:
        lines.append(f"DTEND;VALUE=DATE:{end}")
    categories = ",".join(_text(c) for c in ([m.format, m.series] if m.series else [m.format]))
    lines += [
        f"DTSTAMP:{stamp}", f"UID:{_text(f'{m.id}@agenda-tui')}", f"CATEGORIES:{categories}",
        f"CREATED:{_ical_stamp(m.created_at)}", f"DESCRIPTION:{_text(description(bundle))}",
        f"LAST-MODIFIED:{stamp}",
    ]
    if m.place:
        lines.append(f"LOCATION:{_text(m.place)}")
    lines.append(f"STATUS:{_STATUS.get(m.status, 'TENTATIVE')}")
    if transparent:
        lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


_DAY = dt.timedelta(days=1)


def _ical_date(day: dt.date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _ical_stamp(stamp: str) -> str:
    moment = _utc(stamp)
    return (f"{moment.year:04}{moment.month:02}{moment.day:02}"
            f"T{moment.hour:02}{moment.minute:02}{moment.second:02}Z")


def _text(text: str) -> str:
    """iCalendar TEXT escaping, replacement for replacement as icalendar does it."""
    if ("\\" not in text and ";" not in text and "," not in text and "\n" not in text
            and "\r" not in text):  # nothing to escape (r"\N" has a backslash)
        return text
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;")
            .replace(",", r"\,").replace("\r\n", r"\n").replace("\n", r"\n")
            .replace("\r", r"\n"))


@lru_cache(maxsize=512)
def _zoned_start(zone: str) -> tuple[str, str]:
    """How icalendar writes a DTSTART in this zone: the name with its TZID parameter (none for
    UTC) and the suffix after the digits ("Z" for UTC). It depends on the zone only, so it is
    asked of icalendar once per zone."""
    from zoneinfo import ZoneInfo

    from icalendar import Event

    probe = Event()
    probe.add("dtstart", dt.datetime(2001, 2, 3, 4, 5, 6, tzinfo=ZoneInfo(zone)))
    line = probe.content_lines()[1]
    head, _, value = line.rpartition(":")
    if value.removesuffix("Z") != "20010203T040506":
        raise ValueError(f"unexpected iCalendar date-time {line!r}")
    return head, value[len("20010203T040506"):]


def event(bundle: MeetingBundle):
    """The meeting as an icalendar Event: the definition event_lines follows (and is tested
    against)."""
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
