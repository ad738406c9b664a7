"""What happens once the app is up, that is once the main screen's first frame with meetings
has been drawn (AgendaApp.started).

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

import gc
import importlib
import os
import time

MARK = "AGENDA_TUI_STARTUP_MARK"
EXIT = "AGENDA_TUI_EXIT_AFTER_START"

# Imported after the first frame; a test checks that each of them exists.
WARM_UP = (
    "db.models", "db.drafts", "rich.markdown", "tui.forms.base",
    "tui.forms.meeting", "tui.forms.participant", "tui.forms.item", "tui.forms.source",
    "tui.forms.records", "tui.forms.filter", "tui.forms.confirm", "tui.forms.pick",
    "tui.forms.ingest", "tui.screens.search", "tui.screens.help", "tui.screens.topic_history",
)


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
