"""Child process of the read-only tests: browses a store it may not write and tries every
kind of write.

    python readonly_child.py STORE [--read-only]

Prints one JSON object: whether the store opened read-only and why, what browsing found,
and for each write what happened (the ReadOnlyStore message, or anything else).
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
from db.errors import ReadOnlyStore
from db.models import Meeting
from db.sample import SEED_MEETING_ID, load_sample
from db.store import Store


def main(path: str, flag: bool) -> dict:
    store = Store.open(path, readonly=flag)
    detail = store.meeting_detail(SEED_MEETING_ID)
    item, part = detail.items[0], detail.participants[0]
    topic = store.topic_history(item.topic.id)
    browse = {
        "meetings": len(store.meetings_page(limit=100)),
        "items": len(detail.items),
        "participants": len(detail.participants),
        "appearances": len(topic.appearances),
        "search": len(store.search("sanctions")),
        "people": len(store.people_page()),
        "topics": len(store.topics_page()),
        "counts": store.counts(),
        "integrity": store.integrity_check(),
    }
    meeting = detail.meeting
    writes = {
        "add_meeting": lambda: store.add_meeting(Meeting(title="New", date=dt.date(2025, 1, 1))),
        "update_meeting": lambda: store.update_meeting(meeting.edit(title="Changed")),
        "delete_meeting": lambda: store.delete_meeting(meeting.id),
        "save_draft": lambda: store.save_draft(MeetingDraft.parse(
            {"meeting": {"title": "New", "date": "2025-01-01"}, "items": [{"topic": "X"}]}
        )),
        "add_item": lambda: store.add_item(meeting.id, ItemDraft(topic="New topic")),
        "update_item": lambda: store.update_item(
            item.item.id, ItemDraft(topic=item.topic.name, text="Changed")
        ),
        "set_item_status": lambda: store.set_item_status(item.item.id, "agreed", "note"),
        "move_item": lambda: store.move_item(item.item.id, 1),
        "delete_item": lambda: store.delete_item(item.item.id),
        "add_participant": lambda: store.add_participant(meeting.id, ParticipantDraft(name="N")),
        "delete_participant": lambda: store.delete_participant(part.participant.id),
        "add_source": lambda: store.add_source(meeting.id, SourceDraft(outlet="Outlet")),
        "ensure_topic": lambda: store.ensure_topic("Another topic"),
        "load_sample": lambda: load_sample(store),
    }
    outcome = {}
    for name, write in writes.items():
        try:
            write()
        except ReadOnlyStore as exc:
            outcome[name] = {"refused": str(exc)}
        except Exception as exc:  # reported to the parent, which fails on anything but refusal
            outcome[name] = {"other": f"{type(exc).__name__}: {exc}"}
        else:
            outcome[name] = {"other": "the write succeeded"}
    result = {"readonly": store.readonly, "reason": store.readonly_reason, "browse": browse,
              "writes": outcome, "undo": repr(store.undo())}
    store.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], "--read-only" in sys.argv[2:])))
