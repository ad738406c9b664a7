"""Bulk reads for the exporters: whole meetings (participants, agenda, sources) for any number
of meetings in four queries, as light tuples, streamed in date order.

The app's `Store.meeting_detail` builds pydantic models for one meeting; calling it 50,000 times
would take minutes. Here rows stay plain tuples and meetings are yielded one by one, so memory
stays flat however big the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from db.countries import fold
from db.dates import when_text
from db.errors import NotFound
from db.views import MeetingFilter
from db.vocab import ROLE_ORDER

_MEETING_COLUMNS = (
    "m.id, m.title, m.date, m.time, m.timezone, m.precision, m.venue, m.city, m.country, "
    "m.format, m.status, m.series, m.notes, m.created_at, m.updated_at"
)
# Folding a name for sorting costs microseconds; the same few thousand names recur.
_fold = lru_cache(maxsize=65536)(fold)


class MeetingRec(NamedTuple):
    id: str
    title: str
    date: str
    time: str | None
    timezone: str | None
    precision: str
    venue: str | None
    city: str | None
    country: str | None
    format: str
    status: str
    series: str | None
    notes: str | None
    created_at: str
    updated_at: str

    @property
    def when(self) -> str:
        """The date as honestly as it is known, with the time and zone when set."""
        text = when_text(dt.date.fromisoformat(self.date), self.precision)
        if self.time:
            text += f", {self.time[:5]}"
            if self.timezone:
                text += f" ({self.timezone})"
        return text

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)


class PersonRec(NamedTuple):
    meeting_id: str
    role: str
    name: str
    office: str | None
    affiliation: str | None
    delegation_id: str | None
    delegation: str | None


class ItemRec(NamedTuple):
    meeting_id: str
    id: str
    position: int
    text: str | None
    status: str
    outcome: str | None
    topic_id: str
    topic: str

    @property
    def label(self) -> str:
        return self.text or self.topic


class SourceRec(NamedTuple):
    meeting_id: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    excerpt: str | None


@dataclass(slots=True)
class MeetingBundle:
    meeting: MeetingRec
    people: list[PersonRec] = field(default_factory=list)
    items: list[ItemRec] = field(default_factory=list)
    sources: list[SourceRec] = field(default_factory=list)

    def delegations(self) -> list[tuple[str | None, list[PersonRec]]]:
        """Participants grouped by delegation: the group with a co-chair (or else the best
        role) first, then by delegation name; within a group by role, then name. The same
        order as the app's meeting view (db.reads)."""
        groups: dict[str, list[PersonRec]] = {}
        for person in self.people:
            groups.setdefault(person.delegation_id or "", []).append(person)
        for members in groups.values():
            members.sort(key=lambda p: (ROLE_ORDER.get(p.role, 99), _fold(p.name), p.name))

        def order(key: str):
            members = groups[key]
            return (ROLE_ORDER.get(members[0].role, 99),
                    members[0].delegation if key else "\uffff", key)

        return [(groups[key][0].delegation, groups[key]) for key in sorted(groups, key=order)]


def _where(filters: MeetingFilter | None) -> tuple[str, list]:
    # The timeline's own filter SQL, so an exported range is exactly what the timeline shows.
    from db.reads import _filter_sql

    where, params = _filter_sql(filters, None)
    return (" AND ".join(where) or "1"), params


def iter_bundles(store, filters: MeetingFilter | None = None) -> Iterator[MeetingBundle]:
    """Every meeting matching `filters`, in date order, with its people, items and sources."""
    where, params = _where(filters)
    return iter_where(store, where, params)


def bundle(store, meeting_id: str) -> MeetingBundle:
    with closing(iter_where(store, "m.id = ?", [meeting_id])) as found:
        for meeting in found:
            return meeting
    raise NotFound(f"no meeting with id {meeting_id}")


def iter_where(store, where: str, params: list) -> Iterator[MeetingBundle]:
    """Meetings matching an SQL condition on `m`, streamed in (date, id) order.

    Four queries run side by side, each ordered by the meetings' (date, id), so SQLite walks the
    date index once per table and Python merges the streams: no per-meeting queries and no
    whole-store lists in memory. One read transaction keeps the four views consistent.
    """
    order = "ORDER BY m.date, m.id"
    with store._read() as conn:
        meetings = conn.execute(
            f"SELECT {_MEETING_COLUMNS} FROM meetings m WHERE {where} {order}", params
        )
        people = _groups(conn.execute(
            "SELECT m.id, p.role, pe.name, pe.office, pe.affiliation, d.id, d.name "
            "FROM meetings m CROSS JOIN participants p ON p.meeting_id = m.id "
            "JOIN people pe ON pe.id = p.person_id "
            f"LEFT JOIN delegations d ON d.id = p.delegation_id WHERE {where} {order}",
            params,
        ), PersonRec)
        items = _groups(conn.execute(
            "SELECT m.id, a.id, a.position, a.text, a.status, a.outcome, t.id, t.name "
            "FROM meetings m CROSS JOIN agenda_items a ON a.meeting_id = m.id "
            f"JOIN topics t ON t.id = a.topic_id WHERE {where} {order}, a.position, a.id",
            params,
        ), ItemRec)
        sources = _groups(conn.execute(
            "SELECT m.id, s.outlet, s.author, s.url, s.published, s.excerpt "
            "FROM meetings m CROSS JOIN sources s ON s.meeting_id = m.id "
            f"WHERE {where} {order}, s.published, s.outlet, s.id",
            params,
        ), SourceRec)
        streams = [people, items, sources]
        heads = [next(stream, None) for stream in streams]
        for row in meetings:
            found = MeetingBundle(MeetingRec._make(row))
            lists = [found.people, found.items, found.sources]
            for index, head in enumerate(heads):
                if head is not None and head[0] == row[0]:
                    lists[index].extend(head[1])
                    heads[index] = next(streams[index], None)
            yield found


def _groups(cursor, record) -> Iterator[tuple[str, list]]:
    """(meeting id, [records]) for each run of rows of one meeting."""
    make = record._make
    for key, rows in groupby(cursor, key=itemgetter(0)):
        yield key, [make(row) for row in rows]


def sources_of(store, meeting_ids: list[str]) -> dict[str, list[SourceRec]]:
    """The sources of these meetings, by meeting id, each meeting's in the brief's order."""
    found: dict[str, list[SourceRec]] = {}
    with store._read() as conn:
        for start in range(0, len(meeting_ids), 500):
            chunk = meeting_ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(
                "SELECT meeting_id, outlet, author, url, published, excerpt FROM sources "
                f"WHERE meeting_id IN ({marks}) ORDER BY meeting_id, published, outlet, id",
                chunk,
            ):
                found.setdefault(row[0], []).append(SourceRec._make(row))
    return found
