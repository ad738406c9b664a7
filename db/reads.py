"""The store's read API: paged timeline, meeting details, people/topic summaries, history."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.countries import fold
from db.errors import NotFound
from db.filtering import FilterSql, count_sql, page_sql
from db.rows import MEETING_ROW_COLUMNS, from_row, meeting_row
from db.summaries import Summaries
from db.views import (
    ItemView,
    MeetingDetail,
    MeetingFilter,
    MeetingRow,
    ParticipantView,
)
from db.vocab import ROLE_ORDER

if TYPE_CHECKING:
    from db.models import Meeting, Person, Topic

Cursor = tuple[str, str]  # (ISO date, id): the timeline's sort key
_MEETING_COLUMNS = [c.strip() for c in MEETING_ROW_COLUMNS.split(",")]
_M = ", ".join(f"m.{c}" for c in _MEETING_COLUMNS)


def _rows(cursor) -> list[dict]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


class Reads(Summaries):
    # -- the timeline ----------------------------------------------------------------------

    def meetings_page(
        self,
        *,
        after: Cursor | None = None,
        before: Cursor | None = None,
        limit: int = 100,
        filters: MeetingFilter | None = None,
        today: dt.date | None = None,
    ) -> list[MeetingRow]:
        """Up to `limit` meetings in date order, after or before a cursor (keyset paging)."""
        with self._lock:
            return self._page(page_sql(self.conn, filters, today), after, before, limit)

    def _page(self, chosen: FilterSql, after: Cursor | None, before: Cursor | None,
              limit: int) -> list[MeetingRow]:
        where, params = list(chosen.where), list(chosen.params)
        low, high = chosen.date_from, chosen.date_to
        order = "ASC"
        # The cursor is written as plain date bounds merged with the filter's range, plus a
        # tie-break on id: with a row value (date, id) < (?, ?) SQLite may take that as the
        # range to walk and ignore a tighter date_to, walking years of meetings for nothing.
        if after is not None:
            where.append("(m.date > ? OR m.id > ?)")
            params += list(after)
            low = max(low or after[0], after[0])
        elif before is not None:
            where.append("(m.date < ? OR m.id < ?)")
            params += list(before)
            high = min(high or before[0], before[0])
            order = "DESC"
        if low and high and low > high:
            return []
        if low:
            where.append("m.date >= ?")
            params.append(low)
        if high:
            where.append("m.date <= ?")
            params.append(high)
        sql = f"SELECT {_M} FROM {chosen.source}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY m.date {order}, m.id {order} LIMIT ?"
        rows = [meeting_row(v) for v in self.conn.execute(sql, [*params, limit])]
        return rows[::-1] if order == "DESC" else rows

    def meetings_around(
        self,
        day: dt.date,
        *,
        before: int = 50,
        after: int = 50,
        filters: MeetingFilter | None = None,
        today: dt.date | None = None,
    ) -> list[MeetingRow]:
        """The meetings just before `day` and from `day` on: where the timeline opens."""
        cursor = (day.isoformat(), "")
        with self._read() as conn:
            chosen = page_sql(conn, filters, today)
            earlier = self._page(chosen, None, cursor, before)
            return earlier + self._page(chosen, cursor, None, after)

    def count_meetings(
        self, filters: MeetingFilter | None = None, today: dt.date | None = None
    ) -> int:
        with self._lock:
            sql, params = count_sql(self.conn, filters, today)
            return self.conn.execute(sql, params).fetchone()[0]

    def meeting_rows(self, ids: list[str]) -> dict[str, MeetingRow]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        with self._lock:
            cursor = self.conn.execute(f"SELECT {_M} FROM meetings m WHERE m.id IN ({marks})", ids)
            return {row.id: row for row in map(meeting_row, cursor)}

    # -- single records ----------------------------------------------------------------------

    def _get(self, cls, table: str, record_id: str):
        with self._lock:
            rows = _rows(self.conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [record_id]))
        if not rows:
            raise NotFound(f"no {cls.__name__.lower()} with id {record_id}")
        return from_row(cls, rows[0])

    def meeting(self, meeting_id: str) -> Meeting:
        from db.models import Meeting

        return self._get(Meeting, "meetings", meeting_id)

    def person(self, person_id: str) -> Person:
        from db.models import Person

        return self._get(Person, "people", person_id)

    def topic(self, topic_id: str) -> Topic:
        from db.models import Topic

        return self._get(Topic, "topics", topic_id)

    def source(self, source_id: str):
        from db.models import Source

        return self._get(Source, "sources", source_id)

    def item(self, item_id: str) -> ItemView:
        from db.models import AgendaItem

        with self._read():
            item = self._get(AgendaItem, "agenda_items", item_id)
            return ItemView(item, self.topic(item.topic_id))

    def participant(self, participant_id: str) -> ParticipantView:
        from db.models import Delegation, Participant

        with self._read():
            part = self._get(Participant, "participants", participant_id)
            delegation = (
                self._get(Delegation, "delegations", part.delegation_id)
                if part.delegation_id
                else None
            )
            return ParticipantView(part, self.person(part.person_id), delegation)

    def meeting_detail(self, meeting_id: str) -> MeetingDetail:
        """A meeting with its participants (co-chairs first), agenda items in order, sources."""
        from db.models import AgendaItem, Delegation, Participant, Person, Source, Topic

        with self._read() as conn:
            meeting = self.meeting(meeting_id)
            parts = _rows(conn.execute(
                "SELECT p.*, pe.id AS pe_id, pe.name AS pe_name, pe.office AS pe_office, "
                "pe.affiliation AS pe_affiliation, pe.created_at AS pe_created_at, "
                "pe.updated_at AS pe_updated_at, d.id AS d_id, d.name AS d_name, "
                "d.country_code AS d_country_code, d.kind AS d_kind, "
                "d.created_at AS d_created_at, d.updated_at AS d_updated_at "
                "FROM participants p JOIN people pe ON pe.id = p.person_id "
                "LEFT JOIN delegations d ON d.id = p.delegation_id WHERE p.meeting_id = ?",
                [meeting_id],
            ))
            items = _rows(conn.execute(
                "SELECT a.*, t.id AS t_id, t.name AS t_name, t.description AS t_description, "
                "t.tags AS t_tags, t.created_at AS t_created_at, t.updated_at AS t_updated_at "
                "FROM agenda_items a JOIN topics t ON t.id = a.topic_id "
                "WHERE a.meeting_id = ? ORDER BY a.position, a.id",
                [meeting_id],
            ))
            sources = _rows(conn.execute(
                "SELECT * FROM sources WHERE meeting_id = ? ORDER BY published, outlet, id",
                [meeting_id],
            ))
        views = [
            ParticipantView(
                from_row(Participant, row),
                from_row(Person, _prefixed(row, "pe_")),
                from_row(Delegation, _prefixed(row, "d_")) if row["d_id"] else None,
            )
            for row in parts
        ]
        views.sort(key=_participant_order(views))
        return MeetingDetail(
            meeting=meeting,
            participants=views,
            items=[
                ItemView(from_row(AgendaItem, row), from_row(Topic, _prefixed(row, "t_")))
                for row in items
            ],
            sources=[from_row(Source, row) for row in sources],
        )

    def meeting_dependents(self, meeting_id: str) -> dict[str, int]:
        """What goes with a meeting when it is deleted: counts for the confirmation."""
        with self._read() as conn:
            return {
                "agenda items": conn.execute(
                    "SELECT count(*) FROM agenda_items WHERE meeting_id = ?", [meeting_id]
                ).fetchone()[0],
                "participants": conn.execute(
                    "SELECT count(*) FROM participants WHERE meeting_id = ?", [meeting_id]
                ).fetchone()[0],
                "sources": conn.execute(
                    "SELECT count(*) FROM sources WHERE meeting_id = ?", [meeting_id]
                ).fetchone()[0],
            }

    # -- completion and counts -----------------------------------------------------------------

    def suggestions(self, field: str, prefix: str, limit: int = 20) -> list[str]:
        """Values already in the store that start with `prefix`, for form completion.
        `field` is one of person, country, topic, series, city, outlet."""
        key = fold(prefix)
        with self._lock:
            if field in ("person", "topic"):
                table = "people" if field == "person" else "topics"
                return [row[0] for row in self.conn.execute(
                    f"SELECT name FROM {table} WHERE name_key >= ? AND name_key < ? "
                    "ORDER BY name_key LIMIT ?",
                    [key, key + "\U0010ffff", limit],
                )]
            if field == "country":
                from db.countries import all_countries

                names = [row[0] for row in self.conn.execute(
                    "SELECT name FROM delegations WHERE name_key >= ? AND name_key < ? LIMIT ?",
                    [key, key + "\U0010ffff", limit],
                )]
                names += [c.name for c in all_countries() if fold(c.name).startswith(key)]
                return list(dict.fromkeys(names))[:limit]
            column = {"series": "series", "city": "city", "outlet": "outlet"}[field]
            table = "sources" if field == "outlet" else "meetings"
            return [row[0] for row in self.conn.execute(
                f"SELECT DISTINCT {column} FROM {table} WHERE {column} LIKE ? ORDER BY {column} "
                "LIMIT ?",
                [prefix.replace("%", "").replace("_", "") + "%", limit],
            )]

    def counts(self) -> dict[str, int]:
        from db.schema import TABLES

        with self._read() as conn:
            return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}


def _prefixed(row: dict, prefix: str) -> dict:
    return {key[len(prefix):]: value for key, value in row.items() if key.startswith(prefix)}


def _participant_order(views: list[ParticipantView]):
    """Co-chairs first; then delegations in order of their best role; then by name."""
    best: dict[str, int] = {}
    for v in views:
        key = v.delegation.id if v.delegation else ""
        best[key] = min(best.get(key, 99), ROLE_ORDER.get(v.participant.role, 99))

    def order(v: ParticipantView):
        key = v.delegation.id if v.delegation else ""
        return (best[key], v.delegation.name if v.delegation else "\uffff", key,
                ROLE_ORDER.get(v.participant.role, 99), fold(v.person.name))

    return order


