"""Markdown exports: a meeting brief here, a range agenda (many meetings in compact form) in
agenda.py and a topic dossier in dossier.py. Pure functions of the store; the output is
GitHub-flavoured markdown with user text escaped (escape.py) and is deterministic: the same
store gives the same bytes, so exports can be kept in git and compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from db.export import escape
from db.export.gather import MeetingBundle, PersonRec, SourceRec, bundle

# Names, roles and topics repeat across thousands of meetings: escape each once.
name = lru_cache(maxsize=65536)(escape.inline)


def meeting_brief(store, meeting_id: str) -> str:
    """The brief of one meeting: facts, participants by delegation, numbered agenda with
    status and outcome, notes, sources."""
    return "".join(brief_lines(bundle(store, meeting_id)))


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


# -- small helpers shared with agenda.py and dossier.py ------------------------------------


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
