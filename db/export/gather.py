"""Bulk reads for the exporters: whole meetings (participants, agenda, sources) for many
meetings at once, in a few queries per chunk of meetings, as light tuples.

The app's `Store.meeting_detail` builds pydantic models for one meeting; calling it 50,000 times
would take minutes. Here each chunk of meetings costs four queries, rows stay plain tuples, and
the exporters stream their output chunk by chunk, so memory stays flat however big the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from db.countries import fold
from db.dates import when_text
from db.errors import NotFound
from db.views import MeetingFilter
from db.vocab import ROLE_ORDER

CHUNK = 1000  # meetings per round of queries: big enough to amortise, small enough for memory


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
            members.sort(key=lambda p: (ROLE_ORDER.get(p.role, 99), fold(p.name), p.name))

        def order(key: str):
            members = groups[key]
            return (ROLE_ORDER.get(members[0].role, 99),
                    members[0].delegation if key else "\uffff", key)

        return [(groups[key][0].delegation, groups[key]) for key in sorted(groups, key=order)]


_MEETING_SQL = (
    "SELECT id, title, date, time, timezone, precision, venue, city, country, format, status, "
    "series, notes FROM meetings WHERE id IN ({marks})"
)
_PEOPLE_SQL = (
    "SELECT p.meeting_id, p.role, pe.name, pe.office, pe.affiliation, d.id, d.name "
    "FROM participants p JOIN people pe ON pe.id = p.person_id "
    "LEFT JOIN delegations d ON d.id = p.delegation_id WHERE p.meeting_id IN ({marks})"
)
_ITEMS_SQL = (
    "SELECT a.meeting_id, a.id, a.position, a.text, a.status, a.outcome, t.id, t.name "
    "FROM agenda_items a JOIN topics t ON t.id = a.topic_id WHERE a.meeting_id IN ({marks}) "
    "ORDER BY a.meeting_id, a.position, a.id"
)
_SOURCES_SQL = (
    "SELECT meeting_id, outlet, author, url, published, excerpt FROM sources "
    "WHERE meeting_id IN ({marks}) ORDER BY meeting_id, published, outlet, id"
)


def bundles(store, meeting_ids: list[str]) -> list[MeetingBundle]:
    """Whole meetings for these ids, in the order given (ids not in the store are left out)."""
    if not meeting_ids:
        return []
    marks = ", ".join("?" for _ in meeting_ids)
    with store._read() as conn:
        meetings = {
            row[0]: MeetingBundle(MeetingRec._make(row))
            for row in conn.execute(_MEETING_SQL.format(marks=marks), meeting_ids)
        }
        for row in conn.execute(_PEOPLE_SQL.format(marks=marks), meeting_ids):
            meetings[row[0]].people.append(PersonRec._make(row))
        for row in conn.execute(_ITEMS_SQL.format(marks=marks), meeting_ids):
            meetings[row[0]].items.append(ItemRec._make(row))
        for row in conn.execute(_SOURCES_SQL.format(marks=marks), meeting_ids):
            meetings[row[0]].sources.append(SourceRec._make(row))
    return [meetings[mid] for mid in meeting_ids if mid in meetings]


def bundle(store, meeting_id: str) -> MeetingBundle:
    found = bundles(store, [meeting_id])
    if not found:
        raise NotFound(f"no meeting with id {meeting_id}")
    return found[0]


def iter_bundles(store, filters: MeetingFilter | None = None) -> Iterator[list[MeetingBundle]]:
    """Every meeting matching `filters`, in date order, a chunk at a time."""
    after = None
    while True:
        rows = store.meetings_page(after=after, limit=CHUNK, filters=filters)
        if not rows:
            return
        yield bundles(store, [row.id for row in rows])
        if len(rows) < CHUNK:
            return
        after = rows[-1].cursor


def sources_of(store, meeting_ids: list[str]) -> dict[str, list[SourceRec]]:
    """The sources of these meetings, by meeting id."""
    found: dict[str, list[SourceRec]] = {}
    with store._read() as conn:
        for start in range(0, len(meeting_ids), CHUNK):
            chunk = meeting_ids[start:start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(_SOURCES_SQL.format(marks=marks), chunk):
                found.setdefault(row[0], []).append(SourceRec._make(row))
    return found
