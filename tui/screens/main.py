"""The main screen: timeline, participants, agenda (topic status) and the meeting's details.

This module lays the panes out and keeps them in step (selection, refresh, jumps); the editing
actions live in edits.py.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header

from db.errors import NotFound
from db.views import ItemView, MeetingDetail, MeetingFilter, SearchHit
from tui.screens.edits import EditActions
from tui.screens.exports import ExportActions
from tui.screens.follow import FollowCursor
from tui.screens.opening import OpenMeeting
from tui.tasks import store_call
from tui.widgets.footer import KeysFooter
from tui.widgets.meeting_detail import MeetingDetailPane
from tui.widgets.participants import ParticipantsPane
from tui.widgets.timeline import TimelinePane
from tui.widgets.topics import TopicsPane

PANE_IDS = {"timeline": "#timeline", "participants": "#participants", "topics": "#topics",
            "detail": "#detail"}
POLL_SECONDS = 2.0


def pane_title(pane, title: str) -> str:
    """A pane's border title, led by the key that focuses it: "1 Timeline"."""
    name = next(key for key, selector in PANE_IDS.items() if selector == f"#{pane.id}")
    return f"{pane.app.key_for(f'focus_pane({name!r})', pane.screen)} {title}"


class MainScreen(OpenMeeting, FollowCursor, ExportActions, EditActions, Screen):
    ESCAPE_TO_MINIMIZE = False  # escape is action_back, which also returns to the timeline
    # Screen's, without the repaint of the screen's own background (a layout redraws what moved)
    maximized: Reactive[Widget | None] = Reactive(None, layout=True, repaint=False)
    BINDINGS = [
        # The pane numbers are in the panes' titles, which saves the footer's width.
        Binding("1", "focus_pane('timeline')", "Timeline pane", show=False),
        Binding("2", "focus_pane('participants')", "Participants pane", show=False),
        Binding("3", "focus_pane('topics')", "Agenda pane", show=False),
        Binding("4", "focus_pane('detail')", "Details pane", show=False),
        Binding("escape", "back", "Back to the timeline", show=False),
        Binding("n", "add_meeting", "New"),
        Binding("slash", "search", "Find", key_display="/"),
        Binding("u,ctrl+z", "undo", "Undo", key_display="u"),
        Binding("r,f5", "refresh", "Reload", key_display="r"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.detail: MeetingDetail | None = None
        self._pending_item: str | None = None
        self._pending_person: str | None = None
        self._pending_meeting: str | None = None
        self._data_version: int | None = None
        self._started = False
        self._panes: dict[type, object] = {}

    @property
    def store(self):
        return self.app.store

    @property
    def today(self):
        return self.app.today

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield TimelinePane(today=self.today, id="timeline")
                yield MeetingDetailPane(today=self.today, id="detail")
            with Vertical(id="right"):
                yield ParticipantsPane(id="participants")
                yield TopicsPane(id="topics")
        yield KeysFooter()

    def on_mount(self) -> None:
        for pane in (self.participants, self.topics):
            pane.border_title = pane_title(pane, pane.TITLES[0])
        self.detail_pane.border_title = pane_title(self.detail_pane, "Details & sources")
        self.timeline.focus()
        window = self.app.first_window(self.today, self.timeline.filters)
        if window is not None:
            # Read while the app was built (tui/startup.py): the first frame shows the meetings.
            self.on_timeline_pane_loaded(self.timeline.show_window(window, self.today))
        else:
            self.timeline.load_around(self.today)
        self.set_interval(POLL_SECONDS, self._poll_other_writers)

    # -- the panes -----------------------------------------------------------------------------

    def _pane(self, kind: type):
        # Looked up once: check_action asks for the panes for every binding on every refresh
        # of the footer's keys, and a query walks the whole screen.
        pane = self._panes.get(kind)
        if pane is None:
            pane = self._panes[kind] = self.query_one(kind)
        return pane

    @property
    def timeline(self) -> TimelinePane:
        return self._pane(TimelinePane)

    @property
    def participants(self) -> ParticipantsPane:
        return self._pane(ParticipantsPane)

    @property
    def topics(self) -> TopicsPane:
        return self._pane(TopicsPane)

    @property
    def detail_pane(self) -> MeetingDetailPane:
        return self._pane(MeetingDetailPane)

    def action_focus_pane(self, name: str) -> None:
        if self.maximized is not None:
            self.minimize()
        self.query_one(PANE_IDS[name]).focus()

    def on_timeline_pane_meeting_highlighted(
        self, message: TimelinePane.MeetingHighlighted
    ) -> None:
        self.cursor_moved()
        self.load_detail(message.row.id if message.row else None)

    def on_timeline_pane_loaded(self, message: TimelinePane.Loaded) -> None:
        filters = self.timeline.filters
        if message.total == 0 and not filters.active:
            self.timeline.show_message(self._welcome_text())
        elif message.total == 0:
            clear = self.app.key_for("screen.clear_filter", self.timeline)
            self.timeline.show_message(f"No meetings match the filter; {clear} clears it.")
        noun = "meeting" if message.total == 1 else "meetings"
        if filters.active:
            clear = self.app.key_for("screen.clear_filter", self.timeline)
            self.timeline.border_subtitle = (
                f"{message.total} {noun} {filters.describe()} · {clear} clears")
            self.timeline.border_title = pane_title(self.timeline, "Timeline (filtered)")
        else:
            self.timeline.border_subtitle = f"{message.total} {noun}"
            self.timeline.border_title = pane_title(self.timeline, "Timeline")
        if message.count == 0:
            self.load_detail(None)
        self.refresh_bindings()  # e.g. "clear filter" applies only while one is set
        if not self._started:  # the first meetings: the app is up (tui/startup.py)
            self._started = True
            self.app.started()

    def _welcome_text(self) -> str:
        add = self.app.key_for("add_meeting", self)
        paste = self.app.key_for("screen.ingest", self.timeline)
        return (
            "Welcome to agenda-tui.\n\n"
            f"This store is empty. Press {add} to add your first meeting,\n"
            f"or {paste} to paste a news article and review the meeting read from it.\n\n"
            "To explore with example data instead, quit and run\n"
            "    agenda-tui sample   (writes the example into this store)\n"
            "or  agenda-tui demo     (opens a temporary copy).\n\n"
            f"{self.app.key_for('help', self)} lists every key."
        )

    def load_detail(self, meeting_id: str | None) -> None:
        if meeting_id is None:
            self.show_detail(None)
            return
        store = self.store

        def gone(error) -> None:
            if isinstance(error, NotFound):  # deleted meanwhile, e.g. by another instance
                self.show_detail(None)
            else:
                self.notify(error.msg, title=error.title, severity="error")

        store_call(self, lambda: store.meeting_detail(meeting_id), self.show_detail,
                   group="detail", exclusive=True, failed=gone)

    def show_panes(self) -> None:
        """Show the current meeting in participants, agenda and details (now, if it was
        waiting for the cursor to rest)."""
        self.stop_following()
        detail = self.detail
        # After a jump, the item or person to select waits for its own meeting's details.
        waiting = detail is not None and detail.meeting.id == self._pending_meeting
        item_id = self._pending_item if waiting else None
        keep_person = None
        if waiting and self._pending_person:
            keep_person = next((p.participant.id for p in detail.participants
                                if p.person.id == self._pending_person), None)
        self.participants.show_meeting(detail, keep=keep_person)
        self.topics.show_meeting(detail, keep=item_id)
        self.detail_pane.show_meeting(detail)
        if item_id and not self.topics.show_all:
            self.topics.focus()
        elif keep_person and not self.participants.show_all:
            self.participants.focus()
        if waiting:
            self._pending_item = self._pending_person = self._pending_meeting = None
        self.refresh_bindings()

    # -- refresh -------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        """Re-read everything shown (after an edit, an undo, or another instance's write).
        The timeline reloads first and then announces its meeting, whose details follow."""
        self.timeline.reload()
        self.participants.reload()
        self.topics.reload()

    def action_refresh(self) -> None:
        self.refresh_all()
        self.notify("Reloaded from the store.", timeout=2)

    def on_app_focus(self) -> None:
        self._poll_other_writers()

    def _poll_other_writers(self) -> None:
        store = self.store

        def seen(version: int) -> None:
            if self._data_version is not None and version != self._data_version:
                self.refresh_all()
            self._data_version = version

        store_call(self, store.data_version, seen, group="poll", exclusive=True)

    # -- filters -------------------------------------------------------------------------------

    def set_filters(self, filters: MeetingFilter) -> None:
        self.timeline.filters = filters
        current = self.timeline.current
        self.timeline.load_around(current.date if current else self.today,
                                  highlight=current.id if current else None)

    def action_filter(self) -> None:
        from tui.forms.filter import FilterForm

        def chosen(filters: MeetingFilter | None) -> None:
            if filters is not None:
                self.set_filters(filters)

        self.app.push_screen(FilterForm(self.store, self.timeline.filters, today=self.today),
                             chosen)

    def action_clear_filter(self) -> None:
        self.set_filters(MeetingFilter())

    def action_needs_update(self) -> None:
        """Toggle the list of meetings still planned or confirmed after their date."""
        current = self.timeline.filters
        if current.overdue_only:
            self.set_filters(MeetingFilter())
            return
        self.timeline.filters = MeetingFilter(overdue_only=True)
        self.timeline.load_around(self.today)
        self.timeline.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Pane keys run screen actions, so their state is decided here: False hides a key that
        does not apply in the pane's mode, None shows it dimmed until there is something to
        act on."""
        people, topics, meeting = self.participants, self.topics, self.detail is not None
        if action == "clear_filter":
            return self.timeline.filters.active
        if action in ("open_meeting", "edit_meeting", "delete_meeting", "export_meeting",
                      "add_source"):
            return meeting or None
        if action in ("edit_source", "delete_source"):
            return (meeting and bool(self.detail.sources)) or None
        if action == "add_participant":
            return False if people.show_all else (meeting or None)
        if action in ("edit_participant", "delete_participant", "open_participant"):
            return people.current is not None or None
        if action == "add_item":
            return False if topics.show_all else (meeting or None)
        if action in ("cycle_status", "pick_status", "move_item"):
            return False if topics.show_all else (isinstance(topics.current, ItemView) or None)
        if action in ("edit_item", "delete_item", "open_topic", "export_topic"):
            return topics.current is not None or None
        return True

    # -- search and jumps ----------------------------------------------------------------------

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.store), self.jump_to_hit)

    def jump_to_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        if hit.kind == "topic":
            self.show_topic_history(hit.id)
        elif hit.meeting is None:
            self.notify(f"{hit.label} is not in any meeting yet.")
        else:
            self.jump_to(hit.meeting.id, item_id=hit.id if hit.kind == "item" else None,
                         person_id=hit.id if hit.kind == "person" else None)

    def jump_to(self, meeting_id: str, *, item_id: str | None = None,
                person_id: str | None = None) -> None:
        """Show a meeting in the timeline (clearing filters that hide it) and select it."""
        if self.maximized is not None:
            self.minimize()
        store = self.store

        def found(meeting) -> None:
            self._pending_item, self._pending_person = item_id, person_id
            self._pending_meeting = meeting.id
            if item_id and self.topics.show_all:
                self.topics.action_toggle_all()
            if person_id and self.participants.show_all:
                self.participants.action_toggle_all()
            if self.timeline.filters.active:
                self.timeline.filters = MeetingFilter()
                self.notify("Filters cleared to show the meeting.", timeout=3)
            self.timeline.load_around(meeting.date, highlight=meeting.id)
            if not item_id and not person_id:
                self.timeline.focus()

        store_call(self, lambda: store.meeting(meeting_id), found)

    def action_open_topic(self) -> None:
        current = self.topics.current
        if current is None:
            return
        topic = current.topic
        self.show_topic_history(topic.id)

    def show_topic_history(self, topic_id: str) -> None:
        from tui.screens.topic_history import TopicHistoryScreen

        def jump(target: tuple[str, str] | None) -> None:
            if target:
                self.jump_to(target[0], item_id=target[1])

        store = self.store
        store_call(self, lambda: store.topic_history(topic_id),
                   lambda history: self.app.push_screen(TopicHistoryScreen(history), jump))

    # -- undo ----------------------------------------------------------------------------------

    def action_undo(self) -> None:
        if not self.writable():
            return
        store = self.store

        def undone(change) -> None:
            if change is None:
                self.notify("Nothing to undo.")
                return
            self.notify(f"Undone: {change.label}", timeout=4)
            self.refresh_all()

        store_call(self, store.undo, undone, group="write")

    # -- command palette -----------------------------------------------------------------------

    async def run_pane_action(self, pane: str | None, action: str) -> None:
        """Run an action as if its key were pressed in `pane` (for the command palette)."""
        if pane is None:
            target = self.app if not hasattr(self, f"action_{action.split('(')[0]}") else self
            await target.run_action(action)
            return
        widget = self.query_one(PANE_IDS[pane])
        widget.focus()
        await widget.run_action(action)
