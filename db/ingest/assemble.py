"""From article text to a draft meeting: runs the extractors in order and assembles their
findings into a MeetingDraft, the record format of the evaluation set, and notes on what was
assumed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.dates import when_text
from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
from db.errors import IngestError
from db.ingest.focus import analyse
from db.ingest.home import home_party, home_side
from db.ingest.kind import find_format, find_status
from db.ingest.people import find_people
from db.ingest.places import find_place
from db.ingest.sides import host_side, national
from db.ingest.source import SourceInfo, find_source
from db.ingest.text import decode, split_article
from db.ingest.topics import find_topics
from db.models import NAME_MAX, TITLE_MAX, Meeting
from db.vocab import ItemStatus, MeetingFormat, MeetingStatus, Precision

if TYPE_CHECKING:
    from db.store import Store

# How a format reads in a drafted title: "Armenia–Azerbaijan talks".
_FORMAT_WORDS = {
    MeetingFormat.BILATERAL: "talks", MeetingFormat.MULTILATERAL: "meeting",
    MeetingFormat.WORKING_GROUP: "working group", MeetingFormat.SUMMIT: "summit",
    MeetingFormat.VISIT: "visit", MeetingFormat.PHONE_CALL: "phone call",
    MeetingFormat.VIDEO_CALL: "video call", MeetingFormat.OTHER: "meeting",
}
# Short names that titles use ("Türkiye–US"), as the sample data does.
_SHORT = {"United States": "US", "United Kingdom": "UK", "United Arab Emirates": "UAE",
          "European Union": "EU", "United Nations": "UN"}
_SERIES = re.compile(
    r"\b(?i:(?:(?:high-level|joint|strategic|bilateral|intergovernmental)\s+)*(?:working group|"
    r"strategic dialogue|dialogue|commission|committee|task force|consultations)\s+(?:on|for)\s+"
    r"(?:the\s+)?)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
_NAMED_EVENT = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){1,4}(?:Summit|Ministerial Council|Ministerial|Conference|Forum|"
    r"General Assembly)\b")


@dataclass
class IngestResult:
    """A proposed meeting. Everything in `draft` is a proposal for the user to confirm;
    `proposed` names the fields that were read from the text (with the sentence that shows
    each), `notes` says what was assumed ("year assumed from the article's date")."""

    draft: MeetingDraft
    date_text: str | None = None
    headline: str | None = None
    published: dt.date | None = None
    proposed: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    source: SourceInfo | None = None  # outlet, author, URL as found (even without an outlet)
    matches: list[str] = field(default_factory=list)  # what was matched in the store
    new_people: int = 0
    new_topics: int = 0

    @property
    def meeting(self) -> Meeting:
        return self.draft.meeting

    @property
    def date_known(self) -> bool:
        return "date" in self.proposed

    def to_record(self) -> dict:
        """The draft in the format of the evaluation set's expected records (ingest-dev)."""
        m = self.meeting
        date = m.date.isoformat() if self.date_known and m.precision is Precision.DAY else None
        date_text = self.date_text
        if self.date_known and m.precision in (Precision.MONTH, Precision.YEAR):
            date_text = when_text(m.date, m.precision)
        source = self.source
        return {
            "title": self.headline or m.title,
            "meeting_title": m.title,
            "published": self.published.isoformat() if self.published else None,
            "date": date,
            "date_text": date_text,
            "precision": m.precision.value if self.date_known else None,
            "location": {"city": m.city, "country": m.country},
            "venue": m.venue,
            "format": m.format.value,
            "status": m.status.value,
            "series": m.series,
            "participants": [
                {"name": p.name, "role": p.office, "country_or_org": p.delegation,
                 "part": p.role.value}
                for p in self.draft.participants
            ],
            "topics": [item.text or item.topic for item in self.draft.items],
            "source": {"outlet": source.outlet, "author": source.author, "url": source.url}
            if source and (source.outlet or source.author or source.url) else None,
            "notes": self.notes,
        }


def draft_from_text(
    text: str | bytes,
    published: dt.date | None = None,
    store: Store | None = None,
    today: dt.date | None = None,
) -> IngestResult:
    """Propose a meeting from an article. `published` resolves "May 20" and "on Thursday";
    with a `store`, people, topics and series already stored are matched, not duplicated.
    Raises IngestError for input that is not an article about a meeting."""
    article = split_article(decode(text))
    source = find_source(article)
    notes: list[str] = []
    if published is None and source.published:
        published = source.published
        notes.append(f"publication date {published.isoformat()} read from the article")
    focus = analyse(article, published, today)
    if focus.anchor is None:
        raise IngestError("no meeting found in the text (nothing says who meets, or when)")
    proposed: dict[str, str] = {}

    status, why = find_status(focus, published)
    held = status is MeetingStatus.HELD
    people = [p for p in find_people(focus) if p.takes_part]
    topics = find_topics(focus, held)
    parties = list(dict.fromkeys(p.party.name for p in people if p.party))
    fmt, fmt_evidence = find_format(focus, len(parties))
    place = find_place(focus, remote=fmt in (MeetingFormat.PHONE_CALL, MeetingFormat.VIDEO_CALL),
                       dateline=article.dateline)
    host_side(people, place.code if place else None,
              fmt in (MeetingFormat.VISIT, MeetingFormat.BILATERAL))
    home_side(people, home_party(article), national)
    parties = list(dict.fromkeys(p.party.name for p in people if p.party))
    if not (people or topics or (focus.main and place)):
        raise IngestError(
            "no meeting found in the text: no participants, agenda, or date and place"
        )

    base = published or today or dt.date.today()
    if focus.main is not None:
        date, precision = focus.first, focus.precision
        proposed["date"] = _sentence(focus, focus.main.sentence)
        notes.extend(focus.notes)
        if focus.last and focus.last != focus.first and precision is Precision.DAY:
            notes.append(f"the meeting runs until {focus.last:%d %B %Y}")
    else:
        date, precision = base, Precision.APPROXIMATE
        notes.append("no date in the text: the article's date is used, marked approximate"
                     if published else "no date in the text: today's date is used, approximate")
    proposed["status"] = why
    if fmt_evidence:
        proposed["format"] = fmt_evidence
    if place:
        proposed["place"] = place.evidence or ""
    if people:
        proposed["participants"] = "; ".join(dict.fromkeys(p.evidence or "" for p in people))
    if topics:
        proposed["items"] = "; ".join(dict.fromkeys(t.evidence for t in topics))

    title = _title(article.title, focus, parties, fmt)
    proposed["title"] = title
    series = None
    matches: list[str] = []
    if store is not None:
        from db.ingest.match import match_series

        series = match_series(store, title)
        if series:
            matches.append(f"series: {series}")
            title = series
    meeting = Meeting.parse({
        "title": title[:TITLE_MAX], "date": date, "precision": precision,
        "city": place.city if place else None, "country": place.country if place else None,
        "country_code": place.code if place else None,
        "venue": place.venue if place else None, "format": fmt, "status": status,
        "series": series, "notes": _notes(article.title, notes),
    }, "meeting")

    participants = [
        ParticipantDraft(name=p.name[:NAME_MAX], office=p.office,
                         delegation=p.party.name if p.party else None, role=p.role)
        for p in people
    ]
    item_status = ItemStatus.DISCUSSED if held else ItemStatus.SCHEDULED
    items = [ItemDraft(topic=_topic_name(t.text), text=t.text, status=item_status)
             for t in topics]
    sources = []
    if source.outlet or source.url:
        sources.append(SourceDraft(outlet=source.outlet, author=source.author, url=source.url,
                                   published=published,
                                   excerpt=focus.anchor.text if focus.anchor else None))
        proposed["sources"] = source.outlet or source.url or ""
    elif source.author:
        notes.append(f"the source (by {source.author}) names no outlet or URL, so it is not saved")
    result = IngestResult(
        draft=MeetingDraft(meeting=meeting, participants=participants, items=items,
                           sources=sources),
        date_text=focus.main.text.rstrip(".") if focus.main else None,
        headline=article.title, published=published, proposed=proposed, notes=notes,
        source=source, matches=matches,
    )
    if store is not None:
        _match_store(result, store)
    return result


def _sentence(focus, index: int) -> str:
    return next(i.text for i in focus.infos if i.sentence.index == index)


def _notes(headline: str | None, notes: list[str]) -> str:
    lines = [f"Drafted from the article “{headline}”." if headline else "Drafted from an article."]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines)


def _topic_name(text: str) -> str:
    """A topic's name: the phrase, cut at its first comma when it is long."""
    name = text if len(text) <= 90 else text.split(",")[0]
    return name[:NAME_MAX]


def _title(headline: str | None, focus, parties: list[str], fmt: MeetingFormat) -> str:
    names = [_SHORT.get(p, p) for p in parties]
    lead = " ".join(i.text for i in focus.infos if i.sentence.is_title or i is focus.anchor)
    series = _SERIES.search(lead)
    if series and len(names) >= 2:
        phrase = series.group(0)
        phrase = re.sub(r"^(?:high-level|bilateral)\s+", "", phrase, flags=re.IGNORECASE)
        return f"{'–'.join(names[:2])} {phrase}"
    event = _NAMED_EVENT.search(focus.anchor.text) if focus.anchor else None
    if event and fmt in (MeetingFormat.MULTILATERAL, MeetingFormat.SUMMIT):
        return event.group(0).strip()
    if names:
        joined = "–".join(names[:3]) + (" and others" if len(names) > 3 else "")
        return f"{joined} {_FORMAT_WORDS[fmt]}"
    return headline or "Meeting from an article"


def _match_store(result: IngestResult, store: Store) -> None:
    from db.ingest.match import match_person, match_topics

    participants = []
    for part in result.draft.participants:
        found = match_person(store, part.name)
        if found:
            name, office = found
            result.matches.append(f"person: {part.name} = {name}")
            part = part.model_copy(update={"name": name, "office": part.office or office})
        else:
            result.new_people += 1
        participants.append(part)
    items = []
    matched = match_topics(store, [i.text or i.topic for i in result.draft.items])
    for index, item in enumerate(result.draft.items):
        if index in matched:
            result.matches.append(f"topic: {item.text} = {matched[index]}")
            item = item.model_copy(update={"topic": matched[index]})
        else:
            result.new_topics += 1
        items.append(item)
    result.draft = result.draft.model_copy(update={"participants": participants, "items": items})
