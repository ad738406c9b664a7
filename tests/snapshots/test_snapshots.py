"""Snapshots of the main screens (pytest-textual-snapshot). When one changes, look at the SVG
report it writes before accepting the new picture with `pytest --snapshot-update`."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from db.sample import SEED_MEETING_ID
from tests.app.conftest import settle, type_text
from tui.app import AgendaApp

TODAY = dt.date(2026, 11, 25)
SIZE = (120, 40)


async def open_seed(pilot) -> None:
    await settle(pilot)
    pilot.app.screen.jump_to(SEED_MEETING_ID)
    await settle(pilot)


async def without_blink(pilot) -> None:
    """Stop the text cursor blinking: whether it is drawn would depend on how long the run
    took (a loaded machine catches it in the other half of the blink)."""
    for entry in pilot.app.screen.query(Input):
        entry.cursor_blink = False  # pauses the blink with the cursor hidden
    await pilot.pause()


class TestMainScreen:
    def test_opens_around_today(self, snap_compare, store):
        """The timeline at today with the next meeting selected, its people and agenda."""
        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=settle)

    def test_seed_meeting_selected(self, snap_compare, store):
        """The seed meeting: co-chairs, seven agenda items, flagged as needing an update."""
        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=open_seed)

    def test_all_topics(self, snap_compare, store):
        """The agenda pane toggled to every topic with its latest status."""

        async def run_before(pilot):
            await open_seed(pilot)
            await pilot.press("3", "v")
            await settle(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)

    def test_empty_store_welcome(self, snap_compare, empty_store):
        """An empty store says which key adds the first meeting and how to load the sample."""
        assert snap_compare(AgendaApp(empty_store, today=TODAY), terminal_size=SIZE,
                            run_before=settle)


class TestForms:
    def test_meeting_form_with_a_validation_error(self, snap_compare, store):
        """An impossible date is named beside the field as it is typed."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("n")
            await type_text(pilot, "Talks")
            await pilot.press("tab")
            await type_text(pilot, "2025-02-30")
            await settle(pilot)
            await without_blink(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)

    def test_delete_confirmation(self, snap_compare, store):
        """Deleting a meeting says what goes with it."""

        async def run_before(pilot):
            await open_seed(pilot)
            await pilot.press("d")
            await settle(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)


class TestOtherScreens:
    def test_topic_history(self, snap_compare, store):
        """Sanctions relief across five meetings with every status change."""

        async def run_before(pilot):
            await open_seed(pilot)
            await pilot.press("3", "end", "enter")
            await settle(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)

    def test_help(self, snap_compare, store):
        """Every key, by where it applies."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)

    def test_search_results(self, snap_compare, store):
        """Search across meetings, agenda items, topics and people."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("slash")
            await type_text(pilot, "sanctions")
            await pilot.pause(0.3)
            await settle(pilot)
            await pilot.press("down")  # into the results: no blinking cursor in the picture
            await settle(pilot)

        assert snap_compare(AgendaApp(store, today=TODAY), terminal_size=SIZE,
                            run_before=run_before)
