"""CursorList: an OptionList whose cursor repaints only the options it leaves and enters.

OptionList repaints every visible line whenever the highlight moves (its `highlighted` is a
repainting reactive); in the timeline that was most of a cursor move's first frame (README,
Performance). Scrolling, new options and focus still repaint the whole list as before.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList


class CursorList(OptionList):
    highlighted: reactive[int | None] = reactive(None, repaint=False)
    _drawn_width: int | None = None  # the width the options were last drawn at

    def render_lines(self, crop):
        width = self.scrollable_content_region.width
        if self._drawn_width is None and self.highlighted is not None:
            # Filled before its first layout (the app's start): scrolled to the cursor as the
            # first frame is drawn, rather than in a second frame once it is shown.
            self._drawn_width = width
            self.scroll_to_highlight()
        self._drawn_width = width
        return super().render_lines(crop)

    def _on_resize(self, event) -> None:
        if self.scrollable_content_region.width == self._drawn_width:
            # OptionList's own handler drops every option drawn and re-lays them out; at the
            # width they were drawn at they stay as they are (the first frame, a pane shown
            # again after a maximized meeting).
            event.prevent_default()

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is None:
                continue
            try:
                line, height = self._index_to_line[index], self._heights[index]
            except KeyError:  # not laid out yet: the list's first paint shows it
                continue
            self.refresh_lines(line, height)
