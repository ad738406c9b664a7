"""A set of records of every kind, as moved in bulk: the sample data, a JSON import or export."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

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


@dataclass
class Records:
    """Field names are the table names, in an order where parents precede children."""

    meetings: list[Meeting] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def table(self, name: str) -> list:
        return getattr(self, name)

    def counts(self) -> dict[str, int]:
        return {f.name: len(getattr(self, f.name)) for f in fields(self)}
