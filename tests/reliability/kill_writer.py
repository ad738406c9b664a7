"""Child process of the kill test: saves whole meetings in a loop, acknowledging each one.

    python kill_writer.py STORE SEED

Prints "ready" once the store is open, then "saved ID" after each save_draft has returned
(its transaction committed). The parent SIGKILLs it at a random moment. Every meeting says in
its notes how many items, participants and sources it was saved with, so the parent can tell
a whole meeting from a half-written one.
"""

from __future__ import annotations

import json
import random
import sys

from db.drafts import MeetingDraft
from db.store import Store

PEOPLE = [
    "Nuh Yılmaz", "Christopher Landau", "Elena Marsh", "Kerem Aydın", "Ayşe Demir",
    "John Carter", "Fatma Şahin", "Mehmet Öztürk", "Sarah Collins", "Ali Kılıç",
]
# Several spellings of one country, so concurrent matching of delegations is exercised too.
DELEGATIONS = ["Türkiye", "Turkey", "United States", "USA", "European Union"]
TOPICS = [
    "Sanctions relief for Syria", "Displacement camps", "Fight against ISIS",
    "Regional security initiatives", "US military deployments", "Stabilisation efforts",
]


def draft_for(rng: random.Random, label: str) -> MeetingDraft:
    n_items, n_people = rng.randint(1, 7), rng.randint(1, 5)
    expected = {"items": n_items, "participants": n_people, "sources": 1}
    # Notes of up to ~30 KB make some transactions span many pages of the write-ahead log,
    # so a kill can land in the middle of writing one.
    filler = " ".join(rng.choice(TOPICS) for _ in range(rng.randint(0, 1000)))
    return MeetingDraft.parse({
        "meeting": {
            "title": f"Kill test {label}",
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "city": "Washington",
            "country": rng.choice(["United States", "Türkiye"]),
            "notes": json.dumps(expected) + "\n" + filler,
        },
        "participants": [
            {"name": name, "delegation": rng.choice(DELEGATIONS), "role": "member"}
            for name in rng.sample(PEOPLE, n_people)
        ],
        "items": [
            {"topic": rng.choice(TOPICS), "text": f"Item {k} of {label}", "status": "discussed"}
            for k in range(n_items)
        ],
        "sources": [{"outlet": "Caliber.Az", "url": "https://caliber.az/en"}],
    })


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    print("ready", flush=True)
    for n in range(1_000_000):
        meeting = store.save_draft(draft_for(rng, f"{seed}-{n}"))
        print("saved", meeting.id, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
