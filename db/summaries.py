"""Reads across meetings: people and topics with their latest meeting, a topic's history.

"Latest" is the meeting with the greatest (date, id) among a person's or topic's meetings. It
is found with max(date || id) over two narrow covering indexes (the person's or topic's links
by meeting id, and idx_meetings_id_date), so no row is sorted and no table row is read; a
page of 100 topics still visits every agenda item of those topics (see README, Performance).
"""

from __future__ import annotations

from db.countries import fold
from db.rows import MEETING_ROW_COLUMNS, from_row, meeting_row
from db.views import Appearance, PersonSummary, TopicHistory, TopicSummary

BY_ID = "idx_meetings_id_date"
_MEETING_COLUMNS = [c.strip() for c in MEETING_ROW_COLUMNS.split(",")]
_DATE_LENGTH = len("2025-05-20")  # ISO dates are fixed-width, so date || id sorts as (date, id)


def latest_key(links: str, column: str, outer: str) -> str:
    """SQL for the latest meeting linked to `outer` through table `links` (participants or
    agenda_items, joined on `column`), as date || meeting id; see meeting_of."""
    return (f"(SELECT max(lm.date || lm.id) FROM {links} lk JOIN meetings lm INDEXED BY {BY_ID} "
            f"ON lm.id = lk.meeting_id WHERE lk.{column} = {outer})")


def meeting_of(key: str | None) -> str | None:
    """The meeting id in a latest_key value."""
    return key[_DATE_LENGTH:] if key else None


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

        where, params = name_prefix("pe", text)
        with self._read() as conn:
            # The page is cut first, so the per-person subqueries run for its rows only.
            rows = rows_of(conn.execute(
                "SELECT pe.*, (SELECT count(*) FROM participants p WHERE p.person_id = pe.id) "
                f"AS n, {latest_key('participants', 'person_id', 'pe.id')} AS latest "
                f"FROM (SELECT * FROM people pe {where} ORDER BY pe.name_key, pe.id "
                "LIMIT ? OFFSET ?) pe ORDER BY pe.name_key, pe.id",
                [*params, limit, offset],
            ))
            latest = self.meeting_rows([meeting_of(r["latest"]) for r in rows if r["latest"]])
        return [
            PersonSummary(from_row(Person, r), r["n"], latest.get(meeting_of(r["latest"])))
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

        where, params = name_prefix("t", text)
        with self._read() as conn:
            rows = rows_of(conn.execute(
                "SELECT t.*, (SELECT count(*) FROM agenda_items a WHERE a.topic_id = t.id) AS n, "
                f"{latest_key('agenda_items', 'topic_id', 't.id')} AS latest "
                f"FROM (SELECT * FROM topics t {where} ORDER BY t.name_key, t.id "
                "LIMIT ? OFFSET ?) t ORDER BY t.name_key, t.id",
                [*params, limit, offset],
            ))
            statuses = latest_statuses(conn, [(r["id"], meeting_of(r["latest"])) for r in rows])
            meetings = self.meeting_rows(sorted({m for m in map(meeting_of, (
                r["latest"] for r in rows)) if m}))
        return [
            TopicSummary(from_row(Topic, r), r["n"], statuses.get(r["id"]),
                         meetings.get(meeting_of(r["latest"])))
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


def latest_statuses(conn, pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Each topic's status on its latest meeting (the first such item on that agenda)."""
    wanted = {(topic, meeting) for topic, meeting in pairs if meeting}
    if not wanted:
        return {}
    meetings = sorted({meeting for _, meeting in wanted})
    marks = ", ".join("?" for _ in meetings)
    found: dict[str, str] = {}
    for topic, meeting, status in conn.execute(
        f"SELECT topic_id, meeting_id, status FROM agenda_items WHERE meeting_id IN ({marks}) "
        "ORDER BY meeting_id, position DESC, id DESC",
        meetings,
    ):
        if (topic, meeting) in wanted:
            found[topic] = status  # the last one written wins: the lowest position
    return found
