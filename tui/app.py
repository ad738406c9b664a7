"""AgendaApp: placeholder until the panes land."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class AgendaApp(App):
    TITLE = "agenda-tui"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, store) -> None:
        super().__init__()
        self.store = store
        self.sub_title = store.path.name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{self.store.count_meetings()} meetings in {self.store.path}")
        yield Footer()
