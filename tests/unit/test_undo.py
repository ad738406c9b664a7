"""Undo restores the store exactly, for every kind of change."""

from __future__ import annotations

import sqlite3

import pytest

from db.drafts import ItemDraft, ParticipantDraft, SourceDraft
from db.models import Meeting
from db.sample import SEED_MEETING_ID
from db.schema import TABLES


def snapshot(store) -> dict[str, list]:
    conn = sqlite3.connect(store.path)
    return {t: sorted(conn.execute(f"select * from {t}").fetchall()) for t in TABLES}


def seed_item(store, index=0):
    return store.meeting_detail(SEED_MEETING_ID).items[index]


EDITS = {
    "add meeting": lambda s: s.add_meeting(Meeting(title="New", date="2026-01-01")),
    "edit meeting": lambda s: s.update_meeting(s.meeting(SEED_MEETING_ID).edit(status="held")),
    "delete meeting": lambda s: s.delete_meeting(SEED_MEETING_ID),
    "add participant": lambda s: s.add_participant(
        SEED_MEETING_ID, ParticipantDraft(name="New Person", delegation="France")),
    "edit participant": lambda s: s.update_participant(
        s.meeting_detail(SEED_MEETING_ID).participants[0].participant.id,
        ParticipantDraft(name="Someone Else", delegation="Japan", role="observer")),
    "delete participant": lambda s: s.delete_participant(
        s.meeting_detail(SEED_MEETING_ID).participants[0].participant.id),
    "add item": lambda s: s.add_item(SEED_MEETING_ID, ItemDraft(topic="Brand new topic")),
    "edit item": lambda s: s.update_item(
        seed_item(s).item.id, ItemDraft(topic="Other topic", status="agreed")),
    "delete item": lambda s: s.delete_item(seed_item(s, 2).item.id),
    "move item": lambda s: s.move_item(seed_item(s, 3).item.id, -1),
    "set status": lambda s: s.set_item_status(seed_item(s).item.id, "agreed", note="done"),
    "add source": lambda s: s.add_source(SEED_MEETING_ID, SourceDraft(outlet="Reuters")),
    "delete source": lambda s: s.delete_source(
        s.meeting_detail(SEED_MEETING_ID).sources[0].id),
    "delete topic": lambda s: s.delete_topic(seed_item(s, 6).topic.id),
    "delete person": lambda s: s.delete_person(
        s.meeting_detail(SEED_MEETING_ID).participants[0].person.id),
}


@pytest.mark.parametrize("edit", EDITS)
def test_undo_restores_every_row(store, edit):
    before = snapshot(store)
    EDITS[edit](store)
    assert snapshot(store) != before
    change = store.undo()
    assert change is not None and change.label
    assert snapshot(store) == before


def test_undo_walks_back_twenty_changes_in_order(store):
    states = [snapshot(store)]
    for i in range(25):
        store.set_item_status(seed_item(store, i % 7).item.id, ["agreed", "deferred"][i % 2])
        states.append(snapshot(store))
    for expected in reversed(states[:-1]):
        store.undo()
        assert snapshot(store) == expected
    assert store.undo() is None


def test_search_index_follows_undo(store):
    store.delete_meeting(SEED_MEETING_ID)
    assert not [h for h in store.search("Washington") if h.id == SEED_MEETING_ID]
    store.undo()
    assert [h for h in store.search("Washington") if h.id == SEED_MEETING_ID]


def test_undo_refuses_to_overwrite_another_instances_later_edit(store):
    from db.errors import UndoConflict
    from db.store import Store

    store.update_meeting(store.meeting(SEED_MEETING_ID).edit(status="held"))
    other = Store.open(store.path)
    other.update_meeting(other.meeting(SEED_MEETING_ID).edit(title="Renamed elsewhere"))
    with pytest.raises(UndoConflict, match="changed the same records"):
        store.undo()
    assert store.meeting(SEED_MEETING_ID).title == "Renamed elsewhere"  # their work stands
    assert store.meeting(SEED_MEETING_ID).status == "held"
    assert not store.history  # the refused change is dropped; nothing is left half-undone
    other.close()


def test_undo_refuses_when_a_created_topic_is_used_elsewhere(store):
    from db.errors import UndoConflict
    from db.store import Store

    view = store.add_item(SEED_MEETING_ID, ItemDraft(topic="Water sharing"))
    other = Store.open(store.path)
    other.add_item(SEED_MEETING_ID, ItemDraft(topic="Water sharing"))
    before = snapshot(store)
    with pytest.raises(UndoConflict):
        store.undo()
    assert snapshot(store) == before
    assert store.topic(view.topic.id).name == "Water sharing"
    other.close()
