"""AgendaApp: holds the store, the global keys and the command palette; the work happens on
the main screen."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tui.commands import AgendaCommands
from tui.keys import display

if TYPE_CHECKING:
    from tui.startup import FirstWindow
    from tui.window import Window


class AgendaApp(App):
    TITLE = "agenda-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AgendaCommands}
    # A maximized pane (enter on a meeting) keeps the header: the store's name stays in sight.
    ALLOW_IN_MAXIMIZED_VIEW = "Header, Footer, KeysFooter"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store, *, today: dt.date | None = None,
                 own_process: bool = False, first_window: FirstWindow | None = None) -> None:
        super().__init__()
        self.store = store
        # The timeline's first meetings, already being read (agenda-tui; tui/startup.py).
        self._first_window = first_window
        # True when the app is the whole process (the agenda-tui command), not one of many apps
        # in a test run: it may then tune process-wide things such as the garbage collector.
        self.own_process = own_process
        # Fixed in tests and screenshots so "today" and "needs an update" do not drift.
        self.today = today or dt.date.today()
        self.sub_title = store.path.name + (" · read-only" if store.readonly else "")

    def get_default_screen(self) -> Screen:
        # The main screen is the app's first screen itself, rather than pushed over an empty
        # default one: one screen fewer to build and paint before the first frame.
        from tui.screens.main import MainScreen

        return MainScreen()

    def first_window(self, day: dt.date, filters) -> Window | None:
        """The meetings read at start-up, once, if they are what the timeline asks for."""
        first, self._first_window = self._first_window, None
        return first.take(day, filters) if first is not None else None

    def started(self) -> None:
        """Called once by the main screen when its timeline first shows meetings: after that
        frame is drawn, later screens' imports are warmed and the benchmark's start is marked
        (tui/startup.py)."""
        from tui.startup import first_frame_drawn

        self.call_after_refresh(first_frame_drawn, self)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def key_for(self, action: str, node: DOMNode | None = None) -> str:
        """The key shown to users for `action`, looked up from `node` outwards to the app."""
        chain = list(node.ancestors_with_self) if node is not None else []
        for owner in [*chain, self]:
            for item in type(owner).__dict__.get("BINDINGS", []) + [
                b for cls in type(owner).__mro__[1:] for b in cls.__dict__.get("BINDINGS", [])
            ]:
                binding = item if isinstance(item, Binding) else Binding(*item)
                if binding.action == action:
                    return display(binding)
        return "?"
