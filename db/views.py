"""What the store's read functions return: light rows for lists, composites for detail views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.dates import is_overdue, short_date, when_text

if TYPE_CHECKING:
    from db.models import (
        AgendaItem,
        Delegation,
        Meeting,
        Participant,
        Person,
        Source,
        StatusChange,
        Topic,
    )


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One timeline row: enough to list a meeting without loading its participants or items."""

    id: str
    date: dt.date
    precision: str
    time: str | None
    title: str
    city: str | None
    country: str | None
    country_code: str | None
    status: str
    format: str
    series: str | None

    @property
    def cursor(self) -> tuple[str, str]:
        return (self.date.isoformat(), self.id)

    @property
    def when_text(self) -> str:
        return when_text(self.date, self.precision)

    @property
    def short_date(self) -> str:
        return short_date(self.date, self.precision)

    @property
    def place_text(self) -> str:
        return ", ".join(part for part in (self.city, self.country) if part)

    @property
    def short_place(self) -> str:
        """The city when known, else the country: what fits a list row."""
        return self.city or self.country or ""

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return is_overdue(self.status, self.date, self.precision, today)


@dataclass(frozen=True)
class MeetingFilter:
    """Timeline filters; every set field narrows the list. `country` is an ISO code or a
    delegation name and matches the place or any participating delegation."""

    statuses: frozenset[str] = frozenset()
    country: str | None = None
    series: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    overdue_only: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.statuses or self.country or self.series or self.date_from or self.date_to
            or self.overdue_only
        )

    def describe(self) -> str:
        parts = []
        if self.overdue_only:
            parts.append("needing an update")
        if self.statuses:
            parts.append("status " + "/".join(sorted(self.statuses)))
        if self.country:
            parts.append(f"country {self.country}")
        if self.series:
            parts.append(f"series “{self.series}”")
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "…"
            end = self.date_to.isoformat() if self.date_to else "…"
            parts.append(f"{start} to {end}")
        return ", ".join(parts)


@dataclass(frozen=True)
class ParticipantView:
    participant: Participant
    person: Person
    delegation: Delegation | None


@dataclass(frozen=True)
class ItemView:
    item: AgendaItem
    topic: Topic

    @property
    def label(self) -> str:
        return self.item.text or self.topic.name


@dataclass(frozen=True)
class MeetingDetail:
    meeting: Meeting
    participants: list[ParticipantView] = field(default_factory=list)
    items: list[ItemView] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def delegations(self) -> list[tuple[Delegation | None, list[ParticipantView]]]:
        """Participants grouped by delegation, groups in order of their first (highest) role."""
        groups: dict[str, tuple[Delegation | None, list[ParticipantView]]] = {}
        for view in self.participants:
            key = view.delegation.id if view.delegation else ""
            groups.setdefault(key, (view.delegation, []))[1].append(view)
        return list(groups.values())


@dataclass(frozen=True)
class Appearance:
    """A topic on one meeting's agenda, with that item's status changes."""

    meeting: MeetingRow
    item: AgendaItem
    changes: list[StatusChange]


@dataclass(frozen=True)
class TopicHistory:
    topic: Topic
    appearances: list[Appearance]


@dataclass(frozen=True)
class PersonSummary:
    person: Person
    meetings: int
    latest: MeetingRow | None


@dataclass(frozen=True)
class TopicSummary:
    topic: Topic
    appearances: int
    latest_status: str | None
    latest: MeetingRow | None


@dataclass(frozen=True)
class SearchHit:
    """One search result; `meeting` is where it leads (for a person or topic, the latest)."""

    kind: str  # meeting, item, topic, person
    id: str
    label: str
    snippet: str
    meeting: MeetingRow | None
