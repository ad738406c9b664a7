"""What kind of meeting it is (format) and whether it is still to come or already held (status),
read from the title and the anchor sentence first, then from the rest of the meeting's text."""

from __future__ import annotations

import datetime as dt
import re

from db.ingest.focus import Focus, tense
from db.vocab import MeetingFormat, MeetingStatus, Precision

# In priority order: a call is a call even if it is "talks"; a working group's round is "talks".
_FORMAT_CUES = [
    (MeetingFormat.VIDEO_CALL, r"\bvideo[- ]?(?:call|conference|link)\b|\bvideoconferenc\w*|"
                               r"\bvirtual (?:meeting|summit|talks|call)|"
                               r"\bonline (?:meeting|talks)"),
    (MeetingFormat.PHONE_CALL, r"\b(?:tele)?phone\b|\bphoned\b|\bby phone\b|\bphone call\b"),
    (MeetingFormat.WORKING_GROUP, r"\bworking group\b|\bjoint (?:\w+ )?commission\b|"
                                  r"\bjoint committee\b|\btask force\b|"
                                  r"\bintergovernmental commission\b"),
    (MeetingFormat.SUMMIT, r"\bsummit\b"),
    (MeetingFormat.VISIT, r"\b(?:official|state|working|two-day|three-day) visit\b|"
                          r"\bvisit(?:s|ed|ing)? to\b|\bwill visit\b|\bto visit\b|\bpay a visit\b"),
    (MeetingFormat.MULTILATERAL, r"\bministerial\b|\bconference\b|\bforum\b|\bG-?7\b|\bG-?20\b|"
                                 r"\bBRICS\b|\bgeneral assembly\b|\bparticipating states\b|"
                                 r"\bmember states\b|\bforeign ministers (?:of|from)\b|"
                                 r"\bministers of the\b|\bleaders of the\b|\bcontact group\b"),
]
_MARGINS = re.compile(r"\bon the (?:margins|sidelines) of\b.*", re.IGNORECASE)


def find_format(focus: Focus, parties: int) -> tuple[MeetingFormat, str | None]:
    """The format and the sentence that shows it. A meeting "on the margins of" a conference is
    itself bilateral; without cues, three or more parties make it multilateral."""
    lead = [i for i in focus.infos if i.sentence.is_title or i is focus.anchor]
    rest = [i for i in focus.about_meeting() if i not in lead]
    for group in (lead, rest):
        for fmt, cue in _FORMAT_CUES:
            for info in group:
                text = _MARGINS.sub("", info.plain)
                if re.search(cue, text, re.IGNORECASE):
                    if fmt in (MeetingFormat.VISIT, MeetingFormat.MULTILATERAL) and group is rest:
                        continue  # a visit or conference mentioned later is often another
                    return fmt, info.text
    if parties >= 3:
        return MeetingFormat.MULTILATERAL, None
    return MeetingFormat.BILATERAL, None


_POSTPONED = re.compile(r"\b(?:postponed|delayed|put off|rescheduled|pushed back)\b", re.I)
_CANCELLED = re.compile(r"\b(?:cancelled|canceled|called off|scrapped)\b", re.I)
_HEADLINE_FUTURE = re.compile(r"\b(?:to|will|set to|due to|plan to|eyes?|mull)\s+\w+", re.I)


def find_status(focus: Focus, published: dt.date | None) -> tuple[MeetingStatus, str]:
    """Planned or held (postponed and cancelled when the lead says so), with the reason."""
    lead = [i for i in focus.infos if i.sentence.is_title or i is focus.anchor]
    for info in lead:
        if _CANCELLED.search(info.text):
            return MeetingStatus.CANCELLED, info.text
        if _POSTPONED.search(info.text):
            return MeetingStatus.POSTPONED, info.text
    if published and focus.first and focus.precision is not None:
        last = focus.last or focus.first
        if focus.precision is Precision.DAY or focus.precision is Precision.APPROXIMATE:
            if focus.first > published:
                return MeetingStatus.PLANNED, "its date is after the article's"
            if last < published:
                return MeetingStatus.HELD, "its date is before the article's"
        elif focus.precision is Precision.MONTH:
            if focus.first > published:
                return MeetingStatus.PLANNED, "its month is after the article's"
            if last < published:
                return MeetingStatus.HELD, "its month is before the article's"
    if focus.anchor is not None:
        future = tense(focus.anchor.text, focus.main.start if focus.main and
                       focus.main.sentence == focus.anchor.sentence.index else None)
        if future is not None:
            return (MeetingStatus.PLANNED if future else MeetingStatus.HELD), focus.anchor.text
    for info in lead:
        if info.sentence.is_title and _HEADLINE_FUTURE.search(info.text):
            return MeetingStatus.PLANNED, info.text
    return MeetingStatus.PLANNED, "nothing in the text says it has happened"
