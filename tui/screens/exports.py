"""Markdown exports from the app: the selected meeting's brief, a topic's dossier, and the
meetings the timeline shows (its filter) as a dated agenda."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual.screen import Screen

from db.views import ItemView, TopicSummary


def export_markdown(screen: Screen, what: str, default_name: str,
                    render: Callable[[object], str | Iterable[str]]) -> None:
    """Ask where to write (in the current folder by default), then write in a worker.

    The export reads through its own read-only connection, so a big range does not hold up
    the panes' queries while it streams to the file."""
    from db.export import write_atomic
    from db.store import Store
    from tui.forms.export import ExportForm

    store_path = screen.app.store.path

    def write(path: Path) -> Path:
        with Store.open(store_path, readonly=True) as reader:
            return write_atomic(path, render(reader))

    form = ExportForm(what, Path.cwd() / default_name)
    screen.app.push_screen(
        form.submit_with(write),
        lambda path: path is not None and screen.notify(f"Wrote the {what} to {path}",
                                                        title="Exported", timeout=6),
    )


def export_topic(screen: Screen, topic) -> None:
    from db.export import suggested_name, topic_dossier

    export_markdown(screen, "topic dossier", suggested_name("dossier", topic.name),
                    lambda store: topic_dossier(store, topic.id))


class ExportActions:
    """Mixed into MainScreen."""

    def action_export_meeting(self) -> None:
        from db.export import meeting_brief, suggested_name

        if not self._need_meeting():
            return
        m = self.detail.meeting
        export_markdown(self, "meeting brief",
                        suggested_name("brief", m.date.isoformat(), m.title),
                        lambda store: meeting_brief(store, m.id))

    def action_export_timeline(self) -> None:
        from db.export import iter_range_agenda, suggested_name

        filters = self.timeline.filters
        start = filters.date_from.isoformat() if filters.date_from else ""
        end = filters.date_to.isoformat() if filters.date_to else ""
        name = suggested_name("agenda", start, end, filters.country or "", filters.series or "")
        export_markdown(self, "agenda of the timeline's meetings", name,
                        lambda store: iter_range_agenda(store, filters))

    def action_export_topic(self) -> None:
        current = self.topics.current
        if isinstance(current, (ItemView, TopicSummary)):
            export_topic(self, current.topic)
