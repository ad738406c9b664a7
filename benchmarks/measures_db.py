"""Store-level measures: search, the timeline's paging and filters, the panes' reads.

Each is a read the app makes on a key press or a pane refresh, so the targets are one 60 Hz
frame (16 ms) for reads and 30 ms for search, at 50,000 meetings.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from benchmarks.measures import Bench, Skip, measure
from benchmarks.synth import AS_OF
from db.views import MeetingFilter

FRAME_MS = 16.0
SEARCH_MS = 30.0
BIG = 50_000  # the targets are stated for 50,000 meetings
TODAY = dt.date.fromordinal(AS_OF)  # fixed, so runs on different days compare

# Words with known frequencies in generated stores (see benchmarks/vocabulary.py).
SEARCHES = {
    "common word": "security",
    "two common words": "security cooperation",
    "rare word": "desalination",
    "prefix": "coop",
    "non-Latin word": "сотрудничество",
    "folded accent": "turkiye",
    "no match": "zyxwvut",
}


def _search(text: str):
    def setup(bench: Bench):
        return lambda: bench.store.search(text)

    return setup


for label, words in SEARCHES.items():
    measure(f"search: {label} ({words})", "search", target_ms=SEARCH_MS, target_on=BIG)(
        _search(words)
    )


def _scalar(bench: Bench, sql: str, params=()):
    row = bench.store.conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _middle_cursor(bench: Bench) -> tuple[str, str]:
    cursor = bench.store.conn.execute(
        "SELECT date, id FROM meetings ORDER BY date, id LIMIT 1 OFFSET ?",
        [bench.meetings // 2],
    ).fetchone()
    if cursor is None:
        raise Skip("empty store")
    return cursor


@measure("timeline: meetings_around(today)", "timeline", target_ms=FRAME_MS, target_on=BIG)
def _around(bench: Bench):
    return lambda: bench.store.meetings_around(TODAY, today=TODAY)


@measure("timeline: meetings_page forward", "timeline", target_ms=FRAME_MS, target_on=BIG)
def _forward(bench: Bench):
    cursor = _middle_cursor(bench)
    return lambda: bench.store.meetings_page(after=cursor, limit=100)


@measure("timeline: meetings_page backward", "timeline", target_ms=FRAME_MS, target_on=BIG)
def _backward(bench: Bench):
    cursor = _middle_cursor(bench)
    return lambda: bench.store.meetings_page(before=cursor, limit=100)


def _filters(bench: Bench) -> dict[str, MeetingFilter]:
    """One of each filter, with values common in the generated store."""
    country = _scalar(bench, "SELECT country_code FROM meetings WHERE country_code IS NOT NULL "
                             "GROUP BY country_code ORDER BY count(*) DESC LIMIT 1")
    rare = _scalar(bench, "SELECT country_code FROM delegations WHERE country_code IS NOT NULL "
                          "ORDER BY country_code DESC LIMIT 1")
    series = _scalar(bench, "SELECT series FROM meetings WHERE series IS NOT NULL "
                            "GROUP BY series ORDER BY count(*) DESC LIMIT 1")
    return {
        "status planned": MeetingFilter(statuses=frozenset({"planned"})),
        "status held+cancelled": MeetingFilter(statuses=frozenset({"held", "cancelled"})),
        "busiest country": MeetingFilter(country=country or "TR"),
        "a rare country": MeetingFilter(country=rare or "ZW"),
        "organisation": MeetingFilter(country="European Union"),
        "series": MeetingFilter(series=series or "none"),
        "date range (a year)": MeetingFilter(date_from=dt.date(2015, 1, 1),
                                             date_to=dt.date(2015, 12, 31)),
        "overdue": MeetingFilter(overdue_only=True),
        "country+status+range": MeetingFilter(
            statuses=frozenset({"held"}), country=country or "TR",
            date_from=dt.date(2010, 1, 1), date_to=dt.date(2020, 12, 31)),
    }


def _count(kind: str):
    def setup(bench: Bench):
        filters = _filters(bench)[kind]
        return lambda: bench.store.count_meetings(filters, today=TODAY)

    return setup


def _page(kind: str):
    def setup(bench: Bench):
        filters = _filters(bench)[kind]
        return lambda: bench.store.meetings_around(TODAY, filters=filters, today=TODAY)

    return setup


for kind in ("status planned", "status held+cancelled", "busiest country", "a rare country",
             "organisation", "series", "date range (a year)", "overdue",
             "country+status+range"):
    measure(f"count_meetings: {kind}", "filters", target_ms=FRAME_MS, target_on=BIG)(
        _count(kind)
    )
    measure(f"meetings_around: {kind}", "filters", target_ms=FRAME_MS, target_on=BIG)(
        _page(kind)
    )


@measure("count_meetings: no filter", "filters", target_ms=FRAME_MS, target_on=BIG)
def _count_all(bench: Bench):
    return lambda: bench.store.count_meetings()


@measure("meeting_detail (random meetings)", "panes", target_ms=FRAME_MS, target_on=BIG)
def _detail(bench: Bench):
    ids = [r[0] for r in bench.store.conn.execute("SELECT id FROM meetings")]
    if not ids:
        raise Skip("empty store")
    cycle = itertools.cycle(random.Random(1).sample(ids, min(len(ids), 50)))
    return lambda: bench.store.meeting_detail(next(cycle))


@measure("topics_page: first page of 100 (all topics)", "panes", target_ms=FRAME_MS,
         target_on=BIG)
def _topics(bench: Bench):
    return lambda: bench.store.topics_page(limit=100)


@measure("topics_page: first screen (40 topics)", "panes", target_ms=FRAME_MS, target_on=BIG)
def _topics_screen(bench: Bench):
    """What a pane shows at once: the cost grows with the agenda items of the topics shown."""
    return lambda: bench.store.topics_page(limit=40)


@measure("topics_page: name prefix", "panes", target_ms=FRAME_MS, target_on=BIG)
def _topics_prefix(bench: Bench):
    return lambda: bench.store.topics_page(limit=100, text="s")


@measure("people_page: first page of 100 (all people)", "panes", target_ms=FRAME_MS,
         target_on=BIG)
def _people(bench: Bench):
    return lambda: bench.store.people_page(limit=100)


@measure("people_page: first screen (40 people)", "panes", target_ms=FRAME_MS, target_on=BIG)
def _people_screen(bench: Bench):
    return lambda: bench.store.people_page(limit=40)


@measure("people_page: name prefix", "panes", target_ms=FRAME_MS, target_on=BIG)
def _people_prefix(bench: Bench):
    return lambda: bench.store.people_page(limit=100, text="a")


def _topic_by_use(bench: Bench, which: str) -> str:
    order = "DESC" if which == "busiest" else "ASC"
    rows = bench.store.conn.execute(
        f"SELECT topic_id FROM agenda_items GROUP BY topic_id ORDER BY count(*) {order}, topic_id"
    ).fetchall()
    if not rows:
        raise Skip("empty store")
    return rows[0][0] if which == "busiest" else rows[len(rows) // 2][0]


@measure("topic_history: busiest topic", "panes", repeat=10)
def _history_busiest(bench: Bench):
    """The worst case: the topic on most agendas (thousands of appearances at 50k)."""
    topic = _topic_by_use(bench, "busiest")
    return lambda: bench.store.topic_history(topic)


@measure("topic_history: typical topic", "panes", target_ms=FRAME_MS, target_on=BIG)
def _history_typical(bench: Bench):
    topic = _topic_by_use(bench, "typical")
    return lambda: bench.store.topic_history(topic)
