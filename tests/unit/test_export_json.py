"""JSON export and import: lossless round trips (also on generated data), validation before
anything is written, one transaction, the merge rule on re-import."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.drafts import ItemDraft
from db.errors import ImportFailed
from db.export.json_io import export_json, import_data
from db.models import AgendaItem, Meeting, Participant, Person, StatusChange, Topic
from db.records import Records
from db.sample import SEED_MEETING_ID, sample_id
from db.store import Store
from db.views import MeetingFilter


def test_round_trip_is_byte_identical(store, empty_store):
    text = export_json(store)
    result = import_data(empty_store, text)
    assert result.added == store.counts()
    assert export_json(empty_store) == text
    assert empty_store.meeting_detail(SEED_MEETING_ID).meeting.title.startswith("Türkiye–US")
    found = {hit.id for hit in empty_store.search("sanctions")}
    assert found == {hit.id for hit in store.search("sanctions")}


def test_format_is_versioned_and_one_record_per_line(store):
    text = export_json(store)
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("agenda-tui", 1)
    assert list(data)[2:] == ["meetings", "delegations", "people", "participants", "topics",
                              "agenda_items", "status_changes", "sources"]
    assert len(data["agenda_items"]) == store.counts()["agenda_items"]
    meeting_lines = [line for line in text.splitlines() if '"precision":' in line]
    assert len(meeting_lines) == 6
    assert list(data["topics"][0]) == ["id", "created_at", "updated_at", "name", "description",
                                       "tags"]


def test_reimport_adds_nothing(store):
    text = export_json(store)
    before = store.counts()
    result = import_data(store, text)
    assert sum(result.added.values()) == 0
    assert sum(result.kept.values()) == sum(before.values())
    assert store.counts() == before


def test_selection_export_stands_alone(store, empty_store):
    text = export_json(store, MeetingFilter(country="Belgium"))
    data = json.loads(text)
    assert [m["city"] for m in data["meetings"]] == ["Brussels"]
    assert {p["name"] for p in data["people"]} == {"Elena Marsh", "Kerem Aydın"}
    assert len(data["topics"]) == 2
    import_data(empty_store, text)
    assert empty_store.count_meetings() == 1


def _edit(text: str, table: str, index: int, **changes) -> str:
    data = json.loads(text)
    data[table][index].update(changes)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("table", "index", "changes", "message"),
    [
        ("meetings", 1, {"date": "2025-13-01"}, "meetings[1] (id {id}): date: '2025-13-01' is not"),
        ("agenda_items", 3, {"position": "first"}, "agenda_items[3] (id {id}): position: Input"),
        ("sources", 0, {"url": "ftp://x"}, "sources[0] (id {id}): url: must be a web address"),
        ("people", 2, {"name": ""}, "people[2] (id {id}): name: is required"),
        ("meetings", 0, {"colour": "red"}, "meetings[0] (id {id}): colour: Extra inputs"),
        ("agenda_items", 2, {"topic_id": "missing-topic"},
         "agenda_items[2] (id {id}): topic_id: no topic with id missing-topic in the file or"),
    ],
)
def test_one_bad_record_imports_nothing_and_is_named(store, empty_store, table, index,
                                                      changes, message):
    text = export_json(store)
    record_id = json.loads(text)[table][index]["id"]
    with pytest.raises(ImportFailed) as failure:
        import_data(empty_store, _edit(text, table, index, **changes), "x.json")
    assert failure.value.msg.startswith("x.json: " + message.format(id=record_id))
    assert failure.value.msg.endswith("nothing was imported")
    assert "\n" not in failure.value.msg
    assert sum(empty_store.counts().values()) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "agenda-tui", "version": 2}', "is export format version 2; this"),
        ('{"format": "agenda-tui"}', "is export format version None"),
        ('{"format": "other", "version": 1}', "is not an agenda-tui export"),
        ("[1, 2]", "is not an agenda-tui export"),
        ('{"format": "agenda-tui", "version": 1, "meetings": {}}', '"meetings" must be a list'),
        ('{"format": "agenda-tui", "version": 1, "meetings": [3]}',
         "meetings[0]: Input should be a valid dictionary"),
        ('{"format": "agenda-tui", "version": 1, "extra": []}', "unknown sections 'extra'"),
        ('{"format": "agenda-tui", "version": 1, "meetings": [{"id": "a', "(the file looks cut"),
        ("", "is not valid JSON: EOF while parsing a value at line 1 column 0"),
        ('{"format": "agenda-tui", "version": 1,}', "is not valid JSON: trailing comma at line 1"),
        (b'{"format": "agenda-tui", "x": "\xff"}', "is not UTF-8 text (byte 31)"),
    ],
)
def test_unreadable_files_give_one_clear_line(empty_store, text, message):
    with pytest.raises(ImportFailed) as failure:
        import_data(empty_store, text, "f.json")
    assert message in failure.value.msg and "\n" not in failure.value.msg


def test_truncated_export_is_refused(store, empty_store):
    text = export_json(store)
    with pytest.raises(ImportFailed, match="cut short"):
        import_data(empty_store, text[: len(text) // 2])
    assert sum(empty_store.counts().values()) == 0


def test_duplicate_ids_in_the_file(store, empty_store):
    data = json.loads(export_json(store))
    data["topics"].append(dict(data["topics"][0], name="Another name"))
    with pytest.raises(ImportFailed, match=r"topics\[7\] \(id .*\): the same id as topics\[0\]"):
        import_data(empty_store, json.dumps(data))


def test_topics_with_a_stored_name_are_merged(store):
    """A colleague's file with its own id for "Sanctions relief for Syria": the store's topic
    is kept and the file's agenda items are attached to it."""
    other = Records(
        meetings=[Meeting(title="Elsewhere", date=dt.date(2028, 1, 5))],
        topics=[Topic(name="sanctions relief for SYRIA")],
    )
    other.agenda_items.append(AgendaItem(meeting_id=other.meetings[0].id,
                                         topic_id=other.topics[0].id))
    text = _records_json(other)
    result = import_data(store, text)
    assert result.merged["topics"] == 1 and result.added["topics"] == 0
    history = store.topic_history(sample_id("topic", "sanctions"))
    assert history.appearances[-1].meeting.title == "Elsewhere"


def _records_json(records: Records) -> str:
    data = {"format": "agenda-tui", "version": 1}
    for table, rows in vars(records).items():
        data[table] = [row.model_dump(mode="json") for row in rows]
    return json.dumps(data, ensure_ascii=False)


# -- generated data ------------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)
_LINE = _TEXT.map(str.strip).filter(bool)
_NOTES = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",),
                                                    blacklist_characters="\r\x00"),
                                      max_size=80))


@st.composite
def records(draw) -> Records:
    out = Records()
    for _ in range(draw(st.integers(1, 4))):
        precision = draw(st.sampled_from(["day", "month", "year", "approximate"]))
        notes = draw(_NOTES)
        try:
            meeting = Meeting.parse({
                "title": draw(_LINE), "date": draw(st.dates(dt.date(1990, 1, 1),
                                                            dt.date(2040, 12, 31))),
                "precision": precision, "notes": notes, "country": draw(st.sampled_from(
                    [None, "Türkiye", "Japan", "Atlantis"])),
                "status": draw(st.sampled_from(["planned", "held", "cancelled"])),
            })
        except Exception:  # noqa: BLE001 - notes with control characters are refused; skip them
            continue
        out.meetings.append(meeting)
    topics = [Topic(name=f"{name} {i}", tags=draw(st.lists(_LINE, max_size=3)))
              for i, name in enumerate(draw(st.lists(_LINE, min_size=1, max_size=3)))]
    out.topics += topics
    person = Person(name=draw(_LINE))
    out.people.append(person)
    for meeting in out.meetings:
        out.participants.append(Participant(meeting_id=meeting.id, person_id=person.id,
                                            role=draw(st.sampled_from(["co-chair", "member"]))))
        for position, topic in enumerate(draw(st.permutations(topics))):
            item = AgendaItem(meeting_id=meeting.id, topic_id=topic.id, position=position,
                              text=draw(st.one_of(st.none(), _LINE)))
            out.agenda_items.append(item)
            out.status_changes.append(StatusChange(agenda_item_id=item.id, to_status="agreed",
                                                   note=draw(st.one_of(st.none(), _LINE))))
    return out


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(records())
def test_generated_stores_round_trip_byte_identically(tmp_path_factory, generated):
    folder = tmp_path_factory.mktemp("round")
    with Store.open(folder / "a.db") as first, Store.open(folder / "b.db") as second:
        first.insert_records(generated)
        text = export_json(first)
        import_data(second, text)
        assert export_json(second) == text
        assert second.counts() == first.counts()


def test_a_large_import_keeps_the_schema_and_search(empty_store):
    """Big imports set indexes and the full-text trigger aside and rebuild them (bulk.py):
    afterwards the schema is exactly as before and search finds the new rows."""
    def schema():
        return sorted(empty_store.conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall())

    before = schema()
    big = Records(meetings=[Meeting(title="Bulk", date=dt.date(2025, 1, 1))],
                  topics=[Topic(name="Bulk topic")])
    big.agenda_items += [
        AgendaItem(meeting_id=big.meetings[0].id, topic_id=big.topics[0].id, position=n,
                   text=f"Item {n} on çeşme {'rare' if n == 777 else 'common'}")
        for n in range(1200)
    ]
    import_data(empty_store, _records_json(big))
    assert schema() == before
    assert empty_store.integrity_check() == "ok"
    assert [hit.label for hit in empty_store.search("rare")] == ["Item 777 on çeşme rare"]
    assert len(empty_store.search("cesme", limit=2000)) >= 1200
    # The per-row trigger is back: a later single write is indexed too.
    empty_store.add_item(big.meetings[0].id, ItemDraft(topic="Bulk topic", text="after xyzzy"))
    assert [hit.label for hit in empty_store.search("xyzzy")] == ["after xyzzy"]


# -- bulk imports ---------------------------------------------------------------------------------


def _connection_state(store: Store) -> tuple:
    conn = store.conn
    return tuple(conn.execute(f"PRAGMA {name}").fetchone()[0]
                 for name in ("journal_mode", "foreign_keys", "cache_size", "busy_timeout"))


@pytest.mark.parametrize("shared", [False, True], ids=["alone", "open-elsewhere"])
def test_bulk_import_settings_are_restored(store, empty_store, monkeypatch, shared):
    """A big import runs with foreign keys unchecked row by row and, when no other connection
    has the store open, a rollback journal (bulk.py): afterwards the store is in WAL mode with
    every setting as before, and every reference resolves."""
    import sqlite3

    from db.export import bulk

    monkeypatch.setattr(bulk, "BULK_FROM", 1)  # the sample is small; take the bulk path
    before = _connection_state(empty_store)
    other = sqlite3.connect(empty_store.path) if shared else None
    try:
        if other:
            other.execute("SELECT count(*) FROM meetings").fetchone()  # holds the WAL open
        import_data(empty_store, export_json(store))
    finally:
        if other:
            other.close()
    assert _connection_state(empty_store) == before
    assert before[:2] == ("wal", 1)
    assert empty_store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert empty_store.integrity_check() == "ok"
    assert export_json(empty_store) == export_json(store)


def test_failed_bulk_import_restores_the_settings(store, empty_store, monkeypatch):
    from db.export import bulk

    monkeypatch.setattr(bulk, "BULK_FROM", 1)
    before = _connection_state(empty_store)
    text = _edit(export_json(store), "agenda_items", 0, topic_id="missing-topic")
    with pytest.raises(ImportFailed, match="no topic with id missing-topic"):
        import_data(empty_store, text)
    assert _connection_state(empty_store) == before
    assert sum(empty_store.counts().values()) == 0


def test_rows_for_insert_are_the_stored_values(store):
    """Tables whose fields are all text, text enums or numbers are inserted from the models'
    attributes directly (bulk._rows); the values must be exactly what to_row stores."""
    from db.export.bulk import _rows, _stored_as_is
    from db.export.json_io import read_export
    from db.models import AgendaItem, Meeting, Participant, StatusChange
    from db.rows import to_row

    assert all(map(_stored_as_is, (AgendaItem, Participant, StatusChange)))
    assert not _stored_as_is(Meeting)  # dates and times are converted
    records = read_export(export_json(store))
    for table, models in vars(records).items():
        columns, values = _rows(table, models)
        expected = [to_row(model) for model in models]
        assert [dict(zip(columns, row, strict=True)) for row in values] == expected, table
        for row in values:  # plain values: sqlite3 binds an enum member only after a lookup
            assert all(type(value) in (str, int, type(None)) for value in row), (table, row)


# -- the timestamp check's fast path (db.stamps.checked_timestamp) -------------------------

_STAMPS = [
    "2025-05-20T09:30:00.000Z", "2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00.000Z",
    "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
    # Not days, not times: refused as fromisoformat refuses them.
    "2025-02-29T00:00:00.000Z", "1900-02-29T00:00:00.000Z", "0000-01-01T00:00:00.000Z",
    "2025-04-31T00:00:00.000Z", "2025-13-01T00:00:00.000Z", "2025-00-10T00:00:00.000Z",
    "2025-01-01T24:00:00.000Z", "2025-01-01T23:60:00.000Z", "2025-01-01T23:59:60.000Z",
    # Other spellings: accepted and normalised to the stored form, or refused.
    "2025-01-01T00:00:00.000Z\n", " 2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000z",
    "2025-01-01t00:00:00.000Z", "2025-01-01 00:00:00.000Z", "2025-01-01T00:00:00Z",
    "2025-01-01T00:00:00.000+00:00", "2025-01-01T03:00:00.000+03:00", "2025-01-01T00:00:00",
    "2025-01-01T00:00:00.0000Z", "2025-01-01", "\u0662\u0660\u0662\u0665-01-01T00:00:00.000Z",
    "2025-01-01T00:00:00.000ZZ", "", "not a time",
]


def _outcome(check, value):
    try:
        return check(value)
    except ValueError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize("value", _STAMPS)
def test_timestamp_fast_path_agrees_with_the_full_check(value):
    """Same text accepted, same stored form, same message as timestamp_text, twice over (the second
    time from what the fast path remembered)."""
    from db.stamps import checked_timestamp, timestamp_text

    expected = _outcome(timestamp_text, value)
    assert _outcome(checked_timestamp, value) == expected
    assert _outcome(checked_timestamp, value) == expected


def test_timestamp_fast_path_on_edge_days_in_a_model():
    assert StatusChange(agenda_item_id="a", to_status="agreed",
                        changed_at="2024-02-29T12:00:00.000Z").changed_at.startswith("2024-02-29")
    for bad in ("2025-02-29T12:00:00.000Z", "2025-01-01T24:00:00.000Z",
                "2025-01-01T23:59:60.000Z"):
        with pytest.raises(ValueError, match="is not an ISO date-time"):
            StatusChange(agenda_item_id="a", to_status="agreed", changed_at=bad)


@settings(max_examples=300, deadline=None)
@given(st.datetimes(timezones=st.just(dt.UTC)).map(
    lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
    | st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z",
                    fullmatch=True))
def test_timestamp_fast_path_agrees_on_generated_texts(value):
    from db.stamps import checked_timestamp, timestamp_text

    assert _outcome(checked_timestamp, value) == _outcome(timestamp_text, value)


def test_read_records_keep_their_fields_set(store):
    """read_export gives fully set records one shared set of field names (json_io); records
    with fields left to their defaults keep their own, and every record behaves as usual."""
    from db.export.json_io import read_export

    data = json.loads(export_json(store))
    del data["agenda_items"][0]["outcome"]  # left to its default
    records = read_export(json.dumps(data))
    first, second = records.agenda_items[:2]
    assert first.model_fields_set == set(AgendaItem.model_fields) - {"outcome"}
    assert second.model_fields_set == set(AgendaItem.model_fields)
    assert records.agenda_items[2].model_fields_set is second.model_fields_set
    second.text = "Changed"  # an assignment leaves the other records alone
    assert records.agenda_items[2].model_fields_set == set(AgendaItem.model_fields)
    assert second.model_dump(exclude_unset=True)["text"] == "Changed"
    assert first.model_dump(exclude_unset=True).keys() == first.model_fields_set
