"""What the keystroke work keeps true: options drawn ahead look the same as options drawn on
demand, and opening a meeting moves the focus once, to its details, after the first frame."""

from __future__ import annotations

from tests.app.conftest import SIZE, settle


def _lines(pane) -> list[str]:
    """The pane's visible lines as drawn (text and styles), from its render caches."""
    return [repr(list(strip)) for strip in pane.render_lines(pane.size.region)]


SHORT = (SIZE[0], 24)  # a timeline of six lines: most of the sample's options are out of view


async def test_options_out_of_view_are_drawn_ahead_as_they_would_be_drawn(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SHORT) as pilot:
        await settle(pilot)
        timeline = app.screen.timeline
        await pilot.pause(0.1)  # the options around the view are drawn ahead meanwhile
        in_view = timeline.scrollable_content_region.height
        assert len(timeline._option_render_cache) > in_view
        await pilot.press("pageup")
        await settle(pilot)
        timeline._styles_cache.clear()
        warmed = _lines(timeline)
        timeline._option_render_cache.clear()
        timeline._styles_cache.clear()
        assert _lines(timeline) == warmed


async def test_a_pane_shown_again_at_the_same_width_keeps_its_drawn_options(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SHORT) as pilot:
        await settle(pilot)
        timeline = app.screen.timeline
        await pilot.pause(0.1)
        cache = timeline._option_render_cache
        keys = list(cache.keys())  # an LRUCache: no iteration of its own
        drawn = {key: cache.get(key) for key in keys}
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert all(cache.get(key) is strips for key, strips in drawn.items())
        # A new width draws them again, in the new columns.
        await pilot.resize_terminal(SHORT[0] + 20, SHORT[1])
        await settle(pilot)
        await pilot.pause(0.1)
        keys = list(cache.keys())
        widths = {strip.cell_length for key in keys for strip in cache.get(key)}
        assert widths == {timeline.scrollable_content_region.width}


async def test_enter_focuses_the_details_after_the_first_frame_and_no_other_pane(
        store, make_app):
    app = make_app(store)
    focused: list[str | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.watch(screen, "focused", lambda widget: focused.append(widget and widget.id),
                     init=False)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.maximized is screen.detail_pane
        assert screen.focused is screen.detail_pane
        assert focused == ["detail"]  # the hidden timeline did not hand it to another pane
        # The full height is an inline style while open, the stylesheet's once closed.
        assert screen.detail_pane.region.height > 20
        await pilot.press("escape")
        await settle(pilot)
        assert screen.focused is screen.timeline
        assert screen.detail_pane.region.height == 14
        assert focused == ["detail", "timeline"]
