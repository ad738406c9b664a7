"""Every key binding of the app, read from the BINDINGS where they are declared, so the help
screen, the command palette and the README's key table never drift from the code.

`python -m tui.keys` prints the table as markdown (the README's copy is checked by a test).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

_NAMES = {
    "exclamation_mark": "!", "slash": "/", "question_mark": "?", "escape": "esc",
    "delete": "del", "pageup": "pgup", "pagedown": "pgdn", "shift+up": "shift+↑",
    "shift+down": "shift+↓", "up": "↑", "down": "↓",
}

# Keys that every list shares (OptionList's own bindings), described once.
MOVING = [
    ("↑ ↓ / j k", "Move within a list"),
    ("pgup pgdn", "Move a page"),
    ("tab / shift+tab", "Next / previous pane"),
]


@dataclass(frozen=True)
class KeyRow:
    context: str
    keys: str
    description: str
    action: str


def display(binding: Binding) -> str:
    """How a key is written for people: the binding's key_display, or its keys spelled out."""
    if binding.key_display:
        return binding.key_display
    return " ".join(_NAMES.get(k.strip(), k.strip()) for k in binding.key.split(","))


def contexts() -> list[tuple[str, type]]:
    """Where bindings apply, in the order the help screen lists them."""
    from tui.app import AgendaApp
    from tui.forms.base import FormScreen
    from tui.forms.confirm import ConfirmScreen
    from tui.screens.main import MainScreen
    from tui.screens.topic_history import TopicHistoryScreen
    from tui.widgets.meeting_detail import MeetingDetailPane
    from tui.widgets.participants import ParticipantsPane
    from tui.widgets.timeline import TimelinePane
    from tui.widgets.topics import TopicsPane

    return [
        ("Everywhere", AgendaApp),
        ("Main screen", MainScreen),
        ("Timeline", TimelinePane),
        ("Participants", ParticipantsPane),
        ("Agenda", TopicsPane),
        ("Details", MeetingDetailPane),
        ("Topic history", TopicHistoryScreen),
        ("Forms", FormScreen),
        ("Questions", ConfirmScreen),
    ]


def own_bindings(cls: type) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits), navigation excluded."""
    found = []
    for item in cls.__dict__.get("BINDINGS", []):
        binding = item if isinstance(item, Binding) else Binding(*item)
        if binding.action in ("cursor_down", "cursor_up", "cursor(1)", "cursor(-1)"):
            continue
        found.append(binding)
    return found


def key_rows() -> list[KeyRow]:
    rows = [KeyRow("Moving", keys, text, "") for keys, text in MOVING]
    for context, cls in contexts():
        rows += [KeyRow(context, display(b), b.description, b.action) for b in own_bindings(cls)]
    rows.append(KeyRow("Everywhere", "ctrl+p", "Command palette: every action by name",
                       "command_palette"))
    return rows


def markdown_table() -> str:
    lines = ["| where | key | action |", "| --- | --- | --- |"]
    for row in key_rows():
        keys = row.keys.replace("|", "\\|")
        lines.append(f"| {row.context} | `{keys}` | {row.description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
