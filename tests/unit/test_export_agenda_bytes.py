"""The range agenda formatted on bytes (db.export.agenda_bytes, what exports run) against the
text formatting it replaced (tests/unit/agenda_text.py): the same bytes, on a generated store
(non-Latin text, multi-line outcomes and notes) whose text was then salted with everything
that needs escaping or trimming."""

from __future__ import annotations

import sqlite3

import pytest

from benchmarks.generate import generate
from db.export import agenda_bytes
from db.store import Store
from tests.unit import agenda_text

# Each replaces a stored text in turn: markup, runs of spaces, tabs, block starters, breaks in
# every place, white space of other scripts at the ends, entities, and plain non-Latin text.
AWKWARD = [
    "*Urgent* review of the `draft` [annex] <b>now</b>",
    "Grain  corridor\tcontrols",
    "- a list item?",
    "+ plus",
    "= underline",
    "1. numbered",
    "2) numbered too",
    "# not a heading",
    "> not a quote",
    "ends with a space ",
    " starts with a space",
    "\nstarts with a break",
    "ends with a break\n",
    "two\n\nparagraphs",
    "break \n after a space",
    "break\n before a space",
    "one\nbreak",
    "AT&T and &amp; and &#35;",
    "\u00a0no-break space first",
    "last a no-break space\u00a0",
    "\u3000ideographic space\u3000",
    "переговоры о зерне — 会谈 🇹🇷🤝",
    "Görüşme_notu | tablo ~~çizgi~~ $x$",
    "back\\slash",
    "line one\n  indented line two\n\n\n- third paragraph",
    "first line\n- second line, like a list item",
    "para one\n\n\npara two\nits second line",
    "a\n\n\n\nb",
    "tab\tin notes\nand a break",
    "123",
    "x",
]


@pytest.fixture(scope="module")
def salted(tmp_path_factory):
    path = tmp_path_factory.mktemp("agenda-bytes") / "store.db"
    generate(path, 120, 1200, seed=11, people=40, topics=20)
    conn = sqlite3.connect(path)
    with conn:
        for table, column in [("meetings", "title"), ("meetings", "notes"),
                              ("meetings", "venue"), ("meetings", "series"),
                              ("agenda_items", "text"), ("agenda_items", "outcome"),
                              ("sources", "outlet"), ("sources", "author"),
                              ("sources", "url"), ("people", "name"),
                              ("delegations", "name"), ("topics", "name")]:
            rowids = [row[0] for row in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
            # Every third row gets an awkward text, the rest keep the generated ones.
            for number, rowid in enumerate(rowids[::3]):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                             [AWKWARD[(number + len(column)) % len(AWKWARD)], rowid])
        conn.execute("UPDATE agenda_items SET text = NULL WHERE rowid % 7 = 0")
        conn.execute("UPDATE sources SET url = 'https://example.org/a_(b)<c>' WHERE rowid % 5 = 0")
        conn.execute("UPDATE sources SET outlet = NULL WHERE rowid % 4 = 0")
    conn.close()
    with Store.open(path, readonly=True) as store:
        yield store


def _both(store, where: str = "1", params: list | None = None) -> tuple[bytes, bytes]:
    with store._read() as conn:
        text = "".join(agenda_text._chunks(conn, where, params or [])).encode("utf-8")
        data = b"".join(agenda_bytes.chunks(conn, where, params or []))
    return text, data


def test_the_bytes_are_the_text_paths(salted):
    text, data = _both(salted)
    assert data == text
    # The store did hold what needs escaping, and it was escaped.
    assert text.count(b"\n## ") == 120
    for escaped in (b"\\*Urgent\\*", b"\\- a list item?", b"1\\. numbered", b"\\# not",
                    b"AT&T and \\&amp;", "переговоры".encode()):
        assert escaped in text


def test_a_part_of_the_store_too(salted):
    middle = salted.conn.execute(
        "SELECT date, id FROM meetings ORDER BY date, id LIMIT 1 OFFSET 60").fetchone()
    text, data = _both(salted, "(m.date, m.id) >= (?, ?)", list(middle))
    assert data == text
    assert text.count(b"\n## ") == 60


def test_chunks_end_at_meetings(salted, monkeypatch):
    """Each chunk is whole UTF-8 (Chunks decodes them one by one)."""
    monkeypatch.setattr(agenda_bytes, "CHUNK", 7)
    with salted._read() as conn:
        pieces = list(agenda_bytes.chunks(conn, "1", []))
    assert len(pieces) == 120 // 7 + 1
    assert all(piece.startswith(b"\n## ") for piece in pieces)
    for piece in pieces:
        piece.decode("utf-8")
