"""Not our file: `agenda-tui --db PATH search x` and `sample` on paths that are not usable
agenda stores print one line naming the path and the problem, exit non-zero, and leave the
file's bytes and its folder exactly as they were (no -wal/-shm/-journal left beside it)."""

from __future__ import annotations

import random
import sqlite3

import pytest

from db.sample import load_sample
from db.schema import SCHEMA_VERSION
from db.store import Store
from tests.reliability.helpers import PYTHON, cli_command, digest, listing, run
from tests.reliability.test_old_schema import make_old_store


def sample_store(path) -> None:
    with Store.open(path) as store:
        load_sample(store)


def make_empty(folder):
    path = folder / "empty.db"
    path.write_bytes(b"")
    return path


def make_random_bytes(folder):
    path = folder / "random.db"
    path.write_bytes(random.Random(20250520).randbytes(8192))
    return path


def make_damaged_header(folder):
    """Starts like a SQLite file, then garbage."""
    path = folder / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(7).randbytes(4096))
    return path


def make_other_application(folder, wal: bool = False):
    path = folder / ("other-wal.db" if wal else "other.db")
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not an agenda')")
    conn.commit()
    conn.close()
    return path


def make_newer_store(folder):
    path = folder / "future.db"
    sample_store(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('agenda-tui', 'm999_from_the_future', '2030-01-01')"
    )
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return path


def make_folder(folder):
    path = folder / "a-folder.db"
    path.mkdir()
    (path / "keep.txt").write_text("left alone")
    return path


def make_missing_parent(folder):
    return folder / "no-such-folder" / "agenda.db"


def make_name_too_long(folder):
    return folder / ("x" * 300) / "agenda.db"


def make_unreadable(folder):
    path = folder / "unreadable.db"
    sample_store(path)
    path.chmod(0o000)
    return path


def make_behind_locked_folder(folder):
    inner = folder / "locked"
    inner.mkdir()
    path = inner / "agenda.db"
    sample_store(path)
    inner.chmod(0o000)
    return path


def make_old_and_read_only(folder):
    """A store that needs upgrading, in a file the user cannot write."""
    path = folder / "old-readonly.db"
    make_old_store(path)
    path.chmod(0o444)
    return path


# name -> (how to make it, what the message must say, run as an unprivileged user?)
CASES = {
    "empty file": (make_empty, "is an empty file", False),
    "random bytes": (make_random_bytes, "not a SQLite database", False),
    "SQLite header then garbage": (make_damaged_header, "not a readable agenda-tui store", False),
    "another application's database": (make_other_application, "another application", False),
    "another application's WAL database": (
        lambda folder: make_other_application(folder, wal=True), "another application", False,
    ),
    "store from a newer agenda-tui": (make_newer_store, "newer agenda-tui", False),
    "a folder": (make_folder, "is a folder", False),
    "missing parent folder": (make_missing_parent, "does not exist", False),
    "name too long": (make_name_too_long, "name too long", False),
    "file without read permission": (make_unreadable, "permission denied", True),
    "folder that cannot be entered": (make_behind_locked_folder, "permission denied", True),
    "old schema, read-only": (make_old_and_read_only, "needs upgrading", True),
}


def fingerprint(path):
    """The file's bytes (if it is a readable file) and its folder's names (if it can be
    listed): what must not change."""
    try:
        content = digest(path) if path.is_file() else path.exists()
    except OSError as exc:  # unreadable, or a name the system refuses
        content = type(exc).__name__
    try:
        names = listing(path.parent)
    except OSError as exc:
        names = type(exc).__name__
    return content, names


@pytest.mark.parametrize("command", [["search", "x"], ["sample"]], ids=["search", "sample"])
@pytest.mark.parametrize("case", list(CASES))
def test_not_our_file_is_one_clear_line_and_left_untouched(open_tmp, case, command):
    make, problem, unprivileged = CASES[case]
    path = make(open_tmp)
    before = fingerprint(path)

    result = run([*cli_command(), "--db", str(path), *command], unprivileged=unprivileged)

    assert result.returncode == 1, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr  # one line, so no traceback
    assert lines[0].startswith(f"agenda-tui: {path}: "), lines[0]
    assert problem.lower() in lines[0].lower(), lines[0]
    assert fingerprint(path) == before  # bytes, and no stray files beside it


def test_the_permission_cases_really_are_denied(open_tmp):
    """Guard against a vacuous pass: as the user the tests run the CLI as, the unreadable
    file cannot be read (as root it could, which is why that user is not root)."""
    path = make_unreadable(open_tmp)
    probe = run([PYTHON, "-c", f"open({str(path)!r}, 'rb')"], unprivileged=True)
    assert probe.returncode != 0 and "PermissionError" in probe.stderr
