"""What the app's first frame waits for: only what it shows. The modules only later screens
need (pydantic models, forms, markdown, sqlite-utils) are imported after it, in a thread."""

from __future__ import annotations

import importlib
import subprocess
import sys
import threading

from db.views import MeetingFilter
from tests.app.conftest import settle
from tui.screens.main import MainScreen
from tui.startup import WARM_UP

# Runs the app headless on a store; when the first frame with meetings has been drawn, prints
# which of the heavy modules were imported by then, then quits.
FIRST_FRAME = """
import asyncio, sys
import tui.startup
from db.store import Store
from tui.app import AgendaApp

HEAVY = ("pydantic", "sqlite_utils", "rich.markdown", "importlib.metadata", "tui.forms.base",
         "tui.forms.meeting")

def drawn(app):
    print(sorted(name for name in HEAVY if name in sys.modules), flush=True)
    app.exit()

tui.startup.first_frame_drawn = drawn

async def main():
    with Store.open(sys.argv[1]) as store:
        async with AgendaApp(store).run_test(size=(120, 36)) as pilot:
            while pilot.app.is_running:
                await pilot.pause(0.05)

asyncio.run(main())
"""


def test_the_first_frame_waits_for_no_heavy_import(store):
    store.close()  # the app opens it itself, as `agenda-tui --db PATH` does
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(store.path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_module_warmed_after_the_first_frame_exists():
    for name in WARM_UP:
        importlib.import_module(name)


async def test_after_the_first_frame_the_warm_up_runs_in_a_thread(store, make_app,
                                                                  monkeypatch):
    ran_in = []
    monkeypatch.setattr("tui.startup.warm_up",
                        lambda freeze: ran_in.append(threading.current_thread().name))
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.timeline.rows  # the first meetings were shown
    assert len(ran_in) == 1 and ran_in[0] != threading.main_thread().name


# -- the first window, read while the app is built (tui/startup.py) ------------------------------


async def test_the_first_window_read_at_start_fills_the_timeline_as_it_mounts(store, monkeypatch):
    from tests.app.conftest import TODAY
    from tui.app import AgendaApp
    from tui.startup import FirstWindow
    from tui.window import read_window

    expected = read_window(store, TODAY, MeetingFilter(), TODAY)
    first = FirstWindow(store, TODAY)
    read_again = []
    monkeypatch.setattr("tui.widgets.timeline.read_window",
                        lambda *args: read_again.append(args) or expected)
    mounted = []
    original = MainScreen.on_mount

    def on_mount(screen):
        original(screen)
        mounted.append([row.id for row in screen.timeline.rows])

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)
    app = AgendaApp(store, today=TODAY, first_window=first)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # Filled before the first layout, by the main screen's mount; no worker read it again.
        assert mounted == [[row.id for row in expected.earlier + expected.later]]
        assert read_again == []
        assert app.screen.timeline.border_subtitle == "6 meetings"
        assert app.screen.timeline.current.title == "Syria stabilisation contact group"
        # Later loads read the store as before.
        await pilot.press("t")
        await settle(pilot)
        assert len(read_again) == 1


def test_the_first_window_is_only_for_today_without_filters(store):
    from tests.app.conftest import TODAY
    from tui.startup import FirstWindow

    first = FirstWindow(store, TODAY)
    assert first.take(TODAY.replace(year=2020), MeetingFilter()) is None
    assert first.take(TODAY, MeetingFilter(overdue_only=True)) is None
    window = first.take(TODAY, MeetingFilter())
    assert window is not None and window.total == 6


def test_a_failed_first_read_leaves_it_to_the_timeline(store, monkeypatch):
    from db.errors import StoreOpenError
    from tests.app.conftest import TODAY
    from tui.startup import FirstWindow

    def fails(*_args):
        raise StoreOpenError("the disk went away")

    monkeypatch.setattr("tui.startup.read_window", fails)
    assert FirstWindow(store, TODAY).take(TODAY, MeetingFilter()) is None


async def test_the_first_frame_shows_the_cursor_in_a_long_timeline(tmp_path, monkeypatch):
    """Filled before its first layout, the timeline is scrolled to its cursor in the first
    frame drawn (tui/widgets/cursor.py), not in a second one."""
    from textual.screen import Screen

    from benchmarks.generate import generate
    from db.store import Store
    from tui.app import AgendaApp
    from tui.startup import FirstWindow

    generate(tmp_path / "big.db", meetings=1000, items=0, seed=1)
    drawn = []
    paint = Screen._compositor_refresh

    def first_paint(screen):
        paint(screen)
        if not drawn and isinstance(screen, MainScreen):
            lines = screen._compositor.render_strips()  # what was just drawn, from its caches
            timeline = screen.timeline
            drawn.append(("\n".join(line.text for line in lines), timeline.current,
                          timeline.rows[0]))

    monkeypatch.setattr(Screen, "_compositor_refresh", first_paint)
    with Store.open(tmp_path / "big.db") as store:
        day = store.meetings_page(limit=500)[-1].date  # well inside the store's range
        app = AgendaApp(store, today=day, first_window=FirstWindow(store, day))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert app.screen.timeline.current.date >= day
    (frame, current, first), = drawn
    assert current.title[:25] in frame  # the cursor's meeting is on the first frame...
    assert first.title[:25] not in frame  # ...not the start of the window
