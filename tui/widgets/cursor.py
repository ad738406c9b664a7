"""CursorList: an OptionList that repaints little when its cursor moves or it scrolls.

- OptionList repaints every visible line whenever the highlight moves (its `highlighted` is a
  repainting reactive); in the timeline that was most of a cursor move's first frame (README,
  Performance). Here the cursor repaints only the options it leaves and enters. Scrolling, new
  options and focus still repaint the whole list as before.
- A scroll (page down, or a move past the edge) renders every visible line afresh, and an option
  not drawn before is laid out from its Content (about 0.25 ms each, two thirds of page down's
  frame). `warm_renders()` draws the options around the view ahead of time, a few at a time
  while the app is idle, into OptionList's own cache of rendered options, so the key's frame
  only copies them.
- OptionList forgets its rendered options and line map on every Resize, even one that leaves
  the width alone (a pane shown again after a maximized one); they depend on the width only.
"""

from __future__ import annotations

from time import thread_time

from textual import events
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import OptionList

WARM_PAGES = 2  # pages above and below the view rendered ahead
WARM_SLICE = 0.002  # seconds of rendering at a time, so a key never waits behind much of it
WARM_PAUSE = 0.01  # seconds between slices: keys and frames come first


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

    _cleared_width: int | None = None
    _warm_timer: Timer | None = None
    _warm_asked = False

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is None:
                continue
            try:
                line, height = self._index_to_line[index], self._heights[index]
            except KeyError:  # not laid out yet: the list's first paint shows it
                continue
            self.refresh_lines(line, height)
        self.warm_renders()

    def _on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        first = self._cleared_width is None and width == self._drawn_width
        if width == self._cleared_width or first:
            # OptionList's own handler drops every option drawn and re-lays them out; at the
            # width they were drawn at they stay as they are (the first frame, a pane shown
            # again after a maximized meeting). Later, a frame may draw at a new width before
            # its Resize arrives, so only the width last cleared for counts.
            event.prevent_default()
        self._cleared_width = width
        self.warm_renders()

    def warm_renders(self) -> None:
        """Render the options around the view into OptionList's cache, after the next frame,
        in slices (asked on every cursor move: only a flag until the frame is drawn)."""
        if not self._warm_asked and self._warm_timer is None and self.is_mounted:
            self._warm_asked = True
            self.call_after_refresh(self._start_warming)

    def _start_warming(self) -> None:
        self._warm_asked = False
        if self._warm_timer is None:
            self._warm_timer = self.set_timer(WARM_PAUSE, self._warm_slice)

    def _warm_slice(self) -> None:
        self._warm_timer = None
        if not self.display or not self.options or not self.scrollable_content_region:
            return
        lines = self._lines  # (option index, line within it) per line of the list
        height = self.scrollable_content_region.height
        top = int(self.scroll_offset.y)
        first = lines[max(0, min(top - WARM_PAGES * height, len(lines) - 1))][0]
        last = lines[max(0, min(top + (WARM_PAGES + 1) * height, len(lines) - 1))][0]
        # Nearest the view first: the next page down, then the next up, and so on.
        view = lines[min(top, len(lines) - 1)][0]
        order = sorted(range(first, last + 1), key=lambda index: abs(index - view))
        plain = self.get_visual_style("option-list--option")
        disabled = self.get_visual_style("option-list--option",
                                         "option-list--option-disabled")
        started = thread_time()
        options = self.options
        for index in order:
            if index == self.highlighted:
                continue
            option = options[index]
            self._get_option_render(option, disabled if option.disabled else plain)
            if thread_time() - started > WARM_SLICE:
                self._warm_timer = self.set_timer(WARM_PAUSE, self._warm_slice)
                return
