"""People named relative to others or in groups: "his Azerbaijani counterpart Elmar
Mammadyarov", "her Polish and French counterparts, A and B", "the Quad foreign ministers – A of
X, B of Y", "Finland's Elina Valtonen", "..., and Hossein Amir-Abdollahian of Iran"."""

from __future__ import annotations

from db.ingest.focus import SentenceInfo
from db.ingest.names import (
    COMPOUND,
    Mention,
    Person,
    Token,
    add_person,
    name_at,
    name_text,
    party_ending_at,
)
from db.ingest.offices import HEADS, MODIFIERS, SPOKESPEOPLE, OfficeMatch
from db.ingest.parties import Party


def named_by_party(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
                    people: list[Person]) -> None:
    """"Finland's Elina Valtonen": a person named with a country but no office (the office may
    come from another mention, or from the class of ministers the lead names)."""
    if not tokens[i].text.endswith(("'s", "’s")) or i + 1 in parties:
        return
    span = name_at(tokens, i + 1, set(parties))
    if not span or span[1] - span[0] < 2 or span[1] - 1 in parties:
        return
    if span[1] < len(tokens) and (tokens[span[1]].key in HEADS | MODIFIERS):
        return
    start = i
    while start - 1 >= 0 and parties.get(start - 1) is parties[i]:
        start -= 1
    add_person(people, name_text(tokens, *span, info.plain), None, parties[i], Mention(
        info.sentence.index, tokens[start].start, tokens[span[1] - 1].end,
        tokens[span[0]].start, tokens[span[1] - 1].end))


def named_with_party(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party],
                      i: int, people: list[Person]) -> None:
    """"Prince Faisal bin Farhan, the Saudi foreign minister, and Hossein Amir-Abdollahian of
    Iran": the second name, with a country and no office, holds the first one's office."""
    span = name_at(tokens, i + 1, set(parties))
    if not span or span[1] - span[0] < 2:
        return
    end = span[1]
    if not (end + 1 < len(tokens) and tokens[end].key == "of"):
        return
    k = end + 1 + (1 if tokens[end + 1].key == "the" else 0)
    party = parties.get(k)
    here = [p for p in people if p.office and p.party and party and p.party is not party
            and any(m.sentence == info.sentence.index and m.end <= tokens[i].start
                    for m in p.mentions)]
    if not party or not party.code or not here:
        return
    office = OfficeMatch(0, 0, tuple(here[-1].office.split()), here[-1].head or "")
    add_person(people, name_text(tokens, *span, info.plain), office, party, Mention(
        info.sentence.index, tokens[span[0]].start, tokens[end - 1].end,
        tokens[span[0]].start, tokens[end - 1].end, here[-1].head))


def counterpart(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
                 people: list[Person]) -> int:
    """"his Azerbaijani counterpart Elmar Mammadyarov": the same office as the person before."""
    party = None
    start = i
    found = party_ending_at(tokens, i, parties)
    if found:
        start, party = found
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].key == "from" and j + 1 in parties:
        party = parties[j + 1]
        j += 2
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
    span = name_at(tokens, j, set(parties))
    if not span:
        return i + 1
    previous = _mirrored(people)
    office = _counterpart_office(previous.office if previous else None)
    name = name_text(tokens, span[0], span[1], info.plain)
    match = OfficeMatch(0, 0, tuple((office or "").split()), previous.head if previous else "")
    add_person(people, name, match if office else None, party, Mention(
        info.sentence.index, tokens[start].start, tokens[span[1] - 1].end,
        tokens[span[0]].start, tokens[span[1] - 1].end, previous.head if previous else None))
    return span[1]


def counterparts(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
                  people: list[Person]) -> int:
    """"her Polish and French counterparts, Radosław Sikorski and Stéphane Séjourné": one
    name per party, in order, each with the office of the person before."""
    sides: list[Party] = []
    k = i - 1
    while k >= 0 and (k in parties or tokens[k].key in ("and", ",")):
        if k in parties and (not sides or sides[0] is not parties[k]):
            sides.insert(0, parties[k])
        k -= 1
    j = i + 1 + (1 if i + 1 < len(tokens) and tokens[i + 1].text == "," else 0)
    spans = []
    while len(spans) < len(sides):
        span = name_at(tokens, j, set(parties))
        if not span:
            break
        spans.append(span)
        j = span[1]
        while j < len(tokens) and tokens[j].key in (",", "and"):
            j += 1
    if len(sides) < 2 or len(spans) != len(sides):
        return _possessive_list(info, tokens, parties, i, people)
    previous = _mirrored(people)
    office = _counterpart_office(previous.office if previous else None)
    match = OfficeMatch(0, 0, tuple((office or "").split()), previous.head if previous else "")
    for party, (a, b) in zip(sides, spans, strict=True):
        add_person(people, name_text(tokens, a, b, info.plain), match if office else None, party,
             Mention(info.sentence.index, tokens[a].start, tokens[b - 1].end, tokens[a].start,
                     tokens[b - 1].end, previous.head if previous else None))
    return spans[-1][1]


def _possessive_list(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party],
                     i: int, people: list[Person]) -> int:
    """"joined by his counterparts Brazil's Lula, Argentina's Javier Milei and Paraguay's
    Santiago Peña": each name after its country, with the office of the person before."""
    j = i + 1 + (1 if i + 1 < len(tokens) and tokens[i + 1].text in (",", ":") else 0)
    found = []
    while j in parties:
        party = parties[j]
        while j + 1 in parties and parties[j + 1] is party:
            j += 1
        if not tokens[j].text.endswith(("'s", "’s")):
            break
        span = name_at(tokens, j + 1, set(parties))
        if not span:
            break
        found.append((span, party))
        j = span[1]
        while j < len(tokens) and tokens[j].key in (",", "and"):
            j += 1
    previous = _mirrored(people)
    office = _counterpart_office(previous.office if previous else None)
    if len(found) < 2 or not office:
        return i + 1
    match = OfficeMatch(0, 0, tuple(office.split()), previous.head)
    for (a, b), party in found:
        add_person(people, name_text(tokens, a, b, info.plain), match, party,
                   Mention(info.sentence.index, tokens[a].start, tokens[b - 1].end,
                           tokens[a].start, tokens[b - 1].end, previous.head))
    return found[-1][0][1]


PLURAL_HEADS = {"ministers": "minister", "presidents": "president", "leaders": None,
                 "envoys": "envoy", "negotiators": "negotiator"}


def listed(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
            people: list[Person]) -> int:
    """"The Quad foreign ministers – Antony Blinken of the United States, Penny Wong of
    Australia and Yoko Kamikawa of Japan – met": each name with its country and the office
    in the singular."""
    j = i + 1
    if j >= len(tokens) or tokens[j].text not in ("–", "—", "-", ",", ":", "("):
        return i + 1
    head = PLURAL_HEADS[tokens[i].key]
    k = i
    while k - 1 >= 0 and tokens[k - 1].key in MODIFIERS and k - 1 not in parties:
        k -= 1
    words = [t.text.lower() for t in tokens[k:i]] + [head] if head else []
    office = OfficeMatch(k, i + 1, tuple(words), head) if head else None
    found = []
    j += 1
    if j < len(tokens) and tokens[j].key in ("including", "namely"):
        j += 1
    while j < len(tokens):
        span = name_at(tokens, j, set(parties))
        if not span:
            break
        a, b = span
        if b + 1 < len(tokens) and tokens[b].key == "of":
            c = b + 1 + (1 if tokens[b + 1].key == "the" else 0)
        elif b + 1 < len(tokens) and tokens[b].text == "(":
            c = b + 1
        else:
            break
        if c not in parties:
            break
        party = parties[c]
        while c in parties and parties[c] is party:
            c += 1
        if c < len(tokens) and tokens[c].text == ")":
            c += 1
        found.append((a, b, party))
        j = c
        while j < len(tokens) and tokens[j].key in (",", "and"):
            j += 1
    if len(found) < 2:
        return i + 1
    for a, b, party in found:
        add_person(people, name_text(tokens, a, b, info.plain), office, party, Mention(
            info.sentence.index, tokens[a].start, tokens[b - 1].end, tokens[a].start,
            tokens[b - 1].end, head))
    return j


def _mirrored(people: list[Person]) -> Person | None:
    """The person a counterpart mirrors: the last one named with an office, passing over
    spokespeople ("the spokesperson said the minister would meet his counterpart, X")."""
    return next((p for p in reversed(people) if p.office and p.head not in SPOKESPEOPLE), None)


def _counterpart_office(office: str | None) -> str | None:
    """The office of someone's counterpart: the other side's foreign minister for a "Deputy
    Prime Minister and Foreign Minister", a "Foreign Secretary" or a "Secretary of State"."""
    if office and (both := COMPOUND.match(office)):
        office = both.group(2)
    if office in ("Foreign Secretary", "Secretary of State", "Top Diplomat"):
        return "Foreign Minister"  # named in each country's own way by sides.plain_office
    return office
