"""The participant form: who (matched to people already stored), for which delegation, and in
what role."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from db.drafts import ParticipantDraft
from db.views import ParticipantView
from db.vocab import Role
from tui.forms.base import FormField, FormScreen
from tui.forms.suggest import StoreSuggester


class ParticipantForm(FormScreen):
    def __init__(self, store, meeting_title: str, view: ParticipantView | None = None) -> None:
        super().__init__(f"{'Edit' if view else 'Add'} participant · {meeting_title}")
        self.store = store
        self.view = view

    def form_fields(self) -> ComposeResult:
        v = self.view
        yield FormField("Name", Input(v.person.name if v else "", id="name",
                                      placeholder="Nuh Yilmaz",
                                      suggester=StoreSuggester(self.store, "person")),
                        required=True, hint="People already stored are matched by name.")
        yield FormField("Office / title", Input(v.person.office or "" if v else "", id="office",
                                                placeholder="Deputy Foreign Minister"))
        yield FormField("Delegation (country or organisation)",
                        Input(v.delegation.name if v and v.delegation else "", id="delegation",
                              placeholder="Türkiye",
                              suggester=StoreSuggester(self.store, "country")))
        yield FormField("Role in this meeting",
                        Select([(r.value, r.value) for r in Role],
                               value=v.participant.role if v else Role.MEMBER,
                               allow_blank=False, id="role"))

    def build(self, values: dict[str, Any]) -> ParticipantDraft:
        return ParticipantDraft.parse(values, "participant")
