"""Editing through the keys: each kind of edit, confirmation on delete, and undo of each."""

from __future__ import annotations

from db.sample import SEED_MEETING_ID
from tests.app.conftest import SIZE, settle, type_text
from tests.unit.test_undo import snapshot
from tui.forms.base import FormScreen
from tui.forms.confirm import ConfirmScreen


async def open_seed(app, pilot) -> None:
    await settle(pilot)
    app.screen.jump_to(SEED_MEETING_ID)
    await settle(pilot)
    assert app.screen.detail.meeting.id == SEED_MEETING_ID


async def replace_text(pilot, text: str) -> None:
    await pilot.press("end", "ctrl+u")  # to the end, delete everything before it
    await type_text(pilot, text)


async def test_edit_meeting_then_undo(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        before = snapshot(store)
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        await replace_text(pilot, "JWG on Syria, Washington round")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.meeting(SEED_MEETING_ID).title == "JWG on Syria, Washington round"
        assert app.screen.timeline.current.title == "JWG on Syria, Washington round"
        await pilot.press("u")
        await settle(pilot)
        assert snapshot(store) == before
        assert app.screen.timeline.current.title == "Türkiye–US Joint Working Group on Syria"


async def test_delete_meeting_says_what_goes_and_undo_brings_it_back(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        before = snapshot(store)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "7 agenda items, 2 participants, 1 source" in app.screen.detail
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert store.count_meetings() == 6
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert store.count_meetings() == 5
        await pilot.press("u")
        await settle(pilot)
        assert snapshot(store) == before


async def test_add_edit_delete_participant_and_undo_each(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        start = snapshot(store)
        await pilot.press("2", "a")
        await type_text(pilot, "Hakan Fidan")
        await pilot.press("tab")
        await type_text(pilot, "Foreign Minister")
        await pilot.press("tab")
        await type_text(pilot, "Turkey")
        await pilot.press("ctrl+s")
        await settle(pilot)
        view = app.screen.participants.current
        assert (view.person.name, view.delegation.name) == ("Hakan Fidan", "Türkiye")
        after_add = snapshot(store)
        await pilot.press("e")
        await pilot.press("tab")
        await replace_text(pilot, "Minister of Foreign Affairs")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.participants.current.person.office == "Minister of Foreign Affairs"
        await pilot.press("d", "y")
        await settle(pilot)
        assert "Hakan Fidan" not in [p.person.name for p in app.screen.detail.participants]
        await pilot.press("u")
        await settle(pilot)
        assert [p.person.name for p in app.screen.detail.participants].count("Hakan Fidan") == 1
        await pilot.press("u")
        await settle(pilot)
        assert snapshot(store) == after_add
        await pilot.press("u")
        await settle(pilot)
        assert snapshot(store) == start


async def test_items_status_keys_move_and_undo(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        start = snapshot(store)
        await pilot.press("3")
        first = app.screen.topics.current
        await pilot.press("s")  # scheduled -> discussed
        await settle(pilot)
        assert store.item(first.item.id).item.status == "discussed"
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("4")  # agreed, by its number in the menu
        await settle(pilot)
        assert store.item(first.item.id).item.status == "agreed"
        history = store.topic_history(first.topic.id)
        seed = [a for a in history.appearances if a.meeting.id == SEED_MEETING_ID][0]
        assert [c.to_status for c in seed.changes] == ["scheduled", "discussed", "agreed"]
        await pilot.press("J")  # move down
        await settle(pilot)
        order = [i.item.id for i in store.meeting_detail(SEED_MEETING_ID).items]
        assert order.index(first.item.id) == 1
        assert app.screen.topics.current.item.id == first.item.id
        await pilot.press("K")
        await settle(pilot)
        assert [i.item.id for i in store.meeting_detail(SEED_MEETING_ID).items][0] == first.item.id
        for _ in range(4):
            await pilot.press("u")
            await settle(pilot)
        assert snapshot(store) == start


async def test_add_edit_delete_item_and_topic_history(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        await pilot.press("3", "a")
        await type_text(pilot, "Energy corridors")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.topics.current.topic.name == "Energy corridors"
        await pilot.press("e", "tab")
        await type_text(pilot, "Pipelines through Syria")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.topics.current.item.text == "Pipelines through Syria"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.history.topic.name == "Energy corridors"
        await pilot.press("escape")
        await pilot.press("d", "y")
        await settle(pilot)
        assert len(store.meeting_detail(SEED_MEETING_ID).items) == 7


async def test_sources_add_edit_delete(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        await pilot.press("4", "a")
        await type_text(pilot, "Daily Sabah")
        await pilot.press("tab", "tab")
        await type_text(pilot, "https://example.org/jwg")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(store.meeting_detail(SEED_MEETING_ID).sources) == 2
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("down", "enter")  # the second source in the picker
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        [left] = store.meeting_detail(SEED_MEETING_ID).sources
        assert left.outlet == "Caliber.Az"


async def test_escape_asks_before_discarding_typed_changes(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        await pilot.press("n")
        await pilot.press("escape")
        assert not isinstance(app.screen, FormScreen)  # nothing typed: closes at once
        await pilot.press("n")
        await type_text(pilot, "Draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, FormScreen)
        assert store.count_meetings() == 6


async def test_enter_moves_on_and_saves_on_the_last_line(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(app, pilot)
        await pilot.press("2", "a")
        await type_text(pilot, "Asli Demir")
        await pilot.press("enter")  # name -> office: enter moves on
        assert app.focused.id == "office"
        await pilot.press("enter")
        await type_text(pilot, "Türkiye")
        await pilot.press("enter")  # the delegation is the last line: enter saves
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        names = [p.person.name for p in store.meeting_detail(SEED_MEETING_ID).participants]
        assert "Asli Demir" in names
