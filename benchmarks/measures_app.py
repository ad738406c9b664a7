"""App measures: cold start, keystroke latency and peak memory of agenda-tui, run as a user runs
it: the `agenda-tui --db PATH` command on a pseudo-terminal of 120 × 36 (benchmarks/terminal.py),
next to a bare Textual app run the same way.

- Cold start: from just before the fork to the wall-clock time the app writes once the first
  frame with the timeline filled has been painted (AGENDA_TUI_STARTUP_MARK, see
  AgendaApp.mark_started); the bare app writes it after its first refresh.
- Keystrokes: from writing a key's bytes to the terminal to the end of the frames it causes.
  The terminal says it supports synchronized output, so Textual brackets every frame and the
  end of each is seen: "first frame" is the key's own effect (the cursor moved, the details
  maximized), "screen still" the last frame before 150 ms of silence (the participants, agenda
  and details of the new meeting drawn too). Keys are sent one at a time, each once the screen
  is still, as a person pressing keys would; a bare Textual app's key is measured the same way.
- Peak memory: the app process's peak resident set (VmHWM) after a tour of the store (paging,
  opening a meeting, the all-people and all-topics lists).
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

from benchmarks.measures import Bench, Skip, Timed, measure
from benchmarks.terminal import Burst, Terminal, TerminalError

SIZE = (120, 36)  # columns, rows: a common terminal; the app tests use about the same
MARK = "AGENDA_TUI_STARTUP_MARK"
EXIT = "AGENDA_TUI_EXIT_AFTER_START"
QUIET = 0.15  # seconds of silence that end a key's screen update

# The yardstick: one static line. It marks its first painted frame as the app does.
BARE_APP = f"""
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    BINDINGS = [("x", "change", "Change")]

    def compose(self):
        yield Static("agenda-tui benchmark: one static line")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        with open(os.environ[{MARK!r}], "w", encoding="utf-8") as out:
            out.write(repr(time.time()))
        if os.environ.get({EXIT!r}):
            self.exit()

    def action_change(self):
        self.query_one(Static).update(f"changed at {{time.monotonic()}}")

Bare().run()
"""
# What the `agenda-tui` console script runs.
AGENDA_APP = "import sys; from tui.cli import main; sys.exit(main())"


def _env(mark: Path, *, exit_after_start: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TEXTUAL") and k not in ("NO_COLOR", MARK, EXIT)}
    env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", MARK: str(mark)})
    if exit_after_start:
        env[EXIT] = "1"
    return env


def bare_command() -> list[str]:
    return [sys.executable, "-c", BARE_APP]


def agenda_command(store: Path) -> list[str]:
    return [sys.executable, "-c", AGENDA_APP, "--db", str(store)]


def compile_project() -> None:
    """Byte-compile the app's own modules, as installing a package does (pip writes the .pyc
    files; so does Python on a first run). Without them every start compiles db/ and tui/ from
    source, some 50 ms here, while Textual's modules, installed by pip, load compiled: with
    PYTHONDONTWRITEBYTECODE set, as it is on some machines, Python never writes them itself."""
    import compileall

    root = Path(__file__).resolve().parents[1]
    for package in ("db", "tui"):
        compileall.compile_dir(root / package, quiet=1)


def cold_start(argv: list[str], scratch: Path, expect: str | None = None) -> float:
    """Milliseconds from starting `argv` on a terminal to its first painted frame."""
    mark = scratch / "started"
    mark.unlink(missing_ok=True)
    term = Terminal(argv, _env(mark, exit_after_start=True), SIZE)
    try:
        status = term.wait(timeout=120)
    finally:
        term.close()
    if status != 0 or not mark.exists():
        raise TerminalError(f"the app failed (exit status {status}): {term.screen_text()[-500:]}")
    if expect and expect not in term.screen_text():
        raise TerminalError(f"the first frame did not show {expect!r}")
    return (float(mark.read_text(encoding="utf-8")) - term.started) * 1000


def _timeline_text(meetings: int) -> str:
    """What the first frame shows once the timeline is filled (its count, or the welcome)."""
    return f"{meetings} meetings" if meetings else "Welcome to agenda-tui"


@measure("app: cold start, bare Textual app", "app", repeat=10)
def _bare(bench: Bench):
    """The yardstick: a Textual app that shows one static line, on the same terminal; measured
    at each size right before agenda-tui, so the ratio compares runs under the same load."""
    return Timed(lambda: cold_start(bare_command(), bench.scratch),
                 note="pty 120×36, to the first painted frame", reports="ms")


@measure("app: cold start, agenda-tui (timeline filled)", "app", repeat=10)
def _agenda(bench: Bench):
    """`agenda-tui --db STORE` to the first frame with the timeline's meetings on it."""
    expect = _timeline_text(bench.meetings)
    compile_project()
    return Timed(lambda: cold_start(agenda_command(bench.path), bench.scratch, expect),
                 note="pty 120×36, to the first painted frame", reports="ms")


# -- a running app, for keys and memory -----------------------------------------------------------


class Session:
    """An app started on a terminal and left running; keys are sent to it one at a time."""

    def __init__(self, argv: list[str], scratch: Path) -> None:
        mark = scratch / "session-started"
        mark.unlink(missing_ok=True)
        self.term = Terminal(argv, _env(mark, exit_after_start=False), SIZE)
        try:
            self.term.wait_until(mark.exists, "the first frame")
            self.term.read_until_quiet(0.5)  # the details and the other panes fill in
        except BaseException:
            self.term.close()
            raise

    def press(self, key: str) -> Burst | None:
        return self.term.press(key, quiet=QUIET)

    def quit(self) -> float:
        """The app's peak memory in MB so far; then quit with q."""
        peak = self.term.peak_rss_mb()
        self.term.press("q", quiet=0.0, wait=0.0)
        status = self.term.wait(timeout=60)
        if status != 0:
            raise TerminalError(f"the app exited with status {status}")
        return peak

    def close(self) -> None:
        self.term.close()


def keys_timed(session: Session, script: list[tuple[str, bool]], frame: str) -> Timed:
    """Each call presses keys from `script` (cycled) up to the next one marked to be timed and
    returns its latency in ms to the end of its `frame` ("first" or "last"); timed keys that
    change nothing (such as moving down on the last row) are passed over."""
    steps = itertools.cycle(script)
    limit = 4 * len(script)

    def next_timed() -> float:
        for _ in range(limit):
            key, timed = next(steps)
            burst = session.press(key)
            if timed and burst is not None:
                return 1000 * (burst.first if frame == "first" else burst.last)
        raise TerminalError(f"none of the keys {[k for k, t in script if t]} changed the screen")

    note = ("key to the end of its first frame" if frame == "first"
            else "key to the end of its last frame (screen still)")
    return Timed(next_timed, note=note + ", pty", reports="ms", close=session.close)


def _keys(bench: Bench, script: list[tuple[str, bool]], frame: str) -> Timed:
    if bench.meetings == 0:
        raise Skip("empty store")
    return keys_timed(Session(agenda_command(bench.path), bench.scratch), script, frame)


# Forward through the window (paging in more meetings), then back: the cursor stays in the data.
MOVING = [*[("pagedown", True)] * 4, *[("j", True)] * 4, *[("pageup", True)] * 4,
          *[("k", True)] * 4]
# Each opening on another meeting, so its details are fetched first (by the untimed j); escape
# leaves the focus on the details, 1 takes it back to the timeline.
OPENING = [("1", False), ("j", False), ("enter", True), ("escape", True)]
PANES = [("2", True), ("3", True), ("4", True), ("1", True)]
ALL_TOPICS = [("3", False), ("v", True), ("j", False), ("v", True), ("1", False)]
KEYS_TARGET = {"target_ms": 16.0, "target_on": 50_000}


@measure("app: keys, moving (j/k, page down/up): cursor moved", "app", repeat=40,
         **KEYS_TARGET)
def _moving_first(bench: Bench):
    """The first frame after the key: the timeline's cursor in its new place."""
    return _keys(bench, MOVING, "first")


@measure("app: keys, moving (j/k, page down/up): all panes followed", "app", repeat=40,
         **KEYS_TARGET)
def _moving_last(bench: Bench):
    """Until the screen is still: participants, agenda and details of the new meeting shown."""
    return _keys(bench, MOVING, "last")


@measure("app: keys, opening a meeting (enter, escape): first frame", "app", repeat=40,
         **KEYS_TARGET)
def _opening_first(bench: Bench):
    """enter maximizes the meeting's details; escape goes back to the four panes."""
    return _keys(bench, OPENING, "first")


@measure("app: keys, opening a meeting (enter, escape): screen still", "app", repeat=40,
         **KEYS_TARGET)
def _opening_last(bench: Bench):
    return _keys(bench, OPENING, "last")


@measure("app: keys, switching panes (1/2/3/4): screen still", "app", repeat=40)
def _panes(bench: Bench):
    return _keys(bench, PANES, "last")


@measure("app: keys, all-topics view (v in the agenda pane): screen still", "app", repeat=20)
def _all_topics(bench: Bench):
    """v lists every topic with its latest status (paged from the store), v again goes back."""
    return _keys(bench, ALL_TOPICS, "last")


@measure("app: keys, bare Textual app (a key that changes one line)", "app", repeat=40)
def _bare_key(bench: Bench):
    """The method's own cost: terminal, Textual's input and output, on a trivial update."""
    if bench.sizes and bench.meetings != max(bench.sizes):
        raise Skip("measured once, next to the largest store")
    return keys_timed(Session(bare_command(), bench.scratch), [("x", True)], "last")


# A tour of what holds memory: pages of meetings, a meeting's details, everyone, every topic.
TOUR = [*["pagedown"] * 10, *["j"] * 10, "enter", "escape", "2", "v", *["pagedown"] * 5, "v",
        "3", "v", *["pagedown"] * 5, "v", "1", *["pageup"] * 20]
TOUR_QUICK = ["pagedown", "j", "enter", "escape", "2", "v", "v", "1"]  # --quick: checks it runs


@measure("app: peak RSS after a tour (pages, details, all people and topics)", "app",
         repeat=3, target_ms=200.0, target_on=50_000)
def _rss(bench: Bench):
    """Peak RSS of the app process (VmHWM), in MB, after the keys in TOUR."""

    def tour() -> float:
        session = Session(agenda_command(bench.path), bench.scratch)
        try:
            for key in (TOUR_QUICK if bench.quick else TOUR):
                session.term.press(key, quiet=0.05, wait=0.5)
            return session.quit()
        finally:
            session.close()

    return Timed(tour, note="VmHWM of the app after the tour, pty", reports="MB")
