"""Search gives FTS5 each prefix as the exact terms the index holds under it
(db.search_terms): the rows found must be exactly those of the plain prefix query."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest

from benchmarks import generate as gen
from db import search_terms
from db.countries import fold
from db.drafts import ItemDraft, ParticipantDraft
from db.models import Meeting
from db.search import MARK_END, MARK_START
from db.search_terms import prefix_query, query_words, table_query
from db.store import Store

FTS_TABLES = ("meetings", "agenda_items", "topics", "people")
# Word families that share prefixes, in several scripts, with accents the index folds (é) and
# letters it keeps (ı), digits, joined words and a word \w keeps whole but FTS5 splits (_).
VARIANTS = [
    "security", "securities", "secure", "Securitisation", "sécurité", "Security-related",
    "Türkiye", "Turkiye", "türk", "Turkmenistan", "Yılmaz", "YILMAZ", "yilmaz", "Işık",
    "сотрудничество", "сотрудник", "Сотрудничества", "безопасность", "naïve", "NAIVE",
    "cooperation", "co-operation", "cooperative", "coop", "2025", "20250520", "3rd",
    "O'Brien", "under_score", "Ελλάδα", "ελλάδα", "北京", "北京市", "مفاوضات", "Straße",
    "strasse", "ﬁnance", "finance", "Zoë", "zoe", "İstanbul", "istanbul",
]
TEXTS = [
    "secur", "SECURITY", "sec", "s", "turkiye", "Türk", "Tu\u0308rkiye", "tür", "yılmaz",
    "Yilmaz", "ışık", "сотруд", "Сотрудничество безопасность", "naive", "naïve", "coop",
    "co operation", "2025", "20", "o brien", "under_score", "under", "score", "ελλαδα",
    "北京", "مفا", "strasse", "straße", "finance", "ﬁn", "zoe", "istanbul", "İst",
    "security cooperation", "secur turk", "Türkiye security", "security zz",
    # FTS syntax typed by the user is searched as words
    '"secur', 'secur*', "secur AND coop", "OR sec", "NOT coop", "NEAR(sec coop)",
    "text:secur", "-secur", "^sec", 'sec"ur', "(coop", "a b c d e f g h i j k l m n",
]


@pytest.fixture(scope="module")
def variants_store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("variants") / "v.db")
    pairs = list(itertools.combinations(VARIANTS, 2))[::7]
    for n, (a, b) in enumerate(pairs):
        m = store.add_meeting(Meeting(title=f"{a} talks", date=f"20{10 + n % 15}-01-0{1 + n % 9}",
                                      notes=f"On {b} and {a}."))
        store.add_item(m.id, ItemDraft(topic=f"{b} file", text=f"{a} {b} review"))
        store.add_participant(m.id, ParticipantDraft(name=f"{a.title()} {b.title()}",
                                                     office=f"Envoy for {b}"))
        if n % 5 == 0:  # deleted and changed rows leave delete markers in the index
            store.delete_meeting(m.id)
        elif n % 5 == 1:
            store.update_meeting(m.edit(title=f"{b} round"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "g.db"
    gen.generate(path, meetings=150, items=1500, seed=7)
    with Store.open(path) as store:
        yield store


def rowids(store: Store, table: str, query: str | None) -> set[int]:
    if query is None:
        return set()
    sql = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?"
    return {row[0] for row in store.conn.execute(sql, [query])}


def assert_same_rows(store: Store, texts) -> int:
    """Every text finds the same rows in every table both ways; returns how many queries
    were expanded (so a test can tell the fast path was taken)."""
    expanded = 0
    with store._read() as conn:
        assert search_terms.attach_vocabularies(conn)
        for text in texts:
            words = query_words(text)
            for table in FTS_TABLES:
                query = table_query(conn, table, words)
                assert rowids(store, table, query) == rowids(store, table, prefix_query(words)), (
                    text, table, query)
                expanded += query is None or "*" not in query
    return expanded


def every_prefix(words):
    return {word[:n] for word in words for n in range(1, len(word) + 1)}


def test_expanded_prefixes_find_the_same_rows(variants_store):
    assert assert_same_rows(variants_store, [*TEXTS, *every_prefix(VARIANTS)]) > 100


def test_on_a_generated_store_too(generated_store):
    words = generated_store.conn.execute(
        "SELECT title FROM meetings UNION ALL SELECT name FROM people "
        "UNION ALL SELECT text FROM agenda_items WHERE text IS NOT NULL LIMIT 400"
    ).fetchall()
    vocabulary = {w for (line,) in words for w in query_words(line) for w in w}
    texts = [*TEXTS, *every_prefix(sorted(vocabulary)[::3])]
    pairs = [" ".join(p) for p in itertools.combinations(sorted(vocabulary)[::9], 2)][::5]
    assert assert_same_rows(generated_store, texts + pairs) > 100


def test_a_wide_prefix_stays_a_prefix(variants_store, monkeypatch):
    monkeypatch.setattr(search_terms, "MAX_TERMS", 2)
    with variants_store._read() as conn:
        assert search_terms.attach_vocabularies(conn)
        assert table_query(conn, "meetings", query_words("s")) == '"s"*'
        assert table_query(conn, "meetings", query_words("secure")) == '"secure"'
        # the small tables are always given prefixes
        assert table_query(conn, "topics", query_words("secure")) == '"secure"*'
    assert_same_rows(variants_store, TEXTS)


def test_a_prefix_no_term_has_skips_the_table(variants_store):
    with variants_store._read() as conn:
        assert search_terms.attach_vocabularies(conn)
        assert table_query(conn, "meetings", query_words("security zzz")) is None
        assert table_query(conn, "meetings", query_words("secur")) == (
            '("secure" OR "securite" OR "securities" OR "securitisation" OR "security")')


def test_search_results_unchanged(variants_store, generated_store, monkeypatch):
    """Whole results (kinds, ids, order, meetings) as the prefix query gives them. Snippets
    too where each word is one term; where a row holds several terms of one prefix, FTS5 may
    pick another passage (it scores passages by distinct query terms, and each expanded term
    counts as one), still marking words that start with what was typed."""
    texts = [*TEXTS, "secu", "sec turk", "s"]
    whole_words = ["SECURITY", "Türkiye", "сотрудничество", "yilmaz", "security cooperation"]
    for store in (variants_store, generated_store):
        fast = {text: store.search(text, limit=30) for text in texts + whole_words}
        monkeypatch.setattr(store, "_expands_prefixes", False)
        plain = {text: store.search(text, limit=30) for text in texts + whole_words}
        monkeypatch.undo()
        for text, hits in fast.items():
            assert [replace(h, snippet="") for h in hits] == [
                replace(h, snippet="") for h in plain[text]], text
            typed = [fold(spellings[0]) for spellings in query_words(text)]
            for hit in hits:
                for marked in re.findall(f"{MARK_START}(.*?){MARK_END}", hit.snippet):
                    assert any(fold(marked).startswith(w) for w in typed), (text, marked)
        for text in whole_words:
            assert fast[text] == plain[text]
        assert all(fast[text] for text in whole_words[:2])


def test_read_only_stores_expand_too(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        m = store.add_meeting(Meeting(title="Security review", date="2025-01-01"))
    with Store.open(path, readonly=True) as store:  # a writable file: query_only
        assert [h.id for h in store.search("secur")] == [m.id]
        assert store._expands_prefixes is True
        with pytest.raises(Exception, match="read-only|readonly"):
            store.add_meeting(Meeting(title="Still read-only", date="2025-01-02"))
