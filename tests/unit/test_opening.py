"""Opening files: new stores are created, old ones migrated (after a backup), others refused
without a byte changed."""

from __future__ import annotations

import hashlib
import random
import sqlite3

import pytest
from sqlite_utils import Database

from db.errors import ReadOnlyStore, StoreOpenError
from db.models import Meeting
from db.schema import KNOWN_MIGRATIONS, MIGRATIONS, SCHEMA_VERSION
from db.store import Store


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_an_empty_file_record_the_version(tmp_path):
    store = Store.open(tmp_path / "new.db")
    assert store.created
    conn = sqlite3.connect(store.path)
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    applied = [r[0] for r in conn.execute("select name from _sqlite_migrations")]
    assert applied == list(KNOWN_MIGRATIONS)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    store.close()


def test_known_migrations_match_the_registered_ones(tmp_path):
    db = Database(tmp_path / "x.db")
    assert [m.name for m in MIGRATIONS.pending(db)] == list(KNOWN_MIGRATIONS)


def test_an_sqlite_file_with_no_tables_becomes_a_store(tmp_path):
    path = tmp_path / "blank.db"
    sqlite3.connect(path).execute("pragma user_version = 0").connection.close()
    Store.open(path).close()


def test_old_schema_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m002_search")
    db["meetings"].insert({"id": "m1", "title": "Old", "date": "2020-01-01", "precision": "day",
                           "format": "other", "status": "held",
                           "created_at": "2020-01-01T00:00:00Z",
                           "updated_at": "2020-01-01T00:00:00Z"})
    db.close()
    store = Store.open(path)
    assert store.migrated_from == 1
    assert store.backup is not None and store.backup.exists()
    backup = sqlite3.connect(store.backup)
    assert backup.execute("pragma user_version").fetchone()[0] == 1
    assert backup.execute("select title from meetings").fetchall() == [("Old",)]
    assert store.search("Old")[0].id == "m1"  # the new index covers old rows
    store.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (random.Random(7).randbytes(4096), "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not a readable"),
    ],
    ids=["empty", "random", "zeroed"],  # random bytes in an id break pytest -n (xdist)
)
def test_files_that_are_not_stores_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StoreOpenError, match=message) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def test_another_applications_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (body text)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreOpenError, match="another application"):
        Store.open(path)
    assert digest(path) == before


def test_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                 "values ('agenda-tui', 'm999_future', 'later')")
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreOpenError, match="newer agenda-tui"):
        Store.open(path)


def test_missing_folder_and_folder_paths(tmp_path):
    with pytest.raises(StoreOpenError, match="does not exist"):
        Store.open(tmp_path / "nope" / "x.db")
    with pytest.raises(StoreOpenError, match="is a folder"):
        Store.open(tmp_path)
    assert not (tmp_path / "nope").exists()


def test_read_only_store_browses_but_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        store.add_meeting(Meeting(title="Kept", date="2025-01-01"))
    with Store.open(path, readonly=True) as store:
        assert store.readonly and store.count_meetings() == 1
        with pytest.raises(ReadOnlyStore, match="read-only"):
            store.add_meeting(Meeting(title="Lost", date="2025-01-02"))
        assert store.search("Kept")
