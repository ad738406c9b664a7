"""`/` searches meetings, agenda items, topics and people; enter jumps to the result."""

from __future__ import annotations

from db.sample import SEED_MEETING_ID
from tests.app.conftest import SIZE, settle, type_text
from tui.screens.search import SearchScreen
from tui.screens.topic_history import TopicHistoryScreen


async def search(pilot, text: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, SearchScreen)
    await type_text(pilot, text)
    await pilot.pause(0.3)  # the search waits for a pause in typing
    await settle(pilot)


async def choose(pilot, label: str) -> None:
    screen = pilot.app.screen
    keys = list(screen.hits)
    index = next(i for i, key in enumerate(keys) if screen.hits[key].label == label)
    await pilot.press("down")  # from the search box into the results
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def test_enter_on_an_agenda_item_selects_it_in_its_meeting(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "sanctions timeline")
        assert [h.label for h in app.screen.hits.values()] == [
            "Procedural framework and timeline of sanctions relief"]
        await choose(pilot, "Procedural framework and timeline of sanctions relief")
        screen = app.screen
        assert screen.timeline.current.id == SEED_MEETING_ID
        assert screen.focused is screen.topics
        assert screen.topics.current.label.startswith("Procedural framework and timeline")


async def test_people_meetings_and_topics(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "Aydin")  # stored as Aydın
        await choose(pilot, "Kerem Aydın")
        screen = app.screen
        assert screen.timeline.current.title == "Syria stabilisation contact group"
        assert screen.focused is screen.participants
        assert screen.participants.current.person.name == "Kerem Aydın"

        await search(pilot, "Brussels")
        await choose(pilot, "Conference on north-east Syria's camps")
        assert screen.timeline.current.city == "Brussels" and screen.focused is screen.timeline

        await search(pilot, "camps")
        await choose(pilot, "Displacement camps in north-east Syria")
        assert isinstance(app.screen, TopicHistoryScreen)
        assert len(app.screen.history.appearances) == 5


async def test_escape_closes_without_moving(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.screen.timeline.current.id
        await search(pilot, "Landau")
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        assert app.screen.timeline.current.id == before
