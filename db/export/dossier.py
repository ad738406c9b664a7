"""The topic dossier: one topic across every meeting where it was on the agenda, in date order,
with its status at each, the full status-change history and the meetings' sources."""

from __future__ import annotations

import datetime as dt

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

    out.append("\n## On the agenda\n\n| Date | Meeting | Place | Agenda item | Status |\n")
    out.append("| --- | --- | --- | --- | --- |\n")
    for seen in appearances:
        m = seen.meeting
        cells = (m.when_text, m.title, m.place_text, seen.item.text or topic.name)
        out.append("| " + " | ".join(escape.cell(c) for c in cells) + f" | {seen.item.status} |\n")

    out.append("\n## Status history\n")
    for seen in appearances:
        m = seen.meeting
        out.append(f"\n### {escape.inline(m.when_text)}: {escape.inline(m.title)}\n\n")
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
        for seen in appearances:
            m = seen.meeting
            for source in sources.pop(m.id, []):
                about = f"{escape.inline(m.when_text)}, {escape.inline(m.title)}"
                out.append(source_item(source, "", about))
    return "".join(out)


def _moment(stamp: str) -> str:
    """A stored UTC timestamp as "20 April 2025, 09:00 UTC"."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return f"{long_date(moment.date())}, {moment:%H:%M} UTC"
