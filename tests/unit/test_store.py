"""The Store's write and read API on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
from db.errors import NotFound, ValidationFailed
from db.models import Meeting
from db.sample import SEED_MEETING_ID
from db.views import MeetingFilter
from db.vocab import ItemStatus, Role


def make_meeting(store, title="Talks", day="2025-05-20", **fields):
    return store.add_meeting(Meeting(title=title, date=day, **fields))


def test_tables_and_columns_are_plain(empty_store):
    conn = sqlite3.connect(empty_store.path)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"meetings", "delegations", "people", "participants", "topics", "agenda_items",
            "status_changes", "sources"} <= tables
    cols = {r[1] for r in conn.execute("pragma table_info(agenda_items)")}
    assert {"id", "meeting_id", "topic_id", "position", "status", "created_at"} <= cols


def test_add_get_update_delete_meeting(empty_store):
    m = make_meeting(empty_store, country="Turkey")
    got = empty_store.meeting(m.id)
    assert got == m and got.country_code == "TR"
    row = sqlite3.connect(empty_store.path).execute(
        "select date, country_code from meetings").fetchone()
    assert row == ("2025-05-20", "TR")
    updated = empty_store.update_meeting(got.edit(status="held"))
    assert empty_store.meeting(m.id).status == "held"
    assert updated.updated_at >= m.updated_at
    empty_store.delete_meeting(m.id)
    with pytest.raises(NotFound):
        empty_store.meeting(m.id)


def test_delete_meeting_takes_items_participants_sources_and_history(store):
    before = store.counts()
    deps = store.meeting_dependents(SEED_MEETING_ID)
    assert deps == {"agenda items": 7, "participants": 2, "sources": 1}
    store.delete_meeting(SEED_MEETING_ID)
    after = store.counts()
    assert before["meetings"] - after["meetings"] == 1
    assert before["agenda_items"] - after["agenda_items"] == 7
    assert before["status_changes"] - after["status_changes"] == 7
    assert before["participants"] - after["participants"] == 2
    assert before["sources"] - after["sources"] == 1
    assert after["people"] == before["people"]  # people outlive their meetings


def test_participants_match_people_and_countries(empty_store):
    m = make_meeting(empty_store)
    first = empty_store.add_participant(m.id, ParticipantDraft(
        name="Nuh Yilmaz", office="Deputy Foreign Minister", delegation="Turkey", role="co-chair"))
    other = make_meeting(empty_store, "Second", "2025-06-01")
    again = empty_store.add_participant(other.id, ParticipantDraft(
        name="nuh yilmaz", delegation="Türkiye"))
    assert again.person.id == first.person.id
    assert again.delegation.id == first.delegation.id
    assert first.delegation.name == "Turkey" and first.delegation.country_code == "TR"
    assert empty_store.counts()["people"] == 1 and empty_store.counts()["delegations"] == 1
    with pytest.raises(ValidationFailed) as caught:
        empty_store.add_participant(m.id, ParticipantDraft(name="Nuh Yilmaz"))
    assert caught.value.for_field("name")


def test_participants_listed_co_chairs_first_grouped_by_delegation(empty_store):
    m = make_meeting(empty_store)
    for name, delegation, role in [
        ("A Member", "United States", "member"),
        ("Christopher Landau", "United States", "co-chair"),
        ("An Observer", "European Union", "observer"),
        ("Nuh Yilmaz", "Türkiye", "co-chair"),
    ]:
        empty_store.add_participant(m.id, ParticipantDraft(name=name, delegation=delegation,
                                                            role=role))
    detail = empty_store.meeting_detail(m.id)
    names = [p.person.name for p in detail.participants]
    assert names[:2] in (["Nuh Yilmaz", "Christopher Landau"], ["Christopher Landau", "Nuh Yilmaz"])
    assert names[-1] == "An Observer"
    groups = [d.name if d else None for d, _ in detail.delegations()]
    assert groups[-1] == "European Union"


def test_update_and_delete_participant(empty_store):
    m = make_meeting(empty_store)
    view = empty_store.add_participant(m.id, ParticipantDraft(name="Landau", delegation="US"))
    changed = empty_store.update_participant(view.participant.id, ParticipantDraft(
        name="Landau", office="Deputy Secretary of State", delegation="USA", role=Role.CO_CHAIR))
    assert changed.participant.role == "co-chair" and changed.person.office
    empty_store.delete_participant(view.participant.id)
    assert empty_store.meeting_detail(m.id).participants == []


def test_items_keep_order_move_and_renumber(empty_store):
    m = make_meeting(empty_store)
    ids = [empty_store.add_item(m.id, ItemDraft(topic=t)).item.id for t in "ABC"]
    assert [i.item.position for i in empty_store.meeting_detail(m.id).items] == [0, 1, 2]
    assert empty_store.move_item(ids[2], -1)
    assert [i.topic.name for i in empty_store.meeting_detail(m.id).items] == ["A", "C", "B"]
    assert not empty_store.move_item(ids[0], -1)
    empty_store.delete_item(ids[0])
    items = empty_store.meeting_detail(m.id).items
    assert [(i.topic.name, i.item.position) for i in items] == [("C", 0), ("B", 1)]


def test_topics_are_shared_across_meetings(empty_store):
    a, b = make_meeting(empty_store), make_meeting(empty_store, "Later", "2025-09-01")
    first = empty_store.add_item(a.id, ItemDraft(topic="Sanctions relief for Syria"))
    second = empty_store.add_item(b.id, ItemDraft(topic="sanctions relief for syria"))
    assert first.topic.id == second.topic.id


def test_status_changes_are_recorded_with_notes(empty_store):
    m = make_meeting(empty_store)
    view = empty_store.add_item(m.id, ItemDraft(topic="Camps", status="scheduled"))
    change = empty_store.set_item_status(view.item.id, ItemStatus.AGREED, note="deal")
    assert (change.from_status, change.to_status, change.note) == ("scheduled", "agreed", "deal")
    assert empty_store.set_item_status(view.item.id, "agreed") is None  # no change, no entry
    empty_store.update_item(view.item.id, ItemDraft(topic="Camps", status="deferred"))
    history = empty_store.topic_history(view.topic.id)
    statuses = [(c.from_status, c.to_status) for c in history.appearances[0].changes]
    assert statuses == [(None, "scheduled"), ("scheduled", "agreed"), ("agreed", "deferred")]


def test_topic_history_follows_a_topic_across_meetings_in_date_order(store):
    topic = next(s.topic for s in store.topics_page() if s.topic.name.startswith("Sanctions"))
    history = store.topic_history(topic.id)
    dates = [a.meeting.date for a in history.appearances]
    assert dates == sorted(dates) and len(dates) == 5
    agreed = [a for a in history.appearances if a.item.status == "agreed"]
    assert agreed[0].changes[-1].note.startswith("Sample")


def test_sources(empty_store):
    m = make_meeting(empty_store)
    src = empty_store.add_source(m.id, SourceDraft(outlet="Caliber.Az", author="Vafa Guliyeva"))
    src2 = empty_store.update_source(src.id, SourceDraft(
        outlet="Caliber.Az", url="https://caliber.az/x", published=dt.date(2025, 5, 18)))
    assert src2.url == "https://caliber.az/x" and src2.author is None
    with pytest.raises(ValidationFailed) as caught:
        empty_store.add_source(m.id, SourceDraft(url="not a url"))
    assert caught.value.for_field("url")
    empty_store.delete_source(src.id)
    assert empty_store.meeting_detail(m.id).sources == []


def test_save_draft_is_all_or_nothing(empty_store):
    good = MeetingDraft(
        meeting=Meeting(title="JWG", date="2025-05-20"),
        participants=[ParticipantDraft(name="Nuh Yilmaz", delegation="Türkiye", role="co-chair")],
        items=[ItemDraft(topic="Sanctions relief")],
        sources=[SourceDraft(outlet="Caliber.Az")],
    )
    empty_store.save_draft(good)
    assert empty_store.counts()["agenda_items"] == 1
    bad = MeetingDraft(
        meeting=Meeting(title="Broken", date="2025-06-01"),
        items=[ItemDraft(topic="Fine")],
        sources=[SourceDraft(outlet="X", url="ftp://nope")],
    )
    before = empty_store.counts()
    with pytest.raises(ValidationFailed) as caught:
        empty_store.save_draft(bad)
    assert caught.value.errors[0].field == "sources.0.url"
    assert empty_store.counts() == before


def test_paging_walks_every_meeting_once(empty_store):
    for i in range(25):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 9)
        make_meeting(empty_store, f"M{i}", day.isoformat())
    seen, cursor = [], None
    while page := empty_store.meetings_page(after=cursor, limit=7):
        seen += page
        cursor = page[-1].cursor
    assert len(seen) == 25 == len({m.id for m in seen})
    assert [m.cursor for m in seen] == sorted(m.cursor for m in seen)
    back = empty_store.meetings_page(before=seen[10].cursor, limit=3)
    assert back == seen[7:10]


def test_meetings_around_today_and_filters(store):
    around = store.meetings_around(dt.date(2025, 7, 1), before=2, after=2)
    assert [m.date.isoformat() for m in around] == [
        "2025-04-24", "2025-05-20", "2025-07-03", "2025-09-15"]
    today = dt.date(2026, 11, 25)
    overdue = store.meetings_page(filters=MeetingFilter(overdue_only=True), today=today)
    assert [m.id for m in overdue] == [SEED_MEETING_ID]
    held = store.meetings_page(filters=MeetingFilter(statuses=frozenset({"held"})))
    assert {m.status for m in held} == {"held"} and len(held) == 3
    turkey = store.meetings_page(filters=MeetingFilter(country="Turkey"))
    assert len(turkey) == 6  # Türkiye attends all six sample meetings
    belgium = store.meetings_page(filters=MeetingFilter(country="Belgium"))
    assert [m.city for m in belgium] == ["Brussels"]
    eu = store.meetings_page(filters=MeetingFilter(country="European Union"))
    assert len(eu) == 2
    by_series = MeetingFilter(series="türkiye–us joint working group on syria")
    series = store.meetings_page(filters=by_series)
    assert len(series) == 4
    window = MeetingFilter(date_from=dt.date(2025, 5, 1), date_to=dt.date(2025, 7, 31))
    assert store.count_meetings(window) == 2


def test_people_and_topic_summaries(store):
    people = {p.person.name: p for p in store.people_page()}
    assert people["Nuh Yilmaz"].meetings == 4
    assert people["Nuh Yilmaz"].latest.date == dt.date(2027, 1, 1)
    topics = {t.topic.name: t for t in store.topics_page()}
    sanctions = topics["Sanctions relief for Syria"]
    assert sanctions.appearances == 5 and sanctions.latest_status == "proposed"
    assert store.count_topics("sanc") == 1 and store.count_people() == 4


def test_suggestions_complete_from_the_store(store):
    assert store.suggestions("person", "nuh") == ["Nuh Yilmaz"]
    assert "Türkiye" in store.suggestions("country", "tür")
    assert store.suggestions("topic", "sanctions") == ["Sanctions relief for Syria"]
    assert store.suggestions("series", "Tür") == ["Türkiye–US Joint Working Group on Syria"]
    assert store.suggestions("city", "Wash") == ["Washington"]


def test_not_found_is_a_clear_error(empty_store):
    with pytest.raises(NotFound, match="no meeting with id nope"):
        empty_store.meeting_detail("nope")
