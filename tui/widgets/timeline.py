"""The timeline pane: meetings in date order, grouped by month, with a marker at today.

It holds a window of a few hundred meetings around the cursor, never the whole store, and
pages in more (in a worker) as the cursor nears either end of the window.
"""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from db.views import MeetingFilter, MeetingRow
from tui.badges import meeting_badge
from tui.tasks import store_call
from tui.widgets.cursor import CursorList
from tui.widgets.fitted import FittedLine
from tui.window import PAGE, Window, read_window

WINDOW = 400  # most meetings held at once
EDGE = 15  # fetch more when the cursor is this close to an end of the window
TODAY_ID = "today"
EXPORT = Binding.Group("Export", compact=True)


class TimelinePane(CursorList):
    """Meetings by date; posts MeetingHighlighted as the cursor moves."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "screen.open_meeting", "Open", tooltip="Show the whole meeting"),
        Binding("e", "screen.edit_meeting", "Edit"),
        Binding("d,delete", "screen.delete_meeting", "Del", key_display="d"),
        Binding("f", "screen.filter", "Filter"),
        Binding("c", "screen.clear_filter", "Unfilter"),
        Binding("t", "today", "Today"),
        Binding("i", "screen.ingest", "Paste",
                tooltip="Paste a news article; review the meeting proposed from it"),
        Binding("exclamation_mark", "screen.needs_update", "Late", key_display="!",
                tooltip="List meetings still planned or confirmed after their date"),
        Binding("home,g", "first_meeting", "First", show=False),
        Binding("end,G", "last_meeting", "Last", show=False),
        Binding("x", "screen.export_meeting", "Export brief", group=EXPORT,
                tooltip="Export the meeting's brief as markdown"),
        Binding("X", "screen.export_timeline", "Export list", key_display="X", group=EXPORT,
                tooltip="Export the meetings the timeline shows (its filter) as markdown"),
    ]

    class MeetingHighlighted(Message):
        def __init__(self, row: MeetingRow | None) -> None:
            super().__init__()
            self.row = row

    class Loaded(Message):
        """The window was (re)filled; `total` counts every meeting matching the filters."""

        def __init__(self, count: int, total: int) -> None:
            super().__init__()
            self.count = count
            self.total = total

    def __init__(self, *, today: dt.date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.filters = MeetingFilter()
        self.rows: list[MeetingRow] = []
        self._by_id: dict[str, MeetingRow] = {}
        self._more_before = False
        self._more_after = False
        self._loading = False
        self._last_posted: str | None = None

    # -- what is shown -------------------------------------------------------------------------

    @property
    def current(self) -> MeetingRow | None:
        option = self.highlighted_option
        if option is None or option.id is None or option.disabled:
            return None
        return self._by_id.get(option.id)

    def show(self, rows: list[MeetingRow], *, more_before: bool, more_after: bool,
             highlight: str | None = None, near: dt.date | None = None) -> None:
        """Replace the window; keep the cursor on `highlight` or on the first meeting from
        `near` on (the last one before it when there is none)."""
        self.rows = rows
        self._by_id = {row.id: row for row in rows}
        self._more_before, self._more_after = more_before, more_after
        self._render_options()
        if not rows:
            self._post_highlight(None)
            return
        target = highlight if highlight in self._by_id else None
        if target is None:
            near = near or self.today
            after = [r for r in rows if r.date >= near]
            target = (after[0] if after else rows[-1]).id
        self.highlighted = self.get_option_index(target)
        self.scroll_to_highlight(top=False)

    def show_message(self, text: str) -> None:
        """A note in place of meetings (an empty store, a filter that matches nothing)."""
        self.set_options([Option(Content.styled(text, "$text"), id="message", disabled=True)])

    def _render_options(self) -> None:
        # Rows and the today marker are laid out for the pane's width when drawn (FittedLine).
        options: list[Option] = []
        month = None
        marker_done = False
        show_marker = self._window_spans_today()
        for row in self.rows:
            if show_marker and not marker_done and row.date >= self.today:
                options.append(self._today_option())
                marker_done = True
            key = (row.date.year, row.date.month)
            if key != month:
                month = key
                options.append(Option(
                    Content.styled(f"{row.date:%B %Y}", "bold $text-secondary"),
                    id=f"month-{row.date:%Y-%m}", disabled=True,
                ))
            options.append(Option(FittedLine(lambda width, row=row: self._row_content(
                row, max(50, width))), id=row.id))
        if show_marker and not marker_done:
            options.append(self._today_option())
        self.set_options(options)

    def _window_spans_today(self) -> bool:
        if not self.rows:
            return False
        first, last = self.rows[0].date, self.rows[-1].date
        if first < self.today <= last:
            return True
        return (last < self.today and not self._more_after) or (
            first >= self.today and not self._more_before)

    def _today_option(self) -> Option:
        label = f" today · {self.today:%a %d %b %Y} "

        def line(width: int) -> Content:
            side = max(2, (max(50, width) - len(label)) // 2)
            return Content.styled("━" * side + label + "━" * side, "bold $accent")

        return Option(FittedLine(line), id=TODAY_ID, disabled=True)

    def _row_content(self, row: MeetingRow, width: int) -> Content:
        """date · title · place · badge, in columns that share out the pane's width."""
        past = row.date < self.today
        badge_text, badge_style = meeting_badge(row, self.today)
        place_w = min(18, max(10, width // 6)) if row.short_place else 0
        title_w = max(12, width - 13 - place_w - 12)
        muted = "$text-muted" if past else ""
        return Content.assemble(
            (f"{row.short_date:>12} ", muted or "bold"),
            (f"{_fit(row.title, title_w - 1)} ", muted),
            (f"{_fit(row.short_place, place_w - 1)} " if place_w else "", "$text-muted"),
            (f"{badge_text:>11}", badge_style),
        )

    def _on_hide(self, event: events.Hide) -> None:
        # Hidden by the maximized details (enter), which take the focus just after their first
        # frame (MainScreen.action_open_meeting). Textual's own handler would blur the hidden
        # pane now and hand the focus to the next pane on the screen first: a restyle and
        # redraw of that pane for nothing.
        if self.screen.maximized is not None and self.screen.maximized is not self:
            event.prevent_default()

    # -- loading -------------------------------------------------------------------------------

    def load_around(self, day: dt.date | None = None, highlight: str | None = None) -> None:
        """Fill the window with the meetings around `day` (default today)."""
        day = day or self.today
        filters, today = self.filters, self.today
        store = self.app.store

        def done(window: Window) -> None:
            self.post_message(self.show_window(window, day, highlight=highlight))

        store_call(self, lambda: read_window(store, day, filters, today), done,
                   group="timeline", exclusive=True)

    def show_window(self, window: Window, day: dt.date, *,
                    highlight: str | None = None) -> Loaded:
        """Show a window read around `day` (tui/window.py); the Loaded message for it, which
        the caller posts or handles."""
        earlier, later, total = window
        self._last_posted = None  # announce the meeting again: its details may have changed
        self.show(earlier + later, more_before=len(earlier) == PAGE,
                  more_after=len(later) == PAGE, highlight=highlight, near=day)
        return self.Loaded(len(self.rows), total)

    def reload(self) -> None:
        """Re-read the window around the current meeting (after an edit or from another
        instance), keeping the cursor where it was."""
        current = self.current
        self.load_around(current.date if current else self.today,
                         highlight=current.id if current else None)

    def _extend(self, forward: bool) -> None:
        if self._loading or not self.rows:
            return
        self._loading = True
        filters, today, store = self.filters, self.today, self.app.store
        cursor = self.rows[-1].cursor if forward else self.rows[0].cursor

        def fetch():
            if forward:
                return store.meetings_page(after=cursor, limit=PAGE, filters=filters, today=today)
            return store.meetings_page(before=cursor, limit=PAGE, filters=filters, today=today)

        def done(page: list[MeetingRow]) -> None:
            self._loading = False
            current = self.current
            if forward:
                rows = self.rows + page
                more_after = len(page) == PAGE
                more_before = self._more_before or len(rows) > WINDOW
                rows = rows[-WINDOW:]
            else:
                rows = page + self.rows
                more_before = len(page) == PAGE
                more_after = self._more_after or len(rows) > WINDOW
                rows = rows[:WINDOW]
            self.show(rows, more_before=more_before, more_after=more_after,
                      highlight=current.id if current else None)

        def failed(exc) -> None:
            self._loading = False
            self.notify(exc.msg, severity="error")

        store_call(self, fetch, done, group="timeline-page", failed=failed)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is None:
            return
        if highlighted < EDGE and self._more_before:
            self._extend(forward=False)
        elif highlighted > self.option_count - EDGE and self._more_after:
            self._extend(forward=True)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._post_highlight(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter is bound to screen.open_meeting instead

    def _post_highlight(self, row: MeetingRow | None) -> None:
        key = row.id if row else None
        if key != self._last_posted:
            self._last_posted = key
            # After the next frame: the cursor (or a cold start's first meetings) is drawn
            # without waiting for the details query and the panes it refills.
            self.call_after_refresh(self.post_message, self.MeetingHighlighted(row))

    # -- navigation ----------------------------------------------------------------------------

    def action_today(self) -> None:
        self.load_around(self.today)

    def action_first_meeting(self) -> None:
        self._load_end(first=True)

    def action_last_meeting(self) -> None:
        self._load_end(first=False)

    def _load_end(self, first: bool) -> None:
        filters, today, store = self.filters, self.today, self.app.store

        def fetch():
            if first:
                return store.meetings_page(limit=PAGE, filters=filters, today=today)
            return store.meetings_page(before=("9999-12-31", ""), limit=PAGE, filters=filters,
                                       today=today)

        def done(rows: list[MeetingRow]) -> None:
            if not rows:
                return
            self.show(rows, more_before=not first and len(rows) == PAGE,
                      more_after=first and len(rows) == PAGE,
                      highlight=rows[0].id if first else rows[-1].id)

        store_call(self, fetch, done, group="timeline", exclusive=True)


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` terminal cells: padded, or cut with an ellipsis. Cells, not
    characters: Chinese or Japanese take two cells each, combining marks none."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, width - 1) + "…"
