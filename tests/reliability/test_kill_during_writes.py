"""Kill during writes: a writer is SIGKILLed at random moments, again and again; afterwards the
store is sound, every acknowledged meeting is there, and no meeting is half-written."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time

import pytest

from db.store import Store
from tests.reliability.helpers import child_command, child_env, health

KILLS = 60
SEED_VARIABLE = "AGENDA_TUI_RELIABILITY_SEED"


def pick_seed() -> int:
    seed = os.environ.get(SEED_VARIABLE)
    return int(seed) if seed else random.SystemRandom().randrange(2**32)


def kill_one_writer(path, rng: random.Random, during_open: bool) -> tuple[list[str], str]:
    """Start a writer, SIGKILL it after a random delay; return the ids it acknowledged."""
    child = subprocess.Popen(
        child_command("kill_writer.py", path, rng.randrange(2**32)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
    )
    try:
        if during_open:
            # Somewhere in start-up: imports, opening, WAL recovery after the previous kill.
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            first = child.stdout.readline()
            assert first == b"ready\n", child.stderr.read().decode()
            time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    lines = child.stdout.read().decode().splitlines(keepends=True)
    # A line is an acknowledgement only if it arrived whole.
    acked = [line.split()[1] for line in lines if line.startswith("saved ") and line.endswith("\n")]
    return acked, child.stderr.read().decode()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_meeting(tmp_path):
    seed = pick_seed()
    print(f"\nkill test seed {seed} (set {SEED_VARIABLE}={seed} to replay)")
    rng = random.Random(seed)
    path = tmp_path / "killed.db"
    Store.open(path).close()

    acknowledged: list[str] = []
    rounds_with_writes = 0
    for round_no in range(KILLS):
        acked, errors = kill_one_writer(path, rng, during_open=round_no % 10 == 9)
        # The child dies only by our signal: any error it printed is a failure of the store.
        assert errors == "", f"round {round_no}: the writer failed before it was killed:\n{errors}"
        acknowledged += acked
        rounds_with_writes += bool(acked)

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
