"""The main screen's footer (tui/widgets/footer.py): one line with the keys that apply where the
focus is, dimmed when there is nothing to act on, clickable, with tooltips."""

from __future__ import annotations

from db.sample import SEED_MEETING_ID
from tests.app.conftest import SIZE, settle
from tui.app import AgendaApp
from tui.forms.filter import FilterForm
from tui.screens.main import MainScreen
from tui.widgets.footer import KeysFooter
from tui.widgets.meeting_detail import MeetingDetailPane
from tui.widgets.participants import ParticipantsPane
from tui.widgets.timeline import TimelinePane
from tui.widgets.topics import TopicsPane

PANES = {"1": TimelinePane, "2": ParticipantsPane, "3": TopicsPane, "4": MeetingDetailPane}


def footer_text(app) -> str:
    return app.screen.query_one(KeysFooter).render().plain


def shown_entries(app, pane_class) -> list[str]:
    """What the footer must show for a focused pane, from the bindings themselves: "key
    Description" for each shown binding the screen does not hide, or a group's label."""
    screen = app.screen
    entries = []
    for owner in (pane_class, MainScreen, AgendaApp):
        for binding in owner.__dict__.get("BINDINGS", []):
            action = binding.action.removeprefix("screen.")
            if not binding.show or screen.check_action(action, ()) is False:
                continue
            if binding.group is not None:
                entries.append(binding.group.description)
            else:
                entries.append(f"{app.get_key_display(binding)} {binding.description}")
    return entries


def style_of(app, text: str) -> str:
    """The styles the footer gives the piece of its line that reads `text`."""
    line = app.screen.query_one(KeysFooter).render()
    start = line.plain.index(text)
    return " ".join(str(span.style) for span in line.spans
                    if span.start <= start < span.end)


async def test_the_timeline_footer_reads_as_textual_compact_footer_did(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert footer_text(app) == (
            "⏎ Open e Edit d Del f Filter t Today i Paste ! Late xX Export n New / Find "
            "u Undo r Reload ? Help q Quit    ▏^p palette ")


async def test_each_pane_shows_its_keys_and_the_screens(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(160, 36)) as pilot:  # wide enough for the longest set
        await settle(pilot)
        for key, pane_class in PANES.items():
            await pilot.press(key)
            await settle(pilot)
            text = footer_text(app)
            entries = shown_entries(app, pane_class)
            assert len(entries) >= 8
            for entry in entries:
                assert entry in text, (pane_class.__name__, entry)
            # Keys not meant for the footer stay out of it (the pane numbers are in the titles).
            assert "Timeline pane" not in text and "First" not in text


async def test_a_key_the_screen_hides_appears_when_it_applies(store, make_app):
    from db.views import MeetingFilter

    app = make_app(store)
    async with app.run_test(size=(160, 36)) as pilot:
        await settle(pilot)
        assert "c Unfilter" not in footer_text(app)
        app.screen.set_filters(MeetingFilter(overdue_only=True))
        await settle(pilot)
        assert "c Unfilter" in footer_text(app)


async def test_keys_with_nothing_to_act_on_are_dimmed(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.jump_to(SEED_MEETING_ID)
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert app.screen.detail.sources  # the seed meeting has its source
        assert "dim" not in style_of(app, "Edit source")
        await pilot.press("1", "G")  # a meeting without sources
        await settle(pilot)
        assert not app.screen.detail.sources
        await pilot.press("4")
        await settle(pilot)
        assert "dim" in style_of(app, "Edit source")
        assert "dim" not in style_of(app, "Add source")


async def test_clicking_a_key_presses_it_and_a_dimmed_one_rings(store, make_app, monkeypatch):
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        x = footer_text(app).index("f Filter")
        await pilot.click(KeysFooter, offset=(x + 3, 0))
        await settle(pilot)
        assert isinstance(app.screen, FilterForm)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)

        rang = []
        monkeypatch.setattr(app, "bell", lambda: rang.append(True))
        app.screen.show_detail(None)  # no meeting: Open is dimmed
        await settle(pilot)
        assert "dim" in style_of(app, "Open")
        await pilot.click(KeysFooter, offset=(0, 0))
        await settle(pilot)
        assert rang and isinstance(app.screen, MainScreen)


async def test_hovering_a_key_shows_its_tooltip(store, make_app):
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)
        x = footer_text(app).index("i Paste")
        await pilot.hover(KeysFooter, offset=(x, 0))
        paste = next(b for b in TimelinePane.BINDINGS if b.key == "i")
        assert footer.tooltip == paste.tooltip
        assert "on" in style_of(app, "i Paste")  # highlighted under the pointer
        await pilot.hover(KeysFooter, offset=(footer_text(app).index("^p") + 1, 0))
        assert footer.tooltip and "palette" in footer.tooltip.lower()
