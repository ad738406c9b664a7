"""Read-only stores: a store the user may not write (file mode 444, or a read-only folder) or
opens with --read-only is browsed and searched normally, every write is refused with
ReadOnlyStore saying why, and nothing on disk changes: not a byte, not a file beside it.

The app's editing keys on such a store are in test_read_only_app.py."""

from __future__ import annotations

import json
import os
import signal
import sqlite3

import pytest

from db.models import Meeting
from db.sample import load_sample
from db.store import Store
from tests.reliability.helpers import (
    PYTHON,
    child_command,
    cli_command,
    digest,
    listing,
    run,
)

# What browsing the sample finds (db/sample.py): six meetings, seven items on the seed one.
SAMPLE_BROWSE = {"meetings": 6, "items": 7, "participants": 2}


def sample_store(path, empty: bool = False) -> None:
    with Store.open(path) as store:
        if not empty:
            load_sample(store)


def read_only_file(folder, empty=False):
    path = folder / "agenda.db"
    sample_store(path, empty)
    path.chmod(0o444)
    return path, "the file is not writable"


def read_only_folder(folder, empty=False):
    inner = folder / "shelf"
    inner.mkdir()
    path = inner / "agenda.db"
    sample_store(path, empty)
    inner.chmod(0o555)
    return path, "its folder is not writable"


def read_only_file_in_writable_folder(folder, empty=False):
    """The case where SQLite used to leave -wal/-shm files beside the store."""
    inner = folder / "shared"
    inner.mkdir()
    path = inner / "agenda.db"
    sample_store(path, empty)
    path.chmod(0o444)
    inner.chmod(0o777)
    return path, "the file is not writable"


CASES = {
    "file mode 444": read_only_file,
    "read-only folder": read_only_folder,
    "file 444 in a writable folder": read_only_file_in_writable_folder,
}


def check_browse_and_refusals(result: dict, path, reason: str) -> None:
    assert result["readonly"] is True and result["reason"] == reason
    browse = result["browse"]
    assert {k: browse[k] for k in SAMPLE_BROWSE} == SAMPLE_BROWSE
    assert browse["search"] > 0 and browse["appearances"] >= 1 and browse["people"] >= 2
    assert browse["integrity"] == "ok"
    for name, outcome in result["writes"].items():
        assert "refused" in outcome, f"{name}: {outcome}"
        message = outcome["refused"]
        assert str(path) in message and reason in message, f"{name}: {message}"
        assert "nothing was changed" in message
    assert result["undo"] == "None"


@pytest.mark.parametrize("case", list(CASES))
def test_store_api_browses_and_refuses_writes(open_tmp, case):
    path, reason = CASES[case](open_tmp)
    before = digest(path), listing(path.parent)
    done = run(child_command("readonly_child.py", path), unprivileged=True)
    assert done.returncode == 0, done.stderr
    check_browse_and_refusals(json.loads(done.stdout), path, reason)
    assert (digest(path), listing(path.parent)) == before


@pytest.mark.parametrize("case", list(CASES))
def test_cli_searches_a_read_only_store_and_refuses_sample(open_tmp, case):
    (open_tmp / "full").mkdir()
    (open_tmp / "empty").mkdir()
    path, reason = CASES[case](open_tmp / "full")
    before = digest(path), listing(path.parent)
    found = run([*cli_command(), "--db", str(path), "search", "sanctions"], unprivileged=True)
    assert found.returncode == 0, found.stderr
    assert "2025-05-20  Türkiye–US Joint Working Group on Syria" in found.stdout
    assert (digest(path), listing(path.parent)) == before

    empty, reason = CASES[case](open_tmp / "empty", empty=True)  # sample wants an empty store
    before = digest(empty), listing(empty.parent)
    refused = run([*cli_command(), "--db", str(empty), "sample"], unprivileged=True)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        f"agenda-tui: {empty}: is open read-only ({reason}); nothing was changed"
    ]
    assert (digest(empty), listing(empty.parent)) == before


def test_read_only_flag_on_a_writable_store(tmp_path):
    path = tmp_path / "agenda.db"
    sample_store(path)
    before = digest(path), listing(tmp_path)
    done = run(child_command("readonly_child.py", path, "--read-only"))
    assert done.returncode == 0, done.stderr
    check_browse_and_refusals(json.loads(done.stdout), path, "opened read-only")
    found = run([*cli_command(), "--db", str(path), "--read-only", "search", "Landau"])
    assert found.returncode == 0 and "Landau" in found.stdout
    assert (digest(path), listing(tmp_path)) == before


def test_read_only_flag_sees_another_instances_commits(tmp_path):
    """A browsing instance beside an editing one shows what the editor saves."""
    path = tmp_path / "agenda.db"
    sample_store(path)
    with Store.open(path, readonly=True) as browser, Store.open(path) as editor:
        version = browser.data_version()
        editor.add_meeting(Meeting(title="Saved by the other window", date="2025-06-01"))
        assert browser.data_version() != version
        assert browser.count_meetings() == 7
        assert browser.search("other window")
    assert listing(tmp_path) == ["agenda.db"]  # the last to close tidied up


def crash_after_saving(path, title: str) -> None:
    """A writer that commits a meeting and dies (SIGKILL) before closing: the meeting is
    only in the write-ahead log beside the store."""
    code = (
        "import os, signal, sys\n"
        "from db.models import Meeting\nfrom db.store import Store\n"
        "store = Store.open(sys.argv[1])\n"
        "store.add_meeting(Meeting(title=sys.argv[2], date='2025-06-01'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = run([PYTHON, "-c", code, str(path), title])
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def test_a_crashed_writers_log_is_read_in_a_read_only_folder(open_tmp):
    inner = open_tmp / "shelf"
    inner.mkdir()
    path = inner / "agenda.db"
    sample_store(path)
    crash_after_saving(path, "Committed just before the crash")
    inner.chmod(0o555)
    before = digest(path), listing(inner)
    found = run([*cli_command(), "--db", str(path), "search", "crash"], unprivileged=True)
    assert found.returncode == 0, found.stderr
    assert "Committed just before the crash" in found.stdout
    assert (digest(path), listing(inner)) == before


def test_a_log_that_cannot_be_read_is_refused_not_hidden(open_tmp):
    """Without its -shm file, in a folder where it cannot be made, the log cannot be read:
    showing the store without its latest changes would look like losing them."""
    inner = open_tmp / "shelf"
    inner.mkdir()
    path = inner / "agenda.db"
    sample_store(path)
    crash_after_saving(path, "Committed just before the crash")
    os.remove(path.with_name("agenda.db-shm"))
    inner.chmod(0o555)
    before = digest(path), listing(inner)
    found = run([*cli_command(), "--db", str(path), "search", "crash"], unprivileged=True)
    assert found.returncode == 1, found
    assert found.stderr.startswith(f"agenda-tui: {path}: its latest changes are in agenda.db-wal")
    assert len(found.stderr.splitlines()) == 1
    assert (digest(path), listing(inner)) == before
    inner.chmod(0o755)  # where the folder is writable, the change is there
    conn = sqlite3.connect(path)
    assert conn.execute(
        "SELECT count(*) FROM meetings WHERE title = 'Committed just before the crash'"
    ).fetchone() == (1,)
    conn.close()
