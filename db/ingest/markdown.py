"""An ingest result as markdown: what `agenda-tui ingest` prints for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.dates import when_text

if TYPE_CHECKING:
    from db.ingest.assemble import IngestResult


def _cell(text: str | None) -> str:
    return (text or "–").replace("|", "\\|")


def to_markdown(result: IngestResult) -> str:
    m = result.meeting
    lines = [f"# {m.title}", "",
             "Draft meeting proposed from an article: review before saving.", ""]
    if result.date_known:
        when = when_text(m.date, m.precision)
        if result.date_text:
            when += f" (from “{result.date_text}”)"
    else:
        when = "not in the text"
    lines += [
        f"- **Date:** {when}",
        f"- **Place:** {m.place_text or 'not in the text'}",
        f"- **Format:** {m.format.value}",
        f"- **Status:** {m.status.value}",
    ]
    if m.series:
        lines.append(f"- **Series:** {m.series}")
    lines += ["", "## Participants", ""]
    if result.draft.participants:
        lines += ["| Name | Office | Country or organisation | Role |", "| --- | --- | --- | --- |"]
        lines += [f"| {_cell(p.name)} | {_cell(p.office)} | {_cell(p.delegation)} | "
                  f"{p.role.value} |" for p in result.draft.participants]
    else:
        lines.append("None found.")
    lines += ["", "## Agenda", ""]
    if result.draft.items:
        for number, item in enumerate(result.draft.items, 1):
            text = item.text or item.topic
            topic = f" (topic: {item.topic})" if item.topic != text else ""
            lines.append(f"{number}. {text}{topic}")
    else:
        lines.append("None found.")
    source = result.source
    if source and (source.outlet or source.author or source.url):
        lines += ["", "## Source", ""]
        parts = [source.outlet, f"by {source.author}" if source.author else None, source.url,
                 f"published {result.published.isoformat()}" if result.published else None]
        lines.append(", ".join(p for p in parts if p))
    if result.notes or result.matches:
        lines += ["", "## Notes", ""]
        lines += [f"- {note}" for note in result.notes]
        lines += [f"- matched in the store: {match}" for match in result.matches]
    return "\n".join(lines) + "\n"
