"""The closed vocabularies of the store (formats, statuses, roles), as plain enums.

Kept apart from the pydantic models so that light read paths (the timeline at start-up) can use
them without importing pydantic.
"""

from __future__ import annotations

from enum import StrEnum


class Precision(StrEnum):
    """How much of a meeting's date is known; the stored date is the first day it can be."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"


class MeetingFormat(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    WORKING_GROUP = "working group"
    SUMMIT = "summit"
    VISIT = "visit"
    PHONE_CALL = "phone call"
    VIDEO_CALL = "video call"
    OTHER = "other"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


# A meeting still in one of these states after its date needs an update from the analyst.
OPEN_MEETING_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED)


class Role(StrEnum):
    """A participant's role in one meeting, in the order participants are listed."""

    CO_CHAIR = "co-chair"
    HEAD = "head of delegation"
    HOST = "host"
    MEMBER = "member"
    OBSERVER = "observer"
    OTHER = "other"


ROLE_ORDER = {role.value: index for index, role in enumerate(Role)}


class ItemStatus(StrEnum):
    """An agenda item's status; the order is the cycle the app's status key steps through."""

    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    DISCUSSED = "discussed"
    AGREED = "agreed"
    DEFERRED = "deferred"
    DROPPED = "dropped"

    def next(self) -> ItemStatus:
        members = list(ItemStatus)
        return members[(members.index(self) + 1) % len(members)]


class DelegationKind(StrEnum):
    COUNTRY = "country"
    ORGANISATION = "organisation"
