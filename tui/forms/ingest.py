"""From a pasted article to a saved meeting: a paste box, then the proposed meeting in the
meeting form for review, every proposed field marked, nothing saved until confirmed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static, TextArea

from db.drafts import MeetingDraft
from db.errors import AgendaError, FieldError, ValidationFailed
from tui.forms.base import FormField, FormScreen
from tui.forms.dates import DateReader
from tui.forms.meeting import MeetingForm


class PasteForm(FormScreen):
    """Dismisses with an IngestResult (the proposal) once the article has been read."""

    def __init__(self, store, *, today: dt.date) -> None:
        super().__init__("Meeting from an article: paste its text")
        self.store = store
        self.today = today
        self.dates = DateReader(self, today, self.revalidate)

    def form_fields(self) -> ComposeResult:
        yield FormField("Article text", TextArea(id="article", soft_wrap=True),
                        required=True, classes="article",
                        hint="Paste with your terminal (often ctrl+shift+v); the text stays "
                             "on this machine.")
        yield FormField("Published", Input(id="published", placeholder="2025-05-18"),
                        hint="Resolves “May 20”, “on Thursday”, “next week” in the text.")

    def build(self, values: dict[str, Any]) -> tuple[str, dt.date | None]:
        errors = []
        if not values["article"].strip():
            errors.append(FieldError("article", "is required: paste the article's text"))
        published = None
        if values["published"].strip():
            try:
                entry = self.dates.read(values["published"], final=self.saving)
                published = entry.date if entry else None
            except ValueError as exc:
                errors.append(FieldError("published", str(exc)))
        if errors:
            raise ValidationFailed("article", errors)
        return values["article"], published

    def read_article(self, entry: tuple[str, dt.date | None]):
        from db.ingest import draft_from_text

        text, published = entry
        try:
            return draft_from_text(text, published, self.store, self.today)
        except ValidationFailed:
            raise
        except AgendaError as exc:  # no meeting in the text, binary, too long...
            raise ValidationFailed("article", [FieldError("article", exc.msg)]) from None


class ReviewForm(MeetingForm):
    """The proposed meeting in the meeting form, with the proposed people, agenda items and
    source listed for confirmation (untick what is wrong). Dismisses with a MeetingDraft."""

    def __init__(self, store, result, *, today: dt.date) -> None:
        super().__init__(store, today=today, proposal=result.meeting,
                         title="Review the proposed meeting (nothing is saved yet)")
        self.result = result

    def form_fields(self) -> ComposeResult:
        yield from super().form_fields()
        draft = self.result.draft
        yield FormField(
            "Participants to add (space ticks/unticks)",
            SelectionList(*[
                (f"{p.name}" + (f", {p.office}" if p.office else "")
                 + (f" ({p.delegation})" if p.delegation else "") + f" — {p.role}", i, True)
                for i, p in enumerate(draft.participants)
            ], id="participants"), classes="short-text")
        yield FormField(
            "Agenda items to add",
            SelectionList(*[(item.text or item.topic, i, True)
                            for i, item in enumerate(draft.items)], id="items"),
            classes="short-text")
        sources = "; ".join(
            ", ".join(filter(None, (s.outlet, s.author, s.url))) for s in draft.sources)
        notes = "; ".join(self.result.notes)
        yield Static(f"Source: {sources or 'none found'}"
                     + (f"\nNotes: {notes}" if notes else ""), classes="field-hint")

    def on_mount(self) -> None:
        super().on_mount()
        proposed = self.result.proposed
        marks = {"title": ["title"], "date": ["date"], "place": ["city", "country", "venue"],
                 "format": ["format"], "status": ["status"], "participants": ["participants"],
                 "items": ["items"]}
        shown: set[str] = set()
        for key, ids in marks.items():
            if key not in proposed:
                continue
            for field in self.field_widgets:
                if field.widget.id in ids and field.value not in (None, "", []):
                    # Several fields often come from one sentence: quote it once.
                    evidence = proposed[key] if proposed[key] not in shown else ""
                    shown.add(proposed[key])
                    field.mark_proposed(evidence)

    def build(self, values: dict[str, Any]) -> MeetingDraft:
        meeting = super().build(values)
        draft = self.result.draft
        return MeetingDraft(
            meeting=meeting,
            participants=[p for i, p in enumerate(draft.participants)
                          if i in values["participants"]],
            items=[item for i, item in enumerate(draft.items) if i in values["items"]],
            sources=draft.sources,
        )
