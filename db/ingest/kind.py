"""What kind of meeting it is (format) and whether it is still to come or already held (status),
read from the title and the anchor sentence first, then from the rest of the meeting's text."""

from __future__ import annotations

import datetime as dt
import re

from db.ingest.focus import Focus, tense
from db.ingest.gazetteer import find_city
from db.ingest.parties import find_parties, resolve_party
from db.vocab import MeetingFormat, MeetingStatus, Precision

# "the Japan–Philippines 2+2", "Türkiye-US talks": two countries joined by a dash, read by
# `_pair` below (the cue itself only finds the dash between two capitalised words).
_PAIR = r"\b[A-Z][\w'’]+\s?[-–—]\s?[A-Z][\w'’]+\b"

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
                          r"\bvisit(?:s|ed|ing)? to\b|\bwill visit\b|\bto visit\b|\bpay a visit\b|"
                          r"\bvisited\b|\b(?:met|received|hosted|welcomed)\s+(?:the\s+)?visiting\b"),
    (MeetingFormat.BILATERAL, _PAIR),
    (MeetingFormat.MULTILATERAL, r"\bministerial\b|\bconference\b|\bforum\b|\bG-?7\b|\bG-?20\b|"
                                 r"\bBRICS\b|\bgeneral assembly\b|\bparticipating states\b|"
                                 r"\bmember states\b|\bforeign ministers (?:of|from)\b|"
                                 r"\bministers of the\b|\bleaders of the\b|\bcontact group\b|"
                                 r"\bForeign Affairs Council\b|"
                                 r"\b(?-i:[A-Z]{2,6}|European Union|African Union|Arab League)"
                                 r"(?:['’]s)?\s+(?:\w+\s+)?(?:ministers|leaders)\b"),
    # Travel to a place for talks is a visit, unless a conference above is why.
    (MeetingFormat.VISIT, r"\btravel(?:s|led|ling)? to\b|\btrip to\b|\barrive[sd]? in\b"),
]
# One participant joining by video does not make a meeting a video call.
_REMOTE_GUEST = re.compile(r"\b(?:joined|join|joins|participated|took part|addressed|spoke)\b"
                           r"[^.;]{0,40}\b(?:by|via|through) video\b|\bvirtually\b", re.I)
_MARGINS = re.compile(r"\bon the (?:margins|sidelines) of\b.*", re.IGNORECASE)


_OTHER_SUMMIT = re.compile(r"\b(?:next|upcoming|forthcoming|coming|future|last|previous|"
                           r"prepar\w+(?:\s+for)?|ahead\s+of|run-up\s+to|before)\s+"
                           r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def find_format(focus: Focus, parties: int) -> tuple[MeetingFormat, str | None]:
    """The format and the sentence that shows it. A meeting "on the margins of" a conference is
    itself bilateral; without cues, three or more parties make it multilateral."""
    lead = [i for i in focus.infos if i.sentence.is_title or i is focus.anchor]
    rest = [i for i in focus.about_meeting() if i not in lead]
    for group in (lead, rest):
        for fmt, cue in _FORMAT_CUES:
            for info in group:
                text = _MARGINS.sub("", info.plain)
                if fmt in (MeetingFormat.VIDEO_CALL, MeetingFormat.PHONE_CALL) \
                        and _REMOTE_GUEST.search(text):
                    continue
                m = _pair(text) if fmt is MeetingFormat.BILATERAL else re.search(
                    cue, text, re.IGNORECASE)
                if m and fmt is MeetingFormat.SUMMIT and _OTHER_SUMMIT.search(text[:m.start()]):
                    continue  # "preparations for the upcoming China-EU summit": another one
                if m:
                    if fmt in (MeetingFormat.VISIT, MeetingFormat.MULTILATERAL,
                               MeetingFormat.BILATERAL) and group is rest:
                        continue  # a visit or conference mentioned later is often another
                    return fmt, info.text
    if parties >= 3:
        return MeetingFormat.MULTILATERAL, None
    return MeetingFormat.BILATERAL, None


_OF_TWO = re.compile(r"\b(?:ministers|leaders|presidents|delegations|heads of state)\s+"
                     r"(?:of|from)\s+", re.IGNORECASE)


def _two_named(text: str) -> bool:
    """"The foreign ministers of Armenia and Azerbaijan": exactly two countries."""
    for m in _OF_TWO.finditer(text):
        rest = text[m.end():m.end() + 80]
        found = find_parties(rest)
        if len(found) < 2 or found[0][0] > 4:
            continue
        between = rest[found[0][1]:found[1][0]]
        after = rest[found[1][1]:]
        if (re.fullmatch(r"\s+and\s+(?:the\s+)?", between) and found[0][2].code
                and found[1][2].code and not re.match(r"(?:['’]s)?\s*(?:,|and)\s", after)):
            return True
    return False


def _pair(text: str) -> bool:
    """Whether two countries, or their cities, are written joined by a dash
    ("Japan–Philippines", "Belgrade-Pristina"), or named as the only two whose ministers
    meet."""
    if _two_named(text):
        return True
    for m in re.finditer(_PAIR, text):
        left, right = re.split(r"\s?[-–—]\s?", m.group(0), maxsplit=1)
        a, b = _country_code(left), _country_code(right)
        # "Russia–Ukraine war" names a conflict; "Japan–Philippines 2+2" names the meeting.
        if a and b and a != b and _PAIR_MEETING.match(text[m.end():]):
            return True
    return False


_PAIR_MEETING = re.compile(r"(?:\s+[^\s.;]+){0,4}?\s*[\"“]?(?:talks|meetings?|dialogue|"
                           r"ministerial|consultations|negotiations|2\+2|relations|summit|"
                           r"working group|commission|council|round)\b", re.IGNORECASE)


def _country_code(word: str) -> str | None:
    party = resolve_party(word)
    if party and party.code:
        return party.code
    city = find_city(word)
    return city[1] if city else None


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
