"""What forms and ingest hand to the store: entries by name ("Nuh Yilmaz", "Türkiye"), which the
store matches to existing people, delegations and topics or creates."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from db.models import (
    LINE_MAX,
    NAME_MAX,
    TEXT_MAX,
    Meeting,
    optional_line,
    optional_text,
    parse_model,
    required_line,
)
from db.vocab import ItemStatus, Role


class Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def parse(cls, data: dict, what: str | None = None, prefix: str = ""):
        return parse_model(cls, data, what, prefix)


class ParticipantDraft(Draft):
    name: required_line(NAME_MAX)
    office: optional_line(NAME_MAX) = None
    delegation: optional_line(NAME_MAX) = None
    role: Role = Role.MEMBER


class ItemDraft(Draft):
    topic: required_line(NAME_MAX)
    text: optional_line(LINE_MAX) = None
    status: ItemStatus = ItemStatus.PROPOSED
    outcome: optional_text(TEXT_MAX) = None


class SourceDraft(Draft):
    outlet: optional_line(NAME_MAX) = None
    author: optional_line(NAME_MAX) = None
    url: optional_line(2000) = None
    published: dt.date | None = None
    excerpt: optional_text(TEXT_MAX) = None


class MeetingDraft(Draft):
    """A whole meeting to save at once (ingest, the end-to-end form): all of it or nothing."""

    meeting: Meeting
    participants: list[ParticipantDraft] = Field(default_factory=list)
    items: list[ItemDraft] = Field(default_factory=list)
    sources: list[SourceDraft] = Field(default_factory=list)
