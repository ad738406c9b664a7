"""Where the meeting is: a city from the gazetteer after "in", "at", "to" or a visit verb, or
written "City, Country"; a country alone when no city is named. Places in sentences about other
events ("the last round, in Astana") and the dateline (where the story was filed) are ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from db.countries import DEMONYMS, country_name, fold
from db.ingest.focus import Focus
from db.ingest.gazetteer import capitals, city_names, find_city
from db.ingest.parties import find_parties, resolve_party

_LEAD = (r"(?:\b[Ii]n|\b[Aa]t|\bto|\bhosts?|\bhosted|\bvisit(?:s|ed|ing)?|\bvisit to|\barrived in|"
         r"\barrives in|\btravel(?:s|led|ling)? to|\bheld in|\bin the (?:\w+ )?capital,?)")
_VENUE_WORDS = (r"(?:Palace|House|Hall|Centre|Center|Hotel|Building|Castle|Villa|Residence|"
                r"Pavilion|Mansion|Fort)\b")
_VENUE = re.compile(
    r"\b(?:at|in) (?:the )?(?P<venue>(?:[A-Z][\w'’-]+ ){0,3}(?:Palace|House|Hall|Centre|Center|"
    r"Hotel|Building|Castle|Villa|Residence|Kremlin|Pavilion|Mansion|Fort))\b"
)


@dataclass(frozen=True)
class Place:
    city: str | None
    country: str | None
    code: str | None
    venue: str | None = None
    evidence: str | None = None


@cache
def _city_regex() -> re.Pattern:
    names = "|".join(re.escape(n) for n in city_names())
    # "at Belém Palace" is a venue, not the city of Belém.
    return re.compile(rf"{_LEAD}\s+(?:the city of\s+)?(?P<city>{names})(?![\w-])"
                      rf"(?!\s+{_VENUE_WORDS})"
                      rf"(?:,\s*(?P<country>[A-Z][\w'’ .-]+?))?(?=[\s,.;:)]|$)")


_UNKNOWN_CITY = re.compile(
    rf"{_LEAD}\s+(?P<city>[A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’-]+)?),\s+(?P<country>[A-Z][\w'’ -]+?)"
    rf"(?=[\s,.;:)]|$)"
)
_COUNTRY_LEAD = re.compile(rf"{_LEAD}\s+(?:the\s+)?$")
# "the war in Ukraine", "an end to the fighting in Myanmar": a subject, not where they meet.
_SUBJECT_IN = re.compile(r"\b(?:war|fighting|conflict|crisis|situation|violence|ceasefire|peace|"
                         r"unrest|hostilities|elections?|investments?)\s+in\s+(?:the\s+)?$",
                         re.IGNORECASE)


# Venues whose city goes without saying: "at UN Headquarters" is in New York.
_VENUE_CITIES = [
    (re.compile(r"\b(?:UN|U\.N\.|United Nations) [Hh]eadquarters\b"), "New York"),
    (re.compile(r"\bNATO [Hh]eadquarters\b|\bBerlaymont\b"), "Brussels"),
    (re.compile(r"\b(?:AU|African Union) [Hh]eadquarters\b"), "Addis Ababa"),
    (re.compile(r"\bthe White House\b"), "Washington"),
    (re.compile(r"\bthe Kremlin\b"), "Moscow"),
    (re.compile(r"\bÉlysée Palace\b|\bElysee Palace\b|\bQuai d'Orsay\b"), "Paris"),
    (re.compile(r"\bDowning Street\b"), "London"),
    (re.compile(r"\bGreat Hall of the People\b|\bZhongnanhai\b"), "Beijing"),
    (re.compile(r"\bPalais des Nations\b"), "Geneva"),
]
# "in the Lao capital", "the Polish capital" with no city named after it.
_CAPITAL = re.compile(r"\bthe (?P<party>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital\b"
                      r"(?!,? (?:city of )?[A-Z])")


def find_place(focus: Focus, remote: bool, dateline: str | None = None) -> Place | None:
    """The meeting's place, or None. `remote` (calls) keeps only an explicitly hosted place.
    Without a place in the text, or with only a country, the dateline's city stands in when
    it is in that country: wire reports are filed from where the meeting is."""
    if remote:
        return None
    best = _best_place(focus)
    filed = _dateline_city(dateline)
    if filed and (best is None or best.city is None and best.code == filed.code):
        return filed
    anchor = focus.anchor.plain if focus.anchor else ""
    if filed and best and best.evidence != anchor and _HOSTED.search(anchor) \
            and not any(_city_regex().finditer(anchor)):
        # "NAIROBI - Ruto met visiting UN chief Guterres at State House": the lead says the
        # guest came to where the story is filed; a city in a later sentence is another matter
        return filed
    return best


# Where something was said, not where they meet: "told reporters in Jakarta", "said in Rome",
# "a press conference in Doha".
_SAID_IN = re.compile(r"\b(?:told (?:reporters|journalists|the press|a \w+)|said|says|"
                      r"(?:press|news) (?:conference|briefing)|briefing)\s+(?:\w+\s+)?in\s*$")
_HOSTED = re.compile(r"\b(?:visiting|received|receives|hosted|hosts|welcomed|welcomes)\b")


def _dateline_city(dateline: str | None) -> Place | None:
    if not dateline:
        return None
    head = re.split(r"[,(/–—-]", dateline)[0].strip()
    found = find_city(head)
    if not found and (party := resolve_party(head)) and party.code \
            and fold(capitals().get(party.code, "")).startswith(fold(head)):
        found = (capitals()[party.code], party.code)  # "KUWAIT -": Kuwait City
    if not found:
        # "LANGKAWI, Malaysia –": a city outside the gazetteer, vouched for by its country
        m = re.match(r"([A-Z][\w.'’ -]*?),\s+([A-Z][\w'’]*(?: [A-Z][\w'’]*)?)\b", dateline)
        party = resolve_party(m.group(2)) if m else None
        if party is None or not party.code:
            return None
        found = (m.group(1).strip().title(), party.code)
    city, code = found
    return Place(city, country_name(code), code, None, dateline)


# "June 19, 2025, St Petersburg": a readout's line of date and place
_PLACE_LINE = re.compile(r"^[\w ,.]{0,30}\d[\w ,.]{0,30}$")


def _best_place(focus: Focus) -> Place | None:
    candidates: list[tuple[float, Place]] = []
    for info in focus.infos:
        text = info.plain.strip()
        if info.mentions and len(text.split()) <= 7 and _PLACE_LINE.match(text):
            for part in re.split(r"\s*,\s*", text.rstrip(".")):
                if (found := find_city(part)):
                    return Place(found[0], country_name(found[1]), found[1], None, text)
    for info in focus.about_meeting():
        text = info.plain
        for pattern, city in _VENUE_CITIES:
            m = pattern.search(text)
            # "at the Kremlin" is a place; "the Kremlin said" is a speaker
            if m and re.search(r"\b(?:at|in|to|inside|from)\s+(?:the\s+)?$", text[:m.start()]) \
                    and (found := find_city(city)):
                candidates.append((info.score + 0.9 - m.start() / 1000,
                                   Place(found[0], country_name(found[1]), found[1],
                                         _venue(text), text)))
        for m in _CAPITAL.finditer(text):
            party = _country(m.group("party"))
            if party and (city := capitals().get(party[1])):
                candidates.append((info.score + 0.9 - m.start() / 1000,
                                   Place(city, party[0], party[1], _venue(text), text)))
        for m in _city_regex().finditer(text):
            # A name after the comma may be the country or the next clause ("..., France
            # said"): the gazetteer's country stands either way.
            city, code = find_city(m.group("city"))
            if _SAID_IN.search(text[:m.start("city")]):
                continue  # "told reporters in Jakarta that ...": where it was said
            candidates.append((info.score + 1.0 - m.start() / 1000,
                               Place(city, country_name(code), code, _venue(text), text)))
        for m in _UNKNOWN_CITY.finditer(text):
            party = _country(m.group("country"))
            if party and not find_city(m.group("city")) and not _country(m.group("city")):
                candidates.append((info.score + 0.8, Place(m.group("city"), party[0], party[1],
                                                           _venue(text), text)))
        for start, _end, party in find_parties(text):
            if fold(text[start:_end]) in DEMONYMS:
                continue  # "will host French President X": whose president, not where
            if party.code and _COUNTRY_LEAD.search(text[:start]) and \
                    not _SUBJECT_IN.search(text[:start]) and \
                    not re.match(r"['’]s\b", text[_end:]):
                candidates.append((info.score + 0.3 - start / 1000,
                                   Place(None, party.name, party.code, None, text)))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c[0])[1]
    if best.city is None:
        # A country alone: take its city if one is named in a sentence about the meeting.
        for _, place in sorted(candidates, key=lambda c: -c[0]):
            if place.city and place.code == best.code:
                return place
    return best


def _country(text: str) -> tuple[str, str] | None:
    found = find_parties(text)
    if found and found[0][2].code and found[0][0] == 0:
        party = found[0][2]
        return party.name, party.code
    return None


def _venue(text: str) -> str | None:
    m = _VENUE.search(text)
    return m.group("venue") if m else None


def place_key(city: str | None, country: str | None) -> tuple[str, str]:
    """How two places compare: folded city, and the country's ISO code (or folded name)."""
    from db.countries import resolve_country

    found = resolve_country(country) if country else None
    return fold(city or ""), (found.code if found else fold(country or ""))
