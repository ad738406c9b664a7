"""Search: type, see matching meetings, agenda items, topics and people; enter jumps there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from db.search import MARK_END, MARK_START, strip_marks
from db.views import SearchHit
from tui.tasks import store_call

KIND_LABELS = {"meeting": "meeting", "item": "agenda", "topic": "topic", "person": "person"}


def highlighted(snippet: str) -> Content:
    """FTS snippet markers become bold accent text."""
    parts: list = []
    rest = snippet
    while MARK_START in rest:
        before, _, rest = rest.partition(MARK_START)
        match, _, rest = rest.partition(MARK_END)
        parts += [before, (match, "bold $accent")]
    parts.append(rest)
    return Content.assemble(*parts)


class SearchScreen(ModalScreen[SearchHit | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Close"),
        Binding("down", "results", "Results", show=False),
    ]

    def __init__(self, store, text: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial = text
        self.hits: dict[str, SearchHit] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("Search meetings, agenda items, topics and people", id="search-title")
            yield Input(self.initial, placeholder="sanctions, Yilmaz, camps…", id="search-input")
            yield OptionList(id="search-results")
            yield Label("", id="search-status")

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        # A short pause before querying: no search per keystroke while typing fast.
        self._timer = self.set_timer(0.12, self._run)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def _run(self) -> None:
        text = self.query_one(Input).value

        def done(hits: list[SearchHit]) -> None:
            self.show(text, hits)

        store_call(self, lambda: self.store.search(text, limit=100), done, group="search",
                   exclusive=True)

    def show(self, text: str, hits: list[SearchHit]) -> None:
        self.hits = {f"{h.kind}:{h.id}": h for h in hits}
        options = []
        for key, hit in self.hits.items():
            where = hit.meeting
            place = f"{where.short_date.strip()} · {where.title}" if where else "no meeting yet"
            parts: list = [(f"{KIND_LABELS[hit.kind]:<8}", "$text-secondary"),
                           (hit.label, "bold"), "\n", (" " * 8 + place, "$text-muted")]
            if strip_marks(hit.snippet) != hit.label:  # where it matched, if not the name
                parts += ["\n", " " * 8, highlighted(hit.snippet)]
            options.append(Option(Content.assemble(*parts), id=key))
        results = self.query_one(OptionList)
        results.set_options(options)
        status = self.query_one("#search-status", Label)
        if not text.strip():
            status.update("")
        else:
            status.update(f"{len(hits)} match{'es' if len(hits) != 1 else ''}"
                          + (" (first 100)" if len(hits) == 100 else ""))

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits.get(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
