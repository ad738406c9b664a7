"""Exported markdown of hostile text renders as the literal text, through the real
`agenda-tui export markdown` (a brief, a topic dossier, a range agenda) and a real parser.

Two stores of the same shape are exported: one with hostile text in every field a markdown
export shows (HTML, `<script>`, pipes, backticks, emphasis, link and image syntax with
javascript: addresses, lines starting with #, -, +, >, 1., indentation, fences, tables), one
with plain placeholder words. Parsed with markdown-it-py ("gfm-like": tables, strikethrough,
bare addresses turned into links, as GitHub does), the two must give the same tokens (so no
heading, list, table, quote or link came from the text), and the hostile export's text must be
the benign one's with every placeholder replaced by the hostile value it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from markdown_it import MarkdownIt

from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
from db.models import Meeting
from db.store import Store
from tests.reliability.helpers import cli_command, run

SOURCE_URL = "https://example.org/report_(draft)?q=<b>&x=*y*"

# One-line fields: each gets a different mix, line-start tricks first (they only bite there).
HOSTILE_LINES = {
    "title1": "# Talks | <script>alert(1)</script> *bold* _it_ `code` ~~gone~~ $x$",
    "title2": "1. Round two [click](javascript:alert(1)) ![img](javascript:alert(2))",
    "city": "- Ankara <img src=x onerror=alert(1)>",
    "venue": "> Palace | with pipe",
    "country": "Atlantis <b>bold</b>",
    "series": "+ Series &amp; AT&T &#35; <!-- comment -->",
    "person1": "- Ayşe *Yıldız* | Jr. <u>x</u>",
    "person2": "2) Nuh [x]: javascript:alert(3)",
    "office1": "<b>Minister</b> of `tick` \\ backslash",
    "affiliation": "=== Ministry <javascript:alert(4)>",
    "org": "### Org | [x](javascript:alert(5)) <i>i</i>",
    "topic": "Topic | with `tick` and *stars* <script>x</script>",
    "topic2": "--- not a rule",
    "item_text": "# not a heading | cell [^note] [ ] task",
    "status_note": "<a href='javascript:alert(6)'>note</a> **strong**",
    "outlet": "Outlet [x](javascript:alert(7)) ]( <",
    "author": "Author_with_underscores_ *and* <em>tags</em>",
    "tag1": "<b>t</b>",
    "tag2": "`x`|y",
    "tag3": "[t](javascript:alert(8))",
}
# Multi-line fields: paragraphs of lines, each line opening some block of its own.
HOSTILE_TEXTS = {
    "notes1": [
        ["# not a heading", "- not a list", "+ nor this", "* nor this", "> not a quote",
         "1. not numbered", "2) nor this", "    not code", "```", "not a fence", "```"],
        ["<div>not html</div>", "<script>alert(1)</script>", "| a | b |", "|---|---|", "---",
         "===", "[x](javascript:alert(9))", "[ref]: javascript:alert(10)", "text \\"],
    ],
    "notes2": [["العربية *ok* | <b>x</b>", "中文 🇹🇷🤝🇺🇸 👩🏽‍💼 `x`"]],
    "outcome": [["> quoted?", "- listed?"], ["1. numbered?", "<p>html?</p>"]],
    "excerpt": [["# heading in a quote", "- list in a quote", "[x](javascript:alert(11))"]],
    "description": [["## Description heading?", "* star list?"], ["<table><tr><td>x</td></tr>"]],
}


@dataclass
class Values:
    lines: dict[str, str]
    texts: dict[str, list[list[str]]]

    def text(self, key: str) -> str:
        return "\n\n".join("\n".join(lines) for lines in self.texts[key])


HOSTILE = Values(HOSTILE_LINES, HOSTILE_TEXTS)
# The same shape in plain words: each placeholder stands for one hostile value.
BENIGN = Values(
    {key: f"Benign{n:02d}q" for n, key in enumerate(HOSTILE_LINES)},
    {key: [[f"Benign{n:02d}q{p}{i:02d}" for i, _ in enumerate(lines)]
           for p, lines in enumerate(paragraphs)]
     for n, (key, paragraphs) in enumerate(HOSTILE_TEXTS.items(), start=50)},
)


def placeholders() -> dict[str, str]:
    """Benign word -> the hostile text it stands for, as the export shows it (a line's outer
    spaces and indentation dropped)."""
    found = {BENIGN.lines[key]: HOSTILE.lines[key] for key in HOSTILE_LINES}
    for key, paragraphs in HOSTILE_TEXTS.items():
        for p, lines in enumerate(paragraphs):
            for i, line in enumerate(lines):
                found[BENIGN.texts[key][p][i]] = line.strip()
    # Longest first, so that no placeholder is replaced inside a longer one.
    return dict(sorted(found.items(), key=lambda pair: -len(pair[0])))


def build(path, v: Values) -> tuple[str, str]:
    """Two meetings sharing a topic; every exported field filled from `v`."""
    with Store.open(path) as store:
        first = store.save_draft(MeetingDraft(
            meeting=Meeting(title=v.lines["title1"], date="2025-05-20", status="held",
                            city=v.lines["city"], venue=v.lines["venue"],
                            country=v.lines["country"], series=v.lines["series"],
                            notes=v.text("notes1")),
            participants=[
                ParticipantDraft(name=v.lines["person1"], office=v.lines["office1"],
                                 delegation=v.lines["org"], role="co-chair"),
                ParticipantDraft(name=v.lines["person2"], delegation="Türkiye"),
            ],
            items=[ItemDraft(topic=v.lines["topic"], text=v.lines["item_text"],
                             outcome=v.text("outcome"), status="agreed"),
                   ItemDraft(topic=v.lines["topic2"])],
            sources=[SourceDraft(outlet=v.lines["outlet"], author=v.lines["author"],
                                 url=SOURCE_URL, published="2025-05-18",
                                 excerpt=v.text("excerpt"))],
        ))
        second = store.save_draft(MeetingDraft(
            meeting=Meeting(title=v.lines["title2"], date="2025-09-15", notes=v.text("notes2")),
            participants=[ParticipantDraft(name=v.lines["person1"], delegation=v.lines["org"])],
            items=[ItemDraft(topic=v.lines["topic"], status="discussed")],
        ))
        item = store.meeting_detail(second.id).items[0]
        store.set_item_status(item.item.id, "agreed", note=v.lines["status_note"])
        store.update_topic(store.topic(item.topic.id).edit(
            description=v.text("description"),
            tags=[v.lines["tag1"], v.lines["tag2"], v.lines["tag3"]]))
        person = store.meeting_detail(first.id).participants[0].person
        store.update_person(person.edit(affiliation=v.lines["affiliation"]))
        # Status changes carry the moment they were made, which the dossier shows and orders
        # them by: the same moments in both stores (in the order they were made), so that
        # only the text differs.
        with store._write("fix times", undoable=False) as tx:
            tx.conn.execute("UPDATE status_changes SET changed_at = "
                            "printf('2025-06-01T09:%02d:00.000Z', rowid)")
        return first.id, item.topic.id


def exports(tmp_path, v: Values, name: str) -> dict[str, str]:
    path = tmp_path / f"{name}.db"
    meeting_id, topic_id = build(path, v)
    out = {}
    for kind, args in {"brief": ["--meeting", meeting_id], "dossier": ["--topic", topic_id],
                       "range agenda": ["--from", "2025-01-01", "--to", "2025-12-31"]}.items():
        done = run([*cli_command(), "--db", str(path), "export", "markdown", *args])
        assert done.returncode == 0 and done.stderr == "", done.stderr
        out[kind] = done.stdout
    return out


def flat(tokens):
    for token in tokens:
        yield token
        yield from flat(token.children or [])


def shape(tokens) -> list[tuple]:
    """Every token but the words: kind, tag, nesting, where it starts a link its address."""
    return [(t.type, t.tag, t.nesting, t.attrs.get("href")) for t in flat(tokens)
            if t.type != "text"]


def texts(tokens) -> list[str]:
    """The text of each inline run (a heading, a paragraph, a list item, a table cell), line
    breaks as newlines: what a reader sees."""
    shown = []
    for token in tokens:
        if token.type != "inline":
            continue
        parts = []
        for child in token.children:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
        shown.append("".join(parts))
    return shown


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return exports(folder, HOSTILE, "hostile"), exports(folder, BENIGN, "benign")


@pytest.mark.parametrize("kind", ["brief", "dossier", "range agenda"])
def test_hostile_text_renders_as_the_literal_text(rendered, kind):
    hostile, benign = (MarkdownIt("gfm-like").parse(r[kind]) for r in rendered)
    kinds = {t.type for t in flat(hostile)}
    assert not kinds & {"html_block", "html_inline", "image", "code_inline", "code_block",
                        "fence", "blockquote_open", "em_open", "s_open", "hr"} - {
        t.type for t in flat(benign)}
    hrefs = [t.attrs["href"] for t in flat(hostile) if t.type == "link_open"]
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert set(hrefs) <= {MarkdownIt().normalizeLink(SOURCE_URL)}
    # The same headings, lists, tables, quotes and links as the plain store, nothing more.
    assert shape(hostile) == shape(benign)
    # And the words are the hostile ones, exactly.
    expected = texts(benign)
    for word, value in placeholders().items():
        expected = [text.replace(word, value) for text in expected]
    assert texts(hostile) == expected


def test_every_hostile_value_is_exported(rendered):
    """Each value appears in at least one export (so the test above covered it)."""
    hostile, _ = rendered
    shown = "\n".join("\n".join(texts(MarkdownIt("gfm-like").parse(text)))
                      for text in hostile.values())
    missing = [value for value in placeholders().values() if value not in shown]
    assert missing == []
