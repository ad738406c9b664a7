"""Child process of the two-writers test: edits its own meetings in a store another process is
editing at the same moment, keeping a model of what it wrote.

    python two_writers_child.py STORE SIDE SEED SECONDS OUT.json

Prints "ready" once the store is open and starts on a line "go" on stdin, so both writers
begin together. Topics, people and delegations come from pools both sides share, so both
match and create the same rows concurrently. At the end it writes its model of its meetings,
the errors it met (there should be none) and timing figures to OUT.json.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft
from db.errors import AgendaError
from db.models import Meeting
from db.store import Store
from db.vocab import ItemStatus, MeetingStatus

TOPICS = ["Sanctions relief", "Displacement camps", "Counter-terrorism", "Border security",
          "Reconstruction", "Energy corridor", "Water sharing", "Prisoner exchange"]
PEOPLE = ["Nuh Yılmaz", "Christopher Landau", "Elena Marsh", "Kerem Aydın", "Ayşe Demir",
          "John Carter", "Fatma Şahin", "Sarah Collins"]
DELEGATIONS = ["Türkiye", "Turkey", "United States", "USA", "European Union"]


class Writer:
    def __init__(self, store: Store, side: str, rng: random.Random) -> None:
        self.store, self.side, self.rng = store, side, rng
        self.meetings: dict[str, dict] = {}  # id -> title, status, items, participants
        self.counter = 0

    def label(self) -> str:
        self.counter += 1
        return f"{self.side} meeting {self.counter}"

    def pick(self) -> tuple[str, dict] | None:
        if not self.meetings:
            return None
        meeting_id = self.rng.choice(list(self.meetings))
        return meeting_id, self.meetings[meeting_id]

    # -- operations: each changes the store and, when that returned, the model -------------

    def add_meeting(self) -> None:
        meeting = self.store.add_meeting(Meeting(title=self.label(), date=dt.date(2025, 5, 20)))
        self.meetings[meeting.id] = {"title": meeting.title, "status": "planned",
                                     "items": [], "participants": {}}

    def save_draft(self) -> None:
        names = self.rng.sample(PEOPLE, self.rng.randint(1, 3))
        topics = [self.rng.choice(TOPICS) for _ in range(self.rng.randint(1, 3))]
        draft = MeetingDraft.parse({
            "meeting": {"title": self.label(), "date": "2025-06-01", "status": "confirmed"},
            "participants": [{"name": n, "delegation": self.rng.choice(DELEGATIONS)}
                             for n in names],
            "items": [{"topic": t, "text": f"{self.side} item {k}"} for k, t in enumerate(topics)],
        })
        meeting = self.store.save_draft(draft)
        detail = self.store.meeting_detail(meeting.id)
        self.meetings[meeting.id] = {
            "title": meeting.title, "status": "confirmed",
            "items": [{"id": v.item.id, "topic": v.topic.name, "text": v.item.text,
                       "status": "proposed", "changes": 1} for v in detail.items],
            "participants": {v.participant.id: v.person.name for v in detail.participants},
        }

    def edit_meeting(self) -> None:
        if not (picked := self.pick()):
            return
        meeting_id, model = picked
        status = self.rng.choice(list(MeetingStatus)).value
        title = f"{model['title'].split(' (')[0]} (edit {self.counter})"
        self.store.update_meeting(self.store.meeting(meeting_id).edit(title=title, status=status))
        model.update(title=title, status=status)

    def delete_meeting(self) -> None:
        if len(self.meetings) < 3 or not (picked := self.pick()):
            return
        self.store.delete_meeting(picked[0])
        del self.meetings[picked[0]]

    def add_item(self) -> None:
        if not (picked := self.pick()):
            return
        meeting_id, model = picked
        topic = self.rng.choice(TOPICS)
        view = self.store.add_item(meeting_id, ItemDraft(topic=topic, text=f"{self.side} added"))
        model["items"].append({"id": view.item.id, "topic": view.topic.name,
                               "text": view.item.text, "status": "proposed", "changes": 1})

    def _pick_item(self) -> tuple[dict, int] | None:
        picked = self.pick()
        if not picked or not picked[1]["items"]:
            return None
        items = picked[1]["items"]
        return picked[1], self.rng.randrange(len(items))

    def set_status(self) -> None:
        if not (picked := self._pick_item()):
            return
        model, index = picked
        item = model["items"][index]
        status = self.rng.choice(list(ItemStatus)).value
        self.store.set_item_status(item["id"], status, note=f"{self.side} note")
        item["status"] = status
        item["changes"] += 1

    def move_item(self) -> None:
        if not (picked := self._pick_item()):
            return
        model, index = picked
        delta = self.rng.choice([-1, 1])
        moved = self.store.move_item(model["items"][index]["id"], delta)
        target = index + delta
        assert moved == (0 <= target < len(model["items"])), "move_item disagrees with model"
        if moved:
            items = model["items"]
            items[index], items[target] = items[target], items[index]

    def delete_item(self) -> None:
        if not (picked := self._pick_item()):
            return
        model, index = picked
        self.store.delete_item(model["items"][index]["id"])
        del model["items"][index]

    def add_participant(self) -> None:
        if not (picked := self.pick()):
            return
        meeting_id, model = picked
        free = [n for n in PEOPLE if n not in model["participants"].values()]
        if not free:
            return
        name = self.rng.choice(free)
        view = self.store.add_participant(
            meeting_id, ParticipantDraft(name=name, delegation=self.rng.choice(DELEGATIONS))
        )
        model["participants"][view.participant.id] = view.person.name

    def delete_participant(self) -> None:
        picked = self.pick()
        if not picked or not picked[1]["participants"]:
            return
        part_id = self.rng.choice(list(picked[1]["participants"]))
        self.store.delete_participant(part_id)
        del picked[1]["participants"][part_id]


OPERATIONS = {
    "add_meeting": 2, "save_draft": 2, "edit_meeting": 3, "delete_meeting": 1, "add_item": 3,
    "set_status": 4, "move_item": 2, "delete_item": 1, "add_participant": 2,
    "delete_participant": 1,
}


def main(path: str, side: str, seed: int, seconds: float, out: str) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    writer = Writer(store, side, rng)
    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    names, weights = list(OPERATIONS), list(OPERATIONS.values())
    errors, done, slowest = [], 0, 0.0
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        name = rng.choices(names, weights)[0]
        began = time.monotonic()
        try:
            getattr(writer, name)()
        except AgendaError as exc:  # "database is locked" would arrive as one of these
            errors.append(f"{name}: {exc}")
            break  # the model no longer matches the store; the parent reports the error
        slowest = max(slowest, time.monotonic() - began)
        done += 1
    store.close()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"meetings": writer.meetings, "errors": errors, "operations": done,
                   "slowest_s": round(slowest, 3)}, handle, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
