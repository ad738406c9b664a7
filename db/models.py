"""Pydantic models: the one definition of what a valid meeting, person, topic... is.

The store converts rows to these models and back; forms build them and show their errors.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from db.countries import fold, resolve_country
from db.dates import is_overdue, when_text
from db.errors import FieldProblem, ValidationFailed
from db.stamps import checked_date, checked_timestamp, new_id, now_ts
from db.vocab import (
    DelegationKind,
    ItemStatus,
    MeetingFormat,
    MeetingStatus,
    Precision,
    Role,
)

# Limits: generous for real use, small enough that one field cannot swamp a screen or a file.
NAME_MAX = 200
TITLE_MAX = 300
LINE_MAX = 1000
NOTES_MAX = 200_000
TEXT_MAX = 20_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_URL = re.compile(r"^(https?)://[^\s/$.?#][^\s]*$", re.IGNORECASE)


_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
_ID = re.compile(_ID_PATTERN)
_ID_MESSAGE = "must be 1-64 letters, digits or - _ . : and start with a letter or digit"


def _id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(_ID_MESSAGE)
    return value


class _IdRule:
    """The _id rule checked inside pydantic-core (Rust) instead of by a Python call: a JSON
    import checks millions of ids. Python's `$` also matches before a final newline, which the
    Rust pattern spells `\n?$`, so exactly the same texts pass; the message is _id's."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.chain_schema([
            handler(source),  # str, as pydantic checks it (type errors as before)
            core_schema.custom_error_schema(
                core_schema.str_schema(pattern=_ID_PATTERN.removesuffix("$") + r"\n?$"),
                custom_error_type="id_format",
                custom_error_message=_ID_MESSAGE,
            ),
        ])


def _clean_line(value: Any) -> Any:
    """One-line text: NFC-normalised, outer whitespace trimmed, no control characters."""
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value).strip()
    if _CONTROL_IN_LINE.search(value):
        raise ValueError("must be one line without control characters")
    return value


def _clean_text(value: Any) -> Any:
    """Multi-line text (notes, outcomes): newlines and tabs allowed, other control chars not."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def _checked(clean: Callable[[Any], Any], max_length: int, required: bool) -> Callable:
    """The validator of a text field: `clean`'s rules, then required and length. Written out
    for the two cleaners (one Python call per field, not two: a JSON import makes millions)."""
    normalize = unicodedata.normalize
    if clean is _clean_line:
        control, message, multi_line = _CONTROL_IN_LINE, "must be one line without control " \
            "characters", False
    elif clean is _clean_text:
        control, message, multi_line = _CONTROL, "must not contain control characters", True
    else:
        raise ValueError(f"no validator for {clean!r}")

    def check(value: Any) -> Any:
        if isinstance(value, str):
            if multi_line and "\r" in value:
                value = value.replace("\r\n", "\n").replace("\r", "\n")
            value = normalize("NFC", value).strip()
            if control.search(value):
                raise ValueError(message)
            if not value:
                if required:
                    raise ValueError("is required")
                return None
            if len(value) > max_length:
                raise ValueError(
                    f"must be at most {max_length:,} characters (this is {len(value):,})"
                )
            return value
        if value is None and required:
            raise ValueError("is required")
        return value

    return check


@functools.lru_cache(maxsize=1024)
def _zone(name: str):
    """The zone of that name (ValueError if there is none), kept: ZoneInfo's own cache holds
    zones weakly, so a bulk import with the garbage collector paused re-read the zone file
    from disk for nearly every meeting."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(name) from None


def _url(value: str | None) -> str | None:
    if value is not None and not _URL.match(value):
        raise ValueError("must be a web address starting with http:// or https://")
    return value


Id = Annotated[str, _IdRule]
Timestamp = Annotated[str, BeforeValidator(checked_timestamp)]


def required_line(max_length: int) -> Any:
    return Annotated[str, BeforeValidator(_checked(_clean_line, max_length, required=True))]


# Optional text is `Annotated[str | None, check] | None`: pydantic passes a None straight
# through without calling `check` (most outcomes and notes are empty), and `check` may still
# turn blank text into None. The same values pass and fail as with one `str | None`.
def optional_line(max_length: int) -> Any:
    check = BeforeValidator(_checked(_clean_line, max_length, False))
    return Annotated[str | None, check] | None


def optional_text(max_length: int) -> Any:
    check = BeforeValidator(_checked(_clean_text, max_length, False))
    return Annotated[str | None, check] | None


def parse_model(cls: type[BaseModel], data: dict[str, Any], what: str | None, prefix: str):
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        what = what or cls.__name__.lower()
        raise ValidationFailed.from_pydantic(what, exc, prefix) from None


class Record(BaseModel):
    """Fields every stored record has: a stable global id and created/updated times."""

    model_config = ConfigDict(extra="forbid", validate_default=False)

    id: Id = Field(default_factory=new_id)
    created_at: Timestamp = Field(default_factory=now_ts)
    updated_at: Timestamp = Field(default_factory=now_ts)

    @classmethod
    def parse(cls, data: dict[str, Any], what: str | None = None, prefix: str = ""):
        """Validate `data`, raising ValidationFailed (with per-field messages) on bad input."""
        return parse_model(cls, data, what, prefix)

    def edit(self, **changes: Any):
        """A validated copy with `changes` applied (pydantic's model_copy does not validate)."""
        data = self.model_dump()
        data.update(changes)
        return type(self).parse(data)


class Meeting(Record):
    title: required_line(TITLE_MAX)
    date: dt.date
    time: dt.time | None = None
    timezone: optional_line(64) = None
    precision: Precision = Precision.DAY
    city: optional_line(NAME_MAX) = None
    country: optional_line(NAME_MAX) = None
    country_code: str | None = None
    venue: optional_line(NAME_MAX) = None
    format: MeetingFormat = MeetingFormat.BILATERAL
    status: MeetingStatus = MeetingStatus.PLANNED
    series: optional_line(NAME_MAX) = None
    notes: optional_text(NOTES_MAX) = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        return checked_date(value)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            _zone(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a time zone name such as Europe/Istanbul") from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.precision is Precision.MONTH:
            self.date = self.date.replace(day=1)
        elif self.precision is Precision.YEAR:
            self.date = self.date.replace(month=1, day=1)
        if self.time is not None and self.precision is not Precision.DAY:
            raise FieldProblem("time", "a time can only be given when the exact day is known")
        if self.timezone is not None and self.time is None:
            raise FieldProblem("timezone", "a time zone needs a time")
        if self.country and not self.country_code:
            found = resolve_country(self.country)
            self.country_code = found.code if found else None
        elif not self.country:
            self.country_code = None
        return self

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Still planned or confirmed although its date has passed: the record needs an update."""
        return is_overdue(self.status, self.date, self.precision, today)

    @property
    def when_text(self) -> str:
        text = when_text(self.date, self.precision)
        if self.time is not None:
            text += f", {self.time.strftime('%H:%M')}"
            if self.timezone:
                text += f" ({self.timezone})"
        return text

    @property
    def place_text(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)


class Delegation(Record):
    """A party to meetings: a country (with its ISO code) or an organisation."""

    name: required_line(NAME_MAX)
    country_code: str | None = None
    kind: DelegationKind | None = None

    @model_validator(mode="after")
    def _resolve(self) -> Delegation:
        if self.country_code is None and self.kind is not DelegationKind.ORGANISATION:
            found = resolve_country(self.name)
            self.country_code = found.code if found else None
        if self.country_code is not None:
            self.country_code = self.country_code.upper()
            if not re.fullmatch(r"[A-Z]{2}", self.country_code):
                raise FieldProblem("country_code", "must be two letters (ISO 3166-1 alpha-2)")
        if self.kind is None:
            self.kind = DelegationKind.COUNTRY if self.country_code else DelegationKind.ORGANISATION
        return self

    @property
    def key(self) -> str:
        """Two delegations are the same party when their keys are equal ("Turkey" = "Türkiye")."""
        return f"country:{self.country_code}" if self.country_code else f"org:{fold(self.name)}"


class Person(Record):
    name: required_line(NAME_MAX)
    office: optional_line(NAME_MAX) = None
    affiliation: optional_line(NAME_MAX) = None


class Participant(Record):
    """One person's participation in one meeting, for one delegation, in one role."""

    meeting_id: Id
    person_id: Id
    delegation_id: Id | None = None
    role: Role = Role.MEMBER


class Topic(Record):
    """A subject followed across meetings, such as "Sanctions relief for Syria"."""

    name: required_line(NAME_MAX)
    description: optional_text(TEXT_MAX) = None
    tags: list[str] = Field(default_factory=list, max_length=50)

    @field_validator("tags", mode="before")
    @classmethod
    def _split_tags(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            cleaned: list[str] = []
            for tag in value:
                tag = _clean_line(tag) if isinstance(tag, str) else tag
                if isinstance(tag, str) and len(tag) > 50:
                    raise ValueError(f"tag {tag[:20]!r}... is longer than 50 characters")
                if tag and tag not in cleaned:
                    cleaned.append(tag)
            return cleaned
        return value


class AgendaItem(Record):
    """One topic on one meeting's agenda, at a position, with a status and outcome notes."""

    meeting_id: Id
    topic_id: Id
    position: StrictInt = Field(default=0, ge=0, le=2**63 - 1)  # SQLite INTEGER
    text: optional_line(LINE_MAX) = None
    status: ItemStatus = ItemStatus.PROPOSED
    outcome: optional_text(TEXT_MAX) = None


class StatusChange(Record):
    """One status change of an agenda item (from_status is None for the first status)."""

    agenda_item_id: Id
    from_status: ItemStatus | None = None
    to_status: ItemStatus
    changed_at: Timestamp = Field(default_factory=now_ts)
    note: optional_text(LINE_MAX) = None


class Source(Record):
    """Where a meeting's facts come from: an article, a statement, a readout."""

    meeting_id: Id
    outlet: optional_line(NAME_MAX) = None
    author: optional_line(NAME_MAX) = None
    url: Annotated[optional_line(2000), AfterValidator(_url)] = None
    published: dt.date | None = None
    excerpt: optional_text(TEXT_MAX) = None

    @field_validator("published", mode="before")
    @classmethod
    def _iso_published(cls, value: Any) -> Any:
        return checked_date(value)

    @model_validator(mode="after")
    def _identifiable(self) -> Source:
        if not (self.outlet or self.url):
            raise FieldProblem("outlet", "a source needs an outlet or a URL")
        return self
