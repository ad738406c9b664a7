"""Old schema: a store made by an older agenda-tui is backed up, then migrated forward; a
migration that fails (or is killed) leaves the original usable."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import time

import pytest
from sqlite_utils import Database

from db.errors import StoreWriteError
from db.rows import to_row
from db.sample import sample_records
from db.schema import MIGRATIONS, SCHEMA_VERSION, TABLES
from db.store import Store
from tests.reliability.helpers import child_command, child_env, contents, health
from tests.reliability.test_kill_during_writes import SEED_VARIABLE, pick_seed

OLD_VERSION = 1


def make_old_store(path, extra_meetings: int = 0) -> None:
    """A store as agenda-tui with schema 1 (no search index) left it: the sample data, plus
    `extra_meetings` plain meetings so that upgrading takes a while."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m002_search")
    records = sample_records()
    for table in TABLES:
        db[table].insert_all([to_row(model) for model in records.table(table)])
    db.close()
    if extra_meetings:
        conn = sqlite3.connect(path)
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO meetings (id, title, date, precision, format, status, notes, "
            "created_at, updated_at) SELECT printf('old-%06d', i), 'Old meeting ' || i, "
            "'2020-01-01', 'day', 'bilateral', 'held', "
            "'Talks on sanctions and camps, round ' || i || ' ' || hex(randomblob(60)), "
            "'2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z' FROM n",
            [extra_meetings],
        )
        conn.commit()
        conn.close()


def user_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def data_only(snapshot: dict) -> dict:
    """The user's rows, without the record of which migrations ran."""
    return {table: rows for table, rows in snapshot.items() if table != "_sqlite_migrations"}


def fts_tables(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_fts'"
        )]
    finally:
        conn.close()


def test_old_store_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.db"
    make_old_store(path)
    before = contents(path)
    assert user_version(path) == OLD_VERSION

    with Store.open(path) as store:
        assert store.migrated_from == OLD_VERSION
        assert store.backup == tmp_path / "old.db.schema1.bak"
        hits = store.search("sanctions")  # the new search index covers the old rows
        assert any(hit.kind == "meeting" for hit in hits)

    assert user_version(path) == SCHEMA_VERSION
    assert data_only(contents(path)) == data_only(before)  # upgrading changed no user data
    assert health(path)["integrity"] == "ok"
    # The backup is a readable store of the old version, holding exactly the old rows.
    backup = tmp_path / "old.db.schema1.bak"
    assert user_version(backup) == OLD_VERSION
    assert contents(backup) == before
    assert health(backup)["integrity"] == "ok"
    assert fts_tables(backup) == []


def test_the_backup_exists_before_the_first_migration_step(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    make_old_store(path)
    seen = []
    original_apply = MIGRATIONS.apply

    def spying_apply(db, **kwargs):
        # The first migration step runs inside apply: look at the folder as it starts.
        backup = tmp_path / "old.db.schema1.bak"
        seen.append((backup.exists(), backup.exists() and user_version(backup)))
        return original_apply(db, **kwargs)

    monkeypatch.setattr(MIGRATIONS, "apply", spying_apply)
    Store.open(path).close()
    assert seen == [(True, OLD_VERSION)]


def test_a_failed_migration_leaves_the_original_usable(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    make_old_store(path)
    before = contents(path)
    step = next(m for m in MIGRATIONS._migrations if m.name == "m002_search")
    real_step = step.fn

    def failing_step(db):
        db["meetings"].enable_fts(["title"], create_triggers=True)  # some of the work...
        raise sqlite3.OperationalError("disk I/O error")  # ...then the disk fails

    monkeypatch.setattr(step, "fn", failing_step)
    with pytest.raises(StoreWriteError, match="could not prepare the store") as caught:
        Store.open(path)
    assert str(path) in str(caught.value)

    # Nothing of the failed step stayed: still the old version, same rows, no index.
    assert user_version(path) == OLD_VERSION
    assert fts_tables(path) == []
    assert contents(path) == before
    assert health(path)["integrity"] == "ok"
    assert (tmp_path / "old.db.schema1.bak").exists()

    monkeypatch.setattr(step, "fn", real_step)  # the next run (fixed disk) upgrades it
    with Store.open(path) as store:
        assert store.migrated_from == OLD_VERSION
        assert store.backup == tmp_path / "old.db.schema1.2.bak"
        assert store.search("Landau")
    assert data_only(contents(path)) == data_only(before)


def upgrade_in_child(path, kill_after: float | None = None, kill_at_backup: bool = False):
    """Open `path` in a child process (which upgrades it) and SIGKILL it `kill_after` seconds
    after it starts opening, or as soon as its backup file appears, or let it finish.
    Returns the seconds it ran from the start of opening."""
    child = subprocess.Popen(
        child_command("migrate_child.py", path), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=child_env(),
    )
    try:
        assert child.stdout.readline() == "opening\n", child.stderr.read()
        started = time.monotonic()
        if kill_at_backup:
            while not any(path.parent.glob(f"{path.name}.schema*")):
                assert child.poll() is None, "the upgrade finished without a backup"
                time.sleep(0.0005)
            child.send_signal(signal.SIGKILL)
        elif kill_after is not None:
            time.sleep(kill_after)
            child.send_signal(signal.SIGKILL)
        else:
            assert child.stdout.readline().startswith("migrated"), child.stderr.read()
        child.wait(timeout=60)
        return time.monotonic() - started
    finally:
        child.kill()
        child.communicate()


@pytest.mark.slow
def test_kill_during_migration_leaves_old_or_new_never_half(tmp_path):
    """SIGKILL during the upgrade (backup, then migration) of a store of 10,000 meetings:
    twice just as the backup starts being written, six times at random moments. Each round
    starts again from the same old store."""
    seed = pick_seed()
    print(f"\nmigration kill seed {seed} (set {SEED_VARIABLE}={seed} to replay)")
    rng = random.Random(seed)
    pristine = tmp_path / "pristine.db"
    make_old_store(pristine, extra_meetings=10_000)
    before = data_only(contents(pristine))

    calibration = tmp_path / "calibration" / "old.db"
    calibration.parent.mkdir()
    shutil.copy(pristine, calibration)
    duration = upgrade_in_child(calibration)  # how long a whole upgrade takes here

    outcomes = []
    for round_no in range(8):
        path = tmp_path / f"round{round_no}" / "old.db"
        path.parent.mkdir()
        shutil.copy(pristine, path)
        if round_no < 2:
            upgrade_in_child(path, kill_at_backup=True)
        else:
            upgrade_in_child(path, kill_after=rng.uniform(0, duration))
        version = user_version(path)
        outcomes.append(version)
        # Old or new, never in between; the user's rows intact either way.
        assert health(path)["integrity"] == "ok"
        assert (fts_tables(path) == []) == (version == OLD_VERSION)
        assert data_only(contents(path)) == before
        for backup in path.parent.glob("old.db.schema1*.bak"):
            # Any file named as a backup is a whole, usable copy of the old store.
            assert user_version(backup) == OLD_VERSION, backup.name
            assert health(backup)["integrity"] == "ok", backup.name
            assert data_only(contents(backup)) == before, backup.name
        with Store.open(path) as store:  # whatever happened, the next open finishes the job
            assert store.search("sanctions", limit=5)
        assert user_version(path) == SCHEMA_VERSION
        assert not list(path.parent.glob("*.partial*")), "a half-written backup was left"
    print(f"upgrade takes {duration:.2f}s; schema version after each kill: {outcomes}")
