"""The base of the list panes: an OptionList whose options stand for store records."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.tasks import store_call
from tui.widgets.cursor import CursorList


class ListPane(CursorList):
    """Options carry record ids; `current` is the record under the cursor (None on headers).
    Toggled "all" lists are paged in from the store as the cursor nears their end."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
    PAGE = 60  # a screenful or two; more are paged in as the cursor nears the end

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_all = False  # toggled: every record in the store instead of one meeting's
        self.detail = None  # the meeting shown when not showing all
        self._views: dict[str, object] = {}
        self._offset = 0
        self._total = 0
        self._fetch_page: Callable[[int], list] | None = None
        self._make_option: Callable[[object], Option] | None = None
        self._filled_width: int | None = None  # text_width when the options were made

    @property
    def current(self):
        option = self.highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        return self._views.get(option.id)

    def _restore(self, keep: str | None) -> None:
        """Put the cursor back on `keep` if it is still listed, else on the first record."""
        index = None
        if keep:
            try:
                index = self.get_option_index(keep)
            except Exception:  # OptionDoesNotExist: the record went away
                index = None
        if index is None:
            index = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = index

    def _kept_id(self) -> str | None:
        return self.highlighted_option.id if self.highlighted_option else None

    def load_paged(
        self,
        fetch_page: Callable[[int], list],
        count: Callable[[], int],
        make_option: Callable[[object], Option],
        *,
        noun: str,
        keep: str | None = None,
    ) -> None:
        """Fill the pane with the first page of a long list; later pages come on demand."""
        self._fetch_page, self._make_option = fetch_page, make_option

        def done(result) -> None:
            records, total = result
            self._views = {}
            self._offset, self._total = len(records), total
            self.border_subtitle = f"{total} {noun}"
            self._fill([make_option(r) for r in records], keep)

        store_call(self, lambda: (fetch_page(0), count()), done,
                   group=f"{self.id}-all", exclusive=True)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.refresh_bindings()  # which keys apply depends on what is under the cursor
        if (highlighted is None or self._fetch_page is None or self._offset >= self._total
                or highlighted < self.option_count - 20):
            return
        offset, fetch_page, make_option = self._offset, self._fetch_page, self._make_option
        self._offset = self._total  # no second request while this one runs

        def done(records: list) -> None:
            self._offset = offset + len(records)
            self.add_options([make_option(r) for r in records])

        store_call(self, lambda: fetch_page(offset), done, group=f"{self.id}-more")

    def stop_paging(self) -> None:
        self._fetch_page = None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter is bound to a screen action on each pane

    # (title for one meeting, title for everything): the toggle switches between them
    TITLES = ("", "")

    def show_meeting(self, detail, keep: str | None = None) -> None:
        raise NotImplementedError

    def load_all(self, keep: str | None = None) -> None:
        raise NotImplementedError

    def _fill(self, options: list[Option], keep: str | None) -> None:
        self._filled_width = self.text_width
        self.set_options(options)
        self._restore(keep)
        self.refresh_bindings()

    def action_toggle_all(self) -> None:
        from tui.screens.main import pane_title

        self.show_all = not self.show_all
        self.border_title = pane_title(self, self.TITLES[self.show_all])
        if self.show_all:
            self.load_all()
        else:
            self.show_meeting(self.detail)

    def reload(self) -> None:
        if self.show_all:
            self.load_all(keep=self._kept_id())

    def on_resize(self) -> None:
        # Wrapped lines follow a new width; a pane shown again at the same width (leaving a
        # maximized meeting) keeps its options.
        if (not self.show_all and self.detail is not None
                and self.text_width != self._filled_width):
            self.show_meeting(self.detail)

    @property
    def text_width(self) -> int:
        return max(30, self.scrollable_content_region.width - 1)


def hanging(text: str, width: int, indent: int) -> str:
    """Wrap `text` to `width` with every line after the first indented by `indent` spaces, so
    wrapped list entries stay in their column."""
    import textwrap

    lines = textwrap.wrap(text, max(10, width - indent)) or [""]
    return ("\n" + " " * indent).join(lines)
