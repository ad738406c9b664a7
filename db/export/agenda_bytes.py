"""The range agenda's meetings formatted as UTF-8 bytes, from rows whose text SQLite hands over
as bytes (CAST(... AS BLOB)): the whole store is 100 MB of titles, agenda items, outcomes and
notes, and decoding all of it to str and encoding the output again cost a quarter of the
export. Text is decoded only where it needs escaping (a markup character, a run of spaces, a
line break where it matters), through escape.py's functions, so the bytes are the ones the
text path (tests/unit/agenda_text.py, the reference) gives: a test compares the two.

Checks on bytes are sound for UTF-8: every byte of a multi-byte character is >= 0x80, so an
ASCII byte found in the bytes is that character in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from db.countries import fold
from db.export import escape
from db.export.gather import merged_rows, names, when_of
from db.export.markdown import name
from db.vocab import ROLE_ORDER

CHUNK = 500  # meetings per yielded chunk: the writer gets sizeable pieces, memory stays flat

# What inline() would change in a line, but for line breaks and the ends (checked apart):
# markup characters (the "&" of any entity included: such text just takes the slow path),
# tabs and runs of spaces. Looked for one by one with `in` and an int, which is memchr: a
# regex character class scans bytes 20x slower, and the texts are 80 MB.
_MARKS = tuple(b"\t\\`*_[]<>|~#$&")
# What paragraphs() changes in notes: markup characters (breaks, tabs and starters apart).
_NOTE_MARKS = tuple(b"\\`*_[]<>|~#$&")
# First bytes inline() changes (block starters, a space it strips; a line break, which would
# become a stripped space) and last bytes (the same for a space and a break).
_BAD_FIRST = frozenset([b"-", b"+", b"=", b" ", b"\n", *(bytes([c]) for c in b"0123456789")])
_BAD_LAST = frozenset([b" ", b"\n"])
# Notes' ends: printable ASCII is never stripped (str.strip() takes white space of any script).
_NOTE_EDGE = frozenset(range(0x21, 0x7F))


def _marked(text: bytes, marks: tuple[int, ...] = _MARKS) -> bool:
    for mark in marks:
        if mark in text:
            return True
    return marks is _MARKS and b"  " in text


_URL_SPECIAL = re.compile(rb"[\\()<>]")
_NO_DELEGATION = "\uffff"  # sorts a group without a delegation after every named one


def _plain(text: bytes) -> bool:
    """Whether inline() leaves `text` (non-empty, without line breaks) as it is."""
    return not _marked(text) and text[:1] not in _BAD_FIRST \
        and text[-1:] not in _BAD_LAST


def _inline(text: bytes) -> bytes:
    """inline() of one title, agenda text or outcome: on the bytes when it only turns line
    breaks between words into spaces (a typical outcome), through the text otherwise. (A
    break beside a space or another break, or at an end, leaves two spaces or a space at an
    end after the replace, which _plain rejects.)"""
    if b"\n" in text:
        joined = text.replace(b"\n", b" ")
        if _plain(joined):
            return joined
    elif _plain(text):
        return text
    return escape.inline(text.decode("utf-8")).encode("utf-8")


def _notes(notes: bytes) -> bytes:
    """The notes' block as the text reference writes it ("" when they come to nothing)."""
    if _marked(notes, _NOTE_MARKS) or notes[0] not in _NOTE_EDGE \
            or notes[-1] not in _NOTE_EDGE:
        return _notes_from_text(notes)
    if b"\n" not in notes:  # one line (most notes)
        return _notes_from_text(notes) if notes[:1] in _BAD_FIRST else b"\n" + notes + b"\n"
    # Lines whose breaks have no space or tab beside them: paragraphs() splits at blank lines
    # and keeps the others' breaks as hard breaks ("\" at the end), which bytes do as well.
    if b"\t" in notes or b" \n" in notes or b"\n " in notes:
        return _notes_from_text(notes)
    blocks = []
    for block in notes.split(b"\n\n"):
        lines = [line for line in block.split(b"\n") if line]
        if lines:
            if not _BAD_FIRST.isdisjoint([line[:1] for line in lines]):
                return _notes_from_text(notes)  # a line starting like a list item
            blocks.append(b"\\\n".join(lines))
    return b"\n" + b"\n\n".join(blocks) + b"\n"


def _notes_from_text(notes: bytes) -> bytes:
    found = escape.paragraphs(notes.decode("utf-8"))
    return ("\n" + "\n\n".join(found) + "\n").encode() if found else b""


@lru_cache(maxsize=65536)
def _name(text: bytes) -> bytes:
    return name(text.decode("utf-8")).encode("utf-8")


@lru_cache(maxsize=65536)
def _heading(date: str, precision: str, time: str | None, zone: str | None) -> bytes:
    return b"\n## " + escape.inline(when_of(date, precision, time, zone)).encode("utf-8") + b": "


@lru_cache(maxsize=65536)
def _facts(venue: bytes | None, city: bytes | None, country: bytes | None, fmt: bytes,
           status: bytes) -> bytes:
    # Places, formats and statuses repeat across thousands of meetings (a few thousand
    # distinct): escaped once each. The series comes apart (_series): with it, most misses.
    place = escape.inline(", ".join(part.decode("utf-8") for part in (venue, city, country)
                                    if part))
    facts = f"{place} · {fmt.decode()} · {status.decode()}" if place else \
        f"{fmt.decode()} · {status.decode()}"
    return f"\n\n{facts}".encode()


@lru_cache(maxsize=65536)
def _series(series: bytes) -> bytes:
    return f" · series {name(series.decode('utf-8'))}".encode()


@lru_cache(maxsize=4096)
def _label(text: bytes) -> bytes:
    # Outlets (a dozen) or, without one, a URL: link()'s escaped text.
    return escape.inline(text.decode("utf-8")).encode("utf-8")


def _link(outlet: bytes | None, url: bytes | None) -> bytes:
    label = _label(outlet or url or b"")
    if not url:
        return label
    if _URL_SPECIAL.search(url) is not None:
        url = _URL_SPECIAL.sub(lambda m: b"\\" + m.group(0), url)
    return b"[" + label + b"](" + url + b")"


class _Statuses(dict):
    """An agenda line's status part by status, made on first sight: " — **held**: "."""

    def __init__(self, template: bytes) -> None:
        super().__init__()
        self.template = template

    def __missing__(self, status: bytes) -> bytes:
        self[status] = found = self.template % status
        return found


class _Roles(dict):
    """A participant's role part by role, made on first sight: "head of delegation)"."""

    def __missing__(self, role: str) -> bytes:
        self[role] = found = role.encode() + b")"
        return found


_MEETINGS = ("m.rowid, CAST(m.title AS BLOB), m.date, m.time, m.timezone, m.precision, "
             "CAST(m.venue AS BLOB), CAST(m.city AS BLOB), CAST(m.country AS BLOB), "
             "CAST(m.format AS BLOB), CAST(m.status AS BLOB), CAST(m.series AS BLOB), "
             "CAST(m.notes AS BLOB)")


def iter_rows(conn, where: str, params: list) -> Iterator[tuple[tuple, list, list, list]]:
    """gather.iter_rows keyed by rowid, with text as bytes: titles, places, notes, agenda
    texts, statuses and outcomes, sources; ids, roles and dates stay text (looked up or
    cached)."""
    return merged_rows(
        conn, where, params, _MEETINGS,
        items="m.rowid, CAST(a.text AS BLOB), CAST(a.status AS BLOB), "
              "CAST(a.outcome AS BLOB), a.topic_id",
        people="m.rowid, p.role, p.person_id, p.delegation_id",
        sources="m.rowid, CAST(s.outlet AS BLOB), CAST(s.author AS BLOB), CAST(s.url AS BLOB)",
    )


def chunks(conn, where: str, params: list) -> Iterator[bytes]:
    """The text reference (tests/unit/agenda_text.py) as UTF-8 bytes: the same output,
    CHUNK meetings a piece."""
    topics, people, delegations = names(conn, where, params)
    # Escaped and encoded once per export: topic names, people's names, delegation names.
    topic_text = {key: name(value).encode("utf-8") for key, value in topics.items()}
    person_text = {key: name(row[0]).encode("utf-8") + b" (" for key, row in people.items()}
    delegation_text = {key: name(value).encode("utf-8") + b": "
                       for key, value in delegations.items() if name(value)}
    role_text = _Roles()
    keys = {key: (fold(row[0]), row[0]) for key, row in people.items()}
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys.values())))}
    person_rank = {key: ranks[sort_key] for key, sort_key in keys.items()}
    step = len(ranks) + 1
    role_rank = {role: rank * step for role, rank in ROLE_ORDER.items()}
    unknown_role = 99 * step

    def person_order(row: tuple) -> int:
        return role_rank.get(row[1], unknown_role) + person_rank[row[2]]

    nothing = b"without a delegation: "
    numbers = [b"%d. " % number for number in range(1, 101)]
    with_outcome = _Statuses(b" \xe2\x80\x94 **%s**: ")
    alone = _Statuses(b" \xe2\x80\x94 **%s**\n")
    out: list[bytes] = []
    append, extend = out.append, out.extend
    count = 0
    for meeting, person_rows, item_rows, source_rows in iter_rows(conn, where, params):
        (_, title, date, time, zone, precision, venue, city, country, fmt, status, series,
         notes) = meeting
        append(_heading(date, precision, time, zone))
        # Most titles need no escaping: one check here, no calls.
        if not title:
            title = b""
        elif _marked(title) or title[:1] in _BAD_FIRST or title[-1:] in _BAD_LAST \
                or b"\n" in title:
            title = _inline(title)
        append(title)
        append(_facts(venue, city, country, fmt, status))
        if series:
            append(_series(series))
        append(b"\n")

        if person_rows:
            ranked = sorted(person_rows, key=person_order)
            groups: dict[str, list[tuple]] = {}
            for row in ranked:
                groups.setdefault(row[3] or "", []).append(row)
            if len(groups) > 1:
                def group_order(key: str, groups=groups) -> tuple:
                    head = groups[key][0]
                    label = delegations.get(head[3]) if key else _NO_DELEGATION
                    return (ROLE_ORDER.get(head[1], 99), label, key)

                ordered = [groups[key] for key in sorted(groups, key=group_order)]
            else:
                ordered = [ranked]
            append(b"\n**Participants:** " + b"; ".join([
                (delegation_text.get(rows[0][3]) or nothing)
                + b", ".join([person_text[row[2]] + role_text[row[1]] for row in rows])
                for rows in ordered
            ]) + b"\n")

        if item_rows:
            append(b"\n**Agenda:**\n\n")
            texts = [text for row in item_rows for text in (row[1], row[3]) if text]
            joined = b"\x00".join(texts)  # stored text never holds "\0"
            plain = not _marked(joined) \
                and _BAD_FIRST.isdisjoint([text[:1] for text in texts]) \
                and _BAD_LAST.isdisjoint([text[-1:] for text in texts])
            breaks = b"\n" in joined
            if len(item_rows) > len(numbers):
                numbers.extend(b"%d. " % number
                               for number in range(len(numbers) + 1, len(item_rows) + 1))
            # One extend of ready pieces per line (500,000 lines), joined once per chunk.
            for number, (_, text, item_status, outcome, topic) in zip(numbers, item_rows,
                                                                      strict=False):
                if not text:
                    text = topic_text[topic]
                elif not plain or (breaks and b"\n" in text):
                    text = _inline(text)
                if outcome:
                    if not plain or (breaks and b"\n" in outcome):
                        outcome = _inline(outcome)
                    extend((number, text, with_outcome[item_status], outcome, b"\n"))
                else:
                    extend((number, text, alone[item_status]))

        if notes:
            append(_notes(notes))

        if source_rows:
            append(b"\n**Sources:** " + b"; ".join([
                _link(outlet, url) + (b", " + _name(author) if author else b"")
                for _, outlet, author, url in source_rows
            ]) + b"\n")

        count += 1
        if count == CHUNK:
            yield b"".join(out)
            out.clear()
            count = 0
    yield b"".join(out)
