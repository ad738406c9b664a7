"""People and their offices: "Turkish Deputy Foreign Minister Nuh Yilmaz", "Foreign Minister of
Armenia Edward Nalbandian", "Ekaterina Zaharieva, Bulgaria's foreign minister", "his Azerbaijani
counterpart Elmar Mammadyarov"; later surname-only mentions ("Yilmaz") attach to the full name.
Who takes part is decided in presence.py; whose side a person is on, when the phrase does not
say, in sides.py."""

from __future__ import annotations

import re as _re
from dataclasses import dataclass, field

import regex as re

from db.countries import fold
from db.ingest.focus import Focus, SentenceInfo
from db.ingest.gazetteer import cities
from db.ingest.offices import HEADS, MODIFIERS, OfficeMatch, match_office, title_case
from db.ingest.parties import Party, find_parties
from db.ingest.presence import decide, members_pattern
from db.ingest.sides import infer_parties, plain_office
from db.vocab import Role

_TOKEN = re.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[^\s]")
_PARTICLES = frozenset([
    "al", "el", "bin", "bint", "ibn", "van", "von", "de", "da", "du", "der", "den", "la", "le",
    "di", "del", "dos", "das", "ben", "abu", "ter", "zu", "y"
])
_HONORIFICS = frozenset([
    "mr", "mrs", "ms", "dr", "sheikh", "sir", "lord", "lady", "dame", "gen", "general", "adm",
    "admiral", "lt", "col", "rev", "h.e.", "his", "her", "excellency"
])
_NOT_NAMES = frozenset([
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "his", "her", "their", "its", "our", "this", "that", "these", "those", "he", "she",
    "they", "it", "we", "i", "who", "which", "whose", "when", "while", "after", "before", "during",
    "since", "until", "also", "both", "said", "says", "told", "according", "ministry", "government",
    "delegation", "delegations", "state", "states", "republic", "kingdom", "federation", "union",
    "council", "commission", "office", "parliament", "assembly", "committee", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "tomorrow", "yesterday", "however", "meanwhile", "later", "earlier", "co-chairs",
    "ministers", "leaders", "officials", "sources", "minister", "president", "talks", "summit",
    "meeting", "meetings", "news", "agency", "reports", "reported", "statement"
]) | HEADS | MODIFIERS


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text).strip(".")


@dataclass
class Mention:
    sentence: int
    start: int  # character span of the whole phrase (party, office and name)
    end: int
    name_start: int
    name_end: int
    head: str | None = None


@dataclass
class Person:
    name: str
    office: str | None = None
    party: Party | None = None
    head: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    takes_part: bool = False
    role: Role = Role.MEMBER
    evidence: str | None = None  # the sentence that shows the person takes part

    @property
    def tokens(self) -> list[str]:
        return [fold(t) for t in self.name.split() if fold(t) not in _PARTICLES]


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_name_word(token: Token) -> bool:
    word = token.text.rstrip("'’s") if token.text.endswith(("'s", "’s")) else token.text
    return (bool(word) and word[0].isupper() and any(c.islower() for c in word)
            and token.key not in _NOT_NAMES and fold(word) not in cities())


_ROMAN = _re.compile(r"[IVX]{1,4}")


def _city_in_name(tokens: list[Token], j: int, count: int) -> bool:
    """A city's name used as a personal name ("Santiago Peña", "Sofia Rossi", "Joao Lima"):
    next to another name word, right after an office or a first name."""
    token = tokens[j]
    if not (token.text[:1].isupper() and any(c.islower() for c in token.text)
            and token.key not in _NOT_NAMES and fold(token.text) in cities()):
        return False
    following = j + 1 < len(tokens) and _is_name_word(tokens[j + 1])
    return following or count > 0


def _name_at(tokens: list[Token], i: int, party_tokens: set[int]) -> tuple[int, int] | None:
    """A personal name starting at token i: capitalised words, initials ("S."), particles
    inside ("bin", "al-"); 1 to 5 words. Returns the token range."""
    while i < len(tokens) and tokens[i].key in _HONORIFICS and i + 1 < len(tokens):
        i += 1
        if tokens[i].text == ".":
            i += 1
    start = j = i
    count = 0
    while j < len(tokens) and count < 5:
        token = tokens[j]
        if j in party_tokens and count == 0:
            return None
        if _is_name_word(token) or _city_in_name(tokens, j, count):
            count += 1
            j += 1
            if token.text.endswith(("'s", "’s")):
                break
        elif count and _ROMAN.fullmatch(token.text):
            j += 1  # "King Abdullah II"
        elif (len(token.text) == 1 and token.text.isupper() and j + 1 < len(tokens)
              and tokens[j + 1].text == "."):
            count += 1
            j += 2
        elif count and token.key in _PARTICLES and j + 1 < len(tokens) \
                and _is_name_word(tokens[j + 1]):
            j += 1
        else:
            break
    if count == 0:
        return None
    return start, j


def _name_text(tokens: list[Token], start: int, end: int, sentence: str) -> str:
    text = sentence[tokens[start].start:tokens[end - 1].end]
    return _re.sub(r"['’]s$", "", text).strip()


def _party_tokens(tokens: list[Token], sentence: str) -> dict[int, Party]:
    found: dict[int, Party] = {}
    for start, end, party in find_parties(sentence):
        for index, token in enumerate(tokens):
            if token.start >= start and token.end <= end + 2:
                found[index] = party
    return found


def _party_ending_at(
    tokens: list[Token], i: int, parties: dict[int, Party]
) -> tuple[int, Party] | None:
    """The party whose words end at token i-1 ("Turkish", "Russia's", "the European Union's")."""
    j = i - 1
    if j < 0 or j not in parties:
        return None
    party = parties[j]
    while j - 1 >= 0 and parties.get(j - 1) is party:
        j -= 1
    return j, party


def find_people(focus: Focus) -> list[Person]:
    people: list[Person] = []
    for info in focus.infos:
        _scan(info, people)
    _attach_references(focus, people)
    members = members_pattern(focus)
    for person in people:
        decide(person, focus, members)
    infer_parties(focus, people)
    for person in people:
        person.office = plain_office(person)
    return people


def _scan(info: SentenceInfo, people: list[Person]) -> None:
    text = info.plain
    tokens = tokenize(text)
    parties = _party_tokens(tokens, text)
    words = [t.text for t in tokens]
    i = 0
    while i < len(tokens):
        if i in parties and tokens[i].key not in ("counterpart",):
            i += 1
            continue
        if tokens[i].key == "counterpart" and i > 0:
            i = _counterpart(info, tokens, parties, i, people)
            continue
        if tokens[i].key == "counterparts" and i > 0:
            i = _counterparts(info, tokens, parties, i, people)
            continue
        if tokens[i].key in _PLURAL_HEADS:
            i = _listed(info, tokens, parties, i, people)
            continue
        if tokens[i].key not in MODIFIERS and tokens[i].key not in HEADS:
            i += 1
            continue
        office = match_office(words, i, set(parties))
        if tokens[i].key == "chief" and i - 1 in parties and parties[i - 1].code is None:
            office = OfficeMatch(i, i + 1, ("chief",), "chief")  # "UN chief António Guterres"
        elif office is None or office.head in ("chief",) and office.end - office.start == 1:
            i += 1
            continue
        i = _read_office(info, tokens, parties, office, people)


def _read_office(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party],
                 office: OfficeMatch, people: list[Person]) -> int:
    text = info.plain
    party = None
    phrase_start = office.start
    before = _party_ending_at(tokens, office.start, parties)
    if before:
        phrase_start, party = before
        if phrase_start > 0 and tokens[phrase_start - 1].key == "the":
            phrase_start -= 1
    j = office.end
    # "Foreign Minister of Armenia Edward Nalbandian": whose office it is
    if j + 1 < len(tokens) and tokens[j].key == "of":
        k = j + 1 + (1 if tokens[j + 1].key == "the" else 0)
        if k in parties:
            party = parties[k]
            while k in parties and parties[k] is party:
                k += 1
            j = k
    # "Brazil's ambassador in Lisbon, Carlos Teixeira": a posting, dropped from the title
    if (office.head == "ambassador" and j + 1 < len(tokens) and tokens[j].key in ("in", "at")
            and (fold(tokens[j + 1].text) in cities() or j + 1 in parties)):
        j += 2
    comma = j < len(tokens) and tokens[j].text == ","
    span = _name_at(tokens, j + (1 if comma else 0), set(parties))
    if span:
        name = _name_text(tokens, span[0], span[1], text)
        end = span[1]
        # "President Joana Ferreira of Portugal"
        if end + 1 < len(tokens) and tokens[end].key == "of" and not party:
            k = end + 1 + (1 if tokens[end + 1].key == "the" else 0)
            party = parties.get(k)
        _add(people, name, office, party, Mention(
            info.sentence.index, tokens[phrase_start].start, tokens[end - 1].end,
            tokens[span[0]].start, tokens[span[1] - 1].end, office.head))
        return end
    # "Ekaterina Zaharieva, Bulgaria's foreign minister" / "Kamchybek Toktogulov, chairman of ..."
    k = phrase_start - 1
    if k > 0 and tokens[k].key in ("a", "an", "the"):
        k -= 1
    if k > 0 and tokens[k].text == ",":
        end = k
        start = end
        while start - 1 >= 0 and (_is_name_word(tokens[start - 1]) or tokens[start - 1].key
                                  in _PARTICLES or _city_in_name(tokens, start - 1, 0)) \
                and end - start < 5:
            start -= 1
        if start < end and (_is_name_word(tokens[start]) or _city_in_name(tokens, start, 0)):
            if not party:
                party = _party_inside(tokens, parties, office)
            name = _name_text(tokens, start, end, text)
            _add(people, name, office, party, Mention(
                info.sentence.index, tokens[start].start, tokens[office.end - 1].end,
                tokens[start].start, tokens[end - 1].end, office.head))
    return office.end


def _party_inside(tokens: list[Token], parties: dict[int, Party], office: OfficeMatch):
    for index in range(office.start, office.end):
        if index in parties:
            return parties[index]
    return None


def _counterpart(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
                 people: list[Person]) -> int:
    """"his Azerbaijani counterpart Elmar Mammadyarov": the same office as the person before."""
    party = None
    start = i
    found = _party_ending_at(tokens, i, parties)
    if found:
        start, party = found
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].key == "from" and j + 1 in parties:
        party = parties[j + 1]
        j += 2
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
    span = _name_at(tokens, j, set(parties))
    if not span:
        return i + 1
    previous = next((p for p in reversed(people) if p.office), None)
    office = _counterpart_office(previous.office if previous else None)
    name = _name_text(tokens, span[0], span[1], info.plain)
    match = OfficeMatch(0, 0, tuple((office or "").split()), previous.head if previous else "")
    _add(people, name, match if office else None, party, Mention(
        info.sentence.index, tokens[start].start, tokens[span[1] - 1].end,
        tokens[span[0]].start, tokens[span[1] - 1].end, previous.head if previous else None))
    return span[1]


def _counterparts(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
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
        span = _name_at(tokens, j, set(parties))
        if not span:
            break
        spans.append(span)
        j = span[1]
        while j < len(tokens) and tokens[j].key in (",", "and"):
            j += 1
    if len(sides) < 2 or len(spans) != len(sides):
        return i + 1
    previous = next((p for p in reversed(people) if p.office), None)
    office = _counterpart_office(previous.office if previous else None)
    match = OfficeMatch(0, 0, tuple((office or "").split()), previous.head if previous else "")
    for party, (a, b) in zip(sides, spans, strict=True):
        _add(people, _name_text(tokens, a, b, info.plain), match if office else None, party,
             Mention(info.sentence.index, tokens[a].start, tokens[b - 1].end, tokens[a].start,
                     tokens[b - 1].end, previous.head if previous else None))
    return spans[-1][1]


_PLURAL_HEADS = {"ministers": "minister", "presidents": "president", "leaders": None,
                 "envoys": "envoy", "negotiators": "negotiator"}


def _listed(info: SentenceInfo, tokens: list[Token], parties: dict[int, Party], i: int,
            people: list[Person]) -> int:
    """"The Quad foreign ministers – Antony Blinken of the United States, Penny Wong of
    Australia and Yoko Kamikawa of Japan – met": each name with its country and the office
    in the singular."""
    j = i + 1
    if j >= len(tokens) or tokens[j].text not in ("–", "—", "-", ",", ":", "("):
        return i + 1
    head = _PLURAL_HEADS[tokens[i].key]
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
        span = _name_at(tokens, j, set(parties))
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
        _add(people, _name_text(tokens, a, b, info.plain), office, party, Mention(
            info.sentence.index, tokens[a].start, tokens[b - 1].end, tokens[a].start,
            tokens[b - 1].end, head))
    return j


def _counterpart_office(office: str | None) -> str | None:
    """The office of someone's counterpart: the other side's foreign minister for a "Deputy
    Prime Minister and Foreign Minister", a "Foreign Secretary" or a "Secretary of State"."""
    if office and (both := _COMPOUND.match(office)):
        office = both.group(2)
    if office in ("Foreign Secretary", "Secretary of State", "Top Diplomat"):
        return "Foreign Minister"  # named in each country's own way by sides.plain_office
    return office


_COMPOUND = _re.compile(r"^(.*\b(?:Minister|President|Premier))\s+and\s+(.+\b(?:Minister|"
                        r"Secretary)\b.*)$")


def _clean_office(office: OfficeMatch | None, party: Party | None) -> str | None:
    if office is None or not office.words:
        return None
    words = [w.strip(",") for w in office.words]
    # A demonym inside the title names the party, not the office ("chairman of the Kyrgyz
    # border service" -> "Chairman of the Border Service", Kyrgyzstan).
    kept = [w for w in words if not (find_parties(w) and fold(w) not in ("state",)
                                     and office.head not in ("envoy", "representative",
                                                             "ambassador", "coordinator"))]
    title = title_case(" ".join(kept))
    if party and party.organ and office.head in ("president", "vice-president", "chair",
                                                 "chairman", "chairperson", "chairwoman"):
        title = f"{title} of the {party.organ}"
    return title


def _add(people: list[Person], name: str, office: OfficeMatch | None, party: Party | None,
         mention: Mention) -> None:
    title = _clean_office(office, party)
    if title and _re.fullmatch(r"(?i)(?:ministers?|presidents?)", title.split()[-1]) is None \
            and office and office.head not in HEADS:
        title = None
    key = fold(name).split()
    for person in people:
        other = person.tokens
        if key == other or (len(key) == 1 and key[0] in other) or (
                len(other) == 1 and other[0] in key):
            person.mentions.append(mention)
            if len(key) > len(other):
                person.name = name
            if not person.office and title:
                person.office, person.head = title, office.head if office else None
            if not person.party and party:
                person.party = party
            return
    people.append(Person(name, title, party, office.head if office else None, [mention]))


def _attach_references(focus: Focus, people: list[Person]) -> None:
    """Later mentions by surname or full name alone ("Yilmaz", "Shotaro") join the person."""
    for person in people:
        known = {(m.sentence, m.name_start) for m in person.mentions}
        words = [w for w in person.name.split() if len(w) > 2 and fold(w) not in _PARTICLES]
        if len(words) < 2:
            continue
        pattern = re.compile(r"(?<![\p{L}\-])(?:" + "|".join(re.escape(w) for w in words)
                             + r")(?![\p{L}\-])")
        for info in focus.infos:
            for m in pattern.finditer(info.plain):
                if any(s == info.sentence.index and ms <= m.start() <= me for s, ms, me in
                       ((mm.sentence, mm.name_start, mm.name_end) for mm in person.mentions)):
                    continue
                if (info.sentence.index, m.start()) in known:
                    continue
                # Extend over the rest of the name when it is written in full.
                person.mentions.append(Mention(info.sentence.index, m.start(), m.end(),
                                               m.start(), m.end()))
