"""The timeline's window of meetings around a day, as read from the store: the page before the
day, the page from it on, and how many meetings match the filters.

No Textual here: the app's start (tui/startup.py, FirstWindow) reads the first window in a
thread while Textual is still being imported, with the same query the timeline makes.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from db.views import MeetingFilter, MeetingRow

PAGE = 100  # meetings fetched per page


class Window(NamedTuple):
    earlier: list[MeetingRow]
    later: list[MeetingRow]
    total: int  # every meeting matching the filters


def read_window(store, day: dt.date, filters: MeetingFilter, today: dt.date) -> Window:
    cursor = (day.isoformat(), "")
    earlier = store.meetings_page(before=cursor, limit=PAGE, filters=filters, today=today)
    later = store.meetings_page(after=cursor, limit=PAGE, filters=filters, today=today)
    return Window(earlier, later, store.count_meetings(filters, today))
