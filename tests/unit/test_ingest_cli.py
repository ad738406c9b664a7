"""`agenda-tui ingest` as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The venv's script when the venv is not on PATH (python -m pytest from .venv/bin).
_BESIDE = Path(sys.executable).parent / "agenda-tui"
EXE = shutil.which("agenda-tui") or (str(_BESIDE) if _BESIDE.exists() else None)
pytestmark = pytest.mark.skipif(EXE is None, reason="agenda-tui is not installed")
SEED = Path(__file__).parents[1] / "fixtures" / "articles" / "09.txt"


def run(*args, stdin=None):
    return subprocess.run([EXE, *args], capture_output=True, input=stdin, timeout=60)


def test_json_record_and_markdown():
    result = run("ingest", "--json", "--date", "2025-05-18", str(SEED))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["date"] == "2025-05-20" and record["location"]["city"] == "Washington"
    assert {p["name"] for p in record["participants"]} == {"Nuh Yilmaz", "Christopher Landau"}
    markdown = run("ingest", "-", "--date", "2025-05-18", stdin=SEED.read_bytes())
    assert markdown.returncode == 0 and b"## Participants" in markdown.stdout


@pytest.mark.parametrize("kind", ["empty", "binary", "huge", "no-meeting", "missing", "bad-date"])
def test_bad_input_is_one_line_and_exit_1(tmp_path, kind):
    path = tmp_path / "article.txt"
    args = ["ingest", str(path)]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(os.urandom(4096) + b"\x00")
    elif kind == "huge":
        path.write_bytes(b"The ministers met. " * 300_000)
    elif kind == "no-meeting":
        path.write_text("Rain fell across the region all week and rivers rose slowly.\n" * 3)
    elif kind == "bad-date":
        args = ["ingest", "--date", "May 20", str(SEED)]
    result = run(*args)
    assert result.returncode == 1
    assert result.stdout == b""
    assert b"Traceback" not in result.stderr
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_save_adds_the_draft_and_says_what(tmp_path):
    db = str(tmp_path / "a.db")
    assert run("--db", db, "sample").returncode == 0
    result = run("--db", db, "ingest", "--save", "--date", "2025-05-18", str(SEED))
    assert result.returncode == 0, result.stderr
    assert "0 new people" in result.stdout.decode() and "7 agenda item(s)" in result.stdout.decode()
    from db.store import Store

    with Store.open(db) as store:
        assert store.count_meetings() == 7
        assert store.counts()["people"] == 4  # Yilmaz and Landau were matched, not added
