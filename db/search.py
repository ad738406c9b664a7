"""Full-text search over meetings, agenda items, topics and people (SQLite FTS5)."""

from __future__ import annotations

import re
import unicodedata

from db.countries import fold
from db.latest import latest, meeting_of
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
        """Matches of every kind, meetings first, then agenda items, topics and people, each
        kind newest first, at most `limit` in all."""
        query = fts_query(text)
        if query is None:
            return []
        found = []
        with self._read() as conn:
            # Kind by kind, asking each for what is left of `limit` only: a common word fills
            # the list with meetings, and the later kinds (whose topics and people need their
            # latest meeting looked up) are not searched at all.
            for kind, sql in _QUERIES.items():
                if len(found) >= limit:
                    break
                rows = conn.execute(sql, [query, limit - len(found)]).fetchall()
                if kind in _LEADS:  # a topic or a person leads to their latest meeting
                    keys = latest(conn, *_LEADS[kind], [row[1] for row in rows])
                    rows = [(*row[:4], keys[row[1]][1]) for row in rows]
                found += rows
            meeting_ids = sorted({meeting_of(row[4]) for row in found if row[4]})
            marks = ", ".join("?" for _ in meeting_ids)
            meetings = {
                row.id: row
                for row in map(meeting_row, conn.execute(
                    f"SELECT {_M_COLS} FROM meetings m WHERE m.id IN ({marks})", meeting_ids
                ))
            }
        hits = [
            SearchHit(kind, row_id, label, snippet, meetings.get(meeting_of(key)))
            for kind, row_id, label, snippet, key in found
        ]
        hits.sort(key=lambda h: (
            _KIND_ORDER[h.kind], -(h.meeting.date.toordinal() if h.meeting else 0)
        ))
        return hits[:limit]


_SNIP = f"'{MARK_START}', '{MARK_END}', '…', 12"
_M_COLS = ", ".join(f"m.{c.strip()}" for c in MEETING_ROW_COLUMNS.split(","))
# Newest rows first (FTS5 walks rowids in reverse cheaply) rather than by rank: ranking a
# common word means scoring every match, too slow at 500,000 items. The last column says
# where a hit leads, as date || meeting id (see db.latest); topics and people get theirs after.
_LEADS = {"topic": ("agenda_items", "topic_id"), "person": ("participants", "person_id")}
_QUERIES = {
    "meeting": (
        f"SELECT 'meeting', m.id, m.title, snippet(meetings_fts, -1, {_SNIP}), "
        "m.date || m.id FROM meetings_fts JOIN meetings m ON m.rowid = meetings_fts.rowid "
        "WHERE meetings_fts MATCH ? ORDER BY meetings_fts.rowid DESC LIMIT ?"
    ),
    "item": (
        "SELECT 'item', x.id, coalesce(x.text, t.name), "
        # An item leads to its own meeting: a placeholder date keeps the date || id form.
        f"snippet(agenda_items_fts, -1, {_SNIP}), '0000-00-00' || x.meeting_id "
        "FROM agenda_items_fts JOIN agenda_items x ON x.rowid = agenda_items_fts.rowid "
        "JOIN topics t ON t.id = x.topic_id "
        "WHERE agenda_items_fts MATCH ? ORDER BY agenda_items_fts.rowid DESC LIMIT ?"
    ),
    "topic": (
        f"SELECT 'topic', x.id, x.name, snippet(topics_fts, -1, {_SNIP}), NULL "
        "FROM topics_fts JOIN topics x ON x.rowid = topics_fts.rowid "
        "WHERE topics_fts MATCH ? ORDER BY topics_fts.rowid DESC LIMIT ?"
    ),
    "person": (
        f"SELECT 'person', x.id, x.name, snippet(people_fts, -1, {_SNIP}), NULL "
        "FROM people_fts JOIN people x ON x.rowid = people_fts.rowid "
        "WHERE people_fts MATCH ? ORDER BY people_fts.rowid DESC LIMIT ?"
    ),
}
