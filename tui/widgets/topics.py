"""The topic status pane: the selected meeting's agenda items in order with their status, or,
toggled, every topic with its latest status and where it was last on an agenda."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from db.views import ItemView, MeetingDetail, TopicSummary
from tui.badges import item_badge
from tui.widgets.pane import ListPane, hanging

MOVE = Binding.Group("Move", compact=True)
STATUS = Binding.Group("Status", compact=True)


class TopicsPane(ListPane):
    TITLES = ("Agenda", "All topics")
    BINDINGS = [
        Binding("enter", "screen.open_topic", "History"),
        Binding("a", "screen.add_item", "Add"),
        Binding("e", "screen.edit_item", "Edit"),
        Binding("d,delete", "screen.delete_item", "Del", key_display="d"),
        Binding("s", "screen.cycle_status", "Next status", group=STATUS),
        Binding("S", "screen.pick_status", "Pick status", key_display="S", group=STATUS),
        Binding("K,shift+up", "screen.move_item(-1)", "Move up", key_display="K", group=MOVE),
        Binding("J,shift+down", "screen.move_item(1)", "Move down", key_display="J", group=MOVE),
        Binding("x", "screen.export_topic", "Dossier"),
        Binding("v", "toggle_all", "All", tooltip="Toggle: every topic / this meeting's agenda"),
    ]

    def show_meeting(self, detail: MeetingDetail | None, keep: str | None = None) -> None:
        self.detail = detail
        if self.show_all:
            return
        keep = keep or self._kept_id()
        self.stop_paging()
        self._views = {}
        options: list[Option] = []
        if detail is not None and not detail.items:
            key = self.app.key_for("screen.add_item", self)
            options.append(Option(Content.styled(f"No agenda items yet: press {key} to add one.",
                                                 "$text-muted italic"), disabled=True))
        for number, view in enumerate(detail.items if detail else [], 1):
            self._views[view.item.id] = view
            options.append(Option(_item_line(number, view, self.text_width), id=view.item.id))
        self.border_subtitle = f"{len(detail.items)} items" if detail else ""
        self._fill(options, keep)

    # -- every topic ---------------------------------------------------------------------------

    def load_all(self, keep: str | None = None) -> None:
        store = self.app.store
        self.load_paged(lambda offset: store.topics_page(limit=self.PAGE, offset=offset),
                        store.count_topics, self._topic_option, noun="topics", keep=keep)

    def _topic_option(self, summary: TopicSummary) -> Option:
        self._views[summary.topic.id] = summary
        text, style = item_badge(summary.latest_status)
        latest = summary.latest
        where = f"{latest.short_date.strip()} {latest.title}" if latest else "not on an agenda yet"
        return Option(Content.assemble(
            (hanging(summary.topic.name, self.text_width, 2), "bold"),
            "\n  ",
            (text, style),
            (hanging(f" · {summary.appearances}× · last {where}", self.text_width - len(text), 2),
             "$text-muted"),
        ), id=summary.topic.id)


def _item_line(number: int, view: ItemView, width: int) -> Content:
    text, style = item_badge(view.item.status)
    parts: list = [(f"{number:>2}. ", "$text-muted"), (f"{text:<10}", style),
                   hanging(view.label, width, 14)]
    if view.item.outcome:
        outcome = view.item.outcome.splitlines()[0]
        parts += ["\n" + " " * 14, (hanging(f"→ {outcome}", width, 14), "$text-success")]
    return Content.assemble(*parts)
