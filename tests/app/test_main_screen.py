"""The main screen on the sample data: panes, selection, toggles, empty state."""

from __future__ import annotations

from textual.widgets import Header

from db.sample import SEED_MEETING_ID
from tests.app.conftest import SIZE, settle
from tui.screens.main import MainScreen
from tui.widgets.timeline import TimelinePane


async def test_opens_around_today_with_the_next_meeting_selected(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.timeline.current.title == "Syria stabilisation contact group"
        assert screen.focused is screen.timeline
        ids = [o.id for o in screen.timeline.options]
        assert ids.index("today") == ids.index(screen.timeline.current.id) - 2  # month header
        assert "6 meetings" in screen.timeline.border_subtitle


async def test_moving_the_cursor_updates_participants_agenda_and_details(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        for _ in range(3):
            await pilot.press("k")
        await settle(pilot)
        assert screen.timeline.current.id == SEED_MEETING_ID
        names = [v.person.name for v in screen.participants._views.values()]
        assert names == ["Nuh Yilmaz", "Christopher Landau"]
        assert len(screen.topics._views) == 7
        assert screen.detail.meeting.id == SEED_MEETING_ID
        head = str(screen.detail_pane.query_one("#detail-head").render())
        assert "needs an update" in head and "Washington" in head


async def test_seed_meeting_is_flagged_and_listed_by_the_needs_update_key(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        rows = app.screen.timeline.rows
        assert [r.id for r in rows] == [SEED_MEETING_ID]
        assert "needing an update" in app.screen.timeline.border_subtitle
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert len(app.screen.timeline.rows) == 6


async def test_pane_keys_and_tab_move_focus(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        for key, pane in [("2", screen.participants), ("3", screen.topics),
                          ("4", screen.detail_pane), ("1", screen.timeline)]:
            await pilot.press(key)
            assert screen.focused is pane
        await pilot.press("tab")
        assert screen.focused is not screen.timeline


async def test_toggles_show_all_people_and_all_topics(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("2", "v")
        await settle(pilot)
        people = {v.person.name: v for v in screen.participants._views.values()}
        assert people["Nuh Yilmaz"].meetings == 4
        assert "All people" in screen.participants.border_title
        await pilot.press("3", "v")
        await settle(pilot)
        topics = {v.topic.name: v for v in screen.topics._views.values()}
        assert topics["Sanctions relief for Syria"].latest_status == "proposed"
        await pilot.press("v")
        await settle(pilot)
        assert not screen.topics.show_all and len(screen.topics._views) == 2


async def test_enter_opens_the_meeting_and_escape_goes_back(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.screen.maximized is app.screen.detail_pane
        await pilot.pause()
        # The header (the store's name) stays in sight above the opened meeting.
        assert app.screen.query_one(Header).region.height > 0
        await pilot.press("escape")
        assert app.screen.maximized is None
        assert app.screen.focused is app.screen.timeline
        await pilot.press("3", "escape")
        assert app.screen.focused is app.screen.timeline


async def test_empty_store_shows_a_welcome_naming_the_keys(empty_store, make_app):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.screen.timeline
        assert app.screen.focused is timeline
        text = timeline.get_option("message").prompt.plain
        assert "Press n to add your first meeting" in text
        assert "or i to paste a news article" in text
        assert "agenda-tui sample" in text
        await pilot.press("n")
        assert type(app.screen).__name__ == "MeetingForm"


async def test_header_names_the_store_file(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title == "sample.db"


async def test_side_panes_wait_for_the_cursor_to_rest_and_enter_shows_at_once(store, make_app):
    """Moves hard on the heels of each other (a key held down): the meeting's details are known
    to the screen at once but shown in the side panes once the cursor rests, or at once on
    enter."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = screen.detail
        seed = store.meeting_detail(SEED_MEETING_ID)
        row = next(r for r in screen.timeline.rows if r.id == SEED_MEETING_ID)
        moved = TimelinePane.MeetingHighlighted
        screen.on_timeline_pane_meeting_highlighted(moved(row))  # after a rest
        screen.on_timeline_pane_meeting_highlighted(moved(row))  # right after
        screen.show_detail(seed)
        assert screen.detail is seed and screen.panes_pending
        assert screen.detail_pane.detail is shown  # still the meeting shown before
        await pilot.press("enter")
        assert screen.maximized is screen.detail_pane
        assert screen.detail_pane.detail.meeting.id == SEED_MEETING_ID
        assert len(screen.topics._views) == 7
        await settle(pilot)  # the cursor rests: nothing is left waiting
        assert not screen.panes_pending


async def test_a_burst_of_moves_ends_with_the_panes_on_the_last_meeting(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k", "k", "k")  # one call: the keys come without a pause
        await settle(pilot)
        screen = app.screen
        assert screen.timeline.current.id == SEED_MEETING_ID
        assert screen.detail_pane.detail.meeting.id == SEED_MEETING_ID
        assert screen.topics.detail.meeting.id == SEED_MEETING_ID
