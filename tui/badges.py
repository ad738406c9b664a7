"""Status badges: the words and theme colours for meeting and agenda item statuses."""

from __future__ import annotations

import datetime as dt

from db.views import MeetingRow

MEETING_STYLES = {
    "planned": "$text-primary",
    "confirmed": "bold $success",
    "held": "$text-muted",
    "postponed": "$warning",
    "cancelled": "$error strike",
}

ITEM_STYLES = {
    "proposed": "$text-muted",
    "scheduled": "$text-primary",
    "discussed": "$text-secondary",
    "agreed": "bold $success",
    "deferred": "$warning",
    "dropped": "$error strike",
}


def meeting_badge(row: MeetingRow, today: dt.date) -> tuple[str, str]:
    """A planned/confirmed meeting whose date has passed is flagged: it needs an update."""
    if row.is_overdue(today):
        return f"⚠ {row.status}", "bold $warning"
    return row.status, MEETING_STYLES.get(row.status, "")


def item_badge(status: str | None) -> tuple[str, str]:
    if status is None:
        return "—", "$text-muted"
    return str(status), ITEM_STYLES.get(str(status), "")
