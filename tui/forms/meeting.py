"""The meeting form: title, date (read as typed, shown as understood), place, format, status,
series and notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from db.dates import iso_text
from db.errors import FieldError, ValidationFailed
from db.models import Meeting
from db.vocab import MeetingFormat, MeetingStatus, Precision
from tui.forms.base import FormField, FormScreen
from tui.forms.dates import DateReader
from tui.forms.suggest import StoreSuggester, timezone_suggester

DATE_HINT = "A day, a month or a year, e.g. 2025-05-20, 20 May, May 2025; ~ means about."


class MeetingForm(FormScreen):
    def __init__(self, store, meeting: Meeting | None = None, *, today: dt.date,
                 proposal: Meeting | None = None, title: str | None = None) -> None:
        """`meeting` is edited in place; a `proposal` only fills the fields of a new one."""
        super().__init__(title or ("Edit meeting" if meeting else "New meeting"))
        self.store = store
        self.meeting = meeting
        self.proposal = proposal
        self.today = today
        self.dates = DateReader(self, today, self.revalidate)

    def form_fields(self) -> ComposeResult:
        m = self.meeting or self.proposal
        date_text = iso_text(m.date, m.precision) if m else ""
        yield FormField("Title", Input(m.title if m else "", id="title",
                                       placeholder="Türkiye–US Joint Working Group on Syria"),
                        required=True)
        yield self.row(
            FormField("Date", Input(date_text, id="date",
                                    placeholder="2025-05-20, 20 May 2025, May 2025…"),
                      fields=("date", "precision"), required=True, hint=DATE_HINT),
            FormField("Time", Input(m.time.strftime("%H:%M") if m and m.time else "", id="time",
                                    placeholder="14:00"), classes="narrow"),
            FormField("Time zone", Input(m.timezone or "" if m else "", id="timezone",
                                         placeholder="Europe/Istanbul",
                                         suggester=timezone_suggester())),
        )
        yield self.row(
            FormField("City", Input(m.city or "" if m else "", id="city",
                                    suggester=StoreSuggester(self.store, "city"))),
            FormField("Country", Input(m.country or "" if m else "", id="country",
                                       suggester=StoreSuggester(self.store, "country"))),
            FormField("Venue", Input(m.venue or "" if m else "", id="venue")),
        )
        yield self.row(
            FormField("Format", Select([(f.value, f.value) for f in MeetingFormat],
                                       value=m.format if m else MeetingFormat.BILATERAL,
                                       allow_blank=False, id="format")),
            FormField("Status", Select([(s.value, s.value) for s in MeetingStatus],
                                       value=m.status if m else MeetingStatus.PLANNED,
                                       allow_blank=False, id="status")),
        )
        yield FormField("Series", Input(m.series or "" if m else "", id="series",
                                        placeholder="recurring meetings share a series",
                                        suggester=StoreSuggester(self.store, "series")))
        yield FormField("Notes (markdown)", TextArea(m.notes or "" if m else "", id="notes",
                                                     soft_wrap=True))

    def on_mount(self) -> None:
        super().on_mount()
        self.on_field_changed(self.query_one("#date", Input))

    def on_field_changed(self, widget: Widget) -> None:
        if widget.id != "date":
            return
        field = next(f for f in self.field_widgets if f.widget is widget)
        text = self.query_one("#date", Input).value
        if not text.strip():
            field.set_hint(DATE_HINT)
            return
        try:
            entry = self.dates.read(text)
        except ValueError:
            field.set_hint("")
            return
        field.set_hint(f"Understood as: {entry.explanation}" if entry else "Reading the date…")

    def build(self, values: dict[str, Any]) -> Meeting:
        errors: list[FieldError] = []
        date, precision = self.today, Precision.DAY
        try:
            entry = self.dates.read(values["date"], final=self.saving)
            if entry is not None:
                date, precision = entry.date, entry.precision
        except ValueError as exc:
            errors.append(FieldError("date", str(exc)))
        data = {
            "title": values["title"], "date": date, "precision": precision,
            "time": values["time"] or None, "timezone": values["timezone"] or None,
            "city": values["city"], "country": values["country"], "venue": values["venue"],
            "format": values["format"], "status": values["status"],
            "series": values["series"], "notes": values["notes"],
        }
        kept = self.meeting or self.proposal
        if kept is not None:
            data |= {"id": kept.id, "created_at": kept.created_at, "updated_at": kept.updated_at}
        try:
            meeting = Meeting.parse(data)
        except ValidationFailed as failed:
            raise ValidationFailed("meeting", errors + failed.errors) from None
        if errors:
            raise ValidationFailed("meeting", errors)
        return meeting
