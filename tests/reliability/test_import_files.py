"""Import files that must not be imported, through the real `agenda-tui import FILE` and through
db.export.json_io: each leaves the store exactly as it was (same bytes, same rows, no file
beside it) and gets one line naming the record and the field, exit status 1, no traceback.
A valid import of 50 MB is one transaction: killed half-way, the store is unchanged."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from db.drafts import ItemDraft, MeetingDraft
from db.errors import ImportFailed
from db.export.json_io import import_file
from db.models import Meeting
from db.store import Store
from tests.reliability.helpers import (
    PYTHON,
    child_env,
    cli_command,
    contents,
    digest,
    health,
    listing,
    run,
)
from tests.reliability.import_files import (
    MB,
    big_export,
    huge_string_export,
    sample_export,
    write_document,
)

BIG = 50 * MB


@pytest.fixture(scope="module")
def sample_document(tmp_path_factory) -> dict:
    return sample_export(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """A valid export of 50 MB (about 11,000 meetings with items, status changes,
    participants and sources), and its counts per table."""
    path = tmp_path_factory.mktemp("big") / "big.json"
    return path, big_export(path, BIG, seed=11)


def colleague_store(folder):
    """A store with work of its own (one meeting, a topic the sample also has), so that every
    record of the sample's export would be new to it; in a folder of its own."""
    (folder / "store").mkdir()
    path = folder / "store" / "agenda.db"
    with Store.open(path) as store:
        store.save_draft(MeetingDraft(
            meeting=Meeting(title="Already here", date="2025-03-01"),
            items=[ItemDraft(topic="Sanctions relief for Syria")],
        ))
    return path


def state(path) -> tuple:
    """Bytes and folder first: contents() opens the store, which may tidy files beside it."""
    return digest(path), listing(path.parent), contents(path)


def record_id(document: dict, table: str, index: int) -> str:
    return document[table][index]["id"]


def edited(document: dict, table: str, index: int, **changes) -> dict:
    changed = copy.deepcopy(document)
    changed[table][index].update(changes)
    return changed


# Each case: (what the file holds, the message after "FILE: ").
def bad_files(doc: dict) -> dict[str, tuple[bytes, str]]:
    text = json.dumps(doc, ensure_ascii=False)

    def case(document: dict, message: str) -> tuple[bytes, str]:
        return json.dumps(document, ensure_ascii=False).encode(), message

    duplicated = copy.deepcopy(doc)
    duplicated["agenda_items"].append(dict(doc["agenda_items"][2], text="Copy"))
    same_name = copy.deepcopy(doc)
    same_name["topics"].append(dict(doc["topics"][0], id="other-topic",
                                    name=doc["topics"][0]["name"].upper()))
    items = len(doc["agenda_items"])
    return {
        "truncated in a record": (
            text[: len(text) * 3 // 5].encode(),
            "is not valid JSON: EOF while parsing",
        ),
        "truncated after a record": (
            text[: text.index('"topics"')].encode(),
            "is not valid JSON: EOF while parsing",
        ),
        "not UTF-8": (text.encode()[:40] + b"\xff" + text.encode()[40:], "is not UTF-8 text"),
        "30 February": case(
            edited(doc, "meetings", 2, date="2025-02-30"),
            f"meetings[2] (id {record_id(doc, 'meetings', 2)}): date: '2025-02-30' is not a "
            "calendar date (use YYYY-MM-DD)",
        ),
        "a word for a number": case(
            edited(doc, "agenda_items", 1, position="first"),
            f"agenda_items[1] (id {record_id(doc, 'agenda_items', 1)}): position: Input should "
            "be a valid integer",
        ),
        "a list for a name": case(
            edited(doc, "people", 1, name=["Nuh", "Yilmaz"]),
            f"people[1] (id {record_id(doc, 'people', 1)}): name: Input should be a valid string",
        ),
        "null for a required field": case(
            edited(doc, "topics", 3, name=None),
            f"topics[3] (id {record_id(doc, 'topics', 3)}): name: is required",
        ),
        "an unknown status": case(
            edited(doc, "status_changes", 4, to_status="done-ish"),
            f"status_changes[4] (id {record_id(doc, 'status_changes', 4)}): to_status: Input "
            "should be",
        ),
        "a field this version does not know": case(
            edited(doc, "sources", 0, colour="red"),
            f"sources[0] (id {record_id(doc, 'sources', 0)}): colour: Extra inputs are not "
            "permitted",
        ),
        "a table that is not a list": case(
            dict(doc, meetings={"a": 1}), '"meetings" must be a list of records',
        ),
        "a record that is not an object": case(
            dict(doc, participants=[*doc["participants"], "Nuh Yilmaz"]),
            f"participants[{len(doc['participants'])}]: Input should be a valid dictionary",
        ),
        "unknown format version": case(
            dict(doc, version=2), "is export format version 2; this agenda-tui reads version 1",
        ),
        "a version that is not a number": case(
            dict(doc, version=True), "is export format version True",
        ),
        "another program's JSON": case(
            {"meetings": doc["meetings"]}, 'is not an agenda-tui export (expected an object',
        ),
        "duplicate ids": case(
            duplicated,
            f"agenda_items[{items}] (id {record_id(doc, 'agenda_items', 2)}): the same id as "
            "agenda_items[2]",
        ),
        "two topics of one name": case(
            same_name,
            f"topics[{len(doc['topics'])}] (id other-topic): name: the same topic as topics[0]",
        ),
        "a reference to a missing record": case(
            edited(doc, "status_changes", 3, agenda_item_id="no-such-item"),
            f"status_changes[3] (id {record_id(doc, 'status_changes', 3)}): agenda_item_id: no "
            "agenda item with id no-such-item in the file or the store",
        ),
        "a missing person": case(
            edited(doc, "participants", 5, person_id="nobody-here"),
            f"participants[5] (id {record_id(doc, 'participants', 5)}): person_id: no person "
            "with id nobody-here in the file or the store",
        ),
    }


CASES = [
    "truncated in a record", "truncated after a record", "not UTF-8",
    "30 February", "a word for a number", "a list for a name",
    "null for a required field", "an unknown status", "a field this version does not know",
    "a table that is not a list", "a record that is not an object", "unknown format version",
    "a version that is not a number", "another program's JSON", "duplicate ids",
    "two topics of one name", "a reference to a missing record", "a missing person",
]


def one_line(done, path, message: str) -> str:
    """The CLI's whole answer is one line on stderr naming the file and `message`."""
    assert done.returncode == 1, done
    assert done.stdout == "" and "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"agenda-tui: {path}: ") and message in line, line
    assert line.endswith("; nothing was imported"), line
    return line.removeprefix("agenda-tui: ")


@pytest.mark.parametrize("case", CASES)
def test_a_bad_file_imports_nothing(tmp_path, sample_document, case):
    data, message = bad_files(sample_document)[case]
    store_path = colleague_store(tmp_path)
    before = state(store_path)
    bad = tmp_path / "colleague.json"
    bad.write_bytes(data)

    done = run([*cli_command(), "--db", str(store_path), "import", str(bad)])
    line = one_line(done, bad, message)
    assert state(store_path) == before

    with Store.open(store_path) as store, pytest.raises(ImportFailed) as failure:
        import_file(store, bad)
    assert failure.value.msg == line  # the same words through the library
    assert state(store_path) == before


def test_a_bad_record_at_the_end_of_50_mb(tmp_path, big_file):
    store_path = colleague_store(tmp_path)
    before = state(store_path)
    valid, counts = big_file
    text = valid.read_text(encoding="utf-8")
    big = tmp_path / "big.json"
    start = text.rindex('"url":"https://example.org/')  # the last source's link
    end = text.index('"', start + len('"url":"'))
    big.write_text(text[:start] + '"url":"javascript:alert(1)' + text[end:], encoding="utf-8")
    del text
    last = counts["sources"] - 1
    done = run([*cli_command(), "--db", str(store_path), "import", str(big)], timeout=120)
    one_line(done, big, f"sources[{last}] (id ")
    assert "): url: must be a web address starting with http:// or https://" in done.stderr
    assert state(store_path) == before


def test_one_string_of_50_mb(tmp_path):
    store_path = colleague_store(tmp_path)
    before = state(store_path)
    huge = tmp_path / "huge.json"
    meeting_id = huge_string_export(huge, BIG)
    done = run([*cli_command(), "--db", str(store_path), "import", str(huge)], timeout=120)
    one_line(done, huge, f"meetings[0] (id {meeting_id}): notes: must be at most 200,000 "
             "characters (this is 52,428,800)")
    assert state(store_path) == before


def test_a_byte_order_mark_is_not_an_error(tmp_path, sample_document):
    """Some Windows editors start UTF-8 files with a byte order mark."""
    store_path = colleague_store(tmp_path)
    marked = tmp_path / "edited.json"
    marked.write_bytes(b"\xef\xbb\xbf" + json.dumps(sample_document).encode())
    done = run([*cli_command(), "--db", str(store_path), "import", str(marked)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Imported {marked}: added 6 meetings")


def test_a_number_is_not_a_date(tmp_path, sample_document):
    store_path = colleague_store(tmp_path)
    before = state(store_path)
    bad = write_document(tmp_path / "n.json", edited(sample_document, "meetings", 1, date=0))
    done = run([*cli_command(), "--db", str(store_path), "import", str(bad)])
    assert done.returncode == 1
    assert state(store_path) == before


# -- a big valid import is one transaction ----------------------------------------------------


def holds_write_lock(path) -> bool:
    """Whether another connection is in a write transaction on the store (a probe that takes
    the write lock itself would be refused at once)."""
    probe = sqlite3.connect(path, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return True
    finally:
        probe.close()


def wal_size(path) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except FileNotFoundError:
        return 0


def journal_exists(store_path) -> bool:
    """A big import into a store no one else has open writes through a rollback journal
    (NAME-journal) instead of the write-ahead log (NAME-wal): see db/export/bulk.py."""
    return os.path.exists(f"{store_path}-wal") or os.path.exists(f"{store_path}-journal")


def inserting(store_path, size_before: int) -> bool:
    """The import has opened the store and holds the write lock: it is adding rows, which a
    large page cache keeps in memory until the commit."""
    return journal_exists(store_path) and holds_write_lock(store_path)


def committing(store_path, size_before: int) -> bool:
    """The commit is writing the new pages: to the log (the last one marks it committed), or,
    with a rollback journal, into the store itself (the journal's deletion marks it)."""
    if wal_size(store_path) > 8 * MB:
        return True
    return (os.path.exists(f"{store_path}-journal")
            and os.stat(store_path).st_size > size_before + 8 * MB)


def import_killed_when(store_path, file, moment) -> bool:
    """Start the import and SIGKILL it at `moment`; True if it died before saying it was
    done (it prints its summary only after the commit)."""
    size_before = os.stat(store_path).st_size
    child = subprocess.Popen([*cli_command(), "--db", str(store_path), "import", str(file)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env())
    while child.poll() is None and not moment(store_path, size_before):
        time.sleep(0.005)
    if moment is inserting:
        time.sleep(0.3)  # well into the inserts
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode()
    return child.returncode == -signal.SIGKILL and out == b""


@pytest.mark.slow
def test_a_50_mb_import_killed_half_way_leaves_the_store_as_it_was(tmp_path, big_file, capsys):
    store_path = colleague_store(tmp_path)
    before = state(store_path)
    big, counts = big_file
    for moment in (inserting, committing):
        assert import_killed_when(store_path, big, moment), f"not killed while {moment}"
        after = health(store_path)
        assert after["integrity"] == "ok" and after["foreign_keys"] == []
        # The log may hold the dead import's uncommitted pages: the file's bytes can differ
        # until it is checkpointed, the rows may not.
        assert contents(store_path) == before[2]
        # With a rollback journal, a kill before the commit can leave NAME-journal behind,
        # not yet hot and so ignored by SQLite; the store's next opening tidies it away.
        with Store.open(store_path):
            pass
        assert listing(store_path.parent) == before[1]

    # Let it run to the end: everything arrives, in one go.
    done = run([PYTHON, "-c", PEAK_MEMORY, "--db", str(store_path), "import", str(big)],
               timeout=300)
    assert done.returncode == 0, done.stderr
    peak = next(line for line in done.stderr.splitlines() if line.startswith("VmHWM"))
    with capsys.disabled():
        print(f"\n50 MB import ({counts['meetings']:,} meetings): peak memory {peak.split()[1]} "
              "kB")
    with Store.open(store_path) as store:
        assert store.count_meetings() == counts["meetings"] + 1
        assert store.counts()["status_changes"] == counts["status_changes"] + 1
        assert store.integrity_check() == "ok"
        assert "Generated meeting 777" in [hit.label for hit in store.search("generated 777")]


# The real command's entry point, reporting its own peak memory (VmHWM) as it exits.
PEAK_MEMORY = """
import atexit, sys
def report():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM'):
            sys.stderr.write(line)
atexit.register(report)
sys.argv[0] = 'agenda-tui'
from tui.cli import main
main()
"""
