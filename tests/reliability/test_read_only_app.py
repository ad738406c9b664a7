"""The app on a read-only store (driven with Pilot): browsing works, and every editing key says
the store is read-only and why, opens no form, and changes nothing on disk.

One case opens a writable store with readonly=True in this process; the other runs the app in
a child process as a user that a file of mode 444 really binds (see helpers.as_unprivileged).
"""

from __future__ import annotations

import json

from db.sample import SEED_MEETING_ID
from db.store import Store
from tests.reliability.app_readonly_child import EDIT_KEYS, drive
from tests.reliability.helpers import child_command, contents, digest, listing, run
from tests.reliability.test_read_only import read_only_file_in_writable_folder, sample_store

SANCTIONS = "Sanctions relief for Syria"


def check(result: dict, path, reason: str) -> None:
    browse = result["browse"]
    assert browse["header"].endswith(f"{path.name} · read-only")
    assert browse["timeline_rows"] == 6 and browse["timeline_subtitle"] == "6 meetings"
    assert browse["selected"] == SEED_MEETING_ID
    assert (browse["items"], browse["participants"]) == (7, 2)
    for text in ("Türkiye–US Joint Working Group on Syria", "Washington, United States",
                 "Nuh Yilmaz", "Christopher Landau", "Procedural framework and"):
        assert text in browse["screen"], text

    history = result["history"]
    assert history["screen"] == "TopicHistoryScreen" and history["appearances"] >= 1
    assert history["topic"] in history["text"]
    assert "Türkiye–US Joint Working Group on Syria" in history["text"]
    search = result["search"]
    assert search["screen"] == "SearchScreen" and search["hits"] >= 3
    assert SANCTIONS in search["text"]

    assert len(result["keys"]) == len(EDIT_KEYS)
    for key, outcome in result["keys"].items():
        assert outcome["screen"] == "MainScreen", f"{key} opened {outcome['screen']}"
        assert outcome["notifications"] == [{
            "title": "Read-only",
            "message": f"This store is read-only ({reason}): nothing can be changed.",
            "severity": "warning",
        }], key
    panes = {key.split(":")[0]: outcome["pane"] for key, outcome in result["keys"].items()}
    assert {panes["1 n"], panes["3 a"], panes["2 a"], panes["4 a"]} == {
        "timeline", "topics", "participants", "detail"}
    assert result["selected_after"] == SEED_MEETING_ID
    assert result["errors"] == []


async def test_read_only_flag_in_the_app(tmp_path):
    path = tmp_path / "agenda.db"
    sample_store(path)
    rows = contents(path)
    before = digest(path), listing(tmp_path)
    store = Store.open(path, readonly=True)
    try:
        result = await drive(store)
    finally:
        store.close()
    check(result, path, "opened read-only")
    assert (digest(path), listing(tmp_path)) == before
    assert contents(path) == rows


def test_file_mode_444_in_the_app(open_tmp):
    path, reason = read_only_file_in_writable_folder(open_tmp)
    rows = contents(path)
    before = digest(path), listing(path.parent)
    done = run(child_command("app_readonly_child.py", path), unprivileged=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert (result["readonly"], result["reason"]) == (True, reason)
    check(result, path, reason)
    assert (digest(path), listing(path.parent)) == before
    assert contents(path) == rows
