"""Make the README's screenshots from the code: `python screenshots/make.py` (from the repo root).

Each shot opens the app on a fresh copy of the sample data (with "today" fixed at 25 November
2026 so the pictures do not drift), presses keys, and saves an SVG here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from db.sample import SEED_MEETING_ID, load_sample  # noqa: E402
from db.store import Store  # noqa: E402
from tui.app import AgendaApp  # noqa: E402

TODAY = dt.date(2026, 11, 25)
SIZE = (120, 40)

# name -> keys pressed after start (strings are keys; ("type", text) types text)
SHOTS = {
    "main": [("jump", SEED_MEETING_ID)],
    "form-error": ["n", ("type", "Talks in Ankara"), "tab", ("type", "2025-02-30")],
    "topic-history": [("jump", SEED_MEETING_ID), "3", "end", "enter"],
    "help": ["question_mark"],
}


async def settle(app, pilot) -> None:
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def shoot(name: str, steps: list, folder: Path, out: Path) -> Path:
    (folder / name).mkdir()
    store = Store.open(folder / name / "demo.db")
    load_sample(store)
    app = AgendaApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for step in steps:
            if isinstance(step, tuple) and step[0] == "type":
                await pilot.press(*step[1])
            elif isinstance(step, tuple) and step[0] == "jump":
                app.screen.jump_to(step[1])
            else:
                await pilot.press(step)
            await settle(app, pilot)
        path = app.save_screenshot(filename=f"{name}.svg", path=str(out))
    store.close()
    return Path(path)


def main(names: list[str]) -> None:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE
    with tempfile.TemporaryDirectory() as folder:
        for name in names or SHOTS:
            print(asyncio.run(shoot(name, SHOTS[name], Path(folder), out)))


if __name__ == "__main__":
    main(sys.argv[1:2] if len(sys.argv) > 1 and sys.argv[1] != "all" else [])
