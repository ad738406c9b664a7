"""Opening a meeting: its details fill the screen (enter) and go back (escape), each drawn in
one cheap first frame.

The details are Textual's maximized widget, but without the restyles that Screen.maximize brings
along: those, more than the layout, were most of opening's first frame (README, Performance).
"""

from __future__ import annotations

from textual.widget import Widget


class OpenMeeting:
    """Mixin for MainScreen, which provides `detail`, `detail_pane`, `timeline`, `panes_pending`
    and `show_panes()`."""

    def action_back(self) -> None:
        """Escape: out of a full-screen meeting, and from any pane back to the timeline."""
        if self.maximized is not None:
            self.minimize()
        # At once, unlike opening (below): the timeline's options are cached as drawn with the
        # focus (OptionList tints a focused list), so focused it redraws from that cache.
        self.timeline.focus()

    def _watch_maximized(self, previous: Widget | None, maximized: Widget | None) -> None:
        """As Screen's, without its classes: the maximized widget gets the full height as an
        inline style instead.

        Screen's watcher sets the screen's "-maximized-view" class with a restyle of every node
        under the screen (some hundred, with the footer's kept keys), and a restyle of the screen
        alone still makes every widget on it render afresh: that was most of opening a
        meeting's first frame (README, Performance). The class only styles the screen for a
        maximized widget that leaves space around it (a hatch, centred); the details fill the
        space between header and footer, so the screen looks the same without it. The widget's
        own "-maximized" class restyled the details and their three sections (1.5 ms) only
        to give them the full height: an inline height is a layout change alone."""
        if previous is not None:
            previous.styles.height = None  # back to the stylesheet's
        if maximized is not None:
            maximized.styles.height = "1fr"

    def action_open_meeting(self) -> None:
        """Enter on a meeting: its details fill the screen; escape goes back."""
        if self.detail is None:
            return
        if self.panes_pending:
            self.show_panes()
        self.maximize(self.detail_pane)
        # Focused once the screen has been drawn: a focus change restyles the pane losing it
        # and the one gaining it (borders, cursor colours), some 4 ms that held back this
        # frame; the border takes the focus colour in the next one. A key pressed in between
        # still goes to the timeline (TimelinePane._on_hide keeps its focus while hidden).
        self.call_after_refresh(self.detail_pane.focus)
