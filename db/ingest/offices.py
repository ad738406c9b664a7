"""Office titles as articles write them ("Deputy Foreign Minister", "Vice Minister for Foreign
Affairs", "special envoy for Libya", "US Deputy Secretary of State"), found word by word, and the
normal form used to compare two ways of writing one office."""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.countries import fold
from db.ingest.gazetteer import cities

# The word an office ends on.
HEADS = frozenset([
    "minister", "secretary", "president", "vice-president", "chancellor", "premier", "envoy",
    "ambassador", "representative", "commissioner", "adviser", "advisor", "chairman", "chairwoman",
    "chairperson", "chair", "director", "director-general", "secretary-general", "spokesman",
    "spokeswoman", "spokesperson", "negotiator", "king", "queen", "emir", "prince", "sultan",
    "governor", "mayor", "speaker", "chief", "coordinator", "co-chair", "diplomat", "rapporteur",
    "mediator", "tánaiste", "tanaiste", "taoiseach"
])

# Words that qualify a head before it: rank and portfolio ("First Deputy Prime", "Foreign").
MODIFIERS = frozenset([
    "first", "deputy", "vice", "acting", "assistant", "under", "senior", "principal", "special",
    "chief", "executive", "permanent", "parliamentary", "state", "high", "personal", "lead", "top",
    "junior", "prime", "crown", "foreign", "defence", "defense", "interior", "home", "finance",
    "economy", "economic", "trade", "energy", "justice", "health", "education", "agriculture",
    "transport", "environment", "climate", "digital", "industry", "labour", "labor", "culture",
    "tourism", "development", "security", "intelligence", "national", "affairs", "external",
    "european", "policy", "treasury", "commerce", "presidential", "military", "migration",
    "cabinet", "general", "joint", "federal", "managing"
])

# Words an "of/for" complement of an office may contain ("for Foreign Affairs", "of State",
# "for the Belgrade-Pristina dialogue"); a person's name never consists of these.
_COMPLEMENT = MODIFIERS | frozenset([
    "state", "affairs", "and", "the", "relations", "international", "cooperation", "commonwealth",
    "border", "service", "commission", "council", "committee", "parliament", "assembly",
    "government", "ministry", "dialogue", "middle", "east", "balkans", "western", "sahel", "horn",
    "africa", "great", "lakes", "caucasus", "south", "central", "asia", "arctic", "gulf",
    "indo-pacific", "asia-pacific", "europe", "latin", "america", "near", "political", "arms",
    "control", "non-proliferation", "disarmament", "peace", "process", "region", "regional",
    "issues", "negotiations", "talks", "human", "rights", "humanitarian", "refugees", "question",
    "conflict", "settlement", "reconstruction", "sanctions", "counterterrorism",
    "counter-terrorism", "strategic", "planning", "protocol", "communications", "north", "west",
    # portfolios written in ministers' titles ("Minister for the Pacific", "Deputy Minister for
    # Economic Diplomacy")
    "diplomacy", "pacific", "investment", "infrastructure", "technology", "science", "innovation",
    "research", "youth", "women", "family", "employment", "housing", "water", "fisheries",
    "mining", "petroleum", "oil", "gas", "overseas", "diaspora", "abroad", "integration",
    "multilateral", "bilateral", "budget", "information", "emergency", "emergencies", "disaster",
    "management", "civil", "protection", "aid", "assistance", "partnerships", "sustainable",
    "green", "transition", "ocean", "oceans", "rural", "urban", "local", "public", "social",
    "cyber", "space", "maritime", "veterans", "exports", "americas", "expatriates", "nationals",
    "multilateralism", "francophonie", "commonwealth", "outer", "caribbean", "arab", "african",
    "african", "asian", "asean", "nordic", "baltic", "mediterranean", "adriatic", "danube"
])

# Heads that take a place or party in their title ("envoy for Syria", "ambassador to Ukraine").
_PLACE_HEADS = frozenset([
    "envoy", "ambassador", "representative", "coordinator", "rapporteur", "mediator"
])
_SMALL = frozenset(["of", "for", "to", "and", "the", "on", "in", "at"])
SPOKESPEOPLE = frozenset(["spokesman", "spokeswoman", "spokesperson"])


@dataclass(frozen=True)
class OfficeMatch:
    start: int  # word index of the first word of the office
    end: int  # word index after the last word
    words: tuple[str, ...]
    head: str

    @property
    def title(self) -> str:
        return title_case(" ".join(self.words))


def title_case(text: str) -> str:
    """ "deputy foreign minister" -> "Deputy Foreign Minister"; small words stay small."""
    out = []
    for index, word in enumerate(text.split()):
        if index and word.lower() in _SMALL:
            out.append(word.lower())
        elif word.isupper() and len(word) > 1:
            out.append(word)  # acronyms: "OSCE"
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def _key(word: str) -> str:
    return fold(word).strip(".,;:")


def match_office(words: list[str], start: int, party_words: set[int]) -> OfficeMatch | None:
    """An office beginning at word `start` of `words`, or None. `party_words` are indices of
    words that name a party (countries inside a complement: "envoy for Syria")."""
    i = start
    # "chief negotiator": a head word followed by another office word is a modifier here.
    while i < len(words) and (_key(words[i]) in MODIFIERS and _key(words[i]) not in HEADS or
                              _key(words[i]) in HEADS and i + 1 < len(words)
                              and _key(words[i + 1]) in HEADS | MODIFIERS
                              and not _two_word_head(words, i)):
        i += 1
    if i >= len(words):
        return None
    head = _key(words[i])
    if head not in HEADS:
        # "Secretary General" and "Director General" written as two words
        return None
    if head in ("prince",) and (i == start or _key(words[i - 1]) != "crown"):
        return None
    if _two_word_head(words, i):
        head = f"{head}-general"
        i += 1
    if head == "chief" and i == start:
        return None  # "chief" alone is too common; "foreign affairs chief" is an office
    end = i + 1
    end = _organ(words, end, party_words) or _complement(words, end, head, party_words)
    # "Deputy Prime Minister and Foreign Minister": one person's two offices, one title.
    ranked = any(_key(w) in ("prime", "deputy", "vice", "first") for w in words[start:i])
    # (the Tánaiste, Ireland's deputy head of government, often holds a ministry as well)
    if ((ranked and head in ("minister", "president", "vice-president", "premier")
         or head in ("tánaiste", "tanaiste"))
            and end + 1 < len(words) and _key(words[end]) in ("and", "–", "—", "-")):
        second = match_office(words, end + 1, party_words)
        if second is not None and second.head in ("minister", "secretary"):
            # "Deputy Prime Minister – Minister of Foreign Affairs": a dash for "and"
            return OfficeMatch(start, second.end, (*words[start:end], "and",
                                                   *words[end + 1:second.end]), second.head)
    if head == "minister" and end + 3 < len(words) and _key(words[end]) == "at" \
            and _key(words[end + 1]) == "the" and _key(words[end + 2]) == "ministry":
        # "Minister of State at the Ministry of Foreign Affairs": the ministry is the title's
        k = end + 3
        while k < len(words) and (words[k][:1].isupper() and k not in party_words
                                  or _key(words[k]) in ("of", "for", "and")):
            k += 1
        while _key(words[k - 1]) in ("of", "for", "and"):
            k -= 1
        end = k
    return OfficeMatch(start, end, tuple(words[start:end]), head)


ORGAN_NOUNS = frozenset(["office", "agency", "council", "commission", "service", "department",
                          "directorate", "bureau", "administration", "authority", "committee",
                          "secretariat", "centre", "center", "institute", "board"])


def _organ(words: list[str], end: int, party_words: set[int]) -> int | None:
    """"director of the Serbian government's Office for Kosovo and Metohija,", "Deputy
    Chairman of the Transitional Sovereignty Council": a named body in capitals after "of
    the", up to the comma, the end of the sentence or a lower-case word."""
    if not (end + 2 < len(words) and _key(words[end]) == "of" and _key(words[end + 1]) == "the"):
        return None
    j = end + 2
    while j < len(words) and (j in party_words or _key(words[j]) in ("government's",
                                                                       "government’s")):
        j += 1  # "the Serbian government's": whose body, read as the party
    k = j
    organ = False
    while k < len(words) and (words[k][:1].isupper() or organ and _key(words[k]) in (
            "for", "of", "and", "the", "on")):
        organ = organ or _key(words[k]) in ORGAN_NOUNS
        k += 1
        if words[k - 1].endswith((",", ".", ";")):
            break
    while k > j and _key(words[k - 1]) in ("for", "of", "and", "the", "on"):
        k -= 1
    if not organ or k == j or not words[k - 1].endswith((",", ".", ";")) and k < len(words) \
            and words[k][:1].isupper():
        return None  # no body named, or the words run on into a name
    return k


def _two_word_head(words: list[str], i: int) -> bool:
    """"Secretary General", "Director General" written as two words: one head."""
    return (_key(words[i]) in ("secretary", "director") and i + 1 < len(words)
            and _key(words[i + 1]) == "general")


def _complement(words: list[str], end: int, head: str, party_words: set[int]) -> int:
    """Extend an office over "of State", "for Foreign Affairs", "for Libya" (envoys), but not
    over "of Armenia" (that is whose office it is, read by the caller)."""
    while end + 1 < len(words) and _key(words[end]) in ("of", "for", "to", "on", "in"):
        preposition = _key(words[end])
        if preposition in ("in", "at"):
            return end  # "ambassador in Lisbon": a posting, not part of the title
        j = end + 1
        if j < len(words) and _key(words[j]) == "the":
            j += 1
        k = j
        while k < len(words) and (
            _key(words[k]) in _COMPLEMENT and _key(words[k]) != "the" or k in party_words
            or _is_place_word(words[k]) and head in _PLACE_HEADS
        ):
            if k in party_words and head not in _PLACE_HEADS and not (
                    k + 1 < len(words) and _key(words[k + 1]) in _COMPLEMENT
                    and _key(words[k + 1]) not in ("the", "and")):
                # "of Armenia Edward ...": whose office; "of the Kyrgyz border service" goes on
                break
            k += 1
            if words[k - 1].endswith(","):
                break
        if k == j:
            return end
        # "for Political Affairs and Negotiation, Abdulaziz ...": a title-case word closing
        # the title before the comma that introduces the name.
        if (_key(words[k - 1]) == "and" and k < len(words) and words[k][:1].isupper()
                and (words[k].endswith(",") or k + 1 < len(words) and words[k + 1] == ",")):
            k += 1
        k = _listed_fields(words, k)
        while k > j and _key(words[k - 1]) in ("and", "the"):
            k -= 1
        if preposition == "in" and head not in _PLACE_HEADS:
            return end
        if all(i in party_words for i in range(j, k)) and head not in _PLACE_HEADS:
            return end  # "Foreign Minister of Armenia": the party, not part of the title
        end = k
        if words[k - 1].endswith(","):
            break
    return end


def _listed_fields(words: list[str], k: int) -> int:
    """"Commissioner for Political Affairs, Peace and Security, H.E. ...": a title's list of
    fields in title case, closed by "and" and a comma, goes on past its first comma."""
    if not (k < len(words) and words[k] == ","):
        return k
    j = k + 1
    seen_and = False
    while j < len(words) and (words[j][:1].isupper() and _key(words[j]) not in HEADS
                              or _key(words[j]) == "and" and not seen_and):
        seen_and = seen_and or _key(words[j]) == "and"
        j += 1
    if seen_and and j < len(words) and words[j] == "," and _key(words[j - 1]) != "and":
        return j
    return k


def _is_place_word(word: str) -> bool:
    parts = [p for p in re.split(r"[-–]", word.strip(".,;:")) if p]
    return bool(parts) and all(fold(p) in cities() for p in parts)


# Ways of writing one office that mean the same; applied to folded text with hyphens as spaces.
_SYNONYMS = [
    (r"\bminister (?:of|for) foreign affairs\b", "foreign minister"),
    (r"\bminister (?:of|for) external affairs\b", "foreign minister"),
    (r"\b(?:foreign|external) affairs minister\b", "foreign minister"),
    (r"\bfm\b", "foreign minister"),
    (r"\bpm\b", "prime minister"),
    (r"\bchair(?:man|woman|person)\b", "chair"),
    (r"\bdefence\b", "defense"),
    (r"\badvisor\b", "adviser"),
    (r"\bhead of (?:the )?delegation\b", "delegation head"),
]


def office_key(office: str | None) -> str:
    """A normal form for comparing offices: folded, "Minister for Foreign Affairs" = "Foreign
    Minister", "President of the European Council" = "European Council President", chair =
    chairman = chairperson. Ranks (deputy, vice, first) are kept: they are different offices."""
    if not office:
        return ""
    text = fold(office).replace("-", " ").replace("’", "'")
    text = re.sub(r"[^\w' ]", " ", text)
    text = re.sub(r"\bthe\b", " ", text)
    text = " ".join(text.split())
    # "X of/for Y" -> "Y X", except "Secretary of State", which is one name.
    m = re.fullmatch(r"(.*?\b(?:" + "|".join(sorted(HEADS | {"general"})) + r"))\s+(?:of|for)\s+"
                     r"(?!state\b)(.+)", text)
    if m:
        *rank, head = m.group(1).split()
        text = " ".join([*rank, m.group(2), head])
    for pattern, replacement in _SYNONYMS:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())
