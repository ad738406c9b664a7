"""Markdown exports: a meeting brief, a range agenda (many meetings in compact form) and, in
dossier.py, a topic dossier. Pure functions of the store; the output is GitHub-flavoured
markdown with user text escaped (escape.py) and is deterministic: the same store gives the
same bytes, so exports can be kept in git and compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from db.export import escape
from db.export.gather import MeetingBundle, PersonRec, SourceRec, bundle, iter_bundles
from db.views import MeetingFilter

# Names, roles and topics repeat across thousands of meetings: escape each once.
name = lru_cache(maxsize=65536)(escape.inline)


def meeting_brief(store, meeting_id: str) -> str:
    """The brief of one meeting: facts, participants by delegation, numbered agenda with
    status and outcome, notes, sources."""
    return "".join(brief_lines(bundle(store, meeting_id)))


def range_agenda(store, filters: MeetingFilter) -> str:
    return "".join(iter_range_agenda(store, filters))


def iter_range_agenda(store, filters: MeetingFilter) -> Iterator[str]:
    """Every meeting matching `filters` (dates, country, series, status) in date order, each
    in compact form; yielded in chunks so that a big export streams to its file."""
    count = store.count_meetings(filters)
    yield f"# {escape.inline(range_title(filters))}\n\n"
    detail = filters.describe() if (filters.statuses or filters.country or filters.series) else ""
    summary = f"{count:,} meeting{'s' if count != 1 else ''}"
    yield escape.inline(f"{summary}; {detail}." if detail else f"{summary}.") + "\n"
    batch: list[str] = []
    for meeting in iter_bundles(store, filters):
        batch.append(compact(meeting))
        if len(batch) > 500:  # hand the writer sizeable pieces, not one line at a time
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)


def range_title(filters: MeetingFilter) -> str:
    start, end = filters.date_from, filters.date_to
    if start and end:
        return f"Agenda, {long_date(start)} to {long_date(end)}"
    if start:
        return f"Agenda from {long_date(start)}"
    if end:
        return f"Agenda until {long_date(end)}"
    return "Agenda"


# -- the brief ---------------------------------------------------------------------------------


def brief_lines(meeting: MeetingBundle) -> Iterator[str]:
    m = meeting.meeting
    yield f"# {escape.inline(m.title)}\n\n"
    yield f"- **Date:** {escape.inline(m.when)}\n"
    if m.place:
        yield f"- **Place:** {escape.inline(m.place)}\n"
    yield f"- **Format:** {m.format}\n"
    yield f"- **Status:** {m.status}\n"
    if m.series:
        yield f"- **Series:** {name(m.series)}\n"
    if meeting.people:
        yield "\n## Participants\n"
        for delegation, people in meeting.delegations():
            yield f"\n### {name(delegation) if delegation else 'Without a delegation'}\n\n"
            for person in people:
                yield f"- {person_text(person)}\n"
    if meeting.items:
        yield "\n## Agenda\n\n"
        for number, item in enumerate(meeting.items, 1):
            marker = f"{number}. "
            pad = " " * len(marker)
            yield f"{marker}{escape.inline(item.label)} — **{item.status}**\n"
            if item.text and item.text != item.topic:
                yield f"{pad}- Topic: {name(item.topic)}\n"
            if item.outcome:
                yield list_item(escape.paragraphs(item.outcome), "Outcome: ", pad)
    notes = escape.paragraphs(m.notes)
    if notes:
        yield "\n## Notes\n\n" + "\n\n".join(notes) + "\n"
    if meeting.sources:
        yield "\n## Sources\n\n"
        for source in meeting.sources:
            yield source_item(source, "")


def person_text(person: PersonRec) -> str:
    about = ", ".join(name(part) for part in (person.office, person.affiliation) if part)
    return f"{name(person.name)} ({person.role})" + (f", {about}" if about else "")


def list_item(paragraphs: list[str], label: str, pad: str) -> str:
    """A bullet nested under `pad`, whose text may run over several paragraphs."""
    inner = pad + "  "
    first, *rest = paragraphs
    text = f"{pad}- {label}{escape.indent(first, inner)[len(inner):]}\n"
    for paragraph in rest:
        text += "\n" + escape.indent(paragraph, inner) + "\n"
    return text


def source_item(source: SourceRec, pad: str, about: str | None = None) -> str:
    label = source.outlet or source.url or ""
    byline = ", ".join(
        part for part in (
            name(source.author) if source.author else None,
            long_date(dt.date.fromisoformat(source.published)) if source.published else None,
        ) if part
    )
    text = f"{pad}- {escape.link(label, source.url)}" + (f" — {byline}" if byline else "")
    if about:
        text += f" ({about})"
    text += "\n"
    for paragraph in escape.paragraphs(source.excerpt):
        text += f"\n{escape.indent(paragraph, pad + '  > ')}\n"
    return text


# -- the compact form, for range agendas -------------------------------------------------------


def compact(meeting: MeetingBundle) -> str:
    """One meeting of a range agenda. Built as one string (not yielded line by line): it runs
    50,000 times in a whole-store export."""
    m = meeting.meeting
    inline = escape.inline
    facts = [inline(m.place)] if m.place else []
    facts += [m.format, m.status]
    if m.series:
        facts.append(f"series {name(m.series)}")
    out = [f"\n## {inline(m.when)}: {inline(m.title)}\n\n", " · ".join(facts), "\n"]
    if meeting.people:
        groups = [
            f"{name(delegation) if delegation else 'without a delegation'}: "
            + ", ".join([f"{name(p.name)} ({p.role})" for p in people])
            for delegation, people in meeting.delegations()
        ]
        out.append(f"\n**Participants:** {'; '.join(groups)}\n")
    if meeting.items:
        out.append("\n**Agenda:**\n\n")
        out += [
            f"{number}. {inline(text) if text else name(topic)} — **{status}**"
            + (f": {inline(outcome)}\n" if outcome else "\n")
            for number, (_, text, status, outcome, topic) in enumerate(meeting.items, 1)
        ]
    notes = escape.paragraphs(m.notes)
    if notes:
        out.append("\n" + "\n\n".join(notes) + "\n")
    if meeting.sources:
        out.append("\n**Sources:** " + "; ".join(_source_short(s) for s in meeting.sources) + "\n")
    return "".join(out)


def _source_short(source: SourceRec) -> str:
    text = escape.link(source.outlet or source.url or "", source.url)
    if source.author:
        text += f", {name(source.author)}"
    return text


# -- small helpers shared with dossier.py --------------------------------------------------------


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
