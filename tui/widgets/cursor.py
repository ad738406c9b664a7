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

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is None:
                continue
            try:
                line, height = self._index_to_line[index], self._heights[index]
            except KeyError:  # not laid out yet: the list's first paint shows it
                continue
            self.refresh_lines(line, height)
