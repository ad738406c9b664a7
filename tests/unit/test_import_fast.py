"""The fast path of a JSON import (db/export/fast_import.py, json_fast.py, sections.py) accepts
and refuses exactly what the models do: for every field of the tables it certifies, valid,
invalid and not-yet-normalised values give the same store (or the same message) as the full
import by the models; its patterns match their definitions on every day, white space and
timestamp form."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

from db.errors import ImportFailed
from db.export.fast_import import import_fast, read_fast
from db.export.json_fast import DAY_PATTERN, FIELDS, STAMP_PATTERN, WHITESPACE, is_nfc, table_rows
from db.export.json_io import MODELS, export_json, import_data, import_records, read_export
from db.export.sections import split_sections
from db.models import AgendaItem, Participant, StatusChange
from db.rows import to_row
from db.stamps import checked_timestamp
from db.store import Store

BIG_MODELS = {"participants": Participant, "agenda_items": AgendaItem,
              "status_changes": StatusChange}


def export_layout(document: dict) -> bytes:
    """A document written exactly as iter_json writes it (so the fast path can take it)."""
    parts = [f'{{\n"format": "{document["format"]}",\n"version": {document["version"]}']
    for table in MODELS:
        records = document.get(table, [])
        lines = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                           for r in records)
        parts.append(f',\n"{table}": [' + (f"\n{lines}\n]" if records else "]"))
    return ("".join(parts) + "\n}\n").encode("utf-8")


def _outcome(path, text: bytes):
    """What importing `text` into a new empty store gives: its export, or the message."""
    with Store.open(path) as store:
        try:
            if path.name.startswith("fast"):
                import_data(store, text, "f.json")
            else:  # the full way, by the models, as before the fast path existed
                import_records(store, read_export(text, "f.json"), "f.json")
        except ImportFailed as failure:
            return "refused", failure.msg
        except OverflowError:  # a position of 2**63 or more: the model takes it, SQLite cannot
            return "overflow", None
        return "imported", export_json(store)


# -- the whole path against the models ---------------------------------------------------------


def test_an_export_takes_the_fast_path_and_round_trips(store, empty_store):
    text = export_json(store)
    assert text.encode() == export_layout(json.loads(text))  # the helper writes the layout
    rows = read_fast(text)
    assert rows is not None
    assert {table: len(got[1]) for table, got in rows.tables.items()} == store.counts()
    result = import_fast(empty_store, rows, "f.json")
    assert result is not None and result.added == store.counts()
    assert export_json(empty_store) == text
    assert {h.id for h in empty_store.search("sanctions")} == {
        h.id for h in store.search("sanctions")}


def test_a_store_with_records_is_left_to_the_merge_rule(store):
    text = export_json(store)
    before = store.counts()
    assert import_fast(store, read_fast(text), "f.json") is None  # rolled back, nothing added
    assert store.counts() == before
    assert sum(import_data(store, text).added.values()) == 0  # the full way: all kept


# Per field of the certified tables: values the model refuses, values it normalises (stored
# differently from the file) and values it keeps. None as a key: the field left out.
_ODD = {
    "id": ["", " a", "a ", "a\n", "-a", "a" * 64, "a" * 65, "ä", 5, None, True],
    "created_at": ["2025-02-29T00:00:00.000Z", "2024-02-29T00:00:00.000Z",
                   "2025-01-01T00:00:00Z", "2025-01-01T03:00:00.000+03:00", " 2025-01-01T00:"
                   "00:00.000Z", "0000-01-01T00:00:00.000Z", "2025-01-01T24:00:00.000Z", 0, None],
    "meeting_id": ["nope", "", None, 3],
    "delegation_id": [None, "", "nope", "x y"],
    "person_id": ["", None],
    "role": ["host", "Host", "chair", "", None, 1],
    "position": [0, -1, 1.0, "1", True, None, 2**63, 2**63 - 1, 7],
    "text": [None, "", "  ", " Padded", "Padded ", "two\nlines", "tab\there", "bell\x07",
             "e\u0301", "\u00e9", "\u2028", "x" * 1000, "x" * 1001, "\ufeffmark", "\u200bzw",
             "a\u3000", "\u00a0a", 5, ["list"], "caf\u00e9 ok"],
    "status": ["agreed", "AGREED", "", None],
    "outcome": [None, "", "line\r\nbreak", "line\nbreak", "\ttab", "x" * 20_000,
                "x" * 20_001, "A\u0308", "\x85", "\x9f", "fine text"],
    "topic_id": ["", "t:1"],
    "agenda_item_id": ["", "other"],
    "from_status": [None, "proposed", "Proposed"],
    "to_status": [None, "dropped", "gone"],
    "changed_at": ["2024-12-31T23:59:59.999Z", "2024-12-31T23:59:60.000Z", "2024-12-31"],
    "note": [None, "", "x" * 1000, "x" * 1001, "n\u0303", " x", "x\n", "ok\nok"],
}
_CASES = [
    (table, name, value)
    for table in BIG_MODELS for name in FIELDS[table] for value in _ODD.get(name, ["", None])
] + [(table, name, KeyError) for table in BIG_MODELS for name in ("id", "created_at")] + [
    ("participants", "role", KeyError)]


@pytest.fixture(scope="module")
def sample_document(tmp_path_factory):
    from db.sample import load_sample

    with Store.open(tmp_path_factory.mktemp("sample") / "s.db") as sample:
        load_sample(sample)
        return json.loads(export_json(sample))


@pytest.mark.parametrize(("table", "name", "value"), _CASES, ids=repr)
def test_each_field_is_certified_only_as_its_model_stores_it(sample_document, table, name,
                                                             value):
    """Certified: the model takes the record and stores exactly the certified row. Not
    certified: the import goes the full way, so the models decide (below, whole files)."""
    record = dict(sample_document[table][1])
    if value is KeyError:
        del record[name]  # the model would fill in a default: left to it
    else:
        record[name] = value
    got = table_rows(table, json.dumps([record]).encode())
    try:
        model = BIG_MODELS[table].model_validate(record)
    except ValueError:
        assert got is None
        return
    if got is not None:
        columns, [row] = got
        assert dict(zip(columns, row, strict=True)) == to_row(model)
    else:  # the model changes it, or SQLite could not hold it (which the full way reports)
        assert value is KeyError or to_row(model)[name] != value or value == 2**63


@pytest.mark.parametrize(("table", "name", "value"), [
    ("participants", "role", "chair"), ("participants", "delegation_id", "nope"),
    ("agenda_items", "position", -1), ("agenda_items", "text", " Padded"),
    ("agenda_items", "outcome", "line\r\nbreak"), ("agenda_items", "text", "e\u0301"),
    ("status_changes", "changed_at", "2025-01-01T03:00:00.000+03:00"),
    ("status_changes", "note", "x" * 1001), ("status_changes", "from_status", "Proposed"),
    ("status_changes", "agenda_item_id", "other"), ("participants", "created_at", 0),
])
def test_a_file_with_such_a_value_gives_what_the_models_give(tmp_path, sample_document, table,
                                                             name, value):
    document = json.loads(json.dumps(sample_document))
    document[table][1][name] = value
    text = export_layout(document)
    assert _outcome(tmp_path / "fast.db", text) == _outcome(tmp_path / "full.db", text)


def test_missing_extra_and_doubled_keys_give_what_the_models_give(tmp_path, store):
    document = json.loads(export_json(store))
    document["status_changes"][0]["colour"] = "red"
    text = export_layout(document)
    assert _outcome(tmp_path / "fast1.db", text) == _outcome(tmp_path / "full1.db", text)
    # A key given twice: the last one counts, in both readers.
    clean = export_layout(json.loads(export_json(store))).decode()
    doubled = clean.replace('"role":"co-chair"', '"role":"nonsense","role":"co-chair"', 1)
    assert doubled != clean
    assert _outcome(tmp_path / "fast2.db", doubled.encode()) == _outcome(
        tmp_path / "full2.db", doubled.encode())


@pytest.mark.parametrize("change", ["dup-id", "missing-ref", "person-twice", "topic-twice",
                                    "country-twice", "bad-meeting"])
def test_whole_file_problems_give_what_the_models_give(tmp_path, store, change):
    document = json.loads(export_json(store))
    if change == "dup-id":
        document["status_changes"][3]["id"] = document["status_changes"][1]["id"]
    elif change == "missing-ref":
        document["agenda_items"][2]["meeting_id"] = "no-such-meeting"
    elif change == "person-twice":
        document["participants"].append(dict(document["participants"][0], id="another"))
    elif change == "topic-twice":
        document["topics"].append(dict(document["topics"][0], id="t2"))
    elif change == "country-twice":
        document["delegations"].append(dict(document["delegations"][0], id="d2"))
    else:
        document["meetings"][0]["date"] = "2025-02-30"
    text = export_layout(document)
    fast = _outcome(tmp_path / "fast.db", text)
    assert fast[0] == "refused"
    assert fast == _outcome(tmp_path / "full.db", text)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([("agenda_items", "text"), ("agenda_items", "outcome"),
                        ("status_changes", "note")]),
       st.text(st.characters(codec="utf-8"), max_size=12)
       | st.text(st.sampled_from("a \t\n\r\x00\x1f\x7f\x85\xa0\u0301\u0308e\u3000\u2028"),
                 max_size=6))
def test_any_text_is_kept_only_as_its_model_would_store_it(store, field, text):
    table, name = field
    document = json.loads(export_json(store))
    record = document[table][0]
    record[name] = text
    got = table_rows(table, json.dumps([record]).encode())
    try:
        model = BIG_MODELS[table].model_validate(record)
    except ValueError:
        assert got is None
        return
    if got is not None:  # certified: the stored row is exactly the model's
        columns, [row] = got
        assert dict(zip(columns, row, strict=True)) == to_row(model)
    else:  # left to the model, which changes it
        assert to_row(model)[name] != text


def test_the_fields_are_the_models_in_order():
    for table, model in BIG_MODELS.items():
        assert list(FIELDS[table]) == list(model.model_fields), table


# -- the patterns against their definitions ---------------------------------------------------


def test_whitespace_is_what_strip_removes():
    assert set(WHITESPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def _matcher(pattern: str):
    validator = SchemaValidator(cs.str_schema(pattern=pattern))

    def matches(text: str) -> bool:
        try:
            validator.validate_python(text)
        except ValueError:
            return False
        return True

    return matches


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def test_the_day_pattern_is_fromisoformat_on_every_year():
    matches = _matcher(rf"\A{DAY_PATTERN}\z")
    edges = ["01-01", "01-31", "01-32", "02-28", "02-29", "02-30", "04-30", "04-31", "12-31",
             "13-01", "00-10", "06-00"]
    for year in range(10_000):
        for edge in edges:
            text = f"{year:04d}-{edge}"
            assert matches(text) == _is_day(text), text
    for year in (1, 1900, 2000, 2023, 2024, 9999):
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                assert matches(text) == _is_day(text), text


@settings(max_examples=400, deadline=None)
@given(st.datetimes(timezones=st.just(dt.UTC)).map(
    lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
    | st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z\n?",
                    fullmatch=True)
    | st.text(st.sampled_from("0129-:.TZ +\n"), max_size=26))
def test_a_certified_timestamp_is_one_the_model_keeps(value):
    matches = _matcher(STAMP_PATTERN)
    try:
        kept = checked_timestamp(value) == value
    except ValueError:
        kept = False
    assert matches(value) == kept, value


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("ae\u0301\u0308\u00e9\u1100\u1161\uac00 \n"),
                        max_size=5), max_size=4))
def test_nfc_of_the_joined_texts_is_nfc_of_each(texts):
    import unicodedata

    assert is_nfc(texts) == all(unicodedata.is_normalized("NFC", t) for t in texts)


# -- the cut into sections ----------------------------------------------------------------------


def test_sections_are_cut_only_at_the_export_layout(store):
    text = export_json(store).encode()
    cuts = split_sections(text)
    assert cuts is not None and list(cuts) == list(MODELS)
    for table, (start, end) in cuts.items():
        assert json.loads(text[start:end]) == json.loads(text)[table]
    assert split_sections(b"\xef\xbb\xbf" + text) is not None
    assert split_sections(json.dumps(json.loads(text)).encode()) is None  # another layout
    assert split_sections(text.replace(b'"people": [', b'"people" : [')) is None
    assert split_sections(text[:-3]) is None  # cut short


def test_a_wrong_cut_falls_back_to_the_full_reader(tmp_path, store):
    """A record holding the next section's heading on a line of its own makes the cut fall
    inside the meetings: that piece does not parse, and the file is read whole (here it is
    refused for the extra field, as the models refuse it)."""
    document = json.loads(export_json(store))
    text = export_layout(document).decode()
    first = json.dumps(document["meetings"][0], ensure_ascii=False, separators=(",", ":"))
    sneaky = first[:-1] + ',\n"delegations": []}'
    text = text.replace(first, sneaky).encode()
    assert read_fast(text) is None
    fast = _outcome(tmp_path / "fast.db", text)
    assert fast[0] == "refused" and "delegations: Extra inputs" in fast[1]
    assert fast == _outcome(tmp_path / "full.db", text)


# -- the helper process (fast_helper.py) --------------------------------------------------------

_WITH_HELPER = """
import sys
from pathlib import Path
import db.export.fast_helper as helper
from db.export.fast_import import read_fast
from db.export.json_io import export_json, import_data
from db.store import Store

helper.HELP_FROM = 0  # a helper even for a small file
source, target = Path(sys.argv[1]), Path(sys.argv[2])
fast = read_fast(source.read_bytes(), target.parent)
print("helped" if fast is not None and fast.helped is not None else "alone")
if fast is not None:
    fast.close()
with Store.open(target) as store:
    try:
        import_data(store, source.read_bytes(), "f.json")
    except Exception as failure:
        print("refused", failure)
    else:
        Path(sys.argv[3]).write_text(export_json(store), encoding="utf-8")
"""


@pytest.mark.parametrize("note", [None, "e\u0301"])  # certified; or left to the models
def test_a_helper_process_gives_the_same_store(tmp_path, sample_document, note):
    import subprocess

    document = json.loads(json.dumps(sample_document))
    document["status_changes"][2]["note"] = note
    source = tmp_path / "source.json"
    source.write_bytes(export_layout(document))
    folder = tmp_path / "stores"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _WITH_HELPER, str(source), str(folder / "helped.db"),
         str(tmp_path / "helped.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["helped" if note is None else "alone"]
    assert sorted(p.name for p in folder.iterdir()) == ["helped.db"]  # no scratch file left
    expected = _outcome(tmp_path / "full.db", source.read_bytes())
    assert expected[0] == "imported"
    assert (tmp_path / "helped.json").read_text(encoding="utf-8") == expected[1]
