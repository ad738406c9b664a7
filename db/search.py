"""Full-text search over meetings, agenda items, topics and people (SQLite FTS5)."""

from __future__ import annotations

import re
import unicodedata

from db.countries import fold
from db.rows import MEETING_ROW_COLUMNS, meeting_row
from db.views import SearchHit

# Snippet highlight markers (private-use characters): the app styles them, the CLI drops them.
MARK_START, MARK_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)
_KIND_ORDER = {"meeting": 0, "item": 1, "topic": 2, "person": 3}


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: every word must match, each as a prefix ("sanc" finds
    "sanctions"). Quoting each word keeps FTS syntax (AND, NEAR, quotes, *) out of user hands."""
    # Stored text is NFC (the models normalise it); a decomposed query ("u" + U+0308) would
    # otherwise split at the combining mark, which \w does not match, and find nothing.
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:12]
    if not words:
        return None
    terms = []
    for word in words:
        folded = fold(word)
        if folded != word.lower():
            terms.append(f'("{word}"* OR "{folded}"*)')
        else:
            terms.append(f'"{word}"*')
    return " ".join(terms)


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


class Search:
    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Matches of every kind, meetings first, each kind newest first, at most `limit`."""
        query = fts_query(text)
        if query is None:
            return []
        snip = f"'{MARK_START}', '{MARK_END}', '…', 12"
        m_cols = ", ".join(f"m.{c.strip()}" for c in MEETING_ROW_COLUMNS.split(","))
        latest_for_person = (
            "(SELECT m2.id FROM participants p JOIN meetings m2 ON m2.id = p.meeting_id "
            "WHERE p.person_id = x.id ORDER BY m2.date DESC, m2.id DESC LIMIT 1)"
        )
        latest_for_topic = (
            "(SELECT m2.id FROM agenda_items a2 JOIN meetings m2 ON m2.id = a2.meeting_id "
            "WHERE a2.topic_id = x.id ORDER BY m2.date DESC, m2.id DESC LIMIT 1)"
        )
        # Newest rows first (FTS5 walks rowids in reverse cheaply) rather than by rank: ranking
        # a common word means scoring every match, too slow at 500,000 items.
        queries = {
            "meeting": (
                f"SELECT 'meeting', m.id, m.title, snippet(meetings_fts, -1, {snip}), m.id "
                "FROM meetings_fts JOIN meetings m ON m.rowid = meetings_fts.rowid "
                "WHERE meetings_fts MATCH ? ORDER BY meetings_fts.rowid DESC LIMIT ?"
            ),
            "item": (
                "SELECT 'item', x.id, coalesce(x.text, t.name), "
                f"snippet(agenda_items_fts, -1, {snip}), x.meeting_id "
                "FROM agenda_items_fts JOIN agenda_items x ON x.rowid = agenda_items_fts.rowid "
                "JOIN topics t ON t.id = x.topic_id "
                "WHERE agenda_items_fts MATCH ? ORDER BY agenda_items_fts.rowid DESC LIMIT ?"
            ),
            "topic": (
                f"SELECT 'topic', x.id, x.name, snippet(topics_fts, -1, {snip}), "
                f"{latest_for_topic} FROM topics_fts JOIN topics x ON x.rowid = topics_fts.rowid "
                "WHERE topics_fts MATCH ? ORDER BY topics_fts.rowid DESC LIMIT ?"
            ),
            "person": (
                f"SELECT 'person', x.id, x.name, snippet(people_fts, -1, {snip}), "
                f"{latest_for_person} FROM people_fts JOIN people x ON x.rowid = people_fts.rowid "
                "WHERE people_fts MATCH ? ORDER BY people_fts.rowid DESC LIMIT ?"
            ),
        }
        found = []
        with self._read() as conn:
            for sql in queries.values():
                found += conn.execute(sql, [query, limit]).fetchall()
            meeting_ids = sorted({row[4] for row in found if row[4]})
            marks = ", ".join("?" for _ in meeting_ids)
            meetings = {
                row.id: row
                for row in map(meeting_row, conn.execute(
                    f"SELECT {m_cols} FROM meetings m WHERE m.id IN ({marks})", meeting_ids
                ))
            }
        hits = [
            SearchHit(kind, row_id, label, snippet, meetings.get(meeting_id))
            for kind, row_id, label, snippet, meeting_id in found
        ]
        hits.sort(key=lambda h: (
            _KIND_ORDER[h.kind], -(h.meeting.date.toordinal() if h.meeting else 0)
        ))
        return hits[:limit]
