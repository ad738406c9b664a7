"""The fast read paths give the same answers as a plain reading of the data.

The timeline's filters take one of two access paths depending on how many meetings a country
has (db.filtering.FEW_MATCHES); both are checked against a Python filter over every row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.generate import generate
from db import filtering
from db import latest as latest_module
from db.countries import fold
from db.dates import is_overdue
from db.models import Meeting
from db.store import Store
from db.views import MeetingFilter

TODAY = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("paths") / "g.db"
    generate(path, meetings=400, items=2400, seed=11)
    with Store.open(path) as store:
        # Held in Iceland with nobody from Iceland there: only the place matches the filter.
        store.add_meeting(Meeting(title="Arctic council side meeting", date="2016-02-20",
                                  country="Iceland", status="held"))
    return path


@pytest.fixture
def store(path):
    with Store.open(path) as store:
        yield store


@pytest.fixture(params=["few", "many"])
def access_path(request, monkeypatch):
    """Force the rowid path ("few") or the date-index walk ("many") for every party filter."""
    monkeypatch.setattr(filtering, "FEW_MATCHES", 10**9 if request.param == "few" else 0)
    return request.param


def everything(store: Store):
    meetings = store.conn.execute(
        "SELECT id, date, status, precision, country_code, series FROM meetings"
    ).fetchall()
    parties: dict[str, set[str]] = {}
    for meeting_id, code, name_key in store.conn.execute(
        "SELECT p.meeting_id, d.country_code, d.name_key FROM participants p "
        "JOIN delegations d ON d.id = p.delegation_id"
    ):
        parties.setdefault(meeting_id, set()).update({f"code:{code}", f"name:{name_key}"})
    return meetings, parties


def expected(store: Store, f: MeetingFilter) -> list[tuple[str, str]]:
    """(date, id) of every meeting passing the filter, in timeline order."""
    meetings, parties = everything(store)
    code = filtering.resolve_country(f.country) if f.country else None
    keep = []
    for id_, date, status, precision, country_code, series in meetings:
        day = dt.date.fromisoformat(date)
        if f.statuses and status not in f.statuses:
            continue
        if f.country:
            held = parties.get(id_, set())
            if code and not (country_code == code.code or f"code:{code.code}" in held):
                continue
            if not code and f"name:{fold(f.country)}" not in held:
                continue
        if f.series and (series or "").lower() != f.series.lower():
            continue
        if (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
            continue
        if f.overdue_only and not is_overdue(status, day, precision, TODAY):
            continue
        keep.append((date, id_))
    return sorted(keep)


def filters(store: Store) -> list[MeetingFilter]:
    busy = store.conn.execute(
        "SELECT d.country_code FROM participants p JOIN delegations d ON d.id = p.delegation_id "
        "WHERE d.country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    org = store.conn.execute(
        "SELECT d.name FROM participants p JOIN delegations d ON d.id = p.delegation_id "
        "WHERE d.country_code IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    series = store.conn.execute(
        "SELECT series FROM meetings WHERE series IS NOT NULL GROUP BY 1 "
        "ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    return [
        MeetingFilter(),
        MeetingFilter(statuses=frozenset({"planned"})),
        MeetingFilter(statuses=frozenset({"held", "postponed"})),
        MeetingFilter(country=busy),
        MeetingFilter(country="Zimbabwe"),
        MeetingFilter(country="Iceland"),
        MeetingFilter(country=org),
        MeetingFilter(series=series.upper().replace("–", "–")),
        MeetingFilter(date_from=dt.date(2012, 1, 1), date_to=dt.date(2013, 6, 30)),
        MeetingFilter(overdue_only=True),
        MeetingFilter(statuses=frozenset({"held"}), country=busy,
                      date_from=dt.date(2010, 1, 1), date_to=dt.date(2020, 12, 31)),
        MeetingFilter(statuses=frozenset({"held", "cancelled"}), country=org, overdue_only=False,
                      date_to=dt.date(2018, 1, 1)),
    ]


def test_counts_and_pages_match_a_plain_filter(store, access_path):
    for f in filters(store):
        want = expected(store, f)
        assert store.count_meetings(f, today=TODAY) == len(want), f
        walked, cursor = [], None
        while (page := store.meetings_page(after=cursor, limit=13, filters=f, today=TODAY)) \
                and len(walked) <= len(want):
            walked += [row.cursor for row in page]
            cursor = page[-1].cursor
        assert walked == want, f
        back, cursor = [], ("9999-12-31", "")
        while (page := store.meetings_page(before=cursor, limit=9, filters=f, today=TODAY)) \
                and len(back) <= len(want):
            back = [row.cursor for row in page] + back
            cursor = page[0].cursor
        assert back == want, f
        around = [row.cursor for row in store.meetings_around(
            dt.date(2016, 3, 1), before=5, after=6, filters=f, today=TODAY)]
        split = sum(1 for c in want if c < ("2016-03-01", ""))
        assert around == want[max(0, split - 5):split + 6], f


@pytest.fixture(params=["links", "walk", "walk given up"])
def latest_path(request, monkeypatch):
    """Force each way db.latest finds a latest meeting."""
    if request.param == "links":
        monkeypatch.setattr(latest_module, "walks", lambda n, total: False)
    else:
        monkeypatch.setattr(latest_module, "walks", lambda n, total: True)
    if request.param == "walk given up":
        monkeypatch.setattr(latest_module, "WALK_SPREAD", 0)  # one step, then read the links
    return request.param


def test_people_and_topics_pages_match_a_plain_reading(store, latest_path):
    latest: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for topic_id, date, meeting_id in store.conn.execute(
        "SELECT a.topic_id, m.date, m.id FROM agenda_items a JOIN meetings m "
        "ON m.id = a.meeting_id"
    ):
        counts[topic_id] = counts.get(topic_id, 0) + 1
        latest[topic_id] = max(latest.get(topic_id, ("", "")), (date, meeting_id))
    topics = store.topics_page(limit=10_000)
    assert [t.topic.name for t in topics] == sorted(
        (t.topic.name for t in topics), key=lambda name: (fold(name), name))
    for summary in topics:
        assert summary.appearances == counts.get(summary.topic.id, 0)
        want = latest.get(summary.topic.id)
        assert (summary.latest.id if summary.latest else None) == (want[1] if want else None)
        if want:
            statuses = [row[0] for row in store.conn.execute(
                "SELECT status FROM agenda_items WHERE topic_id = ? AND meeting_id = ? "
                "ORDER BY position", [summary.topic.id, want[1]])]
            assert summary.latest_status == statuses[0]
    assert [t.topic.id for t in store.topics_page(limit=5, offset=3)] == \
        [t.topic.id for t in topics[3:8]]

    people = store.people_page(limit=10_000)
    for summary in people[:60]:
        rows = store.conn.execute(
            "SELECT m.date, m.id FROM participants p JOIN meetings m ON m.id = p.meeting_id "
            "WHERE p.person_id = ? ORDER BY m.date DESC, m.id DESC", [summary.person.id]
        ).fetchall()
        assert summary.meetings == len(rows)
        assert (summary.latest.id if summary.latest else None) == (rows[0][1] if rows else None)
    prefix = fold(people[0].person.name)[:1]
    assert all(fold(s.person.name).startswith(prefix)
               for s in store.people_page(text=prefix, limit=50))


def test_search_shares_the_limit_between_kinds(store, latest_path):
    hits = store.search("security", limit=7)
    assert len(hits) == 7 and len({h.kind for h in hits}) > 1
    for kind in {h.kind for h in hits}:
        dates = [h.meeting.date for h in hits if h.kind == kind and h.meeting]
        assert dates == sorted(dates, reverse=True)
    everything_ = store.search("security", limit=100_000)
    kinds = [h.kind for h in everything_]
    assert kinds == sorted(kinds, key=["meeting", "item", "topic", "person"].index)
    topic = next(h for h in everything_ if h.kind == "topic")
    want = store.conn.execute(
        "SELECT m.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.topic_id = ? ORDER BY m.date DESC, m.id DESC LIMIT 1", [topic.id]
    ).fetchone()[0]
    assert topic.meeting.id == want
    item = next(h for h in everything_ if h.kind == "item")
    assert item.meeting.id == store.item(item.id).item.meeting_id
