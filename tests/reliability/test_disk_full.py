"""Disk full: a save that fails for lack of space says so and leaves the store exactly as it
was before that save; the store stays usable and the save works once there is space."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess

import pytest

from db.sample import load_sample
from db.store import Store
from tests.reliability.helpers import (
    child_command,
    child_env,
    cli_command,
    contents,
    health,
    run,
)


def sample_store(path) -> None:
    with Store.open(path) as store:
        load_sample(store)


def test_a_save_past_the_file_size_limit_changes_nothing(tmp_path):
    """RLIMIT_FSIZE (ulimit -f) leaving the log 96 KB: a meeting row alone would fit, the
    450 KB meeting does not."""
    path = tmp_path / "agenda.db"
    sample_store(path)
    done = run(child_command("disk_full_child.py", "rlimit", path, 96 * 1024))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)

    assert "saved" in result["small"], result  # the limit leaves room for ordinary saves
    assert result["large"]["error"] == "StoreWriteError", result
    message = result["large"]["message"]
    assert message.startswith(f"{path}: ") and message.endswith("nothing was saved"), message
    assert result["before_large"] == result["after_large"]  # not a row changed
    assert result["meetings_after"] == 7 and result["integrity_after"] == "ok"
    # What the next process finds on disk (after WAL recovery) is the same.
    assert hashlib.sha256(repr(contents(path)).encode()).hexdigest() == result["after_large"]
    assert health(path)["integrity"] == "ok"
    with Store.open(path) as store:  # without the limit, the store takes the large save
        from tests.reliability.disk_full_child import large_draft

        store.save_draft(large_draft())
        assert store.count_meetings() == 8


def limit_file_size(limit: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # stays ignored across exec
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return preexec


def test_cli_sample_past_the_file_size_limit_is_one_line_and_changes_nothing(tmp_path):
    path = tmp_path / "agenda.db"
    Store.open(path).close()  # a new, empty store: what `sample` wants
    before = contents(path)
    done = subprocess.run(
        [*cli_command(), "--db", str(path), "sample"], capture_output=True, text=True,
        timeout=60, env=child_env(), preexec_fn=limit_file_size(48 * 1024),
    )
    assert done.returncode == 1, done
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"agenda-tui: {path}: "), done.stderr
    assert lines[0].endswith("nothing was saved"), lines[0]
    assert contents(path) == before
    assert health(path)["integrity"] == "ok"


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tiny tmpfs needs root")
def test_a_save_on_a_full_disk_changes_nothing(tmp_path):
    """A real full filesystem: a 2 MB tmpfs mounted in a private mount namespace (so it goes
    away with the child), the store on it, every free block taken by a filler file."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare(1) is not installed; the RLIMIT_FSIZE tests cover this failure")
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(
        [unshare, "--mount", "--propagation", "private",
         *child_command("disk_full_child.py", "tinyfs", mount_point)],
        capture_output=True, text=True, timeout=120, env=child_env(),
    )
    if done.returncode != 0 and "unshare failed" in done.stderr:
        pytest.skip(f"cannot make a mount namespace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    if "skip" in result:
        pytest.skip(result["skip"])

    assert result["disk"] == "No space left on device"
    assert result["large"] == {
        "error": "StoreWriteError", "message": f"{mount_point}/agenda.db: the disk is full; "
        "nothing was saved",
    }
    assert result["unchanged"] is True
    assert result["health"] == {"integrity": "ok", "foreign_keys": [], "fts_checked": 4}
    assert result["open_when_full"] == "opened"
    assert "saved" in result["retry"] and result["meetings_after_retry"] == 7
    assert os.listdir(mount_point) == []  # the mount went away with its namespace
