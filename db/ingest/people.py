"""People and their offices: "Turkish Deputy Foreign Minister Nuh Yilmaz", "Foreign Minister of
Armenia Edward Nalbandian", "Ekaterina Zaharieva, Bulgaria's foreign minister"; later
surname-only mentions ("Yilmaz") attach to the full name. Names are read in names.py, people
named relative to others ("his counterpart", lists) in counterparts.py, who takes part is decided
in presence.py and whose side a person is on, when the phrase does not say, in sides.py."""

from __future__ import annotations

import regex as re

from db.countries import fold
from db.ingest.counterparts import (
    PLURAL_HEADS,
    counterpart,
    counterparts,
    listed,
    named_by_party,
    named_with_party,
)
from db.ingest.focus import Focus, SentenceInfo
from db.ingest.gazetteer import cities
from db.ingest.names import (
    HONORIFICS,
    INITIALS,
    PARTICLES,
    Mention,
    Person,
    Token,
    add_person,
    city_in_name,
    is_caps_name,
    is_name_word,
    name_at,
    name_text,
    party_ending_at,
    party_tokens,
    tokenize,
)
from db.ingest.offices import HEADS, MODIFIERS, OfficeMatch, match_office
from db.ingest.parties import Party, find_parties
from db.ingest.presence import class_office, decide, members_pattern
from db.ingest.sides import infer_parties, plain_office


def find_people(focus: Focus) -> list[Person]:
    people: list[Person] = []
    short = _short_names(focus)
    for info in focus.infos:
        _scan(info, people, short)
    _attach_references(focus, people)
    members = members_pattern(focus)
    for person in people:
        decide(person, focus, members)
    infer_parties(focus, people)
    office = class_office(focus)
    for person in people:
        if person.takes_part and person.office is None and office and person.party \
                and person.party.code:
            person.office, person.head = office, "minister"
    for person in people:
        person.office = plain_office(person)
    return people


# The last word of an organisation's name stands for it once the name has been written
# ("Leaders of the Pacific Islands Forum ... Forum Secretary General Baron Waqa").


_SHORT_WORDS = frozenset(["forum", "union", "league", "alliance", "community", "organisation",
                          "organization", "council", "commonwealth", "group", "commission"])


def _short_names(focus: Focus) -> dict[str, Party]:
    short: dict[str, Party] = {}
    for info in focus.infos:
        for _start, _end, party in find_parties(info.text):
            last = fold((party.organ or party.name).split()[-1])
            if party.code is None and last in _SHORT_WORDS:
                short.setdefault(last, party)  # "the Commission" after "African Union Commission"
    return short


def _scan(info: SentenceInfo, people: list[Person], short: dict[str, Party]) -> None:
    text = info.plain
    tokens = tokenize(text)
    parties = party_tokens(tokens, text)
    for index, token in enumerate(tokens):
        if index not in parties and token.text[:1].isupper() and token.key in short:
            parties[index] = short[token.key]
    words = [t.text for t in tokens]
    i = 0
    while i < len(tokens):
        if i in parties and tokens[i].key not in ("counterpart",):
            named_by_party(info, tokens, parties, i, people)
            i += 1
            continue
        if tokens[i].key == "and" and people:
            named_with_party(info, tokens, parties, i, people)
        if tokens[i].key == "counterpart" and i > 0:
            i = counterpart(info, tokens, parties, i, people)
            continue
        if tokens[i].key == "counterparts" and i > 0:
            i = counterparts(info, tokens, parties, i, people)
            continue
        if tokens[i].key in PLURAL_HEADS:
            i = listed(info, tokens, parties, i, people)
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
    before = party_ending_at(tokens, office.start, parties)
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
    # "Brazil's ambassador in Lisbon, Carlos Teixeira", "the High Commissioner of India to
    # Bangladesh, Pranay Verma": a posting, dropped from the title
    if (office.head in ("ambassador", "commissioner") and j + 1 < len(tokens)
            and tokens[j].key in ("in", "at", "to")):
        k = j + 1 + (1 if tokens[j + 1].key == "the" else 0)
        if k < len(tokens) and (fold(tokens[k].text) in cities() or k in parties):
            party_k = parties.get(k)
            while k + 1 < len(tokens) and party_k and parties.get(k + 1) is party_k:
                k += 1
            j = k + 1
    comma = j < len(tokens) and tokens[j].text == ","
    span = name_at(tokens, j + (1 if comma else 0), set(parties))
    if span:
        name = name_text(tokens, span[0], span[1], text)
        end = span[1]
        # "President Joana Ferreira of Portugal"
        if end + 1 < len(tokens) and tokens[end].key == "of" and not party:
            k = end + 1 + (1 if tokens[end + 1].key == "the" else 0)
            party = parties.get(k)
        add_person(people, name, office, party, Mention(
            info.sentence.index, tokens[phrase_start].start, tokens[end - 1].end,
            tokens[span[0]].start, tokens[span[1] - 1].end, office.head))
        return end
    # "Ekaterina Zaharieva, Bulgaria's foreign minister" / "Kamchybek Toktogulov, chairman of ..."
    k = phrase_start - 1
    if k > 0 and tokens[k].key in ("a", "an", "the"):
        k -= 1
    if k > 0 and tokens[k].key == "and" and (party or office.head in ("president", "premier")):
        # "Wang Yi, member of the Political Bureau ... and Chinese foreign minister,": the
        # state office after a party post, back to the comma after the name
        back = k - 1
        while back > 0 and k - back < 25 and tokens[back].text not in (",", ".", ";", "("):
            back -= 1
        if back > 0 and tokens[back].text == "," and k - back > 2:
            k = back
    if k > 0 and tokens[k].text == ",":
        end = k
        start = end
        while start - 1 >= 0 and end - start < 8:  # "Mohammed bin Abdulrahman bin Jassim Al Thani"
            if is_name_word(tokens[start - 1]) or tokens[start - 1].key in PARTICLES \
                    or city_in_name(tokens, start - 1, 0) or is_caps_name(tokens, start - 1):
                start -= 1
            elif (start - 2 >= 0 and tokens[start - 1].key in _SHORT_SURNAMES
                  and tokens[start - 1].text[:1].isupper() and tokens[start - 2].text[:1].islower()
                  and start < end):
                start -= 1  # "talks with To Lam, general secretary": Tô written without accent
            elif (start - 2 >= 0 and tokens[start - 1].text == "."
                  and re.fullmatch(r"\p{Lu}\p{Ll}?", tokens[start - 2].text)):
                start -= 2  # "Dr. S. Jaishankar, External Affairs Minister": initials
            elif start - 1 >= 0 and INITIALS.fullmatch(tokens[start - 1].text) and start < end:
                start -= 1  # "K.D. Dewal, Joint Secretary"
            else:
                break
        while start < end and (tokens[start].key in HONORIFICS or tokens[start].text == "."
                               or tokens[start].key in PARTICLES and start + 1 < end
                               and not is_name_word(tokens[start])):
            start += 1  # "Dr.", "H.E." are not part of the name, nor a "bin" cut off before it
        if start < end and (is_name_word(tokens[start]) or city_in_name(tokens, start, 0)
                            or is_caps_name(tokens, start)
                            or re.fullmatch(r"\p{Lu}\p{Ll}?", tokens[start].text)
                            or INITIALS.fullmatch(tokens[start].text)):
            if not party:
                party = _party_inside(tokens, parties, office)
            name = name_text(tokens, start, end, text)
            add_person(people, name, office, party, Mention(
                info.sentence.index, tokens[start].start, tokens[office.end - 1].end,
                tokens[start].start, tokens[end - 1].end, office.head))
    return office.end


# Vietnamese surnames that are English words when written without accents; capitalised in
# the middle of a sentence, right before a name, they are names.
_SHORT_SURNAMES = frozenset(["to", "do", "ho", "vo", "vu", "ha"])


def _party_inside(tokens: list[Token], parties: dict[int, Party], office: OfficeMatch):
    for index in range(office.start, office.end):
        if index in parties:
            return parties[index]
    return None


def _attach_references(focus: Focus, people: list[Person]) -> None:
    """Later mentions by surname or full name alone ("Yilmaz", "Shotaro") join the person."""
    for person in people:
        known = {(m.sentence, m.name_start) for m in person.mentions}
        words = [w for w in person.name.split() if len(w) > 2 and fold(w) not in PARTICLES]
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
