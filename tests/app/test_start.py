"""What the app's first frame waits for: only what it shows. The modules only later screens
need (pydantic models, forms, markdown, sqlite-utils) are imported after it, in a thread."""

from __future__ import annotations

import importlib
import subprocess
import sys
import threading

from tests.app.conftest import settle
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
