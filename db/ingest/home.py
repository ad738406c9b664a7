"""The home government of an article that is its own readout or comes from its own state
agency: "Government Offices of Sweden", "(readout of the Polish Ministry of Foreign Affairs)",
"(VNA)". Such texts name the foreign guest's country but not their own ("the Minister received
her Estonian counterpart"), so an office holder left without a side is the home's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.ingest.parties import Party, find_parties, resolve_party

if TYPE_CHECKING:
    from db.ingest.names import Person
    from db.ingest.text import Article

# What follows a country in a line naming the government that speaks: "Polish Ministry of
# Foreign Affairs", "German Federal Government", "Vietnamese state news outlet".
_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:Federal|state|State|official|Official)\s+)?(?:Ministry|Foreign\s+"
    r"Ministry|Government|Presidency|President's\s+Office|Prime\s+Minister's\s+Office|"
    r"Foreign\s+Office|Chancellery|MFA|Embassy|news|News|media|Media|press\s+agency|"
    r"Department|Federal\s+Department|"
    r"Cabinet)\b")
# What comes before it: "Government Offices of Sweden", "Ministry of Foreign Affairs of Japan".
_BEFORE = re.compile(
    r"\b(?:Government(?:\s+Offices)?|Ministry(?:\s+(?:of|for)\s+(?:Foreign|External)\s+Affairs)?"
    r"|Presidency|Embassy|Office\s+of\s+the\s+(?:President|Prime\s+Minister))\s+of\s+"
    r"(?:the\s+)?$")
# State news agencies, which write their government's readouts ("Santiago (VNA) –").
_AGENCIES = {
    "VNA": "Vietnam", "WAM": "United Arab Emirates", "Xinhua": "China", "Yonhap": "South Korea",
    "Kyodo": "Japan", "TASS": "Russia", "RIA Novosti": "Russia", "Anadolu": "Türkiye",
    "IRNA": "Iran", "SPA": "Saudi Arabia", "QNA": "Qatar", "KUNA": "Kuwait", "BSS": "Bangladesh",
    "APP": "Pakistan", "Antara": "Indonesia", "Bernama": "Malaysia", "PNA": "Philippines",
    "MENA": "Egypt", "Petra": "Jordan", "SANA": "Syria", "KCNA": "North Korea",
    "Azertag": "Azerbaijan", "Armenpress": "Armenia", "Kazinform": "Kazakhstan",
    "Ukrinform": "Ukraine", "BTA": "Bulgaria", "Agerpres": "Romania", "PAP": "Poland",
    "MTI": "Hungary", "CTK": "Czechia", "TASR": "Slovakia", "Tanjug": "Serbia", "Hina": "Croatia",
    "STA": "Slovenia", "ANA-MPA": "Greece", "Lusa": "Portugal", "ENA": "Ethiopia",
    "KUNA News": "Kuwait", "BNA": "Bahrain", "ONA": "Oman", "MAP": "Morocco", "APS": "Algeria",
    "TAP": "Tunisia", "SUNA": "Sudan", "NAN": "Nigeria", "Prensa Latina": "Cuba",
}


# Government web sites: "www.mfa.gov.pl", "mofa.go.jp", "www.diplomatie.gouv.fr", "mid.ru".
_GOV_HOST = re.compile(r"(?:^|\.)(?:gov|go|gob|gouv|govt|gv|mfa|mofa|mid|kremlin|president|"
                       r"presidency|government|regjeringen|regeringen|fmprc|dfa|mzv|um)\.")


def _site_party(url: str | None) -> Party | None:
    """The country of a government web site, by its country-code domain (".gov" alone is the
    United States')."""
    if not url:
        return None
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").lower()
    tld = host.rsplit(".", 1)[-1]
    if tld == "gov":
        return resolve_party("United States")
    if not _GOV_HOST.search(host):
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2={"uk": "GB"}.get(tld, tld).upper())
    return resolve_party(country.name) if country else None


def home_party(article: Article) -> Party | None:
    """The government the article speaks for, from its web site, note, header lines or
    agency."""
    site = _site_party(article.url)
    if site is not None:
        return site
    lines = [article.note or "", article.dateline_outlet or "", article.trailer or ""]
    body = article.body_sentences
    lines += [s.text for s in article.sentences if s.is_title]
    # header lines above the first sentence of running text ("Ministry for Foreign Affairs")
    for sentence in body[:3]:
        if re.search(r"[.!?]$", sentence.text) and len(sentence.text.split()) > 6:
            break
        lines.append(sentence.text)
    for line in lines:
        for start, end, party in find_parties(line):
            if party.code and (_AFTER.match(line[end:]) or _BEFORE.search(line[:start])):
                return party
        for agency, country in _AGENCIES.items():
            if re.search(rf"(?<![\w-]){re.escape(agency)}(?![\w-])", line):
                return resolve_party(country)
    return None


def home_side(people: list[Person], home: Party | None, national) -> None:
    """Office holders of a national government still without a side are the home's, unless the
    home already has that post filled."""
    if home is None:
        return
    from db.ingest.sides import same_post

    for person in people:
        if not (person.takes_part and person.party is None and national(person)):
            continue
        if any(o.party == home and same_post(o.office, person.office) for o in people):
            continue
        person.party = home
