"""The timeline filter: statuses, a country or delegation, a series, a date range."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, SelectionList

from db.errors import FieldError, ValidationFailed
from db.views import MeetingFilter
from db.vocab import MeetingStatus
from tui.forms.base import FormField, FormScreen
from tui.forms.dates import DateReader
from tui.forms.suggest import StoreSuggester


class FilterForm(FormScreen):
    def __init__(self, store, current: MeetingFilter, *, today: dt.date) -> None:
        super().__init__("Filter the timeline")
        self.store = store
        self.current = current
        self.today = today
        self.dates = DateReader(self, today, self.revalidate)

    def form_fields(self) -> ComposeResult:
        c = self.current
        yield FormField(
            "Status (space to tick)",
            SelectionList(*[(s.value, s.value, s.value in c.statuses) for s in MeetingStatus],
                          id="statuses"),
            classes="short-text",
        )
        yield FormField("Country or delegation", Input(c.country or "", id="country",
                        suggester=StoreSuggester(self.store, "country")))
        yield FormField("Series", Input(c.series or "", id="series",
                                        suggester=StoreSuggester(self.store, "series")))
        yield self.row(
            FormField("From", Input(c.date_from.isoformat() if c.date_from else "",
                                    id="date_from", placeholder="2025-01-01")),
            FormField("To", Input(c.date_to.isoformat() if c.date_to else "", id="date_to",
                                  placeholder="2025-12-31")),
        )

    def _date(self, text: str) -> dt.date | None:
        entry = self.dates.read(text, final=self.saving)
        return entry.date if entry else None

    def build(self, values: dict[str, Any]) -> MeetingFilter:
        errors, dates = [], {}
        for name in ("date_from", "date_to"):
            text = values[name].strip()
            if not text:
                dates[name] = None
                continue
            try:
                dates[name] = self._date(text)
            except ValueError as exc:
                errors.append(FieldError(name, str(exc)))
        if not errors and dates["date_from"] and dates["date_to"] and (
                dates["date_from"] > dates["date_to"]):
            errors.append(FieldError("date_to", "is before the start of the range"))
        if errors:
            raise ValidationFailed("filter", errors)
        return MeetingFilter(
            statuses=frozenset(values["statuses"]),
            country=values["country"].strip() or None,
            series=values["series"].strip() or None,
            date_from=dates["date_from"],
            date_to=dates["date_to"],
            overdue_only=self.current.overdue_only,
        )
