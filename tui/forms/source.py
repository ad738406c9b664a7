"""The source form: outlet, author, link, publication date and a quoted excerpt."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from db.drafts import SourceDraft
from db.errors import FieldError, ValidationFailed
from db.models import Source
from tui.forms.base import FormField, FormScreen
from tui.forms.dates import DateReader
from tui.forms.suggest import StoreSuggester


class SourceForm(FormScreen):
    def __init__(self, store, meeting_title: str, source: Source | None = None, *,
                 today: dt.date) -> None:
        super().__init__(f"{'Edit' if source else 'Add'} source · {meeting_title}")
        self.store = store
        self.source = source
        self.today = today
        self.dates = DateReader(self, today, self.revalidate)

    def form_fields(self) -> ComposeResult:
        s = self.source
        yield FormField("Outlet", Input(s.outlet or "" if s else "", id="outlet",
                                        placeholder="Caliber.Az",
                                        suggester=StoreSuggester(self.store, "outlet")),
                        hint="An outlet or a link is needed.")
        yield FormField("Author", Input(s.author or "" if s else "", id="author"))
        yield FormField("Link", Input(s.url or "" if s else "", id="url",
                                      placeholder="https://…"))
        yield FormField("Published", Input(s.published.isoformat() if s and s.published else "",
                                           id="published", placeholder="2025-05-18"))
        yield FormField("Excerpt", TextArea(s.excerpt or "" if s else "", id="excerpt",
                                            soft_wrap=True), classes="short-text")

    def _date(self, text: str) -> dt.date | None:
        entry = self.dates.read(text, final=self.saving)
        return entry.date if entry else None

    def build(self, values: dict[str, Any]) -> SourceDraft:
        errors = []
        published = values["published"].strip()
        if published:
            try:
                values["published"] = self._date(published)
            except ValueError as exc:
                errors.append(FieldError("published", str(exc)))
                values["published"] = None
        else:
            values["published"] = None
        try:
            draft = SourceDraft.parse(values, "source")
            # The stored Source model holds the rules (a real URL; an outlet or a URL).
            Source.parse({"meeting_id": "form", **draft.model_dump()}, "source")
        except ValidationFailed as failed:
            raise ValidationFailed("source", errors + failed.errors) from None
        if errors:
            raise ValidationFailed("source", errors)
        return draft
