"""Personal names in article text and the people they make: tokens, name words ("S.", "bin",
"Abdullah II", a city's name used as a first name), and adding a mention to the list of people,
merging "Yilmaz" into "Nuh Yilmaz"."""

from __future__ import annotations

import re as _re
from dataclasses import dataclass, field

import regex as re

from db.countries import fold
from db.ingest.gazetteer import cities
from db.ingest.offices import HEADS, MODIFIERS, ORGAN_NOUNS, OfficeMatch, title_case
from db.ingest.parties import Party, find_parties
from db.vocab import Role

_TOKEN = re.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*|[^\s]")


PARTICLES = frozenset([
    "al", "el", "bin", "bint", "ibn", "van", "von", "de", "da", "du", "der", "den", "la", "le",
    "di", "del", "dos", "das", "ben", "abu", "ter", "zu", "y"
])


HONORIFICS = frozenset([
    "mr", "mrs", "ms", "dr", "sheikh", "sir", "lord", "lady", "dame", "gen", "general", "adm",
    "admiral", "lt", "col", "rev", "h.e.", "his", "her", "excellency", "h.e", "h.h", "h.r.h",
    "highness", "royal", "prof", "professor", "eng", "shri", "smt", "sayyid", "sheikha"
])


NOT_NAMES = frozenset([
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
    "meeting", "meetings", "news", "agency", "reports", "reported", "statement",
    # bodies and the words of office titles: "..., Department of Foreign Affairs and Trade",
    # "Ambassador Extraordinary and Plenipotentiary", "Commissioner for ..., Peace and Security"
    "department", "directorate", "embassy", "secretariat", "bureau", "extraordinary",
    "plenipotentiary", "peace", "security", "affairs",
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
        return [fold(t) for t in self.name.split() if fold(t) not in PARTICLES]


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_caps_name(tokens: list[Token], j: int) -> bool:
    """A family name in capitals next to a written name, as Japanese and Korean readouts put
    it ("Mr. ISHIBA Shigeru", "LEE Jae-myung"); acronyms stand alone, so they are not taken."""
    word = tokens[j].text
    if not (len(word) >= 2 and word.isalpha() and word.isupper()) or tokens[j].key in NOT_NAMES:
        return False
    return j + 1 < len(tokens) and is_name_word(tokens[j + 1]) and not find_parties(word)


def is_name_word(token: Token) -> bool:
    word = token.text.rstrip("'’s") if token.text.endswith(("'s", "’s")) else token.text
    return (bool(word) and word[0].isupper() and any(c.islower() for c in word)
            and token.key not in NOT_NAMES and fold(word) not in cities())


_ROMAN = _re.compile(r"[IVX]{1,4}")
INITIALS = _re.compile(r"(?:[A-Z]\.){2,}")


def city_in_name(tokens: list[Token], j: int, count: int) -> bool:
    """A city's name used as a personal name ("Santiago Peña", "Sofia Rossi", "Joao Lima"):
    next to another name word, right after an office or a first name."""
    token = tokens[j]
    if not (token.text[:1].isupper() and any(c.islower() for c in token.text)
            and token.key not in NOT_NAMES and fold(token.text) in cities()):
        return False
    following = j + 1 < len(tokens) and is_name_word(tokens[j + 1])
    return following or count > 0


def name_at(tokens: list[Token], i: int, party_tokens: set[int]) -> tuple[int, int] | None:
    """A personal name starting at token i: capitalised words, initials ("S."), particles
    inside ("bin", "al-"); 1 to 5 words. Returns the token range."""
    while i < len(tokens) and tokens[i].key in HONORIFICS and i + 1 < len(tokens):
        if (tokens[i].key in _SHORT_RANKS and tokens[i + 1].text != "."
                and not (i + 2 < len(tokens) and is_name_word(tokens[i + 2]))):
            break  # "Gen Nakatani": a first name, not "General" before a surname alone
        i += 1
        if tokens[i].text == ".":
            i += 1
        if tokens[i].key == "ambassador" and i + 1 < len(tokens) and is_name_word(tokens[i + 1]):
            i += 1  # "H.E. Ambassador Bankole Adeoye": a courtesy rank after the honorific
    start = j = i
    count = 0
    while j < len(tokens) and count < 5:
        token = tokens[j]
        if j in party_tokens and count == 0:
            return None
        if is_name_word(token) or city_in_name(tokens, j, count) or (
                count == 0 and is_caps_name(tokens, j)):
            count += 1
            j += 1
            if token.text.endswith(("'s", "’s")):
                break
        elif INITIALS.fullmatch(token.text) and j + 1 < len(tokens) \
                and is_name_word(tokens[j + 1]):
            count += 1
            j += 1  # "K.D. Dewal"
        elif count and _ROMAN.fullmatch(token.text):
            j += 1  # "King Abdullah II"
        elif (len(token.text) == 1 and token.text.isupper() and j + 1 < len(tokens)
              and tokens[j + 1].text == "."):
            count += 1
            j += 2
        elif count and token.key in PARTICLES and _after_particles(tokens, j):
            j += 1  # "von der Leyen", "bin Zayed": particles stay inside the name
        else:
            break
    if count == 0:
        return None
    if j < len(tokens) and tokens[j].key in _THING_NOUNS:
        return None  # "the Global Gateway programme": a thing's name, not a person's
    return start, j


_THING_NOUNS = frozenset([
    "programme", "program", "initiative", "project", "plan", "strategy", "fund", "facility",
    "corridor", "pact", "partnership", "process", "format", "scheme", "mission", "framework",
    # "Sudan's Transitional Sovereignty Council": a body's name
    "council", "commission", "committee", "ministry", "office", "party", "front", "movement",
    "army", "forces", "court", "bank", "agency", "authority", "government", "parliament",
    "assembly", "institute", "university", "company", "group", "organisation", "organization",
])
_SHORT_RANKS = frozenset(["gen", "col", "lt", "adm"])


def _after_particles(tokens: list[Token], j: int) -> bool:
    """Whether the particles from token j on are followed by a name word."""
    while j < len(tokens) and tokens[j].key in PARTICLES:
        j += 1
    return j < len(tokens) and is_name_word(tokens[j])


def name_text(tokens: list[Token], start: int, end: int, sentence: str) -> str:
    text = _re.sub(r"['’]s$", "", sentence[tokens[start].start:tokens[end - 1].end]).strip()
    if any(c.islower() for c in text):
        # "ISHIBA Shigeru" -> "Ishiba Shigeru": the capitals only mark the family name
        text = " ".join(w.capitalize() if len(w) > 1 and w.isalpha() and w.isupper()
                        and not _ROMAN.fullmatch(w) else w for w in text.split(" "))
    return text


def party_tokens(tokens: list[Token], sentence: str) -> dict[int, Party]:
    found: dict[int, Party] = {}
    for start, end, party in find_parties(sentence):
        for index, token in enumerate(tokens):
            # "Russia's" is one token, a comma after "Chile" is not part of the party
            if token.start >= start and token.start < end and token.end <= end + 2:
                found[index] = party
    return found


def party_ending_at(
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


COMPOUND = _re.compile(r"^(.*\b(?:Minister|President|Premier))\s+and\s+(.+\b(?:Minister|"
                        r"Secretary)\b.*)$")


def _clean_office(office: OfficeMatch | None, party: Party | None) -> str | None:
    if office is None or not office.words:
        return None
    words: list[str] = []
    for w in office.words:
        if w == "," and words:
            words[-1] += ","  # "for Political Affairs, Peace and Security": the list's comma
        elif w.strip(","):
            words.append(w.strip(","))
    # A demonym inside the title names the party, not the office ("chairman of the Kyrgyz
    # border service" -> "Chairman of the Border Service", Kyrgyzstan).
    # after a body's name ("Office for Kosovo and Metohija") a country is part of the title
    organ = next((n for n, w in enumerate(words) if w[:1].isupper()
                  and fold(w) in ORGAN_NOUNS), len(words))
    kept = [w for n, w in enumerate(words) if n > organ or not (
                                     find_parties(w) and fold(w) not in ("state",)
                                     and office.head not in ("envoy", "representative",
                                                             "ambassador", "coordinator"))
            and fold(w) not in ("government's", "government’s")]
    title = title_case(" ".join(kept))
    if party and party.organ and office.head in ("president", "vice-president", "chair",
                                                 "chairman", "chairperson", "chairwoman"):
        title = f"{title} of the {party.organ}"
    return title


def _more_specific(new: str, old: str) -> bool:
    """"Minister of Foreign Affairs" after "Minister", "Deputy Prime Minister and Minister of
    Foreign Affairs" after "Minister of Foreign Affairs": the fuller title of one office."""
    words_new, words_old = set(fold(new).split()), set(fold(old).split())
    return len(words_new) > len(words_old) and words_old <= words_new


def _state_over_party(new: str, old: str) -> bool:
    """"General Secretary of the Communist Party ... and Chinese president": the state office
    is the one diplomats record."""
    return bool(re.search(r"(?i)\b(?:general secretary|member of the political bureau)\b", old)
                and re.fullmatch(r"(?i)(?:\w+ )?(?:president|premier|minister)", new))


def add_person(people: list[Person], name: str, office: OfficeMatch | None, party: Party | None,
         mention: Mention) -> None:
    title = _clean_office(office, party)
    if title and _re.fullmatch(r"(?i)(?:ministers?|presidents?)", title.split()[-1]) is None \
            and office and office.head not in HEADS:
        title = None
    key = [word for word in fold(name).split() if word not in PARTICLES]
    for person in people:
        other = person.tokens
        short, long = sorted((key, other), key=len)
        # "Boric" or "Gabriel Boric" and "Gabriel Boric Font" are one person
        # "Boric" or "Gabriel Boric" and "Gabriel Boric Font" are one person, and so are
        # "Sergey Lavrov" and "Sergey Viktorovich Lavrov" (a patronymic or middle name)
        if key == other or (short and set(short) <= set(long)
                            and (len(short) == 1 or long[:len(short)] == short
                                 or short[0] == long[0] and short[-1] == long[-1])):
            person.mentions.append(mention)
            if len(key) > len(other):
                person.name = name
            if title and (not person.office or _more_specific(title, person.office)
                          or _state_over_party(title, person.office)):
                person.office, person.head = title, office.head if office else None
            if not person.party and party:
                person.party = party
            return
    people.append(Person(name, title, party, office.head if office else None, [mention]))
