"""A search's words as FTS5 queries: every word is a prefix ("sanc" finds "sanctions"), given
to FTS5 where it can be as the exact terms the index holds under that prefix.

Why: FTS5 answers a prefix query by reading the whole posting list of every term it covers
before any LIMIT applies (6 ms for "security"* in 500,000 agenda items, 90 ms for "s"*), while
an OR of exact terms is read newest first and stops at the limit (0.1-1 ms). The terms come
from an fts5vocab table, one index probe per term. A prefix covering more than MAX_TERMS terms,
or a word whose token we cannot predict, stays a prefix query. Either way the same rows match.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Sequence

from db.countries import fold

# Only the tables that grow with the meetings: topics and people stay in the thousands, where a
# prefix query costs less (0.05 ms for "security"*) than the probes that would expand it.
EXPANDED_TABLES = ("meetings", "agenda_items")
MAX_WORDS = 12
# Each term costs a probe (~0.1 ms) and a doclist to merge: an OR of 50 terms still reads in
# ~2 ms where their prefix takes 80. A prefix covering more terms is read as a prefix, after
# the MAX_TERMS + 1 probes that found out (5-10 ms per table at 50,000 meetings).
MAX_TERMS = 64
_WORD = re.compile(r"\w+", re.UNICODE)
# Under unicode61 a word of ASCII letters and digits is one token, its lower case. Any other
# word (accents, other scripts, "_", which \w keeps and the tokenizer splits at) is the
# tokenizer's business: it stays a prefix query, which SQLite tokenizes itself.
_PLAIN = re.compile(r"[a-z0-9]+")

Words = Sequence[tuple[str, ...]]


def query_words(text: str) -> list[tuple[str, ...]]:
    """The words of the user's text (at most MAX_WORDS), each with its folded spelling when that
    differs: the index removes accents but keeps "ı", so "Yılmaz" is also looked up as "yilmaz"."""
    # Stored text is NFC (the models normalise it); a decomposed query ("u" + U+0308) would
    # otherwise split at the combining mark, which \w does not match, and find nothing.
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:MAX_WORDS]
    spellings = []
    for word in words:
        folded = fold(word)
        spellings.append((word, folded) if folded != word.lower() else (word,))
    return spellings


def prefix_query(words: Words) -> str | None:
    """Every word as a prefix, all words required. Quoting each word keeps FTS syntax (AND,
    NEAR, quotes, *) out of user hands."""
    if not words:
        return None
    return _all([_any([f'"{s}"*' for s in spellings]) for spellings in words])


def table_query(conn: sqlite3.Connection, table: str, words: Words) -> str | None:
    """The query for one full-text table (`table`_fts) with prefixes expanded to exact terms
    where that is known to find the same rows; None when no row can match (a word's prefix
    covers no term of this table). Needs `attach_vocabularies` to have succeeded."""
    if table not in EXPANDED_TABLES:
        return prefix_query(words)
    parts = []
    for spellings in words:
        pieces: list[str] = []
        for spelling in spellings:
            key = spelling.lower()
            plain = spelling.isascii() and _PLAIN.fullmatch(key)
            terms = _terms(conn, table, key) if plain else None
            if terms is None:
                pieces.append(f'"{spelling}"*')
            else:
                pieces += [_quoted(term) for term in terms]
        if not pieces:
            return None  # every row must hold every word
        parts.append(_any(list(dict.fromkeys(pieces))))
    return _all(parts) if parts else None


def attach_vocabularies(conn: sqlite3.Connection) -> bool:
    """Give this connection the fts5vocab tables table_query reads; False if it cannot.

    They live in the connection's temp schema, so nothing is written to the store file and an
    older store needs no migration. A store opened read-only on a writable file has
    query_only set, which also refuses temp objects: it is lifted for these statements only.
    """
    present = {row[0] for row in conn.execute("SELECT name FROM temp.sqlite_master")}
    missing = [t for t in EXPANDED_TABLES if _vocab(t) not in present]
    if not missing:
        return True
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    try:
        if query_only:
            conn.execute("PRAGMA query_only = OFF")
        for table in missing:
            conn.execute(f"CREATE VIRTUAL TABLE temp.[{_vocab(table)}] "
                         f"USING fts5vocab(main, [{table}_fts], instance)")
    except sqlite3.Error:
        return False  # (no fts5vocab, or a file SQLite cannot write temp data beside)
    finally:
        if query_only:
            conn.execute("PRAGMA query_only = ON")
    return True


def _terms(conn: sqlite3.Connection, table: str, prefix: str) -> list[str] | None:
    """The index's terms starting with `prefix`, in order; None if there are more than
    MAX_TERMS. An 'instance' vocabulary yields a term's first occurrence at once (a 'row' one
    would count all of them first), so each probe reads a few pages: the first term at or after
    `start`, then the next start is just past it."""
    sql = f"SELECT term FROM temp.[{_vocab(table)}] WHERE term >= ? LIMIT 1"
    found: list[str] = []
    start = prefix
    while len(found) <= MAX_TERMS:
        row = conn.execute(sql, [start]).fetchone()
        if row is None or not row[0].startswith(prefix):
            return found
        found.append(row[0])
        start = row[0] + "\x00"  # no term holds NUL, so nothing lies between the two
    return None


def _vocab(table: str) -> str:
    return f"{table}_fts_search_terms"


def _quoted(term: str) -> str:
    # A term is the tokenizer's output (letters and digits), so it re-tokenizes to itself.
    return '"' + term.replace('"', '""') + '"'


def _any(pieces: list[str]) -> str:
    return pieces[0] if len(pieces) == 1 else "(" + " OR ".join(pieces) + ")"


def _all(parts: list[str]) -> str:
    # Explicit AND: FTS5 accepts "a" "b" but not ("a" OR "b") "c" (a syntax error).
    return " AND ".join(parts)
