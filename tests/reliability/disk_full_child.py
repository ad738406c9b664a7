"""Child process of the disk-full tests: a save that runs out of space, for real.

    python disk_full_child.py rlimit STORE BYTES
        Saves a small meeting, then limits the size of any file this process writes
        (RLIMIT_FSIZE, what `ulimit -f` sets) to leave the write-ahead log BYTES to grow,
        and saves a large one (does not fit), fingerprinting the store's contents just
        before and after it.
    python disk_full_child.py tinyfs FOLDER
        Mounts a 2 MB tmpfs on FOLDER (run it inside `unshare --mount`, so the mount dies
        with it), makes a store there, fills the rest of the disk, and tries the large save.

Prints one JSON object describing what happened; the parent judges it.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from db.drafts import MeetingDraft
from db.errors import AgendaError
from db.sample import load_sample
from db.store import Store


def large_draft() -> MeetingDraft:
    """About 450 KB, nearly all in the agenda items' outcomes, so that the meeting row alone
    would fit: a save that kept part of its rows would show."""
    return MeetingDraft.parse({
        "meeting": {"title": "Large meeting that does not fit", "date": "2025-06-02",
                    "notes": "Report on sanctions relief."},
        "participants": [{"name": f"Delegate {k}", "delegation": "Türkiye"} for k in range(10)],
        "items": [{"topic": f"Topic {k}", "outcome": f"Outcome {k} in detail. " * 850}
                  for k in range(20)],
    })


def small_draft() -> MeetingDraft:
    return MeetingDraft.parse({
        "meeting": {"title": "Small meeting that fits", "date": "2025-06-01"},
        "items": [{"topic": "Sanctions relief for Syria"}],
    })


def attempt(save) -> dict:
    try:
        meeting = save()
    except AgendaError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {"saved": meeting.id}


def fingerprint(path) -> str:
    from tests.reliability.helpers import contents

    return hashlib.sha256(repr(contents(path)).encode()).hexdigest()


def with_rlimit(path: str, room: int) -> dict:
    # Past the limit the kernel sends SIGXFSZ, which would kill us; ignored, write() fails
    # with EFBIG instead, which is what SQLite sees on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    store = Store.open(path)
    result = {"small": attempt(lambda: store.save_draft(small_draft()))}
    result["before_large"] = fingerprint(path)
    # Saves go to the write-ahead log: leave it `room` bytes to grow, whatever it holds now.
    wal = Path(f"{path}-wal").stat().st_size
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (wal + room, hard))
    result["large"] = attempt(lambda: store.save_draft(large_draft()))
    result["after_large"] = fingerprint(path)
    result["meetings_after"] = store.count_meetings()  # the connection is still usable
    result["integrity_after"] = store.integrity_check()
    store.close()
    return result


def on_tiny_disk(folder: str) -> dict:
    from tests.reliability.helpers import contents, health

    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder], capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        return {"skip": f"cannot mount a tmpfs: {mounted.stderr.strip()}"}
    path = Path(folder) / "agenda.db"
    store = Store.open(path)  # open before the disk fills, as the app would be
    load_sample(store)
    before = contents(path)
    filler = Path(folder) / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # take every free block
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        full = exc.strerror
    finally:
        os.close(fd)
    result = {"disk": full, "large": attempt(lambda: store.save_draft(large_draft())),
              "unchanged": contents(path) == before, "health": health(path)}
    store.close()
    try:  # starting the app on a full disk
        Store.open(path).close()
        result["open_when_full"] = "opened"
    except AgendaError as exc:
        result["open_when_full"] = {"error": type(exc).__name__, "message": str(exc)}
    filler.unlink()  # space again: the same save now works
    with Store.open(path) as store:
        result["retry"] = attempt(lambda: store.save_draft(large_draft()))
        result["meetings_after_retry"] = store.count_meetings()
    return result


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "rlimit":
        print(json.dumps(with_rlimit(sys.argv[2], int(sys.argv[3]))))
    else:
        print(json.dumps(on_tiny_disk(sys.argv[2])))
