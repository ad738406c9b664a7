"""Full-text search across meetings, items, topics and people, kept in step by triggers."""

from __future__ import annotations

from db.drafts import ItemDraft, ParticipantDraft
from db.models import Meeting
from db.sample import SEED_MEETING_ID
from db.search import fts_query, strip_marks


def kinds(hits):
    return {h.kind for h in hits}


def test_finds_every_kind(store):
    assert kinds(store.search("sanctions")) >= {"meeting", "item", "topic"}
    people = store.search("Yilmaz")
    assert [h.label for h in people if h.kind == "person"] == ["Nuh Yilmaz"]


def test_prefix_and_accent_folding(store):
    assert store.search("sanc")
    assert [h for h in store.search("Turkiye") if h.kind == "topic"]
    hits = store.search("Aydin")  # stored as Aydın
    assert [h.label for h in hits if h.kind == "person"] == ["Kerem Aydın"]


def test_every_word_must_match(store):
    both = store.search("sanctions timeline")
    assert [h.label for h in both] == ["Procedural framework and timeline of sanctions relief"]
    assert both[0].meeting.id == SEED_MEETING_ID


def test_fts_syntax_in_user_text_is_literal(store):
    for text in ['"', "AND OR NOT", "a*", "NEAR(", "col:value", "(", "-x"]:
        store.search(text)  # must not raise
    assert fts_query("  ") is None
    assert fts_query('say "hi"') == '"say"* AND "hi"*'


def test_a_folded_word_among_others(store):
    # ("Aydın"* OR "aydin"*) next to another word needs an explicit AND: FTS5 refuses
    # ("a" OR "b") "c" as a syntax error, which every such search used to raise.
    for text in ("Kerem Aydın", "Aydın Kerem"):
        assert [h.label for h in store.search(text) if h.kind == "person"] == ["Kerem Aydın"]


def test_index_follows_inserts_updates_and_deletes(empty_store):
    m = empty_store.add_meeting(Meeting(title="Quartet envoys", date="2025-01-01"))
    item = empty_store.add_item(m.id, ItemDraft(topic="Water", text="Jordan river allocation"))
    empty_store.add_participant(m.id, ParticipantDraft(name="Ada Lovelace", office="Envoy"))
    assert empty_store.search("Jordan")[0].meeting.id == m.id
    assert empty_store.search("Lovelace")[0].kind == "person"
    empty_store.update_meeting(m.edit(title="Contact group"))
    assert not empty_store.search("Quartet") and empty_store.search("contact group")
    empty_store.delete_item(item.item.id)
    assert not [h for h in empty_store.search("Jordan") if h.kind == "item"]


def test_snippets_mark_the_match(store):
    hit = next(h for h in store.search("Landau") if h.kind == "person")
    assert "\ue000" in hit.snippet and strip_marks(hit.snippet).startswith("Christopher Landau")


def test_a_common_word_still_shows_every_kind(empty_store):
    from db.search import fair_shares

    assert fair_shares({"meeting": 90, "item": 90, "topic": 3, "person": 0}, 40) == {
        "meeting": 19, "item": 18, "topic": 3, "person": 0}
    for i in range(30):
        m = empty_store.add_meeting(Meeting(title=f"Security talks {i}", date="2025-01-01"))
        empty_store.add_item(m.id, ItemDraft(topic=f"Security topic {i}", text="Security"))
    empty_store.add_participant(m.id, ParticipantDraft(name="Ada Security"))
    hits = empty_store.search("security", limit=20)
    assert len(hits) == 20
    assert {"meeting", "item", "topic", "person"} <= {h.kind for h in hits}
