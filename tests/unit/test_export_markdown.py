"""Markdown exports: golden files of the sample, rendering checked with a real GFM parser
(markdown-it-py), escaping of hostile text, and deterministic output."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
from db.errors import NotFound
from db.export import agenda, escape, meeting_brief, range_agenda, topic_dossier
from db.models import Meeting
from db.sample import SEED_MEETING_ID
from db.store import Store
from db.views import MeetingFilter
from tests.golden.refresh import FILES, GOLDEN, SANCTIONS_TOPIC_ID, render_all

HOSTILE_TITLE = "# Talks | <script>alert(1)</script> *bold* _it_ [x](http://evil.example) `code`"
HOSTILE_NOTES = (
    "- not a list\n+ nor this\n> not a quote\n1. not numbered\n## not a heading\n---\n"
    "    not code\n<div>not html</div>\n| a | b |\n|---|---|\n~~not struck~~ $x$ &amp; AT&T\n\n"
    "Второй абзац: العربية 中文 🇹🇷🤝🇺🇸 👩🏽‍💼"
)


def gfm() -> MarkdownIt:
    return MarkdownIt("gfm-like")


def flat(tokens):
    for token in tokens:
        yield token
        yield from flat(token.children or [])


def text_of(tokens) -> str:
    """The literal text a renderer would show, hard and soft breaks as newlines."""
    parts = []
    for token in flat(tokens):
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [p for p in FILES if p.parent == GOLDEN], ids=lambda p: p.name)
def test_golden_files_match(path):
    """If this fails after an intended change: `python -m tests.golden.refresh`, review the
    diff, commit it."""
    assert render_all()[path] == path.read_text(encoding="utf-8")


def test_brief_has_the_facts_in_order(store):
    text = meeting_brief(store, SEED_MEETING_ID)
    assert text.startswith("# Türkiye–US Joint Working Group on Syria\n")
    assert "- **Date:** 20 May 2025\n" in text
    assert "- **Place:** Washington, United States\n" in text
    assert text.index("### Türkiye") < text.index("- Nuh Yilmaz (co-chair)") < text.index(
        "### United States") < text.index("- Christopher Landau (co-chair)")
    assert "7. Procedural framework and timeline of sanctions relief — **scheduled**" in text
    assert "- Caliber.Az — Vafa Guliyeva\n" in text


def test_same_store_same_bytes(store, tmp_path):
    from db.sample import load_sample
    from db.store import Store

    with Store.open(tmp_path / "other.db") as other:
        load_sample(other)
        for make in (lambda s: meeting_brief(s, SEED_MEETING_ID),
                     lambda s: topic_dossier(s, SANCTIONS_TOPIC_ID),
                     lambda s: range_agenda(s, MeetingFilter())):
            assert make(store) == make(store) == make(other)


def test_dossier_lists_meetings_in_date_order_with_history(store):
    text = topic_dossier(store, SANCTIONS_TOPIC_ID)
    tokens = gfm().parse(text)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 6  # header + five meetings
    dates = ["24 April 2025", "20 May 2025", "3 July 2025", "15 September 2025",
             "January 2027 (month only)"]
    positions = [text.index(f"| {d} |") for d in dates]
    assert positions == sorted(positions)
    assert "- 15 September 2025, 11:00 UTC: scheduled → agreed. Sample: sequencing agreed" in text


def test_month_precision_is_shown_honestly(store):
    text = range_agenda(store, MeetingFilter(date_from=dt.date(2027, 1, 1),
                                             date_to=dt.date(2027, 1, 31)))
    title = "Türkiye–US Joint Working Group on Syria, third round"
    assert f"## January 2027 (month only): {title}" in text
    assert text.count("\n## ") == 1


def test_range_filters(store):
    held = range_agenda(store, MeetingFilter(statuses=frozenset({"held"})))
    assert held.count("\n## ") == 3 and "3 meetings; status held." in held
    belgium = range_agenda(store, MeetingFilter(country="Belgium"))
    assert belgium.count("\n## ") == 1 and "Conference on north-east Syria's camps" in belgium
    series = range_agenda(store, MeetingFilter(series="Türkiye–US Joint Working Group on Syria"))
    assert series.count("\n## ") == 4
    assert "**Participants:** Türkiye: Nuh Yilmaz (co-chair); United States: " in series


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFound):
        meeting_brief(store, "nope")
    with pytest.raises(NotFound):
        topic_dossier(store, "nope")


# -- hostile text renders as literal text ------------------------------------------------------


@pytest.fixture
def hostile(empty_store):
    meeting = Meeting(title=HOSTILE_TITLE, date=dt.date(2025, 5, 20), notes=HOSTILE_NOTES,
                      city="1. Ankara", series="Series | with pipe")
    empty_store.save_draft(MeetingDraft(
        meeting=meeting,
        participants=[ParticipantDraft(name="Ayşe *Yıldız* | Jr.", office="<b>Minister</b>",
                                       delegation="Türkiye", role="co-chair")],
        items=[ItemDraft(topic="Topic | with `tick`", text="# not a heading | cell",
                         outcome="> quoted?\n\n- list?", status="agreed")],
        sources=[SourceDraft(outlet="Outlet [x](y)", url="https://example.org/a_(b)?q=1")],
    ))
    return empty_store, meeting.id


def test_hostile_brief_renders_literally(hostile):
    store, meeting_id = hostile
    tokens = gfm().parse(meeting_brief(store, meeting_id))
    kinds = {t.type for t in flat(tokens)}
    assert not kinds & {"html_block", "html_inline", "code_block", "fence", "code_inline",
                        "blockquote_open", "em_open", "s_open", "table_open", "hr"}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert text_of(tokens[1:2]) == HOSTILE_TITLE
    assert headings[1:] == ["Participants", "Türkiye", "Agenda", "Notes", "Sources"]
    # The one link is the source's; "[x](http://evil.example)" stays text. (A bare address is
    # turned into a link by GFM renderers, as GitHub does; its text stays the address.)
    links = [(t.attrs["href"], tokens) for t in flat(tokens) if t.type == "link_open"]
    assert [href for href, _ in links] == ["http://evil.example", "https://example.org/a_(b)?q=1"]
    assert "[x](http://evil.example)" in text_of(tokens[1:2])
    notes_start = next(i for i, t in enumerate(tokens) if t.content == "Notes")
    notes = text_of(tokens[notes_start + 2: -1])
    for line in HOSTILE_NOTES.split("\n"):
        assert line.strip() in notes
    assert "🇹🇷🤝🇺🇸 👩🏽‍💼" in notes and "العربية 中文" in notes


def test_hostile_table_cells_stay_in_their_column(hostile):
    store, meeting_id = hostile
    topic_id = store.meeting_detail(meeting_id).items[0].topic.id
    tokens = gfm().parse(topic_dossier(store, topic_id))
    cells = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            cells.append([])
        if token.type in ("td_open", "th_open"):
            cells[-1].append(text_of(tokens[i + 1:i + 2]))
    assert cells[1] == ["20 May 2025", HOSTILE_TITLE, "1. Ankara", "# not a heading | cell",
                        "agreed"]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_inline_escaping_round_trips_through_a_parser(text):
    """Any one-line text, escaped, renders as plain text in one paragraph: no markup at all."""
    expected = re.sub(" +", " ", text).strip(" ")
    assume(expected)
    # Between two words, as in a list item or a table cell.
    tokens = _parser().parse(f"x {escape.inline(text)} y")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {t.type for t in flat(tokens[1].children)} == {"text"}
    assert text_of(tokens) == f"x {expected} y"


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_line_starts_never_open_blocks(lines):
    """Multi-line text keeps its lines (hard breaks) and never starts a list, heading, quote,
    code block or table, whatever each line begins with."""
    lines = [line.strip(" ") for line in lines]
    lines = [line for line in lines if line.strip()]
    assume(lines)
    paragraphs = escape.paragraphs("\n".join(lines))
    assert len(paragraphs) == 1
    tokens = _parser().parse(paragraphs[0])
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {t.type for t in flat(tokens[1].children)} <= {"text", "hardbreak"}
    # markdown-it-py trims any Unicode space (e.g. a no-break space) at the paragraph's ends.
    assert text_of(tokens) == "\n".join(lines).strip()


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                           blacklist_characters="\x00"), min_size=1,
                    max_size=30)
# Texts that are often plain, sometimes with one markup character, space or break.
_MOSTLY_PLAIN = st.one_of(
    st.text(alphabet="abc XYZ.,:;'()–çş中🇹🇷", min_size=1, max_size=20),
    st.builds(lambda a, mark, b: a + mark + b, st.text("ab ", max_size=5),
              st.sampled_from([*"\\`*_[]<>|~#$&\n\t-+=0123456789 ", "  ", "&amp;"]),
              st.text("ab ", max_size=5)).filter(bool),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_MOSTLY_PLAIN, _ANY_TEXT), min_size=1, max_size=6))
def test_plain_texts_are_exactly_what_inline_leaves_alone(texts):
    """all_plain (the range agenda's check for a meeting's items at once) never says plain
    when inline() would change a text; with breaks=True, texts with a newline are the caller's
    to escape."""
    unchanged = [escape.inline(text) == text for text in texts]
    if escape.all_plain(texts):
        assert all(unchanged)
    if escape.all_plain(texts, breaks=True):
        assert all(ok for ok, text in zip(unchanged, texts, strict=True) if "\n" not in text)


_WORDS = st.lists(st.text(alphabet="abcXYZ.,:;'()–çşı中🇹🇷", min_size=1, max_size=8),
                  min_size=1, max_size=5).map(" ".join)


@given(st.lists(_WORDS, min_size=1, max_size=6))
def test_plain_texts_are_recognised(texts):
    """Words of any script with punctuation but no markup: plain (the fast path is taken)."""
    assert all(escape.inline(text) == text for text in texts)
    assert escape.all_plain(texts)


# -- a big agenda written by two processes ---------------------------------------------------


@pytest.fixture
def split(monkeypatch):
    """Every agenda split in two, the later half by a forked helper (as the CLI does from
    SPLIT_AT meetings); the helpers started are listed."""
    started = []
    start = agenda._Helper.start.__func__

    def recording(cls, *args):
        helper = start(cls, *args)
        started.append(helper)
        return helper

    monkeypatch.setattr(agenda, "SPLIT_AT", 1)
    monkeypatch.setattr(agenda, "_can_fork", lambda: True)
    monkeypatch.setattr(agenda._Helper, "start", classmethod(recording))
    return started


def test_split_agenda_is_the_golden_one(store, split):
    assert range_agenda(store, MeetingFilter()) == (GOLDEN / "sample-agenda.md").read_text(
        encoding="utf-8")
    assert split and split[0] is not None and split[0].pid == 0  # it ran, and was reaped


@pytest.mark.parametrize("filters", [
    MeetingFilter(statuses=frozenset({"held"})),
    MeetingFilter(country="Belgium"),
    MeetingFilter(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31)),
], ids=["status", "country", "dates"])
def test_split_agenda_is_the_one_process_agenda(store, monkeypatch, filters):
    whole = range_agenda(store, filters)
    monkeypatch.setattr(agenda, "SPLIT_AT", 1)
    monkeypatch.setattr(agenda, "_can_fork", lambda: True)
    assert range_agenda(store, filters) == whole


def _fails(ready: bool):
    def helper_main(path, filters, middle, output, signals):
        if ready:
            os.write(signals, b"R")
        os._exit(1)
    return helper_main


@pytest.mark.parametrize("ready", [False, True], ids=["before-reading", "while-writing"])
def test_a_failed_helper_leaves_the_same_agenda(store, split, monkeypatch, ready):
    whole = range_agenda(store, MeetingFilter())
    monkeypatch.setattr(agenda, "_helper_main", _fails(ready))
    assert range_agenda(store, MeetingFilter()) == whole
    assert (split[-1] is not None) == ready


def test_a_commit_as_the_helper_begins_is_noticed(store, split):
    """The helper reads in its own transaction: a commit between its start and ours would
    make the two halves show different stores, so then this process writes everything."""
    helper = agenda._Helper.start(store, MeetingFilter(), store.count_meetings())
    try:
        with store._read() as conn:
            assert helper.same_snapshot(conn)
        with Store.open(store.path) as other, other._write("rename", undoable=False):
            other.conn.execute("UPDATE meetings SET title = 'Renamed' WHERE id = ?",
                               [SEED_MEETING_ID])
        with store._read() as conn:
            assert not helper.same_snapshot(conn)
    finally:
        helper.stop()
