"""Reading dates typed into forms without stalling the screen: common forms at once, worded
ones ("next Thursday") through dateparser in a worker, remembered once read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from db.entry import DateEntry, parse_date_entry
from tui.tasks import store_call


class DateReader:
    def __init__(self, form, today: dt.date, on_read: Callable[[], None]) -> None:
        self.form = form
        self.today = today
        self.on_read = on_read  # called when a worded date has been read in the background
        self._read: dict[str, DateEntry | str] = {}

    def read(self, text: str, *, final: bool = False) -> DateEntry | None:
        """The date `text` means; None while a worded date is still being read (never when
        `final`, e.g. on save). Raises ValueError with a message for the field."""
        entry = parse_date_entry(text, self.today, words=False)
        if entry is not None:
            return entry
        key = " ".join(text.split())
        if key not in self._read:
            if not final:
                self._start(key)
                return None
            self._read[key] = self._parse(key)
        result = self._read[key]
        if isinstance(result, str):
            raise ValueError(result)
        return result

    def _parse(self, key: str) -> DateEntry | str:
        try:
            return parse_date_entry(key, self.today)
        except ValueError as exc:
            return str(exc)

    def _start(self, key: str) -> None:
        def done(result: DateEntry | str) -> None:
            self._read[key] = result
            self.on_read()

        store_call(self.form, lambda: self._parse(key), done, group="date-reader",
                   exclusive=True)
