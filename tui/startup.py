"""How the app starts: the timeline's first window read while the app is built, and what
happens once the main screen's first frame with meetings has been drawn (AgendaApp.started).

- FirstWindow: `agenda-tui` starts reading the meetings around today in a thread as soon as the
  store is open, before Textual is imported. SQLite leaves the interpreter lock while it reads,
  so on a second core the read is done by the time the screen is built; the timeline is filled
  as it mounts and the first frame is drawn with the meetings in it (README, Performance).
- The modules that later screens need (forms, the pydantic models, markdown for notes, search,
  help) are imported in a thread: the first form or search then opens without waiting for them,
  and the first frame did not wait for them either.
- In the app's own process (`agenda-tui`, AgendaApp(own_process=True)), everything alive after
  that is frozen out of the garbage collector's scans: those objects live as long as the app,
  and scanning them made each full collection, which came every few keys, pause the screen for
  100-250 ms at 50,000 meetings (README, Performance).
- For the cold-start benchmark (benchmarks/measures_app.py): with AGENDA_TUI_STARTUP_MARK=PATH
  set, the wall-clock time (time.time()) is written to PATH; with AGENDA_TUI_EXIT_AFTER_START
  also set, the app then quits.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import os
import threading
import time
from contextlib import suppress

from db.errors import AgendaError
from db.views import MeetingFilter
from tui.window import Window, read_window

MARK = "AGENDA_TUI_STARTUP_MARK"
EXIT = "AGENDA_TUI_EXIT_AFTER_START"

# Imported after the first frame; a test checks that each of them exists.
WARM_UP = (
    "db.models", "db.drafts", "rich.markdown", "tui.forms.base",
    "tui.forms.meeting", "tui.forms.participant", "tui.forms.item", "tui.forms.source",
    "tui.forms.records", "tui.forms.filter", "tui.forms.confirm", "tui.forms.pick",
    "tui.forms.ingest", "tui.screens.search", "tui.screens.help", "tui.screens.topic_history",
)


class FirstWindow:
    """The timeline's first window (around today, no filter), read in a thread."""

    def __init__(self, store, today: dt.date) -> None:
        self.today = today
        self._window: Window | None = None
        self._thread = threading.Thread(target=self._read, args=(store,), name="first-window",
                                        daemon=True)
        self._thread.start()

    def _read(self, store) -> None:
        # On an error the timeline reads the window again in a worker, which reports it.
        with suppress(AgendaError):
            self._window = read_window(store, self.today, MeetingFilter(), self.today)

    def take(self, day: dt.date, filters: MeetingFilter) -> Window | None:
        """The window, if it is the one asked for (waiting for the read to end), else None."""
        if day != self.today or filters.active:
            return None
        self.wait()
        return self._window

    def wait(self) -> None:
        self._thread.join()


def warm_up(freeze: bool = False) -> None:
    for name in WARM_UP:
        importlib.import_module(name)
    if freeze:
        # Not in tests (own_process=False): frozen objects are never freed, and a test process
        # runs many apps.
        gc.freeze()


def first_frame_drawn(app) -> None:
    mark = os.environ.get(MARK)
    if mark:
        with open(mark, "w", encoding="utf-8") as out:
            out.write(f"{time.time()!r}\n")
        if os.environ.get(EXIT):
            app.exit()
            return
    # exit_on_error=False: the imports only save time later; the app does not depend on them.
    app.run_worker(lambda: warm_up(freeze=app.own_process), thread=True, group="warm-up",
                   exit_on_error=False)
