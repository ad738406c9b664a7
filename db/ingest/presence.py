"""Who takes part: decided from each mention of a person, by its sentence (about the meeting,
not another event), its clause ("in the absence of ...", "... did not attend", "X said",
"Trump's announcement") and the class of attendees the lead names ("EU foreign ministers met");
with the part each plays (co-chair, host, head of delegation)."""

from __future__ import annotations

import re as _re
from typing import TYPE_CHECKING

from db.ingest.focus import Focus
from db.ingest.offices import SPOKESPEOPLE
from db.ingest.sides import side_party
from db.vocab import Role

if TYPE_CHECKING:
    from db.ingest.names import Person

_PART_CUES = _re.compile(
    r"\b(?:led by|headed by|heading|head(?:s|ed)? (?:the|a|his|her) delegation|delegation|"
    r"join(?:s|ed)?|accompan\w+|present|take part|took part|taking part|participat\w+|"
    r"counterpart|represented by|attend\w*|co-chair\w*|chaired|host\w*|receiv\w+|welcom\w+|"
    r"met|meet\w*|talks|spoke|call|conversation|visit\w*|travel\w*|among the|discuss\w*|"
    r"arriv\w+|brief(?:s|ed|ing)|along with|together with|around the table|in attendance|"
    r"sat in|flanked)\b",
    _re.IGNORECASE,
)
_NEGATED_BEFORE = _re.compile(
    r"\b(?:absence of|absent|without|instead of|in place of|replacing|replaced|unlike|"
    r"according to|"
    # "conveyed the greetings of Secretary-General X", "preparations for the upcoming state
    # visit of President X", "his recent consultations in Port Sudan with X": named, elsewhere
    r"greetings (?:of|from)|(?:message|letter) (?:of|from)|on behalf of|"
    r"(?:upcoming|forthcoming|planned|future|next) (?:\w+ )?(?:visit|trip) (?:of|by)|"
    r"(?:his|her|their) (?:recent|earlier|previous))\s+(?:[^\s,]+\s+){0,6}$", _re.IGNORECASE)
_NEGATED_AFTER = _re.compile(
    # "X, who did not travel to Montevideo, repeated ...": absent, by the relative clause
    r"^\s*(?:,[^,]{0,80},\s*|,\s*(?:who|whom)\s+)?(?:did not|will not|won't|would not|is not|"
    r"was not|has not|have not|cannot|could not|declined|refused|skipped|will skip|"
    r"is skipping|is absent|stayed away|has yet to|had yet to|pulled out|withdrew|"
    # "X sent a message to the ministers": greeted the meeting from afar
    r"sent (?:a|his|her|their) (?:\w+ )?(?:message|letter|greetings|congratulations))\b",
    _re.IGNORECASE)
_REPORTING_AFTER = _re.compile(
    r"^\s*,?\s*(?:said|says|told|announced|stated|noted|added|wrote|tweeted|confirmed|"
    r"explained|warned|stressed)\b(?P<rest>.{0,60})", _re.IGNORECASE)
_MEETING_NOUN = _re.compile(r"\b(?:session|meeting|summit|conference|talks|council|assembly|"
                            r"forum|delegates|participants|counterparts?)\b", _re.IGNORECASE)
# Cues just before a mention ("co-chaired by", "hosted by") or just after it ("X hosted").
_ROLE_BEFORE = [
    (Role.CO_CHAIR, _re.compile(r"co-?chaired by(?:\s+[^\s.;]+){0,16}\s*$", _re.IGNORECASE)),
    (Role.HOST, _re.compile(r"hosted by(?:\s+\S+){0,6}\s*$", _re.IGNORECASE)),
    (Role.HEAD, _re.compile(r"(?:led|headed) by(?:\s+\S+){0,6}\s*$", _re.IGNORECASE)),
]
_ROLE_AFTER = [
    (Role.CO_CHAIR, _re.compile(r"^[^.;]{0,20}\bco-?chair", _re.IGNORECASE)),
    (Role.HOST, _re.compile(r"^\s*(?:will |is to |is set to )?(?:host|hosted|hosts|received|"
                            r"receives|welcomed|welcomes)\b", _re.IGNORECASE)),
    (Role.HEAD, _re.compile(r"^[^.;]{0,30}\b(?:heading|head the|heads the|will lead|leads|led) "
                            r"(?:the|a|his|her|their) (?:\w+ )?delegation\b", _re.IGNORECASE)),
    (Role.HEAD, _re.compile(r"^[^.;]{0,120}\b(?:heading|head|lead|leading|led) "
                            r"(?:the|their) (?:two |\w+ )?delegations\b", _re.IGNORECASE)),
]


# "EU foreign ministers met", "leaders of the Nordic countries will gather": who attends by
# office. A word for the attendees -> the office head that belongs to that class.
_CLASS = _re.compile(
    r"\b(?P<portfolio>foreign|defen[cs]e|finance|trade|energy|interior|economy|health|"
    r"agriculture|environment|justice)?\s*(?:affairs\s+)?(?P<class>ministers|leaders|"
    r"heads of state)\b", _re.IGNORECASE)


_OWN_MEETING = _re.compile(r"\b(?:after|following|during|at)\s+(?:his|her|their)\s+(?:\w+\s+)?"
                          r"(?:meeting|talks|call|conversation|visit)\s+(?:with|to)\b",
                          _re.IGNORECASE)


_AFTER_TALKS = _re.compile(r"^\s*(?:on \w+\s+)?(?:after|following|during|at the end of)\s+"
                          r"(?:the\s+|their\s+|his\s+|her\s+|a\s+)?(?:\w+\s+)?(?:talks|"
                          r"meeting|discussions|consultations|call|conversation)\b",
                          _re.IGNORECASE)


def members_pattern(focus: Focus) -> _re.Pattern | None:
    """A pattern for the offices of the people the lead sentences say attend ("foreign
    ministers": any foreign minister), or None."""
    lead = [i.text for i in focus.infos if i.sentence.is_title or i is focus.anchor]
    found = [m for text in lead for m in _CLASS.finditer(text)]
    # The most specific class: "EU foreign ministers met" over a title's "Ministers meet".
    for m in sorted(found, key=lambda m: m.group("portfolio") is None):
        if m.group("class").lower() != "ministers":
            return _re.compile(r"(?i)^(?:president|prime minister|chancellor|premier|king|"
                               r"emir|sultan)$")
        portfolio = m.group("portfolio")
        if portfolio and portfolio.lower() == "foreign":
            return _re.compile(r"(?i)^(?:foreign minister|minister (?:of|for) foreign affairs|"
                               r"top diplomat|foreign affairs minister)$")
        if portfolio:
            return _re.compile(rf"(?i)^(?:{portfolio[:5]}\w* minister|minister (?:of|for) "
                               rf"{portfolio[:5]}\w*)$")
        return _re.compile(r"(?i)^(?:\w+ )?minister(?: (?:of|for) [\w ]+)?$")
    return None


def class_office(focus: Focus) -> str | None:
    """The office of the class of ministers the lead says meet ("NB8 foreign ministers met":
    Foreign Minister), for a participant named without one ("Finland's Elina Valtonen")."""
    lead = [i.text for i in focus.infos if i.sentence.is_title or i is focus.anchor]
    for text in lead:
        for m in _CLASS.finditer(text):
            if m.group("portfolio") and m.group("class").lower() == "ministers":
                return f"{m.group('portfolio').capitalize()} Minister"
    return None


def decide(person: Person, focus: Focus, members: _re.Pattern | None = None) -> None:
    if person.head in SPOKESPEOPLE:
        return
    # One of the ministers the lead says meet: quoted, they speak at the meeting.
    member = bool(members and person.office and members.match(person.office))
    by_index = {i.sentence.index: i for i in focus.infos}
    for mention in person.mentions:
        info = by_index[mention.sentence]
        if info.other and info.other_from <= mention.start and (
                info.other_end is None or mention.start < info.other_end) and not (
                info.object_at is not None and mention.end <= info.object_at):
            continue  # in the clause about another event (a later clause may be about this;
            # the speaker of "X briefed them on the summit in August" is at this meeting)
        text = info.plain
        before, after = text[: mention.start], text[mention.name_end:]
        if _NEGATED_BEFORE.search(before) or _NEGATED_AFTER.match(after):
            continue
        if _re.match(r"['’]s\b", after) and not _re.match(r"['’]s\s+(?:delegation|team|side)",
                                                         after):
            continue  # "Trump's announcement": mentioned, not present
        reporting = _REPORTING_AFTER.match(after)
        if reporting and (_OWN_MEETING.search(before) or _AFTER_TALKS.match(
                reporting.group("rest"))):
            reporting = None  # "After his meeting with X in Islamabad, Y said": Y was there;
            # so was Y in "Y said after talks in Ankara with X"
        if reporting and not member and not (
                reporting.group(0).lstrip(" ,").lower().startswith("told")
                and _MEETING_NOUN.search(reporting.group("rest")[:30])):
            continue  # "X said ..." reports; "X told the opening session" was there
        if not (info is focus.anchor or info.meeting or _PART_CUES.search(text) or member):
            continue
        person.takes_part = True
        person.evidence = text
        if person.role is Role.MEMBER:
            for role, cue in _ROLE_BEFORE:
                if cue.search(before):
                    person.role = role
                    break
            for role, cue in _ROLE_AFTER:
                if person.role is Role.MEMBER and cue.search(after):
                    person.role = role
        if person.party is None:
            person.party = side_party(before)
