"""App measures: cold start, keystroke latency, peak memory. Hooks for the app (issue 4).

Cold start is timed from process start to the first painted frame, in a child process that
prints time.monotonic() when it has painted (the same clock as ours on one machine). The bare
Textual app is measured now; the agenda-tui measures skip until the app lands, and then
need only their child script (see AGENDA_COLD_START below) and a Pilot script for keys.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from benchmarks.measures import Bench, Skip, Timed, measure

# The child prints the clock once the first frame has been drawn, then quits.
BARE_APP = """
import time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("agenda-tui benchmark: one static line")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        print(time.monotonic(), flush=True)
        self.exit()

Bare().run(headless=True, size=(120, 36))
"""

# To do when the app lands: a child script that opens AgendaApp on sys.argv[1] and prints
# time.monotonic() once the timeline pane shows its first rows (not merely once mounted).
AGENDA_COLD_START: str | None = None


def cold_start(script: str, *args: str) -> float:
    """Milliseconds from starting `python -c script args` to the time it prints."""
    env = {**os.environ, "TEXTUAL": "", "NO_COLOR": "1"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"the child app failed: {done.stderr.strip()[-500:]}")
    return (float(done.stdout.split()[0]) - started) * 1000


@measure("app: cold start, bare Textual app", "app", repeat=10)
def _bare(bench: Bench):
    """The yardstick: a Textual app that shows one static line (no store)."""
    if bench.sizes and bench.meetings != max(bench.sizes):
        raise Skip("measured once, next to the largest store")
    return Timed(lambda: cold_start(BARE_APP), note="headless, to the first refresh",
                 reports="ms")


@measure("app: cold start, agenda-tui (timeline filled)", "app", repeat=10)
def _agenda(bench: Bench):
    if AGENDA_COLD_START is None:
        raise Skip("the app is not there yet (issue 4)")
    return Timed(lambda: cold_start(AGENDA_COLD_START, str(bench.path)), reports="ms")


@measure("app: keystroke latency (timeline, open, panes, all topics)", "app", repeat=50,
         target_ms=16.0, target_on=50_000)
def _keys(bench: Bench):
    raise Skip("the app is not there yet (issue 4): press keys with Pilot, time to refresh")


@measure("app: peak RSS with the store open", "app", repeat=1)
def _rss(bench: Bench):
    raise Skip("the app is not there yet (issue 4): max RSS of the child, in MB (≤ 200)")
