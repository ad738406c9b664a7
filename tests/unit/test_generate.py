"""The benchmark data generator: valid rows, consistent histories, searchable, deterministic."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from benchmarks import generate as gen
from db import models
from db.rows import TABLE_OF, from_row
from db.sample import load_sample
from db.schema import TABLES
from db.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "g.db"
    gen.generate(path, meetings=150, items=1500, seed=7)
    return path


def rows(store: Store, sql: str, params=()) -> list[dict]:
    cursor = store.conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def test_counts_are_as_asked_with_countries_people_and_topics(generated):
    with Store.open(generated) as store:
        counts = store.counts()
        assert counts["meetings"] == 150 and counts["agenda_items"] == 1500
        assert counts["people"] == 50 and counts["topics"] == 30  # the small-store minimums
        countries = store.conn.execute(
            "SELECT count(*) FROM delegations WHERE kind = 'country'"
        ).fetchone()[0]
        assert countries == 190
        assert counts["participants"] >= 2 * 150 and counts["sources"] > 0
        assert counts["status_changes"] >= counts["agenda_items"]
        per_meeting = store.conn.execute(
            "SELECT count(DISTINCT meeting_id) FROM agenda_items"
        ).fetchone()[0]
        assert per_meeting > 140  # items are spread over the meetings, about ten each
        years = store.conn.execute(
            "SELECT min(date), max(date) FROM meetings"
        ).fetchone()
        assert int(years[1][:4]) - int(years[0][:4]) >= 18


@pytest.mark.parametrize("model", sorted(TABLE_OF))
def test_every_row_is_valid_for_its_model(generated, model):
    cls = getattr(models, model)
    with Store.open(generated) as store:
        sample = rows(store, f"SELECT * FROM [{TABLE_OF[model]}] ORDER BY rowid LIMIT 400")
    assert sample
    for row in sample:
        stored = from_row(cls, row)
        # Validating a row again must give the same record: ids, texts and timestamps are
        # already in the form the models make (NFC text, UTC milliseconds, month dates...).
        assert cls.model_validate(stored.model_dump()) == stored, row


def test_ids_are_time_ordered_uuids_of_their_creation(generated):
    """Ids are made as the app makes them (version-7 UUIDs, db.stamps.new_id), with the
    record's created_at as their time, so an import in creation order appends to the
    primary-key index."""
    with Store.open(generated) as store:
        for table in TABLES:
            sample = store.conn.execute(
                f"SELECT id, created_at FROM [{table}] ORDER BY rowid LIMIT 200").fetchall()
            for record_id, created_at in sample:
                value = uuid.UUID(record_id)
                assert (str(value), value.version, value.variant) == (
                    record_id, 7, uuid.RFC_4122), record_id
                since_epoch = dt.datetime.fromisoformat(created_at) - dt.datetime(1970, 1, 1,
                                                                                  tzinfo=dt.UTC)
                assert value.int >> 80 == since_epoch // dt.timedelta(milliseconds=1), created_at


def test_status_histories_end_in_the_current_status(generated):
    with Store.open(generated) as store:
        items = {r["id"]: r["status"] for r in rows(store, "SELECT id, status FROM agenda_items")}
        changes = rows(store, "SELECT * FROM status_changes ORDER BY agenda_item_id, changed_at")
    chains: dict[str, list[dict]] = {}
    for change in changes:
        chains.setdefault(change["agenda_item_id"], []).append(change)
    assert chains.keys() == items.keys()
    for item_id, chain in chains.items():
        assert chain[0]["from_status"] is None
        for before, after in zip(chain, chain[1:], strict=False):
            assert after["from_status"] == before["to_status"]
            assert after["changed_at"] > before["changed_at"]
        assert chain[-1]["to_status"] == items[item_id]


def test_store_is_consistent_and_keeps_the_real_schema(generated, tmp_path):
    with Store.open(generated) as store, Store.open(tmp_path / "fresh.db") as fresh:
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.integrity_check() == "ok"
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        assert store.conn.execute(schema).fetchall() == fresh.conn.execute(schema).fetchall()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_generated_text_is_searchable_in_several_scripts(generated):
    with Store.open(generated) as store:
        notes = "\n".join(r[0] for r in store.conn.execute(
            "SELECT notes FROM meetings WHERE notes IS NOT NULL"))
        for script in (r"[ğışİ]", r"[\u0400-\u04ff]", r"[\u0600-\u06ff]", r"[\u4e00-\u9fff]",
                       r"[\U0001f300-\U0001faff]"):
            assert re.search(script, notes), script
        lengths = [r[0] for r in store.conn.execute(
            "SELECT length(notes) FROM meetings WHERE notes IS NOT NULL")]
        assert min(lengths) < 300 < 2000 < max(lengths)

        title = store.conn.execute("SELECT id, title FROM meetings LIMIT 1").fetchone()
        word = max(re.findall(r"\w+", title[1]), key=len)
        assert title[0] in {h.id for h in store.search(word, limit=500) if h.kind == "meeting"}
        assert [h for h in store.search("cooperation", limit=1000) if h.kind == "item"]
        assert store.search("сотрудничество")  # Cyrillic, from the mixed-in phrases
        # The insert triggers were put back after the load: new rows are indexed again.
        meeting = store.add_meeting(models.Meeting(title="Quokka summit", date="2030-01-01"))
        assert [h.id for h in store.search("quokka")] == [meeting.id]


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of the agenda tables (not the migration log, which records when it ran)."""
    with Store.open(path) as store:
        return {t: store.conn.execute(f"SELECT * FROM [{t}] ORDER BY rowid").fetchall()
                for t in TABLES}


def test_same_seed_same_store_and_other_seeds_other_ids(tmp_path):
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        gen.generate(tmp_path / f"{name}.db", meetings=40, items=300, seed=seed)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    ids = {}
    for name in ("a", "c"):
        with Store.open(tmp_path / f"{name}.db") as store:
            ids[name] = {r[0] for r in store.conn.execute("SELECT id FROM meetings")}
    assert not ids["a"] & ids["c"]


def test_worker_processes_make_the_same_store(tmp_path, monkeypatch):
    gen.generate(tmp_path / "inline.db", meetings=1500, items=3000, seed=5)
    monkeypatch.setattr(gen, "POOL_FROM", 0)  # batches made in worker processes
    gen.generate(tmp_path / "pool.db", meetings=1500, items=3000, seed=5)
    assert dump(tmp_path / "inline.db") == dump(tmp_path / "pool.db")


def test_a_store_with_data_is_refused_and_left_alone(tmp_path, capsys):
    path = tmp_path / "used.db"
    with Store.open(path) as store:
        load_sample(store)
        before = store.counts()
    assert gen.main(["--meetings", "10", "--items", "50", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "already holds data" in err and "6 meetings" in err and "Traceback" not in err
    with Store.open(path) as store:
        assert store.counts() == before


def test_bad_sizes_and_files_get_one_line(tmp_path, capsys):
    assert gen.main(["--meetings", "-1", "--items", "0", "--db", str(tmp_path / "x.db")]) == 1
    assert "--meetings" in capsys.readouterr().err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert gen.main(["--meetings", "5", "--items", "5", "--db", str(junk)]) == 1
    assert str(junk) in capsys.readouterr().err


def test_command_line_from_the_repository_root(tmp_path):
    path = tmp_path / "cli.db"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--meetings", "30", "--items", "200",
         "--seed", "1", "--db", str(path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "30 meetings" in done.stdout
    with Store.open(path) as store:
        assert store.counts()["agenda_items"] == 200
