"""The range agenda formatted on text: how db.export.agenda wrote it before agenda_bytes, kept
as the reference that test_export_agenda_bytes compares the bytes formatter with."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from db.countries import fold
from db.export import escape
from db.export.agenda_bytes import _NO_DELEGATION, CHUNK
from db.export.gather import merged_rows, names, when_of
from db.export.markdown import name
from db.vocab import ROLE_ORDER

# What the range agenda prints of a meeting, after its rowid: no id, no stamps.
AGENDA_COLUMNS = (
    "m.rowid, m.title, m.date, m.time, m.timezone, m.precision, m.venue, m.city, m.country, "
    "m.format, m.status, m.series, m.notes"
)


def iter_agenda_rows(conn, where: str, params: list):
    return merged_rows(conn, where, params, AGENDA_COLUMNS,
                       items="m.rowid, a.text, a.status, a.outcome, a.topic_id",
                       people="m.rowid, p.role, p.person_id, p.delegation_id",
                       sources="m.rowid, s.outlet, s.author, s.url, s.published, s.excerpt")

def _chunks(conn, where: str, params: list) -> Iterator[str]:
    """The meetings' markdown as text: the reference for agenda_bytes.chunks, which exports
    run (the same bytes, a test holds them equal). Change both together."""
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
    for meeting, person_rows, item_rows, source_rows in iter_agenda_rows(conn, where, params):
        (_, title, date, time, zone, precision, venue, city, country, fmt, status, series,
         notes) = meeting
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
            # Most meetings have nothing to escape but line breaks (inline() makes those
            # spaces). One f-string per line: 500,000 lines.
            plain = all_plain(texts, breaks=True)
            for number, (_, text, item_status, outcome, topic) in enumerate(item_rows, 1):
                if not text:
                    text = topic_text[topic]
                elif not plain or newline in text:
                    text = inline(text)
                if outcome:
                    if not plain or newline in outcome:
                        outcome = inline(outcome)
                    append(f"{number}. {text} — **{item_status}**: {outcome}\n")
                else:
                    append(f"{number}. {text} — **{item_status}**\n")

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
