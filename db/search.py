"""Full-text search over meetings, agenda items, topics and people (SQLite FTS5)."""

from __future__ import annotations

from db.latest import latest, meeting_of
from db.rows import MEETING_ROW_COLUMNS, meeting_row
from db.search_terms import (
    attach_vocabularies,
    prefix_query,
    query_words,
    table_query,
)
from db.views import SearchHit

# Snippet highlight markers (private-use characters): the app styles them, the CLI drops them.
MARK_START, MARK_END = "\ue000", "\ue001"
_KIND_ORDER = {"meeting": 0, "item": 1, "topic": 2, "person": 3}


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query in its plain form: every word must match, each as a prefix
    ("sanc" finds "sanctions"). Search gives each table the same query with prefixes expanded
    (db.search_terms), which finds the same rows."""
    return prefix_query(query_words(text))


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


class Search:
    # Whether this store's connection has the vocabulary tables (db.search_terms): found out
    # on the first search.
    _expands_prefixes: bool | None = None

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Matches of every kind, meetings first, then agenda items, topics and people, each
        kind newest first, at most `limit` in all."""
        words = query_words(text)
        if not words:
            return []
        found = []
        with self._read() as conn:
            if self._expands_prefixes is None:
                self._expands_prefixes = attach_vocabularies(conn)
            queries = {
                kind: table_query(conn, table, words) if self._expands_prefixes
                else prefix_query(words)
                for kind, table in _TABLES.items()
            }
            # Every kind is asked for up to `limit` (cheap: FTS walks rowids newest first), then
            # the list is shared out fairly, so a common word still shows topics and people.
            # Only the kept topics and people get their latest meeting looked up.
            # Counting first (rowids only) keeps snippets to the rows that are shown.
            counts = {kind: len(conn.execute(_COUNTS[kind], [query, limit]).fetchall())
                      if query else 0 for kind, query in queries.items()}
            shares = fair_shares(counts, limit)
            for kind, sql in _QUERIES.items():
                rows = (conn.execute(sql, [queries[kind], shares[kind]]).fetchall()
                        if shares[kind] else [])
                if kind in _LEADS and rows:  # a topic or a person leads to their latest meeting
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


def fair_shares(counts: dict[str, int], limit: int) -> dict[str, int]:
    """Split `limit` places between kinds: equal shares first, then what a kind cannot use goes
    to the others, in order."""
    shares = dict.fromkeys(counts, 0)
    left = limit
    while left > 0:
        open_kinds = [kind for kind in counts if shares[kind] < counts[kind]]
        if not open_kinds:
            break
        each = max(1, left // len(open_kinds))
        for kind in open_kinds:
            extra = min(each, counts[kind] - shares[kind], left)
            shares[kind] += extra
            left -= extra
            if not left:
                break
    return shares


_SNIP = f"'{MARK_START}', '{MARK_END}', '…', 12"
_M_COLS = ", ".join(f"m.{c.strip()}" for c in MEETING_ROW_COLUMNS.split(","))
# Newest rows first (FTS5 walks rowids in reverse cheaply) rather than by rank: ranking a
# common word means scoring every match, too slow at 500,000 items. The last column says
# where a hit leads, as date || meeting id (see db.latest); topics and people get theirs after.
_LEADS = {"topic": ("agenda_items", "topic_id"), "person": ("participants", "person_id")}
_TABLES = {"meeting": "meetings", "item": "agenda_items", "topic": "topics", "person": "people"}
_COUNTS = {
    kind: f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT ?"
    for kind, table in _TABLES.items()
}
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
