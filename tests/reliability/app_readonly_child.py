"""The app on a read-only store, driven with Pilot: browse (timeline, details, topic history,
search), then press every editing key and record what each did.

    python app_readonly_child.py STORE

Run as a child (by a user the file's mode binds) it prints one JSON object; the in-process
test calls `drive` directly on a store opened with readonly=True.
"""

from __future__ import annotations

import asyncio
import json
import sys

from db.sample import SEED_MEETING_ID
from db.store import Store
from tests.reliability.app_tools import record_notifications, screen_text, settle
from tui.app import AgendaApp
from tui.forms.base import FormScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.screens.topic_history import TopicHistoryScreen

TODAY = "2026-11-25"
SIZE = (120, 40)

# (pane key, mode key, key, what it would do). The pane key focuses the pane the key belongs
# to; the mode key "v" switches a pane from this meeting's list to everyone / every topic.
EDIT_KEYS = [
    ("1", None, "n", "new meeting"),
    ("1", None, "e", "edit meeting"),
    ("1", None, "d", "delete meeting"),
    ("1", None, "i", "paste an article"),
    ("3", None, "a", "add agenda item"),
    ("3", None, "e", "edit agenda item"),
    ("3", None, "d", "delete agenda item"),
    ("3", None, "s", "next status"),
    ("3", None, "S", "pick status"),
    ("3", None, "J", "move item down"),
    ("3", None, "K", "move item up"),
    ("3", "v", "e", "edit topic"),
    ("3", "v", "d", "delete topic"),
    ("2", None, "a", "add participant"),
    ("2", None, "e", "edit participant"),
    ("2", None, "enter", "open participant (edits it)"),
    ("2", None, "d", "remove participant"),
    ("2", "v", "e", "edit person"),
    ("2", "v", "d", "delete person"),
    ("4", None, "a", "add source"),
    ("4", None, "e", "edit source"),
    ("4", None, "d", "delete source"),
    ("1", None, "u", "undo"),
    ("1", None, "ctrl+z", "undo"),
]


async def drive(store) -> dict:
    import datetime as dt

    app = AgendaApp(store, today=dt.date.fromisoformat(TODAY))
    result: dict = {"keys": {}}
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.jump_to(SEED_MEETING_ID)
        await settle(pilot)
        text = screen_text(app)
        result["browse"] = {
            "header": text.splitlines()[0].strip(),
            "timeline_rows": len(screen.timeline.rows),
            "timeline_subtitle": str(screen.timeline.border_subtitle),
            "selected": screen.detail.meeting.id if screen.detail else None,
            "items": len(screen.detail.items),
            "participants": len(screen.detail.participants),
            "screen": text,
        }
        await pilot.press("3", "enter")  # the first agenda item's topic history
        await settle(pilot)
        history = app.screen
        result["history"] = {
            "screen": type(history).__name__,
            "appearances": len(history.history.appearances)
            if isinstance(history, TopicHistoryScreen) else 0,
            "topic": history.history.topic.name if isinstance(history, TopicHistoryScreen)
            else None,
            "text": screen_text(app),
        }
        await pilot.press("escape")
        await pilot.press("slash", *"sanctions")
        await pilot.pause(0.3)  # the search waits for typing to pause
        await settle(pilot)
        search = app.screen
        result["search"] = {
            "screen": type(search).__name__,
            "hits": len(search.hits) if isinstance(search, SearchScreen) else 0,
            "text": screen_text(app),
        }
        await pilot.press("escape")
        await settle(pilot)

        for pane, mode, key, what in EDIT_KEYS:
            await pilot.press(pane)
            if mode:
                await pilot.press(mode)
                await settle(pilot)  # the pane reloads its list in a worker
            focused = app.focused.id if app.focused else None
            seen = len(shown)
            await pilot.press(key)
            await settle(pilot, 2)  # a key that did write would start a worker
            pushed = type(app.screen).__name__
            result["keys"][f"{pane}{mode or ''} {key}: {what}"] = {
                "pane": focused,
                "screen": pushed,
                "notifications": shown[seen:],
            }
            while not isinstance(app.screen, MainScreen):  # a form or question opened: close it
                await pilot.press("escape")
                if isinstance(app.screen, FormScreen):
                    await pilot.press("y")
                await settle(pilot)
            if mode:
                await pilot.press(mode)  # back to this meeting's list
                await settle(pilot)
        await settle(pilot)
        result["selected_after"] = screen.detail.meeting.id if screen.detail else None
        result["errors"] = [n for n in shown if n["severity"] == "error"]
    return result


if __name__ == "__main__":
    opened = Store.open(sys.argv[1])
    try:
        outcome = asyncio.run(drive(opened))
        outcome["readonly"], outcome["reason"] = opened.readonly, opened.readonly_reason
    finally:
        opened.close()
    print(json.dumps(outcome, ensure_ascii=False))
