"""Every key in the help table runs its action where the table says it applies; the help
screen and the command palette list them all."""

from __future__ import annotations

import pytest
from rich.console import Console

from db.sample import SEED_MEETING_ID
from db.views import MeetingFilter
from tests.app.conftest import SIZE, settle, type_text
from tui.app import AgendaApp
from tui.forms.base import FormScreen
from tui.forms.confirm import ConfirmScreen
from tui.keys import key_rows
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.topic_history import TopicHistoryScreen
from tui.widgets.meeting_detail import MeetingDetailPane
from tui.widgets.participants import ParticipantsPane
from tui.widgets.timeline import TimelinePane
from tui.widgets.topics import TopicsPane

PANE_KEY = {"Timeline": "1", "Participants": "2", "Agenda": "3", "Details": "4"}
OWNER = {"Timeline": TimelinePane, "Participants": ParticipantsPane, "Agenda": TopicsPane,
         "Details": MeetingDetailPane,
         "Topic history": TopicHistoryScreen, "Forms": FormScreen, "Questions": ConfirmScreen,
         "Everywhere": AgendaApp, "Main screen": MainScreen}
ROWS = [r for r in key_rows() if r.action and r.action != "command_palette"]


def target(row) -> tuple[type, str]:
    """The class whose action method the key runs, and the method's name."""
    action = row.action
    cls = OWNER.get(row.context, MainScreen)
    if action.startswith("screen."):
        cls, action = MainScreen, action.removeprefix("screen.")
    elif action.startswith("app."):
        cls, action = AgendaApp, action.removeprefix("app.")
    elif row.context == "Details":
        cls = MainScreen
    return cls, "action_" + action.split("(")[0]


def first_key(row) -> str:
    binding = next(b for cls in OWNER.values() for b in cls.__dict__.get("BINDINGS", [])
                   if getattr(b, "action", None) == row.action
                   and getattr(b, "description", None) == row.description)
    return binding.key.split(",")[0]


CONTEXTS = sorted({r.context for r in ROWS})


@pytest.mark.parametrize("context", CONTEXTS)
async def test_every_key_runs_its_action(store, make_app, context, monkeypatch):
    """Each key of a context, pressed where it applies, runs its action. The actions are
    replaced by recorders, so one key's effect cannot hide another's."""
    rows = [r for r in ROWS if r.context == context]
    calls: dict[tuple[type, str], int] = {}
    for row in rows:
        cls, method = target(row)

        def record(self, *args, key=(cls, method)):
            calls[key] = calls.get(key, 0) + 1

        monkeypatch.setattr(cls, method, record)
    app = make_app(store)
    missed = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.jump_to(SEED_MEETING_ID)
        await settle(pilot)
        if context in PANE_KEY:
            await pilot.press(PANE_KEY[context])
        if context == "Topic history":
            topic = app.screen.detail.items[0].topic
            app.screen.show_topic_history(topic.id)
            await settle(pilot)
        elif context == "Forms":
            await pilot.press("n")
            await type_text(pilot, "x")
        elif context == "Questions":
            await pilot.press("1", "d")
            await settle(pilot)
        for row in rows:
            if row.action == "screen.clear_filter":
                app.screen.timeline.filters = MeetingFilter(statuses=frozenset({"planned"}))
            key = target(row)
            before = calls.get(key, 0)
            await pilot.press(first_key(row))
            await settle(pilot)
            if calls.get(key, 0) == before:
                missed.append(f"{row.keys} ({row.description}) did not run {key[0].__name__}."
                              f"{key[1]}")
    assert not missed, missed


async def test_help_screen_lists_every_key(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(record=True, width=110)
        console.print(app.screen._table())
        plain = console.export_text()
        for row in key_rows():
            assert row.description in plain
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_palette_offers_every_main_screen_action(store, make_app):
    from tui.commands import AgendaCommands

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [title for title, _, _ in AgendaCommands(app.screen)._commands()]
        for row in key_rows():
            if row.context in ("Timeline", "Participants", "Agenda", "Details", "Main screen"):
                assert f"{row.context}: {row.description}" in titles


async def test_palette_runs_an_action_in_its_pane(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.jump_to(SEED_MEETING_ID)
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Agenda: All")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused is app.screen.topics and app.screen.topics.show_all


async def test_readme_key_table_is_current():
    from pathlib import Path

    from tui.keys import markdown_table

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "run `python -m tui.keys` and paste it into README.md"
