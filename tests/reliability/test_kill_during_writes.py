"""Kill during writes: a writer process is SIGKILLed at random moments, a hundred times;
afterwards the store is sound, every acknowledged meeting is there, and no meeting is
half-written. Every tenth kill lands while the writer is opening the store (and recovering
the log the previous one left)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import time

import pytest

from db.store import Store
from tests.reliability.helpers import child_command, child_env, health

KILLS = 100
SEED_VARIABLE = "AGENDA_TUI_RELIABILITY_SEED"


def pick_seed() -> int:
    seed = os.environ.get(SEED_VARIABLE)
    return int(seed) if seed else random.SystemRandom().randrange(2**32)


class Writers:
    """Talks to kill_writer.py, which forks the writers (see there why)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            child_command("kill_writer.py"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=child_env(),
        )
        assert self.read() == "zygote ready", self.process.stderr.read()

    def read(self) -> str:
        line = self.process.stdout.readline()
        assert line.endswith("\n"), f"writers ended: {self.process.stderr.read()}"
        return line.rstrip("\n")

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill_one(self, path, rng: random.Random, during_open: bool,
                 after_a_save: bool = False) -> list[str]:
        """Start a writer, SIGKILL it after a random delay; return the ids it acknowledged.
        With `after_a_save` the delay starts once it has acknowledged one meeting: on a loaded
        machine every writer could otherwise die before its first save, and the checks below
        would hold for an empty store."""
        self.send(f"spawn {path} {rng.randrange(2**32)}")
        spawned = self.read()
        assert spawned.startswith("spawned "), spawned
        pid = spawned.split()[1]
        acked = []
        if during_open:
            time.sleep(rng.uniform(0.0, 0.03))  # opening, recovering the log after the last kill
        else:
            first = self.read()
            assert first == f"{pid} ready", first
            if after_a_save:
                saved = self.read()
                assert saved.startswith(f"{pid} saved "), f"writer said: {saved}"
                acked.append(saved.split(" ", 2)[2])
            time.sleep(rng.uniform(0.0, 0.15))
        self.send(f"kill {pid}")
        while (line := self.read()) != f"dead {pid}":
            writer, what, *rest = line.split(" ", 2)
            assert writer == pid and what in ("ready", "saved"), f"writer said: {line}"
            if what == "saved":
                acked.append(rest[0])
        return acked

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        assert self.process.stderr.read() == ""


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_meeting(tmp_path):
    seed = pick_seed()
    print(f"\nkill test seed {seed} (set {SEED_VARIABLE}={seed} to replay)")
    rng = random.Random(seed)
    path = tmp_path / "killed.db"
    Store.open(path).close()

    acknowledged: list[str] = []
    rounds_with_writes = 0
    writers = Writers()
    try:
        for round_no in range(KILLS):
            acked = writers.kill_one(path, rng, during_open=round_no % 10 == 9,
                                     after_a_save=round_no == 0)
            acknowledged += acked
            rounds_with_writes += bool(acked)
    finally:
        writers.close()

    report = health(path)
    assert report["integrity"] == "ok"
    assert report["foreign_keys"] == []
    assert report["fts_checked"] == 4

    conn = sqlite3.connect(path)
    stored = {row[0]: row for row in conn.execute("SELECT id, title, notes FROM meetings")}
    missing = [meeting_id for meeting_id in acknowledged if meeting_id not in stored]
    assert not missing, f"{len(missing)} acknowledged meeting(s) lost, e.g. {missing[:3]}"

    for meeting_id, title, notes in stored.values():
        expected = json.loads(notes.split("\n", 1)[0])
        found = {
            "items": conn.execute(
                "SELECT count(*) FROM agenda_items WHERE meeting_id = ?", [meeting_id]
            ).fetchone()[0],
            "participants": conn.execute(
                "SELECT count(*) FROM participants WHERE meeting_id = ?", [meeting_id]
            ).fetchone()[0],
            "sources": conn.execute(
                "SELECT count(*) FROM sources WHERE meeting_id = ?", [meeting_id]
            ).fetchone()[0],
        }
        assert found == expected, f"{title}: half-written (saved with {expected}, has {found})"
        positions = [r[0] for r in conn.execute(
            "SELECT position FROM agenda_items WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )]
        assert positions == list(range(expected["items"])), title
    # Every item has exactly its first status; every name matched one row, whoever wrote it.
    assert conn.execute(
        "SELECT count(*) FROM agenda_items a WHERE (SELECT count(*) FROM status_changes s "
        "WHERE s.agenda_item_id = a.id) != 1"
    ).fetchone()[0] == 0
    assert conn.execute(
        "SELECT count(*) FROM (SELECT name_key FROM people GROUP BY name_key HAVING count(*) > 1)"
    ).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM delegations").fetchone()[0] == 3
    conn.close()

    with Store.open(path) as store:  # and the app's own open path agrees
        assert store.count_meetings() == len(stored)
        label = stored[acknowledged[-1]][1]
        assert any(hit.id == acknowledged[-1] for hit in store.search(label, limit=500))

    print(
        f"{KILLS} kills ({rounds_with_writes} after at least one save): "
        f"{len(acknowledged)} meetings acknowledged, {len(stored)} stored "
        f"({len(stored) - len(acknowledged)} committed but killed before acknowledging)"
    )
