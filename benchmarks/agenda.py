"""Agenda items for one generated meeting, each with a status history that ends in its status."""

from __future__ import annotations

from bisect import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.synth import Meetings

# An item's current status depends on what happened to its meeting.
_FINAL = {
    "held": (("discussed", "agreed", "deferred", "dropped", "scheduled", "proposed"),
             (35, 65, 80, 85, 95, 100)),
    "cancelled": (("deferred", "dropped", "scheduled"), (50, 70, 100)),
    "postponed": (("deferred", "dropped", "scheduled"), (50, 70, 100)),
    "planned": (("proposed", "scheduled"), (40, 100)),
    "confirmed": (("proposed", "scheduled"), (30, 100)),
}
# The usual road to each status; steps before the last are each taken or skipped at random.
_ROAD = {
    "proposed": ("proposed",),
    "scheduled": ("proposed", "scheduled"),
    "discussed": ("proposed", "scheduled", "discussed"),
    "agreed": ("proposed", "scheduled", "discussed", "agreed"),
    "deferred": ("proposed", "scheduled", "discussed", "deferred"),
    "dropped": ("proposed", "scheduled", "deferred", "dropped"),
}


def add_items(gen: Meetings, meeting_id: str, count: int, series_topics: list[int],
              meeting_status: str, created_day: int, day: int, out: dict) -> None:
    text, world = gen.text, gen.world
    if not world.topics:
        return
    random, below, uuid, stamp_of = gen.rng.random, text.below, text.uuid, text.stamp
    topic_weights, topic_total = gen.topic_weights, gen.topic_weights[-1]
    chosen: list[int] = []
    taken: set[int] = set()
    tries = 0
    while len(chosen) < count:
        tries += 1
        if series_topics and random() < 0.5:
            pick = series_topics[below(len(series_topics))]
        else:
            pick = bisect(topic_weights, random() * topic_total)
        if pick in taken and tries < 4 * count:
            continue  # one topic once per agenda, unless the store has too few topics
        taken.add(pick)
        chosen.append(pick)

    finals, weights = _FINAL[meeting_status]
    last_day = max(min(day + 3, gen.as_of), created_day)
    spread = max(1, (last_day - created_day) // 2)
    created = stamp_of(created_day, 7 * 3600)  # before any of the meeting's later edits
    items, changes = out["agenda_items"], out["status_changes"]
    for position, topic in enumerate(chosen):
        topic_id, topic_name = world.topics[topic]
        status = finals[bisect(weights, random() * 100)]
        road = _ROAD[status]
        item_id = uuid(created)
        # Strictly increasing change times: the first at creation, the rest spread to the end.
        stamp_day, seconds = created_day, 7 * 3600 + 1 + position * 60
        stamp = stamp_of(stamp_day, seconds)
        changes.append((uuid(stamp), item_id, None, road[0] if random() < 0.5 else road[-1], stamp,
                        None, stamp, stamp))
        previous = changes[-1][3]
        for step in road[road.index(previous) + 1:]:
            if step != road[-1] and random() < 0.5:
                continue  # a step skipped: an item can go from proposed straight to agreed
            stamp_day = min(last_day, stamp_day + below(spread + 1))
            seconds = min(seconds + 600 + below(6600), 23 * 3600)
            stamp = stamp_of(stamp_day, seconds)
            note = text.sentence(foreign=0.2) if random() < 0.1 else None
            changes.append((uuid(stamp), item_id, previous, step, stamp, note, stamp, stamp))
            previous = step
        outcome = text.outcome() if status in ("discussed", "agreed") else None
        items.append((item_id, meeting_id, topic_id, position, text.item_text(topic_name),
                      status, outcome, created, stamp))
