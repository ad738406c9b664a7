"""Writers for the kill test, forked from a warm parent so that sixty of them cost seconds.

    python kill_writer.py

Imports the store once, then obeys lines on stdin:
    spawn STORE SEED   fork a writer; answers "spawned PID"
    kill PID           SIGKILL that writer, reap it; answers "dead PID"
A writer opens STORE itself (after the fork: no SQLite handle is shared), prints
"PID ready", then saves whole meetings in a loop, printing "PID saved ID" after each
save_draft has returned, i.e. its transaction committed. Every line is one write() of
less than PIPE_BUF bytes, so lines from writers and from this process never interleave,
and "dead PID" comes after everything that writer printed. Every meeting says in its notes
how many items, participants and sources it was saved with, so the test can tell a whole
meeting from a half-written one.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import traceback

from db.drafts import MeetingDraft
from db.store import Store

PEOPLE = [
    "Nuh Yılmaz", "Christopher Landau", "Elena Marsh", "Kerem Aydın", "Ayşe Demir",
    "John Carter", "Fatma Şahin", "Mehmet Öztürk", "Sarah Collins", "Ali Kılıç",
]
# Several spellings of one country, so that matching delegations is exercised too.
DELEGATIONS = ["Türkiye", "Turkey", "United States", "USA", "European Union"]
TOPICS = [
    "Sanctions relief for Syria", "Displacement camps", "Fight against ISIS",
    "Regional security initiatives", "US military deployments", "Stabilisation efforts",
]


def say(text: str) -> None:
    os.write(1, f"{text}\n".encode())


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


def write_forever(path: str, seed: int) -> None:
    pid, rng = os.getpid(), random.Random(seed)
    store = Store.open(path)
    say(f"{pid} ready")
    for n in range(1_000_000):
        meeting = store.save_draft(draft_for(rng, f"{seed}-{n}"))
        say(f"{pid} saved {meeting.id}")


def main() -> None:
    say("zygote ready")
    for line in sys.stdin:
        command, *args = line.split()
        if command == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    write_forever(args[0], int(args[1]))
                except BaseException:
                    say(f"{os.getpid()} error " + traceback.format_exc().replace("\n", " | "))
                finally:
                    os._exit(1)
            say(f"spawned {pid}")
        elif command == "kill":
            pid = int(args[0])
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            say(f"dead {pid}")


if __name__ == "__main__":
    main()
