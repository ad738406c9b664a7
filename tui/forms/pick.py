"""Small pickers: a status menu for agenda items, and a choice among a meeting's sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from db.vocab import ItemStatus
from tui.badges import item_badge


class PickScreen(ModalScreen):
    """A titled list; enter picks (dismissing with the option's id), escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: list[Option], highlight: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = options
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Label(self.title_text, id="pick-title")
            yield OptionList(*self.choices, id="pick-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.highlight is not None:
            options.highlighted = options.get_option_index(self.highlight)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class StatusPicker(PickScreen):
    """The status menu; a status's number picks it at once."""

    BINDINGS = [
        Binding(str(n), f"pick({n})", status.value, show=False)
        for n, status in enumerate(ItemStatus, 1)
    ]

    def __init__(self, current: str) -> None:
        options = []
        for number, status in enumerate(ItemStatus, 1):
            text, style = item_badge(status)
            options.append(Option(Content.assemble((f"{number} ", "$text-muted"), (text, style)),
                                  id=status.value))
        super().__init__("Set status", options, highlight=str(current))

    def action_pick(self, number: int) -> None:
        self.dismiss(list(ItemStatus)[number - 1].value)


def source_picker(sources) -> PickScreen:
    options = [
        Option(f"[{n}] {s.outlet or s.url}" + (f", {s.author}" if s.author else ""), id=s.id)
        for n, s in enumerate(sources, 1)
    ]
    return PickScreen("Which source?", options)
