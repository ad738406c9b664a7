"""`agenda-tui export ...` and `agenda-tui import`, run as the installed command; and the atomic
file writer."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from db.export import ExportFailed, write_atomic
from db.sample import SEED_MEETING_ID, sample_id
from tests.conftest import AGENDA_TUI

EXE = AGENDA_TUI
ROOT = Path(__file__).resolve().parents[2]


def run(*args, db: Path, **kwargs):
    env = {**os.environ, "AGENDA_TUI_DB": str(db)}
    return subprocess.run([EXE, *args], capture_output=True, env=env, timeout=120, **kwargs)


@pytest.fixture
def sample_db(tmp_path):
    db = tmp_path / "s.db"
    assert run("sample", db=db).returncode == 0
    return db


def test_example_brief_is_what_the_command_prints(sample_db):
    """examples/seed-brief.md (shown in the README) is the command's actual output; refresh it
    with `python -m tests.golden.refresh` after an intended change."""
    result = run("export", "markdown", "--meeting", SEED_MEETING_ID, db=sample_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "examples" / "seed-brief.md").read_bytes()


def test_markdown_to_file_matches_stdout(sample_db, tmp_path):
    out = tmp_path / "dossier.md"
    args = ("export", "markdown", "--topic", sample_id("topic", "sanctions"))
    to_file = run(*args, "-o", str(out), db=sample_db)
    assert to_file.returncode == 0 and b"Wrote the dossier to" in to_file.stderr
    assert out.read_bytes() == run(*args, db=sample_db).stdout


def test_range_with_filters(sample_db):
    result = run("export", "markdown", "--from", "2025-01-01", "--to", "2025-12-31",
                 "--series", "Türkiye–US Joint Working Group on Syria", "--status", "held",
                 db=sample_db)
    text = result.stdout.decode("utf-8")
    assert result.returncode == 0 and text.count("\n## ") == 2


def test_json_round_trip_and_reimport(sample_db, tmp_path):
    first, second, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "o.db"
    assert run("export", "json", "-o", str(first), db=sample_db).returncode == 0
    imported = run("import", str(first), db=other)
    assert imported.returncode == 0 and b"added 6 meetings" in imported.stdout
    assert run("export", "json", "-o", str(second), db=other).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    again = run("import", str(first), db=other)
    assert b"added nothing" in again.stdout


def test_ics_to_stdout(sample_db):
    result = run("export", "ics", "--from", "2025-05-01", "--to", "2025-05-31", db=sample_db)
    assert result.returncode == 0 and result.stdout.count(b"BEGIN:VEVENT") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "markdown", "--meeting", "nope"), "no meeting with id nope"),
        (("export", "markdown", "--topic", "nope"), "no topic with id nope"),
        (("import", "missing.json"), "missing.json: no such file"),
    ],
)
def test_errors_are_one_line(sample_db, args, message):
    result = run(*args, db=sample_db)
    err = result.stderr.decode()
    assert result.returncode == 1 and message in err and len(err.strip().splitlines()) == 1


def test_bad_import_leaves_no_store_behind(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "agenda-tui", "version": 1, "meetings": [{"title": ""}]}')
    result = run("import", str(bad), db=tmp_path / "new.db")
    assert result.returncode == 1 and b"meetings[0]: title: is required" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_write_to_a_missing_folder(sample_db, tmp_path):
    result = run("export", "json", "-o", str(tmp_path / "no" / "x.json"), db=sample_db)
    assert result.returncode == 1 and b"does not exist" in result.stderr


# -- the atomic writer ---------------------------------------------------------------------------


def test_interrupted_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old\n")

    def chunks():
        yield "new first half\n"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, chunks())
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, ["new ", "text ✓"])
    assert target.read_text(encoding="utf-8") == "new text ✓"
    assert target.stat().st_mode & 0o777 == 0o640


def test_write_to_a_folder_is_refused(tmp_path):
    with pytest.raises(ExportFailed, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_suggested_names_are_plain_and_safe():
    from db.export import suggested_name

    assert suggested_name("brief", "2025-05-20", "Türkiye–US Joint Working Group on Syria") == (
        "brief-2025-05-20-turkiye-us-joint-working-group-on-syria.md"
    )
    assert suggested_name("dossier", "Yılmaz / <x>", suffix=".json") == "dossier-yilmaz-x.json"
    assert suggested_name("中文") == "agenda-export.md"


def test_range_agenda_to_stdout_matches_the_file(sample_db, tmp_path):
    # The range agenda's chunks are bytes written as they are, to a file or to stdout.
    out = tmp_path / "agenda.md"
    args = ("export", "markdown", "--from", "2025-01-01", "--to", "2027-12-31")
    to_file = run(*args, "-o", str(out), db=sample_db)
    assert to_file.returncode == 0
    to_stdout = run(*args, db=sample_db).stdout
    assert to_stdout == out.read_bytes() and "Türkiye".encode() in to_stdout
