"""The agenda item form: the topic it follows (matched to stored topics), its wording at this
meeting, status, outcome, and a note for the status history."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from db.drafts import ItemDraft
from db.views import ItemView
from db.vocab import ItemStatus
from tui.forms.base import FormField, FormScreen
from tui.forms.suggest import StoreSuggester


class ItemForm(FormScreen):
    """Dismisses with (ItemDraft, note) so a status change can carry its note."""

    def __init__(self, store, meeting_title: str, view: ItemView | None = None) -> None:
        super().__init__(f"{'Edit' if view else 'Add'} agenda item · {meeting_title}")
        self.store = store
        self.view = view

    def form_fields(self) -> ComposeResult:
        v = self.view
        yield FormField("Topic", Input(v.topic.name if v else "", id="topic",
                                       placeholder="Sanctions relief for Syria",
                                       suggester=StoreSuggester(self.store, "topic")),
                        required=True,
                        hint="Topics are followed across meetings; a stored one is reused.")
        yield FormField("Wording at this meeting",
                        Input(v.item.text or "" if v else "", id="text",
                              placeholder="Procedural framework and timeline of sanctions relief"))
        yield FormField("Status", Select([(s.value, s.value) for s in ItemStatus],
                                         value=v.item.status if v else ItemStatus.PROPOSED,
                                         allow_blank=False, id="status"))
        yield FormField("Outcome", TextArea(v.item.outcome or "" if v else "", id="outcome",
                                            soft_wrap=True), classes="short-text")
        if v is not None:
            yield FormField("Note for the status history", Input("", id="note",
                            placeholder="why the status changed (optional)"))

    def build(self, values: dict[str, Any]) -> tuple[ItemDraft, str | None]:
        note = values.pop("note", None) or None
        return ItemDraft.parse(values, "agenda item"), note
