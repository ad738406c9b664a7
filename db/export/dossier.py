"""The topic dossier: one topic across every meeting where it was on the agenda, in date order,
with its status at each, the full status-change history and the meetings' sources."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from db.dates import when_text
from db.export import escape
from db.export.gather import sources_of
from db.export.markdown import long_date, name, source_item


def topic_dossier(store, topic_id: str) -> str:
    history = store.topic_history(topic_id)  # NotFound for an unknown topic
    topic, appearances = history.topic, history.appearances
    out = [f"# {escape.inline(topic.name)}\n\n"]
    if appearances:
        first, last = appearances[0], appearances[-1]
        span = (
            f"from {first.meeting.when_text} to {last.meeting.when_text}"
            if len(appearances) > 1 else f"on {first.meeting.when_text}"
        )
        count = len(appearances)
        out.append(escape.inline(
            f"Topic dossier: on the agenda of {count} meeting{'s' if count != 1 else ''}, "
            f"{span}; latest status {last.item.status}."
        ) + "\n")
    else:
        out.append("Topic dossier: not on the agenda of any meeting yet.\n")
    if topic.tags:
        out.append(f"\n**Tags:** {', '.join(name(tag) for tag in topic.tags)}\n")
    for paragraph in escape.paragraphs(topic.description):
        out.append(f"\n{paragraph}\n")
    if not appearances:
        return "".join(out)

    # The busiest topic has ~13,000 appearances: each meeting's date, title and place are
    # escaped once here, not once per section (the dates through a cache: few distinct days).
    heads = [(_when(seen.meeting.date, seen.meeting.precision), escape.inline(seen.meeting.title))
             for seen in appearances]
    out.append("\n## On the agenda\n\n| Date | Meeting | Place | Agenda item | Status |\n")
    out.append("| --- | --- | --- | --- | --- |\n")
    label = escape.cell(topic.name)
    for seen, (when, title) in zip(appearances, heads, strict=True):
        text = escape.cell(seen.item.text) if seen.item.text else label
        out.append(f"| {when} | {title} | {_place(seen.meeting.place_text)} | {text} "
                   f"| {seen.item.status} |\n")

    out.append("\n## Status history\n")
    for seen, (when, title) in zip(appearances, heads, strict=True):
        out.append(f"\n### {when}: {title}\n\n")
        if seen.item.text:
            out.append(f"Agenda item: {escape.inline(seen.item.text)}\n\n")
        for change in seen.changes:
            step = (f"{change.from_status} → {change.to_status}" if change.from_status
                    else f"first status {change.to_status}")
            note = f". {escape.inline(change.note)}" if change.note else ""
            out.append(f"- {_moment(change.changed_at)}: {step}{note}\n")
        if not seen.changes:
            out.append(f"- status {seen.item.status} (no recorded changes)\n")
        outcome = escape.paragraphs(seen.item.outcome)
        if outcome:
            out.append(f"\n**Outcome:** {outcome[0]}\n")
            out.extend(f"\n{paragraph}\n" for paragraph in outcome[1:])

    meeting_ids = list(dict.fromkeys(seen.meeting.id for seen in appearances))
    sources = sources_of(store, meeting_ids)
    if sources:
        out.append("\n## Sources\n\n")
        for seen, (when, title) in zip(appearances, heads, strict=True):
            for source in sources.pop(seen.meeting.id, []):
                out.append(source_item(source, "", f"{when}, {title}"))
    return "".join(out)


@lru_cache(maxsize=16384)
def _when(date: dt.date, precision: str) -> str:
    """A meeting's date as the meeting view writes it (when_text), escaped."""
    return escape.inline(when_text(date, precision))


_place = lru_cache(maxsize=16384)(escape.cell)  # places repeat across meetings
_long_date = lru_cache(maxsize=16384)(long_date)  # strftime("%B") is slow; days repeat


def _moment(stamp: str) -> str:
    """A stored UTC timestamp as "20 April 2025, 09:00 UTC"."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return f"{_long_date(moment.date())}, {moment.hour:02d}:{moment.minute:02d} UTC"
