"""A topic's history: every meeting where it was on the agenda, in date order, with the status
it had there and every status change (time and note). Enter jumps to that meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from db.views import TopicHistory
from tui.badges import item_badge


class TopicHistoryScreen(Screen):
    """Dismisses with (meeting id, item id) when the user jumps to an appearance."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "jump", "Go to meeting"),
        Binding("x", "export", "Dossier"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, history: TopicHistory) -> None:
        super().__init__()
        self.history = history

    def compose(self) -> ComposeResult:
        yield Header()
        topic = self.history.topic
        with Vertical(id="history-box"):
            yield Label(Content.assemble(("Topic history · ", "$text-muted"),
                                         (topic.name, "bold")), id="history-title")
            tags = ", ".join(topic.tags)
            count = len(self.history.appearances)
            yield Label(f"On {count} agenda{'s' if count != 1 else ''}"
                        + (f" · tags: {tags}" if tags else ""), id="history-summary")
            yield OptionList(*self._options(), id="history-list")
        yield Footer()

    def _options(self) -> list[Option]:
        options = []
        for appearance in self.history.appearances:
            meeting, item = appearance.meeting, appearance.item
            text, style = item_badge(item.status)
            parts: list = [
                (f"{meeting.short_date:>11}  ", "bold"), (meeting.title, "bold"),
                (f" · {meeting.place_text}" if meeting.place_text else "", "$text-muted"),
                "\n", " " * 13, ("status here: ", "$text-muted"), (text, style),
            ]
            if item.text:
                parts += ["\n", " " * 13, ("as: ", "$text-muted"), item.text]
            if item.outcome:
                parts += ["\n", " " * 13, ("outcome: ", "$text-muted"), (item.outcome, "$success")]
            for change in appearance.changes:
                old = f"{change.from_status} → " if change.from_status else ""
                parts += ["\n", " " * 15, (f"{change.changed_at[:16].replace('T', ' ')}  ",
                                           "$text-muted"), f"{old}{change.to_status}"]
                if change.note:
                    parts += [("  — " + change.note, "italic")]
            options.append(Option(Content.assemble(*parts), id=f"{meeting.id}|{item.id}"))
            options.append(None)
        if not options:
            options.append(Option(Content.styled("Not on any agenda yet.", "$text-muted"),
                                  disabled=True))
        return [o for o in options if o is not None] if len(options) == 1 else options[:-1]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_jump(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id:
            meeting_id, item_id = option.id.split("|")
            self.dismiss((meeting_id, item_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_export(self) -> None:
        from tui.screens.exports import export_topic

        export_topic(self, self.history.topic)
