"""A person's or a topic's latest meeting (greatest date, then id) and how many they have.

Two ways to find it, chosen per person or topic from its count n (an index-only count):
- read all n of its links (participants or agenda items) and take max(date || id), probing
  idx_meetings_id_date once each: no sort, no table row, but n probes;
- walk the meetings newest first (idx_meetings_date_id) until one is linked to it: about
  N / n steps when its meetings are spread over time (N meetings in all).
The walk is taken when it should be cheaper (see walks), and given up after WALK_SPREAD * N / n
steps (a topic whose meetings all lie years back) for the first way, so no case costs much more
than n probes.
"""

from __future__ import annotations

import json
import sqlite3

BY_ID = "idx_meetings_id_date"
BY_DATE = "idx_meetings_date_id"
WALK_SPREAD = 8  # a walk this many times longer than expected is given up
_DATE_LENGTH = len("2025-05-20")  # ISO dates are fixed-width, so date || id sorts as (date, id)


def meeting_of(key: str | None) -> str | None:
    """The meeting id in a date || id key."""
    return key[_DATE_LENGTH:] if key else None


def _by_links(links: str, column: str, outer: str) -> str:
    return (f"(SELECT max(lm.date || lm.id) FROM {links} lk JOIN meetings lm INDEXED BY {BY_ID} "
            f"ON lm.id = lk.meeting_id WHERE lk.{column} = {outer})")


def walks(n: int, total: int) -> bool:
    """Whether walking the timeline (about N / n steps) beats reading all n links: a step of
    the walk costs about what a probe by id does (measured at 50,000 meetings)."""
    return n * n > total


def latest(conn: sqlite3.Connection, links: str, column: str,
           ids: list[str]) -> dict[str, tuple[int, str | None]]:
    """For each id, (n, date || id of its latest meeting or None). `links` is participants
    (column person_id) or agenda_items (column topic_id)."""
    if not ids:
        return {}
    # The highest rowid is as good as a count for choosing, and costs one index seek.
    total = conn.execute("SELECT coalesce(max(rowid), 0) FROM meetings").fetchone()[0]
    # The ids go in as one JSON array: no limit on how many, one statement each step.
    counts = dict(conn.execute(
        f"SELECT ids.value, (SELECT count(*) FROM {links} c WHERE c.{column} = ids.value) "
        "FROM json_each(?) ids",
        [json.dumps(ids)],
    ).fetchall())
    found: dict[str, tuple[int, str | None]] = {row_id: (n, None) for row_id, n in counts.items()}
    busy = [(row_id, n) for row_id, n in counts.items() if n and walks(n, total)]
    quiet = [row_id for row_id, n in counts.items() if n and not walks(n, total)]
    if quiet:
        for row_id, key in conn.execute(
            f"SELECT ids.value, {_by_links(links, column, 'ids.value')} FROM json_each(?) ids",
            [json.dumps(quiet)],
        ):
            found[row_id] = (counts[row_id], key)
    for row_id, n in busy:
        key = conn.execute(
            f"SELECT w.k FROM (SELECT m.date || m.id AS k, m.id FROM meetings m "
            f"INDEXED BY {BY_DATE} ORDER BY m.date DESC, m.id DESC LIMIT ?) w "
            f"WHERE EXISTS (SELECT 1 FROM {links} l WHERE l.{column} = ? "
            "AND l.meeting_id = w.id) LIMIT 1",
            [WALK_SPREAD * total // n + 1, row_id],
        ).fetchone()
        if key is None:  # its meetings are all long ago: read its links after all
            key = conn.execute(f"SELECT {_by_links(links, column, '?')}", [row_id]).fetchone()
        found[row_id] = (n, key[0])
    return found
