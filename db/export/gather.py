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


@lru_cache(maxsize=65536)
def _when(iso_date: str, precision: str) -> str:
    # strftime("%B") costs ~20 µs a call here; 20 years of meetings have ~7,300 distinct days.
    return when_text(dt.date.fromisoformat(iso_date), precision)


def when_of(date: str, precision: str, time: str | None, timezone: str | None) -> str:
    """A meeting's date as honestly as it is known, with the time and zone when set."""
    text = _when(date, precision)
    if time:
        text += f", {time[:5]}"
        if timezone:
            text += f" ({timezone})"
    return text


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
        return when_of(self.date, self.precision, self.time, self.timezone)

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
    text: str | None
    status: str
    outcome: str | None
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
        if not self.people:
            return []
        ranked = sorted(self.people, key=_person_order)
        groups: dict[str, list[PersonRec]] = {}
        for person in ranked:
            groups.setdefault(person.delegation_id or "", []).append(person)
        if len(groups) == 1:
            return [(ranked[0].delegation, ranked)]

        def order(key: str):
            first = groups[key][0]
            return (ROLE_ORDER.get(first.role, 99), first.delegation if key else "\uffff", key)

        return [(groups[key][0].delegation, groups[key]) for key in sorted(groups, key=order)]


def _person_order(person: PersonRec) -> tuple:
    return (ROLE_ORDER.get(person.role, 99), _fold(person.name), person.name)


def _where(store, filters: MeetingFilter | None) -> tuple[str, list]:
    # The timeline's own filter SQL, so an exported range is exactly what the timeline shows.
    from db.filtering import where_sql

    with store._lock:
        where, params = where_sql(store.conn, filters)
    return (" AND ".join(where) or "1"), params


def iter_bundles(store, filters: MeetingFilter | None = None) -> Iterator[MeetingBundle]:
    """Every meeting matching `filters`, in date order, with its people, items and sources."""
    where, params = _where(store, filters)
    return iter_where(store, where, params)


def bundle(store, meeting_id: str) -> MeetingBundle:
    with closing(iter_where(store, "m.id = ?", [meeting_id])) as found:
        for meeting in found:
            return meeting
    raise NotFound(f"no meeting with id {meeting_id}")


def iter_where(store, where: str, params: list) -> Iterator[MeetingBundle]:
    """Meetings matching an SQL condition on `m`, streamed in (date, id) order, as bundles."""
    with store._read() as conn:
        topics, people, delegations = names(conn, where, params)
        make_meeting = MeetingRec._make
        for meeting, person_rows, item_rows, source_rows in iter_rows(conn, where, params):
            yield MeetingBundle(
                make_meeting(meeting),
                [PersonRec(r[0], r[1], *people[r[2]], r[3], delegations.get(r[3]))
                 for r in person_rows],
                [ItemRec(r[0], r[1], r[2], r[3], topics[r[4]]) for r in item_rows],
                list(map(SourceRec._make, source_rows)),
            )


class Names(NamedTuple):
    """Names of the topics, people and delegations involved, looked up once: joining them row
    by row costs SQLite more than a dict lookup costs Python (500,000 items)."""

    topics: dict[str, str]  # id -> name
    people: dict[str, tuple]  # id -> (name, office, affiliation)
    delegations: dict[str, str]  # id -> name


def names(conn, where: str, params: list) -> Names:
    if _most_meetings(conn, where, params):  # then every name: cheaper than finding the used
        topics = dict(conn.execute("SELECT id, name FROM topics"))
        people = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, name, office, affiliation FROM people")}
    else:
        topics = dict(conn.execute(
            "SELECT id, name FROM topics WHERE id IN (SELECT a.topic_id FROM meetings m "
            f"JOIN agenda_items a ON a.meeting_id = m.id WHERE {where})", params,
        ))
        people = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, name, office, affiliation FROM people WHERE id IN (SELECT p.person_id "
            f"FROM meetings m JOIN participants p ON p.meeting_id = m.id WHERE {where})",
            params,
        )}
    delegations = dict(conn.execute("SELECT id, name FROM delegations"))
    return Names(topics, people, delegations)


def _most_meetings(conn, where: str, params: list) -> bool:
    if where == "1":
        return True
    total = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    chosen = conn.execute(f"SELECT count(*) FROM meetings m WHERE {where}", params).fetchone()[0]
    return chosen * 2 >= total


_NONE: list = []  # shared by meetings without participants, items or sources: never changed


def iter_rows(conn, where: str, params: list) -> Iterator[tuple[tuple, list, list, list]]:
    """For each meeting matching an SQL condition on `m`, in (date, id) order: its row
    (_MEETING_COLUMNS) and its rows of participants (meeting id, role, person id, delegation
    id), agenda items (meeting id, text, status, outcome, topic id) and sources (meeting id,
    outlet, author, url, published, excerpt), as plain tuples; the lists must not be changed.

    Four queries run side by side, each ordered by the meetings' (date, id), so SQLite walks the
    date index once per table and Python merges the streams: no per-meeting queries and no
    whole-store lists in memory. Run it inside one read transaction (Store._read), which keeps
    the four views consistent.
    """
    return merged_rows(conn, where, params, _MEETING_COLUMNS,
                       items="m.id, a.text, a.status, a.outcome, a.topic_id",
                       people="m.id, p.role, p.person_id, p.delegation_id",
                       sources="m.id, s.outlet, s.author, s.url, s.published, s.excerpt")


# (date, id) spelt as the whole of idx_meetings_date_id and the rowid: the same order, since
# ids are unique, but one SQLite can see gives each meeting once, so it takes the items in
# the order of their (meeting_id, position) index instead of sorting every meeting's items
# (50,000 small sorts, a sixth of the query). Should the index change, SQLite sorts again.
_BY_DATE_INDEX = ("ORDER BY m.date, m.id, m.status, m.precision, m.country_code, m.series, "
                  "m.rowid")


def merged_rows(conn, where: str, params: list, meeting: str, *, items: str, people: str,
                sources: str) -> Iterator[tuple[tuple, list, list, list]]:
    """iter_rows with the columns chosen: `meeting` for the meeting's row, `items` (of `a`),
    `people` (of `p`) and `sources` (of `s`) for the others'. Every row's first column is the
    same key of the meeting (m.id, or m.rowid, which SQLite hands over faster than a
    32-character id); the lists returned must not be changed."""
    order = "ORDER BY m.date, m.id"
    meetings = conn.execute(f"SELECT {meeting} FROM meetings m WHERE {where} {order}", params)
    # Ties in position (which the store does not create) fall back to insertion order.
    item_rows = conn.execute(
        f"SELECT {items} FROM meetings m CROSS JOIN agenda_items a ON a.meeting_id = m.id "
        f"WHERE {where} {_BY_DATE_INDEX}, a.position",
        params,
    )
    person_rows = conn.execute(
        f"SELECT {people} FROM meetings m CROSS JOIN participants p ON p.meeting_id = m.id "
        f"WHERE {where} {order}",
        params,
    )
    source_rows = conn.execute(
        f"SELECT {sources} FROM meetings m CROSS JOIN sources s ON s.meeting_id = m.id "
        f"WHERE {where} {order}, s.published, s.outlet, s.id",
        params,
    )
    first = itemgetter(0)
    people_by, items_by, sources_by = (groupby(rows, first)
                                       for rows in (person_rows, item_rows, source_rows))
    next_people, next_items, next_sources = (next(people_by, None), next(items_by, None),
                                             next(sources_by, None))
    for row in meetings:
        meeting_id = row[0]
        found_people = found_items = found_sources = _NONE
        if next_people is not None and next_people[0] == meeting_id:
            found_people = list(next_people[1])
            next_people = next(people_by, None)
        if next_items is not None and next_items[0] == meeting_id:
            found_items = list(next_items[1])
            next_items = next(items_by, None)
        if next_sources is not None and next_sources[0] == meeting_id:
            found_sources = list(next_sources[1])
            next_sources = next(sources_by, None)
        yield row, found_people, found_items, found_sources


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
