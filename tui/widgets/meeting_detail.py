"""The detail area: the selected meeting's format, date, place, series, notes and sources."""

from __future__ import annotations

import datetime as dt

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from db.views import MeetingDetail
from tui.badges import MEETING_STYLES

NOTES_PREVIEW = 4000  # characters of notes rendered here; the rest is in the exports


class MeetingDetailPane(VerticalScroll):
    BINDINGS = [
        Binding("a", "screen.add_source", "Add source"),
        Binding("e", "screen.edit_source", "Edit source"),
        Binding("d,delete", "screen.delete_source", "Del source", key_display="d"),
    ]
    can_focus = True

    def __init__(self, *, today: dt.date, id: str | None = None) -> None:
        super().__init__(id=id, can_maximize=True)
        self.today = today
        self.detail: MeetingDetail | None = None

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles the pane and everything in it when the focus comes or goes; only
        # the pane's own border and title follow the focus (tui/app.tcss), so its sections are
        # left alone: half the restyle that escape's first frame waits for.
        self.app.stylesheet.update_nodes([self], animate=True)

    def compose(self):
        yield Static(id="detail-head")
        yield Static(id="detail-notes")
        yield Static(id="detail-sources")

    def show_meeting(self, detail: MeetingDetail | None) -> None:
        self.detail = detail
        head = self.query_one("#detail-head", Static)
        notes = self.query_one("#detail-notes", Static)
        sources = self.query_one("#detail-sources", Static)
        if detail is None:
            head.update("")
            notes.update("")
            sources.update("")
            return
        m = detail.meeting
        status = str(m.status)
        facts = [
            (m.title, "bold"), "\n",
            (m.when_text, "bold"),
            (f" · {m.place_text}" if m.place_text else "", ""),
            "\n",
            (str(m.format).capitalize(), "$text-secondary"), " · ",
            (status, MEETING_STYLES.get(status, "")),
        ]
        if m.is_overdue(self.today):
            facts += ["  ", ("⚠ needs an update: the date has passed", "bold $warning")]
        if m.series:
            facts += ["\n", ("Series: ", "$text-muted"), (m.series, "")]
        head.update(Content.assemble(*facts))
        text = m.notes or ""
        if len(text) > NOTES_PREVIEW:
            text = text[:NOTES_PREVIEW] + f"\n\n… ({len(m.notes):,} characters in all)"
        if text:
            # Imported here: rich.markdown (with markdown-it) would cost the first frame ~75 ms.
            from rich.markdown import Markdown

            notes.update(Markdown(text))
        else:
            notes.update(Content.styled("No notes.", "$text-muted"))
        sources.update(_sources_content(detail))
        self.refresh_bindings()


def _sources_content(detail: MeetingDetail) -> Content:
    if not detail.sources:
        return Content.styled("No sources.", "$text-muted")
    parts: list = [("Sources", "bold"), "\n"]
    for number, source in enumerate(detail.sources, 1):
        parts.append((f"[{number}] ", "$text-muted"))
        parts.append((source.outlet or source.url or "", "bold"))
        if source.author:
            parts.append(f", {source.author}")
        if source.published:
            parts.append(f", {source.published:%d %b %Y}")
        if source.url:
            parts.append((f"\n    {source.url}", "$text-muted"))
        parts.append("\n")
    return Content.assemble(*parts)
