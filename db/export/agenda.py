"""The range agenda: every meeting matching the timeline's filters, in date order, each in
compact form (facts, participants by delegation, numbered agenda, notes, sources). The whole
store is one such export, 50,000 meetings and 500,000 agenda items.

It reads plain rows (gather.iter_rows) instead of building bundles, escapes each name once
per export, and builds each meeting's text in one piece: per agenda item a lookup and one
string. The output is the one the bundles gave (the golden files and the tests hold it).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from db.countries import fold
from db.export import escape
from db.export.gather import iter_rows, names, when_of
from db.export.markdown import long_date, name
from db.views import MeetingFilter
from db.vocab import ROLE_ORDER

CHUNK = 500  # meetings per yielded chunk: the writer gets sizeable pieces, memory stays flat


class _Ending(dict):
    """What follows an agenda item's label, by status: " — **agreed**" then `tail`."""

    def __init__(self, tail: str) -> None:
        super().__init__()
        self.tail = tail

    def __missing__(self, status: str) -> str:
        text = self[status] = f" — **{status}**{self.tail}"
        return text


_CLOSED, _OPEN = _Ending("\n"), _Ending(": ")
_NO_DELEGATION = "\uffff"  # sorts a group without a delegation after every named one


def range_agenda(store, filters: MeetingFilter) -> str:
    return "".join(iter_range_agenda(store, filters))


def iter_range_agenda(store, filters: MeetingFilter) -> Iterator[str]:
    """Every meeting matching `filters` (dates, country, series, status) in date order, each
    in compact form; yielded in chunks so that a big export streams to its file."""
    from db.filtering import where_sql

    count = store.count_meetings(filters)
    yield f"# {escape.inline(range_title(filters))}\n\n"
    detail = filters.describe() if (filters.statuses or filters.country or filters.series) else ""
    summary = f"{count:,} meeting{'s' if count != 1 else ''}"
    yield escape.inline(f"{summary}; {detail}." if detail else f"{summary}.") + "\n"
    with store._read() as conn:
        where, params = where_sql(conn, filters)
        yield from _chunks(conn, " AND ".join(where) or "1", params)


def range_title(filters: MeetingFilter) -> str:
    start, end = filters.date_from, filters.date_to
    if start and end:
        return f"Agenda, {long_date(start)} to {long_date(end)}"
    if start:
        return f"Agenda from {long_date(start)}"
    if end:
        return f"Agenda until {long_date(end)}"
    return "Agenda"


def _chunks(conn, where: str, params: list) -> Iterator[str]:
    topics, people, delegations = names(conn, where, params)
    inline, paragraphs, link = escape.inline, escape.paragraphs, escape.link
    all_plain, newline = escape.all_plain, "\n"
    # Escaped once per export: topic names, people's names, delegation names.
    topic_text = {key: name(value) for key, value in topics.items()}
    person_text = {key: name(row[0]) for key, row in people.items()}
    delegation_text = {key: name(value) for key, value in delegations.items()}
    # Where each person comes within a role: the rank of (folded name, name), equal for equal
    # names so that sorting stays stable as it was (db.reads orders participants so too).
    keys = {key: (fold(row[0]), row[0]) for key, row in people.items()}
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys.values())))}
    person_rank = {key: ranks[sort_key] for key, sort_key in keys.items()}
    step = len(ranks) + 1
    role_rank = {role: rank * step for role, rank in ROLE_ORDER.items()}
    unknown_role = 99 * step

    def person_order(row: tuple) -> int:
        return role_rank.get(row[1], unknown_role) + person_rank[row[2]]

    out: list[str] = []
    append = out.append
    count = 0
    for meeting, person_rows, item_rows, source_rows in iter_rows(conn, where, params):
        (_, title, date, time, zone, precision, venue, city, country, fmt, status, series,
         notes) = meeting[:13]
        when = _heading_date(date, precision, time, zone)
        place = _place(venue, city, country)
        facts = f"{place} · {fmt} · {status}" if place else f"{fmt} · {status}"
        if series:
            facts += f" · series {name(series)}"
        append(f"\n## {when}: {inline(title)}\n\n{facts}\n")

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
            text = "; ".join([
                f"{delegation_text.get(rows[0][3]) or 'without a delegation'}: "
                + ", ".join([f"{person_text[row[2]]} ({row[1]})" for row in rows])
                for rows in ordered
            ])
            append(f"\n**Participants:** {text}\n")

        if item_rows:
            append("\n**Agenda:**\n\n")
            texts = [text for row in item_rows for text in (row[1], row[3]) if text]
            if all_plain(texts, breaks=True):  # most meetings: nothing to escape but breaks
                lines = [
                    f"{number}. "
                    + ((inline(text) if newline in text else text) if text else topic_text[topic])
                    + (f"{_OPEN[item_status]}"
                       f"{inline(outcome) if newline in outcome else outcome}\n" if outcome
                       else _CLOSED[item_status])
                    for number, (_, text, item_status, outcome, topic) in enumerate(item_rows, 1)
                ]
            else:
                lines = [
                    f"{number}. {inline(text) if text else topic_text[topic]}"
                    + (f"{_OPEN[item_status]}{inline(outcome)}\n" if outcome
                       else _CLOSED[item_status])
                    for number, (_, text, item_status, outcome, topic) in enumerate(item_rows, 1)
                ]
            append("".join(lines))

        if notes:
            found = paragraphs(notes)
            if found:
                append("\n" + "\n\n".join(found) + "\n")

        if source_rows:
            append("\n**Sources:** " + "; ".join([
                link(outlet or url or "", url) + (f", {name(author)}" if author else "")
                for _, outlet, author, url, _, _ in source_rows
            ]) + "\n")

        count += 1
        if count == CHUNK:
            yield "".join(out)
            out.clear()
            count = 0
    yield "".join(out)


@lru_cache(maxsize=65536)
def _heading_date(date: str, precision: str, time: str | None, zone: str | None) -> str:
    # The escaped date of a heading: 20 years of meetings have a few thousand distinct ones.
    return escape.inline(when_of(date, precision, time, zone))


@lru_cache(maxsize=65536)
def _place(venue: str | None, city: str | None, country: str | None) -> str:
    # Venues, cities and countries repeat across thousands of meetings: escaped once each.
    return escape.inline(", ".join(part for part in (venue, city, country) if part))
