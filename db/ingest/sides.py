"""Whose side a participant is on when the office phrase itself does not say: "Japan was
represented by ...", "President Andrzej Duda of Poland and Prime Minister Donald Tusk", "Foreign
Minister X accompanied the president", an office that belongs to one government or organisation
("High Representative for Foreign Affairs and Security Policy"), or the one country a sentence
names outside anyone's title; in a visit, the hosts. Also the office that "top diplomat" and
"UN chief" stand for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.countries import country_name
from db.ingest.offices import office_key
from db.ingest.parties import Party, find_parties, resolve_party

if TYPE_CHECKING:
    from db.ingest.focus import Focus
    from db.ingest.names import Person

# Offices that only one government or organisation has.
_OWNED_OFFICES = [
    (re.compile(r"(?:(?:Deputy|Under|Assistant) )?Secretary of State"), "United States"),
    (re.compile(r"High Representative(?: of the Union)?(?: for Foreign Affairs and Security "
                r"Policy)?"), "European Union"),
]
# Offices of a national government: these take a country, never an organisation.
_NATIONAL_HEADS = frozenset([
    "minister", "president", "vice-president", "premier", "chancellor", "secretary", "king",
    "queen", "emir", "prince", "sultan", "diplomat", "ambassador", "adviser", "advisor",
    "negotiator", "speaker", "governor", "mayor", "chief", "tánaiste", "tanaiste", "taoiseach",
])

# "The Kazakh side will be led by", "Japan was represented by", "the Philippine side by"
_SIDE = re.compile(
    r"\bdelegation\s+(?:of|from)\s+(?P<whose>[^.;,]{2,60}?)\s+(?:led|headed)\s+by\b|"
    r"\b(?:side|delegation|team)\s+(?:(?:will be|is|was|were|would be)\s+)?"
    r"(?:(?:led|headed|represented)\s+)?by\b|\b(?:was|is|were|will be)\s+represented\s+by\b",
    re.IGNORECASE)
_BETWEEN = re.compile(r"^\s*(?:of\s+(?:the\s+)?[^,;.]{2,40}?)?\s*(?:,\s*and|,|and)\s*$")
_ACCOMPANIED = re.compile(r"^\s*(?:,[^,]{0,80},\s*)?(?:has |had |will )?accompan\w+\s+(?:the|his|"
                          r"her)\s+(?P<office>[\w -]{3,40}?)\s*(?:[.,;]|\bto\b|\bon\b|$)",
                          re.IGNORECASE)
_NOT_OWNER = re.compile(r"\b(?:to|in|into|from|with|at|on|against|for|of|over|toward|towards|"
                        r"between|by|about|visit\w*|than|and)\s+(?:the\s+)?$", re.IGNORECASE)


def side_party(before: str) -> Party | None:
    """The party of the side a person leads or represents, from the text before the name."""
    matches = list(_SIDE.finditer(before))
    if not matches:
        return None
    last = matches[-1]
    # "led by Ms. Katherine Lowe": an honorific's dot does not end the sentence
    tail = re.sub(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Amb|H\.E|Shri|Smt)\.", "", before[last.end():])
    if re.search(r"[;.]", tail) or len(before) - last.end() > 120:
        return None
    if last.group("whose"):
        # "a delegation of Sudan's Transitional Sovereignty Council led by"
        found = find_parties(last.group("whose"))
        if found and found[0][2].code:
            return found[0][2]
    # "Sweden was represented by X and Norway by Y": the party right before a later "by"
    for _start, end, party in reversed(find_parties(before[last.end():])):
        rest = before[last.end() + end:]
        if re.match(r"\s+by\s", rest) and len(rest) < 60:
            return party
    # "Japan was represented by", "US Secretary of State X did not attend and was
    # represented by": the side is the last party named before
    found = find_parties(before[:last.start()])
    return found[-1][2] if found else None


def owned_office_party(office: str | None) -> Party | None:
    for pattern, owner in _OWNED_OFFICES:
        if office and pattern.fullmatch(office):
            return resolve_party(owner)
    return None


def infer_parties(focus: Focus, people: list[Person]) -> None:
    """Fill in the party of participants whose own phrase named none, by the rules above in
    order of trust."""
    by_index = {i.sentence.index: i for i in focus.infos}
    for person in people:
        if person.party is None:
            person.party = owned_office_party(person.office)
    for rule in (_coordinated, _described, _accompanying, _only_country):
        for person in people:
            if person.party is None and person.takes_part:
                person.party = rule(person, people, by_index)
    _left_over(focus, people)
    _lead_organisation(focus, people)


# "Indonesia's top diplomat would hold talks", "the Turkish foreign minister said": a post
# named with its country but not its holder.
_DESCRIBED = re.compile(r"^(?:['’]s\s+|\s+)(?P<post>top diplomat|foreign minister|"
                        r"(?:prime|defen[cs]e) minister|president)\b(?!\s*,?\s+(?-i:[A-Z]))",
                        re.IGNORECASE)
_POSTS = {"top diplomat": "foreign minister"}


def _described(person: Person, people: list[Person], by_index) -> Party | None:
    """A participant's side from a sentence that names their post with a country and no
    name ("Indonesia's top diplomat"), when they are the one holder of that post without a
    side and that country's holder is not named otherwise."""
    if not national(person):
        return None
    for info in by_index.values():
        for start, end, party in find_parties(info.plain):
            m = _DESCRIBED.match(info.plain[end:])
            if not (m and party.code) or start > 0 and info.plain[start - 1].isalpha():
                continue
            post = m.group("post").lower()
            post = _POSTS.get(post, post)
            holders = [p for p in people if p.takes_part and same_post(p.office, post)]
            if [p for p in holders if p.party is None] == [person] \
                    and not any(p.party == party for p in holders):
                return party
    return None


# Offices found in international organisations, not governments.
_ORG_HEADS = frozenset(["secretary-general", "director-general", "managing director"])


def _lead_organisation(focus: Focus, people: list[Person]) -> None:
    """"NATO defence ministers met ... with Secretary General Mark Rutte in the chair": an
    organisation's office holder, without a side, belongs to the one organisation the lead
    names."""
    lead = " ".join(i.plain for i in focus.infos if i.sentence.is_title or i is focus.anchor)
    orgs = list(dict.fromkeys(p for _s, _e, p in find_parties(lead) if p.code is None))
    if len(orgs) != 1:
        return
    for person in people:
        if person.takes_part and person.party is None and person.office and (
                (person.head or "") in _ORG_HEADS
                or person.office.lower().replace(" ", "-") in _ORG_HEADS):
            person.party = orgs[0]


def _left_over(focus: Focus, people: list[Person]) -> None:
    """"The foreign ministers of China, Pakistan and Afghanistan met": when the lead names the
    countries that meet and one of them is left after the others are given, the one office
    holder left without a side is its."""
    lead = " ".join(i.plain for i in focus.infos if i.sentence.is_title or i is focus.anchor)
    named = list(dict.fromkeys(p for _s, _e, p in find_parties(lead) if p.code))
    taken = {p.party for p in people if p.takes_part and p.party}
    left = [p for p in named if p not in taken]
    unsided = [p for p in people if p.takes_part and p.party is None and national(p)]
    if len(left) == 1 and len(unsided) == 1 and len(named) >= 2:
        unsided[0].party = left[0]


def host_side(people: list[Person], code: str | None, visit: bool) -> None:
    """In a visit or bilateral meeting abroad ("Scholz travelled to Beijing, where he met
    President Xi Jinping"), the office holders whose side is not named are the hosts."""
    if not code or not visit:
        return
    if not any(p.takes_part and p.party and p.party.code and p.party.code != code
               for p in people):
        return  # no visitor: nothing says who is at home
    host = resolve_party(country_name(code) or code)
    for person in people:
        if person.takes_part and person.party is None and national(person):
            person.party = host


def same_post(a: str | None, b: str | None) -> bool:
    """Whether two offices are the same post, which one government fills once: "Foreign
    Minister" and "Deputy Prime Minister and Foreign Minister"."""
    if not a or not b:
        return False
    def post(office: str) -> str:
        return re.sub(r"^(?:acting|interim|caretaker) ", "", office_key(office).split(" and ")[-1])

    return post(a) == post(b)


def national(person: Person) -> bool:
    return bool(person.office) and (person.head or "") in _NATIONAL_HEADS


def _coordinated(person: Person, people: list[Person], by_index) -> Party | None:
    """"President Andrzej Duda of Poland and Prime Minister Donald Tusk": the second office
    holder is on the side of the first."""
    if not national(person):
        return None
    for mention in person.mentions:
        text = by_index[mention.sentence].plain
        for other in people:
            if other is person or other.party is None or other.party.code is None \
                    or same_post(other.office, person.office):
                continue  # "Chinese Foreign Minister X, Foreign Minister Y": two governments
            for before in other.mentions:
                if (before.sentence == mention.sentence and before.name_end <= mention.start
                        and _BETWEEN.match(text[before.name_end:mention.start])):
                    return other.party
    return None


def _accompanying(person: Person, people: list[Person], by_index) -> Party | None:
    """"Foreign Minister Roberto Álvarez accompanied the president": the president's side."""
    for mention in person.mentions:
        text = by_index[mention.sentence].plain
        m = _ACCOMPANIED.match(text[mention.name_end:])
        if not m:
            continue
        office = m.group("office").lower()
        for other in people:
            if other is not person and other.party and other.office \
                    and other.office.lower().endswith(office):
                return other.party
    return None


# A country's name inside a longer proper name: a capitalised word right before it (not at
# the start of the sentence), or a hyphen, "Sea", "Economic Corridor" right after.
_INSIDE_NAME_BEFORE = re.compile(r"(?<=\w)\s+(?-i:[A-Z])[\w'’]+\s+$|[-–]$")
_INSIDE_NAME_AFTER = re.compile(r"[-–]\w|\s+(?:Sea|Ocean|Gulf|Strait|Straits|Peninsula|Basin|"
                                r"Economic|Free\s+Trade|Corridor|Pipeline|Railway|Agreement|"
                                r"Treaty|Initiative|Forum|Summit)\b")


def _only_country(person: Person, people: list[Person], by_index) -> Party | None:
    """A national office holder whose sentence names exactly one country outside other people's
    titles and not as a destination or object ("..., which Laos is hosting")."""
    if not national(person):
        return None
    for mention in person.mentions:
        info = by_index[mention.sentence]
        if info.other:
            continue
        text = info.plain
        taken = [(m.start, m.end) for p in people for m in p.mentions
                 if m.sentence == mention.sentence]
        countries = set()
        for start, end, party in find_parties(text):
            if party.code is None or any(s <= start < e for s, e in taken):
                continue
            if _NOT_OWNER.search(text[:start]) or re.match(r"['’]s\b", text[end:]):
                continue
            if _INSIDE_NAME_BEFORE.search(text[:start]) or _INSIDE_NAME_AFTER.match(text[end:]):
                continue  # "the South China Sea", "the China-Pakistan Economic Corridor"
            if any(other is not person and other.party == party
                   and same_post(other.office, person.office) for other in people):
                continue  # a second foreign minister of China is not what the text says
            countries.add(party)
        if len(countries) == 1:
            return countries.pop()
    return None


# What "UN chief" or "the EU's top diplomat" is called in the organisation's own words.
_ORG_CHIEFS = {
    "European Union": "High Representative for Foreign Affairs and Security Policy",
    "IAEA": "Director General", "World Health Organization": "Director-General",
    "World Trade Organization": "Director-General", "International Monetary Fund":
    "Managing Director", "World Bank": "President", "African Union":
    "Chairperson of the African Union Commission", "UNHCR": "High Commissioner",
    "UNICEF": "Executive Director",
}
# Countries whose foreign minister has another title.
_FOREIGN_MINISTERS = {"US": "Secretary of State", "GB": "Foreign Secretary"}
_NEWSPAPER_TITLES = re.compile(r"(?i)(?:top diplomat|(?:foreign (?:policy|affairs) )?chief)")


def plain_office(person: Person) -> str | None:
    """Newspapers' words for an office, in the office's own: "top diplomat" is the foreign
    minister (the Secretary of State in the United States); "UN chief" and "NATO chief" are
    Secretaries-General; "EU foreign policy chief" is the High Representative."""
    office, party = person.office, person.party
    if office == "Foreign Minister" and party and party.code in _FOREIGN_MINISTERS:
        return _FOREIGN_MINISTERS[party.code]  # "the Quad foreign ministers – Blinken of ..."
    if not office or not party or not _NEWSPAPER_TITLES.fullmatch(office):
        return office
    if party.code:
        if office.lower() == "top diplomat":
            return _FOREIGN_MINISTERS.get(party.code, "Foreign Minister")
        return office
    if office.lower() == "chief" and party.name == "European Union":
        return office  # "EU chief" may be any of its presidents
    return _ORG_CHIEFS.get(party.name, "Secretary-General")
