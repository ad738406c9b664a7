"""Driving the real app for the reliability tests: text arrives as a terminal delivers it (one
key event per character, or one paste), and what the user sees is read off the screen."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key

from tests.app.conftest import settle
from tui.forms.base import FormField

__all__ = ["burst", "field_errors", "paste", "record_notifications", "region_text", "screen_text",
           "settle", "type_keys"]


async def type_keys(pilot, text: str) -> None:
    """Type `text` one character at a time, each as the key event Textual's terminal parser
    makes of it (textual/_xterm_parser.py). Pilot.press cannot do this for characters whose
    Unicode names have spaces (combining marks, regional indicators, skin tones)."""
    app = pilot.app
    for char in text:
        event = events.Key(char if char.isalnum() else _character_to_key(char), char)
        event.set_sender(app)
        app._driver.send_message(event)  # the way Pilot.press and the input thread send keys
        await pilot.pause()


def burst(app, *keys: str) -> None:
    """Send keys back to back, as a double tap or key repeat does: unlike Pilot.press, without
    letting the app finish what the first key started before the next arrives."""
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(app)
        app._driver.send_message(event)


async def paste(pilot, text: str) -> None:
    """A bracketed paste, as a terminal sends it: the app hands it to the focused widget."""
    event = events.Paste(text)
    event.set_sender(pilot.app)
    pilot.app._driver.send_message(event)
    await pilot.pause()


def screen_text(app) -> str:
    """The screen as the terminal would show it, one line per row, styles dropped."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def region_text(app, widget) -> str:
    """What the screen shows inside `widget` (its border included), one line per row."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join(strip.crop(region.x, region.right).text for strip in strips)


def field_errors(screen) -> dict[str, str]:
    """The validation message shown beside each form field that has one, by the field's id."""
    shown = {}
    for field in screen.query(FormField):
        error = field.query_one(".field-error")
        if error.display:
            shown[field.widget.id] = str(error.render())
    return shown


def record_notifications(app) -> list[dict]:
    """Every notification the app shows from now on, in order (the app's own list drops them
    as they time out, so it cannot be counted on)."""
    shown: list[dict] = []
    notify = app.notify

    def recording(message, **options):
        shown.append({"title": options.get("title", ""), "message": message,
                      "severity": options.get("severity", "information")})
        return notify(message, **options)

    app.notify = recording
    return shown
