"""Reads across meetings: people and topics with their latest meeting, a topic's history.

Counts and latest meetings come from db.latest, for the rows of the page only.
"""

from __future__ import annotations

import json

from db.countries import fold
from db.latest import latest, meeting_of
from db.rows import MEETING_ROW_COLUMNS, from_row, meeting_row
from db.views import Appearance, PersonSummary, TopicHistory, TopicSummary

_MEETING_COLUMNS = [c.strip() for c in MEETING_ROW_COLUMNS.split(",")]


def rows_of(cursor) -> list[dict]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def name_prefix(alias: str, text: str | None) -> tuple[str, list]:
    if not text:
        return "", []
    key = fold(text)
    return (f"WHERE {alias}.name_key >= ? AND {alias}.name_key < ?", [key, key + "\U0010ffff"])


class Summaries:
    def people_page(
        self, *, limit: int = 100, offset: int = 0, text: str | None = None
    ) -> list[PersonSummary]:
        """People by name with how many meetings each attended and their latest meeting."""
        from db.models import Person

        where, params = name_prefix("x", text)
        with self._read() as conn:
            rows = rows_of(conn.execute(
                f"SELECT * FROM people x {where} ORDER BY x.name_key, x.id LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ))
            found = latest(conn, "participants", "person_id", [r["id"] for r in rows])
            meetings = self.meeting_rows(_meeting_ids(found))
        return [
            PersonSummary(from_row(Person, r), found[r["id"]][0],
                          meetings.get(meeting_of(found[r["id"]][1])))
            for r in rows
        ]

    def count_people(self, text: str | None = None) -> int:
        where, params = name_prefix("pe", text)
        with self._lock:
            sql = f"SELECT count(*) FROM people pe {where}"
            return self.conn.execute(sql, params).fetchone()[0]

    def topics_page(
        self, *, limit: int = 100, offset: int = 0, text: str | None = None
    ) -> list[TopicSummary]:
        """Topics by name with their latest status and the meeting where they last appeared."""
        from db.models import Topic

        where, params = name_prefix("x", text)
        with self._read() as conn:
            rows = rows_of(conn.execute(
                f"SELECT * FROM topics x {where} ORDER BY x.name_key, x.id LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ))
            found = latest(conn, "agenda_items", "topic_id", [r["id"] for r in rows])
            statuses = latest_statuses(
                conn, [(topic, meeting_of(key)) for topic, (_, key) in found.items()])
            meetings = self.meeting_rows(_meeting_ids(found))
        return [
            TopicSummary(from_row(Topic, r), found[r["id"]][0], statuses.get(r["id"]),
                         meetings.get(meeting_of(found[r["id"]][1])))
            for r in rows
        ]

    def count_topics(self, text: str | None = None) -> int:
        where, params = name_prefix("t", text)
        with self._lock:
            sql = f"SELECT count(*) FROM topics t {where}"
            return self.conn.execute(sql, params).fetchone()[0]

    def topic_history(self, topic_id: str) -> TopicHistory:
        """Every meeting where a topic was on the agenda (by date) and every status change."""
        from db.models import AgendaItem, StatusChange

        with self._read() as conn:
            topic = self.topic(topic_id)
            aliased = ", ".join(f"m.{c} AS m_{c}" for c in _MEETING_COLUMNS)
            items = rows_of(conn.execute(
                f"SELECT a.*, {aliased} FROM agenda_items a "
                "JOIN meetings m ON m.id = a.meeting_id WHERE a.topic_id = ? "
                "ORDER BY m.date, m.id",
                [topic_id],
            ))
            changes = rows_of(conn.execute(
                "SELECT s.* FROM status_changes s JOIN agenda_items a ON a.id = s.agenda_item_id "
                "WHERE a.topic_id = ? ORDER BY s.changed_at, s.id",
                [topic_id],
            ))
        by_item: dict[str, list] = {}
        for row in changes:
            by_item.setdefault(row["agenda_item_id"], []).append(from_row(StatusChange, row))
        appearances = []
        for row in items:
            meeting = meeting_row(tuple(row[f"m_{c}"] for c in _MEETING_COLUMNS))
            item = from_row(AgendaItem, row)
            appearances.append(Appearance(meeting, item, by_item.get(item.id, [])))
        return TopicHistory(topic, appearances)


def _meeting_ids(found: dict[str, tuple[int, str | None]]) -> list[str]:
    return sorted({meeting_of(key) for _, key in found.values() if key})


def latest_statuses(conn, pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Each topic's status on its latest meeting (the first such item on that agenda)."""
    wanted = [[topic, meeting] for topic, meeting in pairs if meeting]
    if not wanted:
        return {}
    found: dict[str, str] = {}
    # One seek per (topic, meeting) in idx_agenda_items_topic_id_meeting_id.
    for topic, status in conn.execute(
        "SELECT a.topic_id, a.status FROM json_each(?) w JOIN agenda_items a "
        "ON a.topic_id = w.value ->> 0 AND a.meeting_id = w.value ->> 1 "
        "ORDER BY a.topic_id, a.position DESC, a.id DESC",
        [json.dumps(wanted)],
    ):
        found[topic] = status  # the last one written wins: the lowest position
    return found
