"""Property-based: random sequences of store operations, checked after every step against a
simple in-memory model of what the store should hold (hypothesis RuleBasedStateMachine).

The model knows meetings (title, status), their agenda items in order (topic, status, how
many status changes each has recorded) and participants (by folded name), and keeps a copy
of itself before every change so that undo can be predicted.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from db.countries import fold
from db.drafts import ItemDraft, ParticipantDraft
from db.errors import ValidationFailed
from db.models import Meeting
from db.store import UNDO_DEPTH, Store
from db.vocab import ItemStatus, MeetingStatus

# Letters (with accents, Turkish, Arabic, CJK...), digits, punctuation, symbols (emoji),
# spaces and combining marks: no control or separator characters, which titles refuse.
TITLES = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=40
).filter(lambda text: unicodedata.normalize("NFC", text).strip())
TOPICS = st.sampled_from(["Sanctions relief", "Camps", "Counter-terrorism", "Yılmaz talks"])
# "Ayşe Demir" and "AYSE DEMIR" are one person to the store: listing both is refused.
NAMES = st.sampled_from(["Nuh Yılmaz", "Christopher Landau", "Ayşe Demir", "AYSE DEMIR"])
ITEM_STATUSES = st.sampled_from(list(ItemStatus))
MEETING_STATUSES = st.sampled_from(list(MeetingStatus))


def cleaned(title: str) -> str:
    """What a valid title is stored as: composed (NFC), without outer whitespace."""
    return unicodedata.normalize("NFC", title).strip()


class StoreAgreesWithModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="agenda-tui-model-"))
        self.store = Store.open(self.folder / "model.db")
        # id -> {"title", "status", "items": [{"id", "topic", "status", "changes"}],
        #        "participants": {participant id: folded name}}
        self.meetings: dict[str, dict] = {}
        self.undo_stack: list[dict] = []

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def changed(self, before: dict) -> None:
        """Record the model as it was before a change the store will be able to undo."""
        self.undo_stack.append(before)
        del self.undo_stack[:-UNDO_DEPTH]

    def snapshot(self) -> dict:
        return copy.deepcopy(self.meetings)

    # Ids are random UUIDs: choices are made by position in creation order (which the model's
    # copies keep), so that hypothesis can replay and shrink a sequence.
    def pick_meeting(self, data) -> str:
        return data.draw(st.sampled_from(list(self.meetings)), label="meeting")

    def has_items(self) -> bool:
        return any(m["items"] for m in self.meetings.values())

    def pick_item(self, data) -> tuple[list, int]:
        meeting_id = data.draw(
            st.sampled_from([k for k, m in self.meetings.items() if m["items"]]),
            label="meeting with items",
        )
        items = self.meetings[meeting_id]["items"]
        return items, data.draw(st.integers(0, len(items) - 1), label="item index")

    # -- meetings ---------------------------------------------------------------------------

    @rule(title=TITLES, status=MEETING_STATUSES)
    def add_meeting(self, title, status):
        before = self.snapshot()
        meeting = self.store.add_meeting(Meeting(title=title, date="2025-05-20", status=status))
        self.meetings[meeting.id] = {"title": cleaned(title), "status": status.value,
                                     "items": [], "participants": {}}
        self.changed(before)

    @precondition(lambda self: self.meetings)
    @rule(data=st.data(), title=TITLES, status=MEETING_STATUSES)
    def edit_meeting(self, data, title, status):
        meeting_id = self.pick_meeting(data)
        before = self.snapshot()
        self.store.update_meeting(self.store.meeting(meeting_id).edit(title=title, status=status))
        self.meetings[meeting_id].update(title=cleaned(title), status=status.value)
        self.changed(before)

    @precondition(lambda self: self.meetings)
    @rule(data=st.data())
    def delete_meeting(self, data):
        meeting_id = self.pick_meeting(data)
        before = self.snapshot()
        self.store.delete_meeting(meeting_id)
        del self.meetings[meeting_id]
        self.changed(before)

    # -- agenda items -----------------------------------------------------------------------

    @precondition(lambda self: self.meetings)
    @rule(data=st.data(), topic=TOPICS, status=ITEM_STATUSES)
    def add_item(self, data, topic, status):
        meeting_id = self.pick_meeting(data)
        before = self.snapshot()
        view = self.store.add_item(meeting_id, ItemDraft(topic=topic, status=status))
        self.meetings[meeting_id]["items"].append(
            {"id": view.item.id, "topic": topic, "status": status.value, "changes": 1}
        )
        self.changed(before)

    @precondition(has_items)
    @rule(data=st.data(), topic=TOPICS, status=ITEM_STATUSES)
    def edit_item(self, data, topic, status):
        items, index = self.pick_item(data)
        item, before = items[index], self.snapshot()
        self.store.update_item(item["id"], ItemDraft(topic=topic, status=status))
        item["changes"] += status.value != item["status"]
        item.update(topic=topic, status=status.value)
        self.changed(before)

    @precondition(has_items)
    @rule(data=st.data(), status=ITEM_STATUSES, note=st.sampled_from([None, "noted"]))
    def set_status(self, data, status, note):
        items, index = self.pick_item(data)
        item, before = items[index], self.snapshot()
        logged = self.store.set_item_status(item["id"], status, note)
        # Setting the same status without a note writes nothing (and so cannot be undone).
        expect_write = status.value != item["status"] or note is not None
        assert (logged is not None) == expect_write
        if expect_write:
            item.update(status=status.value, changes=item["changes"] + 1)
            self.changed(before)

    @precondition(has_items)
    @rule(data=st.data(), delta=st.sampled_from([-1, 1]))
    def move_item(self, data, delta):
        items, index = self.pick_item(data)
        before = self.snapshot()
        moved = self.store.move_item(items[index]["id"], delta)
        target = index + delta
        assert moved == (0 <= target < len(items))
        if moved:
            items[index], items[target] = items[target], items[index]
            self.changed(before)

    @precondition(has_items)
    @rule(data=st.data())
    def delete_item(self, data):
        items, index = self.pick_item(data)
        before = self.snapshot()
        self.store.delete_item(items[index]["id"])
        del items[index]
        self.changed(before)

    # -- participants -----------------------------------------------------------------------

    @precondition(lambda self: self.meetings)
    @rule(data=st.data(), name=NAMES)
    def add_participant(self, data, name):
        meeting_id = self.pick_meeting(data)
        listed = self.meetings[meeting_id]["participants"]
        if fold(name) in listed.values():
            try:
                self.store.add_participant(meeting_id, ParticipantDraft(name=name))
            except ValidationFailed as exc:
                assert [e.field for e in exc.errors] == ["name"]
            else:
                raise AssertionError(f"{name} was listed twice")
            return
        before = self.snapshot()
        view = self.store.add_participant(meeting_id, ParticipantDraft(name=name))
        listed[view.participant.id] = fold(name)
        self.changed(before)

    @precondition(lambda self: any(m["participants"] for m in self.meetings.values()))
    @rule(data=st.data())
    def delete_participant(self, data):
        meeting_id = data.draw(st.sampled_from(
            [k for k, m in self.meetings.items() if m["participants"]]
        ))
        listed = self.meetings[meeting_id]["participants"]
        part_id = data.draw(st.sampled_from(list(listed)))
        before = self.snapshot()
        self.store.delete_participant(part_id)
        del listed[part_id]
        self.changed(before)

    # -- undo -------------------------------------------------------------------------------

    @rule()
    def undo(self):
        change = self.store.undo()
        assert (change is not None) == bool(self.undo_stack)
        if change is not None:
            self.meetings = self.undo_stack.pop()

    # -- the check after every step ----------------------------------------------------------

    @invariant()
    def store_agrees_with_model(self):
        conn = self.store.conn
        stored_ids = {row[0] for row in conn.execute("SELECT id FROM meetings")}
        assert stored_ids == set(self.meetings)
        for meeting_id, want in self.meetings.items():
            detail = self.store.meeting_detail(meeting_id)
            assert detail.meeting.title == want["title"]
            assert detail.meeting.status.value == want["status"]
            assert [(v.item.id, v.topic.name, v.item.status.value) for v in detail.items] == [
                (i["id"], i["topic"], i["status"]) for i in want["items"]
            ]
            assert [v.item.position for v in detail.items] == list(range(len(want["items"])))
            assert {v.participant.id: fold(v.person.name) for v in detail.participants} == (
                want["participants"]
            )
            for item in want["items"]:
                history = conn.execute(
                    "SELECT count(*) FROM status_changes WHERE agenda_item_id = ?", [item["id"]]
                ).fetchone()[0]
                assert history == item["changes"], item
        counts = self.store.counts()  # nothing stored outside the model's meetings
        assert counts["agenda_items"] == sum(len(m["items"]) for m in self.meetings.values())
        assert counts["participants"] == sum(
            len(m["participants"]) for m in self.meetings.values()
        )
        assert counts["status_changes"] == sum(
            i["changes"] for m in self.meetings.values() for i in m["items"]
        )


StoreAgreesWithModel.TestCase.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None
)
test_store_agrees_with_model = StoreAgreesWithModel.TestCase
