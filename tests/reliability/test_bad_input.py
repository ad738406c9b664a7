"""Bad input at the store and CLI level: each value is either accepted and read back exactly
(and found by search), or refused with ValidationFailed naming the field, nothing written.

The same inputs typed into the app's forms are in test_forms.py; import files in
test_import_files.py; hostile text in markdown exports in test_export_hostile.py."""

from __future__ import annotations

import unicodedata

import pytest

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft
from db.errors import ValidationFailed
from db.models import Meeting
from db.sample import SEED_MEETING_ID
from db.views import MeetingFilter
from tests.reliability.helpers import cli_command, run

# -- refused, naming the field -----------------------------------------------------------------

REFUSED = {
    "empty title": (Meeting, {"title": "", "date": "2025-05-20"}, "title", "is required"),
    "blank title": (Meeting, {"title": "   \t ", "date": "2025-05-20"}, "title", "is required"),
    "missing date": (Meeting, {"title": "Talks"}, "date", "Field required"),
    "30 February": (
        Meeting, {"title": "Talks", "date": "2025-02-30"}, "date", "is not a calendar date",
    ),
    "month 13": (Meeting, {"title": "Talks", "date": "2025-13-01"}, "date", "not a calendar"),
    "date in words": (Meeting, {"title": "Talks", "date": "20 May 2025"}, "date", "YYYY-MM-DD"),
    "title of 500 characters": (
        Meeting, {"title": "T" * 500, "date": "2025-05-20"}, "title", "at most 300 characters",
    ),
    "notes over 200,000 characters": (
        Meeting, {"title": "Talks", "date": "2025-05-20", "notes": "n" * 200_001}, "notes",
        "at most 200,000 characters",
    ),
    "NUL in a title": (
        Meeting, {"title": "Talks\x00", "date": "2025-05-20"}, "title", "control characters",
    ),
    "bell in a title": (
        Meeting, {"title": "Ta\x07lks", "date": "2025-05-20"}, "title", "control characters",
    ),
    "newline in a title": (
        Meeting, {"title": "Talks\nmore", "date": "2025-05-20"}, "title", "one line",
    ),
    "line separator in a title": (
        Meeting, {"title": "Talks\u2028more", "date": "2025-05-20"}, "title", "one line",
    ),
    "terminal escape in notes": (
        Meeting, {"title": "Talks", "date": "2025-05-20", "notes": "red \x1b[31m text"},
        "notes", "control characters",
    ),
    "empty participant name": (ParticipantDraft, {"name": ""}, "name", "is required"),
    "name of 500 characters": (
        ParticipantDraft, {"name": "N" * 500}, "name", "must be at most 200 characters",
    ),
    "NUL in a name": (ParticipantDraft, {"name": "Nuh\x00Yılmaz"}, "name", "control"),
    "empty topic": (ItemDraft, {"topic": ""}, "topic", "is required"),
    "100 KB outcome": (
        ItemDraft, {"topic": "Sanctions", "outcome": "o" * 100_000}, "outcome",
        "at most 20,000 characters",
    ),
    "unknown status": (ItemDraft, {"topic": "Sanctions", "status": "done-ish"}, "status", ""),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_bad_values_are_refused_naming_the_field(case):
    model, data, field, message = REFUSED[case]
    with pytest.raises(ValidationFailed) as caught:
        model.parse(data)
    assert [error.field for error in caught.value.errors] == [field]
    assert message in caught.value.errors[0].message
    assert f"{field}: " in str(caught.value)  # the one-line message names the field too


def test_a_bad_entry_deep_in_a_draft_is_named_by_its_path(store):
    before = store.counts()
    with pytest.raises(ValidationFailed) as caught:
        MeetingDraft.parse({
            "meeting": {"title": "Talks", "date": "2025-05-20"},
            "participants": [{"name": "Nuh Yılmaz"}, {"name": "P" * 500}],
            "items": [{"topic": "Sanctions"}, {"topic": "Camps"}, {"topic": " "}],
        })
    assert sorted(e.field for e in caught.value.errors) == ["items.2.topic",
                                                            "participants.1.name"]
    assert store.counts() == before


def test_a_draft_refused_by_the_store_writes_nothing(store):
    """A problem found half-way through saving (the same person twice) undoes the whole save,
    including the people, topics and delegations it had created."""
    before = store.counts()
    draft = MeetingDraft.parse({
        "meeting": {"title": "Talks", "date": "2025-05-20"},
        "participants": [{"name": "Brand New Person", "delegation": "Narnia"},
                         {"name": "brand new  person"}],
        "items": [{"topic": "A brand new topic"}],
    })
    with pytest.raises(ValidationFailed) as caught:
        store.save_draft(draft)
    assert [e.field for e in caught.value.errors] == ["participants.1.name"]
    assert "already listed" in str(caught.value)
    assert store.counts() == before


def test_bad_edits_through_the_store_change_nothing(store):
    meeting = store.meeting(SEED_MEETING_ID)
    person = store.meeting_detail(SEED_MEETING_ID).participants[0].person
    for edit in (
        lambda: store.update_meeting(meeting.edit(date="2025-02-30")),
        lambda: store.update_meeting(meeting.edit(title="")),
        lambda: store.update_person(person.edit(name="x" * 500)),
        lambda: store.add_item(SEED_MEETING_ID, ItemDraft.parse({"topic": "\x00"})),
    ):
        with pytest.raises(ValidationFailed):
            edit()
    assert store.meeting(SEED_MEETING_ID) == meeting
    assert store.person(person.id) == person


# -- accepted, read back exactly, found ------------------------------------------------------

ARABIC_TITLE = "اجتماع مجموعة العمل المشتركة حول سوريا"
EMOJI_NOTES = "Talks 🇹🇷🤝🇺🇸 went well 👍🏽, notes by 👩‍💻 (ZWJ sequence)"


def save(store, meeting: dict, participants=(), items=()):
    draft = MeetingDraft.parse({
        "meeting": {"date": "2025-05-20", **meeting},
        "participants": list(participants),
        "items": list(items),
    })
    return store.save_draft(draft).id


def test_a_100_kb_notes_field_is_kept_intact_and_searchable(store):
    words = [f"w{n:05d}" for n in range(16_000)]
    notes = " ".join(words[:8000]) + " zanzibarword " + " ".join(words[8000:])
    assert len(notes) > 100_000
    meeting_id = save(store, {"title": "Long notes", "notes": notes})
    assert store.meeting(meeting_id).notes == notes
    assert store.meeting_detail(meeting_id).meeting.notes == notes
    assert [h.id for h in store.search("zanzibarword")] == [meeting_id]


def test_right_to_left_arabic_is_kept_and_found(store):
    meeting_id = save(
        store, {"title": ARABIC_TITLE, "city": "أنقرة"},
        participants=[{"name": "هاكان فيدان", "delegation": "Türkiye"}],
        items=[{"topic": "تخفيف العقوبات", "text": "رفع العقوبات عن سوريا"}],
    )
    detail = store.meeting_detail(meeting_id)
    assert detail.meeting.title == ARABIC_TITLE and detail.meeting.city == "أنقرة"
    assert detail.participants[0].person.name == "هاكان فيدان"
    assert (detail.items[0].topic.name, detail.items[0].item.text) == (
        "تخفيف العقوبات", "رفع العقوبات عن سوريا",
    )
    assert meeting_id in {h.id for h in store.search("مجموعة")}
    assert {"topic", "item"} <= {h.kind for h in store.search("العقوبات")}
    assert detail.participants[0].delegation.country_code == "TR"


def test_emoji_are_kept_exactly(store):
    meeting_id = save(store, {"title": "Emoji 🤝 talks", "notes": EMOJI_NOTES})
    meeting = store.meeting(meeting_id)
    assert (meeting.title, meeting.notes) == ("Emoji 🤝 talks", EMOJI_NOTES)
    assert meeting_id in {h.id for h in store.search("went well")}
    assert store.search("🤝") == []  # emoji are not words: no match, and no error


def test_combining_characters_are_stored_composed_and_found_either_way(store):
    decomposed = "Mu\u0308nchen talks with Ays\u0327e Demir"
    meeting_id = save(
        store, {"title": decomposed},
        participants=[{"name": "Ays\u0327e Demir"}, {"name": "Nuh Yılmaz"}],
    )
    composed = unicodedata.normalize("NFC", decomposed)
    assert composed != decomposed
    assert store.meeting(meeting_id).title == composed  # one spelling in the file
    for query in ("München", "Mu\u0308nchen", "Munchen", "AYS\u0327E"):
        assert meeting_id in {h.id for h in store.search(query)}, query
    # The decomposed and the composed name are one person.
    other = save(store, {"title": "Second meeting"}, participants=[{"name": "Ayşe Demir"}])
    first = {v.person.name: v.person.id for v in store.meeting_detail(meeting_id).participants}
    second = store.meeting_detail(other).participants[0].person
    assert second.id == first["Ayşe Demir"]


def test_turkiye_and_turkey_are_one_delegation(store):
    spellings = ["Türkiye", "Turkey", "TURKIYE", "turkiye", "TR", "Republic of Turkey"]
    ids = [
        save(store, {"title": f"Meeting with {name}", "country": name},
             participants=[{"name": f"Delegate {k}", "delegation": name}])
        for k, name in enumerate(spellings)
    ]
    delegations = {
        (v.delegation.id, v.delegation.country_code)
        for meeting_id in ids for v in store.meeting_detail(meeting_id).participants
    }
    assert len(delegations) == 1 and next(iter(delegations))[1] == "TR"
    assert {store.meeting(i).country_code for i in ids} == {"TR"}
    # The sample's own Türkiye delegation is that same row.
    sample_tr = {v.delegation.id for v in store.meeting_detail(SEED_MEETING_ID).participants
                 if v.delegation and v.delegation.country_code == "TR"}
    assert sample_tr == {next(iter(delegations))[0]}
    # The timeline's country filter finds them all by any spelling (search matches words:
    # "Turkiye" finds "Türkiye" and "TURKIYE" in text, not the word "Turkey").
    for name in ("Turkey", "Türkiye"):
        found = store.meetings_page(filters=MeetingFilter(country=name), limit=100)
        assert set(ids) <= {row.id for row in found}


def test_notes_keep_newlines_and_tabs_and_normalise_line_ends(store):
    meeting_id = save(store, {"title": "Layout", "notes": "line one\r\n\tindented\rline three"})
    assert store.meeting(meeting_id).notes == "line one\n\tindented\nline three"


# -- the CLI with hostile search words ---------------------------------------------------------


HOSTILE_WORDS = [
    ["مجموعة"], ["🤝"], ["Mu\u0308nchen"], ['"'], ["NEAR(", "x"], ["*"], ["AND", "OR"],
    ["'; DROP TABLE meetings; --"], ["\x1b[31m"], ["sanctions", "-"],
]


def test_cli_search_takes_any_words_without_a_traceback(tmp_path):
    path = tmp_path / "agenda.db"
    assert run([*cli_command(), "--db", str(path), "sample"]).returncode == 0
    for words in HOSTILE_WORDS:
        done = run([*cli_command(), "--db", str(path), "search", "--", *words])
        assert done.returncode == 0, (words, done.stderr)
        assert done.stdout or done.stderr == "No matches.\n", words
    again = run([*cli_command(), "--db", str(path), "search", "sanctions"])
    assert "Türkiye–US Joint Working Group on Syria" in again.stdout  # nothing was harmed
