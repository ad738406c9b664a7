"""The main screen's editing actions: add, edit and delete meetings, participants, agenda items
and sources; set an item's status; reorder items. Every write runs in a worker and is undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.views import ItemView, ParticipantView, PersonSummary, TopicSummary
from tui.tasks import store_call

if TYPE_CHECKING:  # the forms (Select, TextArea...) are imported after the first frame
    from tui.forms.base import FormScreen


def _s(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else noun + 's'}"


class EditActions:
    """Mixed into MainScreen; uses its panes, `detail` and `refresh_all`."""

    def writable(self) -> bool:
        store = self.store
        if store.readonly:
            self.notify(f"This store is read-only ({store.readonly_reason}): nothing can be "
                        "changed.", title="Read-only", severity="warning")
            return False
        return True

    def _form(self, form: FormScreen, write: Callable[[Any], Any],
              saved: Callable[[Any], None]) -> None:
        if self.writable():
            self.app.push_screen(form.submit_with(write), lambda r: r is None or saved(r))

    def _write(self, fn: Callable[[], Any], message: str,
               after: Callable[[Any], None] | None = None) -> None:
        if not self.writable():
            return

        def done(result: Any) -> None:
            self.notify(message, timeout=3)
            (after or (lambda _: self.refresh_all()))(result)

        store_call(self, fn, done, group="write")

    def _confirm(self, question: str, detail: str, then: Callable[[], None]) -> None:
        from tui.forms.confirm import ConfirmScreen

        if self.writable():
            self.app.push_screen(ConfirmScreen(question, detail, yes="Delete", no="Keep",
                                               danger=True),
                                 lambda yes: yes and then())

    def _need_meeting(self) -> bool:
        if self.detail is None:
            self.notify("Select a meeting first.")
            return False
        return True

    # -- meetings ------------------------------------------------------------------------------

    def action_add_meeting(self) -> None:
        from tui.forms.meeting import MeetingForm

        def saved(meeting) -> None:
            self.notify(f"Added “{meeting.title}”.", timeout=3)
            self.timeline.load_around(meeting.date, highlight=meeting.id)
            self.timeline.focus()

        self._form(MeetingForm(self.store, today=self.today), self.store.add_meeting, saved)

    def action_edit_meeting(self) -> None:
        from tui.forms.meeting import MeetingForm

        if not self._need_meeting():
            return

        def saved(meeting) -> None:
            self.notify(f"Saved “{meeting.title}”.", timeout=3)
            self.timeline.load_around(meeting.date, highlight=meeting.id)

        self._form(MeetingForm(self.store, self.detail.meeting, today=self.today),
                   self.store.update_meeting, saved)

    def action_delete_meeting(self) -> None:
        if not self._need_meeting():
            return
        meeting, store = self.detail.meeting, self.store

        def ask(deps: dict[str, int]) -> None:
            goes = ", ".join(_s(n, noun.rstrip("s")) for noun, n in deps.items() if n)
            undo = self.app.key_for("undo", self)
            self._confirm(
                f"Delete “{meeting.title}”?",
                (f"With it go its {goes}. " if goes else "")
                + f"Undo with {undo}.",
                lambda: self._write(lambda: store.delete_meeting(meeting.id),
                                    f"Deleted “{meeting.title}”."),
            )

        if self.writable():
            store_call(self, lambda: store.meeting_dependents(meeting.id), ask)

    # -- participants and people ---------------------------------------------------------------

    def action_add_participant(self) -> None:
        from tui.forms.participant import ParticipantForm

        if not self._need_meeting():
            return
        meeting = self.detail.meeting
        self._form(
            ParticipantForm(self.store, meeting.title),
            lambda draft: self.store.add_participant(meeting.id, draft),
            lambda view: self._after_participant(view, "Added"),
        )

    def _after_participant(self, view: ParticipantView, verb: str) -> None:
        self.notify(f"{verb} {view.person.name}.", timeout=3)
        self._pending_meeting, self._pending_person = view.participant.meeting_id, view.person.id
        self.refresh_all()

    def action_edit_participant(self) -> None:
        current = self.participants.current
        if isinstance(current, PersonSummary):
            return self._edit_person(current)
        if not isinstance(current, ParticipantView) or not self._need_meeting():
            return
        from tui.forms.participant import ParticipantForm

        self._form(
            ParticipantForm(self.store, self.detail.meeting.title, current),
            lambda draft: self.store.update_participant(current.participant.id, draft),
            lambda view: self._after_participant(view, "Saved"),
        )

    def action_open_participant(self) -> None:
        current = self.participants.current
        if isinstance(current, PersonSummary):
            if current.latest is not None:
                self.jump_to(current.latest.id, person_id=current.person.id)
            else:
                self.notify(f"{current.person.name} has no meetings yet.")
        else:
            self.action_edit_participant()

    def _edit_person(self, summary: PersonSummary) -> None:
        from tui.forms.records import PersonForm

        self._form(PersonForm(summary.person), self.store.update_person,
                   lambda person: (self.notify(f"Saved {person.name}.", timeout=3),
                                   self.refresh_all()))

    def action_delete_participant(self) -> None:
        current, store = self.participants.current, self.store
        if isinstance(current, PersonSummary):
            person = current.person
            self._confirm(
                f"Delete {person.name} from the store?",
                f"With them go their places in {_s(current.meetings, 'meeting')}.",
                lambda: self._write(lambda: store.delete_person(person.id),
                                    f"Deleted {person.name}."),
            )
        elif isinstance(current, ParticipantView):
            name = current.person.name
            self._confirm(
                f"Remove {name} from this meeting?",
                "The person stays in the store for other meetings.",
                lambda: self._write(lambda: store.delete_participant(current.participant.id),
                                    f"Removed {name}."),
            )

    # -- agenda items and topics ---------------------------------------------------------------

    def action_add_item(self) -> None:
        from tui.forms.item import ItemForm

        if not self._need_meeting():
            return
        meeting = self.detail.meeting
        self._form(
            ItemForm(self.store, meeting.title),
            lambda result: self.store.add_item(meeting.id, result[0]),
            lambda view: self._after_item(view, "Added"),
        )

    def _after_item(self, view: ItemView, verb: str) -> None:
        self.notify(f"{verb} “{view.label}”.", timeout=3)
        self._pending_meeting, self._pending_item = view.item.meeting_id, view.item.id
        self.refresh_all()

    def action_edit_item(self) -> None:
        current = self.topics.current
        if isinstance(current, TopicSummary):
            return self._edit_topic(current)
        if not isinstance(current, ItemView) or not self._need_meeting():
            return
        from tui.forms.item import ItemForm

        self._form(
            ItemForm(self.store, self.detail.meeting.title, current),
            lambda result: self.store.update_item(current.item.id, result[0], note=result[1]),
            lambda view: self._after_item(view, "Saved"),
        )

    def _edit_topic(self, summary: TopicSummary) -> None:
        from tui.forms.records import TopicForm

        self._form(TopicForm(summary.topic), self.store.update_topic,
                   lambda topic: (self.notify(f"Saved “{topic.name}”.", timeout=3),
                                  self.refresh_all()))

    def action_delete_item(self) -> None:
        current, store = self.topics.current, self.store
        if isinstance(current, TopicSummary):
            topic = current.topic
            self._confirm(
                f"Delete the topic “{topic.name}”?",
                f"With it go its {_s(current.appearances, 'agenda item')} in every meeting "
                "and their status history.",
                lambda: self._write(lambda: store.delete_topic(topic.id),
                                    f"Deleted “{topic.name}”."),
            )
        elif isinstance(current, ItemView):
            self._confirm(
                f"Delete the agenda item “{current.label}”?",
                "With it goes its status history; the topic stays for other meetings.",
                lambda: self._write(lambda: store.delete_item(current.item.id),
                                    f"Deleted “{current.label}”."),
            )

    def action_cycle_status(self) -> None:
        current = self.topics.current
        if isinstance(current, ItemView):
            self._set_status(current, current.item.status.next())

    def action_pick_status(self) -> None:
        from tui.forms.pick import StatusPicker

        current = self.topics.current
        if isinstance(current, ItemView) and self.writable():
            self.app.push_screen(StatusPicker(current.item.status),
                                 lambda status: status and self._set_status(current, status))

    def _set_status(self, view: ItemView, status: str) -> None:
        store = self.store
        self._pending_meeting, self._pending_item = view.item.meeting_id, view.item.id
        self._write(lambda: store.set_item_status(view.item.id, status),
                    f"“{view.label}” is now {status}.")

    def action_move_item(self, delta: int) -> None:
        current, store = self.topics.current, self.store
        if not isinstance(current, ItemView):
            return

        def moved(ok: bool) -> None:
            if ok:
                self._pending_meeting, self._pending_item = current.item.meeting_id, current.item.id
                self.load_detail(current.item.meeting_id)

        if self.writable():
            store_call(self, lambda: store.move_item(current.item.id, delta), moved,
                       group="write")

    # -- sources -------------------------------------------------------------------------------

    def action_add_source(self) -> None:
        from tui.forms.source import SourceForm

        if not self._need_meeting():
            return
        meeting = self.detail.meeting
        self._form(SourceForm(self.store, meeting.title, today=self.today),
                   lambda draft: self.store.add_source(meeting.id, draft),
                   lambda source: (self.notify("Added the source.", timeout=3),
                                   self.load_detail(meeting.id)))

    def _with_source(self, then: Callable[[Any], None]) -> None:
        from tui.forms.pick import source_picker

        if not self._need_meeting() or not self.detail.sources:
            return
        sources = {s.id: s for s in self.detail.sources}
        if len(sources) == 1:
            then(next(iter(sources.values())))
        else:
            self.app.push_screen(source_picker(self.detail.sources),
                                 lambda chosen: chosen and then(sources[chosen]))

    def action_edit_source(self) -> None:
        from tui.forms.source import SourceForm

        meeting = self.detail.meeting if self.detail else None
        self._with_source(lambda source: self._form(
            SourceForm(self.store, meeting.title, source, today=self.today),
            lambda draft: self.store.update_source(source.id, draft),
            lambda _: (self.notify("Saved the source.", timeout=3),
                       self.load_detail(meeting.id)),
        ))

    def action_delete_source(self) -> None:
        store = self.store
        self._with_source(lambda source: self._confirm(
            f"Delete the source “{source.outlet or source.url}”?", "",
            lambda: self._write(lambda: store.delete_source(source.id), "Deleted the source."),
        ))

    # -- a meeting from an article -------------------------------------------------------------

    def action_ingest(self) -> None:
        from tui.forms.ingest import PasteForm, ReviewForm

        if not self.writable():
            return
        paste = PasteForm(self.store, today=self.today)

        def review(result) -> None:
            self._form(ReviewForm(self.store, result, today=self.today), self.store.save_draft,
                       lambda meeting: (
                           self.notify(f"Added “{meeting.title}” from the article.", timeout=4),
                           self.timeline.load_around(meeting.date, highlight=meeting.id)))

        self.app.push_screen(paste.submit_with(paste.read_article),
                             lambda result: result is not None and review(result))
