"""Fixtures for driving the app with Pilot: a fixed "today" and a helper that waits for the
store workers and the screen to settle."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress

import pytest
from textual.worker import WorkerCancelled

from tui.app import AgendaApp

TODAY = dt.date(2026, 11, 25)
SIZE = (120, 40)


async def settle(pilot, rounds: int = 4) -> None:
    """Let workers finish and their results reach the screen (a result can start new work),
    and the side panes follow the timeline's cursor (tui/screens/follow.py).

    A form's save runs in a worker of the form, and the form closing (from that worker's
    result) cancels the form's workers, that one included, after its work is done: waiting
    for it then raises WorkerCancelled, which is no failure."""
    app = pilot.app
    for _ in range(rounds):
        with suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        # Keys pressed in quick succession: the side panes follow once the cursor rests.
        while getattr(app.screen, "panes_pending", False):
            await pilot.pause(0.02)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


@pytest.fixture
def make_app():
    def make(store, today: dt.date = TODAY) -> AgendaApp:
        return AgendaApp(store, today=today)

    return make
