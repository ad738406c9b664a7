"""Parties to a meeting as articles name them: countries (by name, alias or demonym: "Turkish",
"Russia's", "US") and organisations ("EU", "the OSCE", "UN"), with organs of an organisation
("European Commission") kept so an office can say whose it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from db.countries import DEMONYMS, _index, country_name, fold


@dataclass(frozen=True)
class Party:
    name: str  # what is shown: "Türkiye", "European Union"
    code: str | None = None  # ISO code for a country
    organ: str | None = None  # "European Commission" when the text named an organ

    @property
    def key(self) -> str:
        return f"country:{self.code}" if self.code else f"org:{fold(self.name)}"


# Canonical organisation name: written forms. Upper-case acronyms match only in upper case.
_ORGS = {
    "European Union": ["EU", "E.U.", "European Union", "European Union's", "Brussels-based EU"],
    "United Nations": ["UN", "U.N.", "United Nations"],
    "OSCE": ["OSCE", "Organization for Security and Co-operation in Europe",
             "Organisation for Security and Co-operation in Europe",
             "Organization for Security and Cooperation in Europe"],
    "NATO": ["NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Alliance"],
    "African Union": ["AU", "African Union"],
    "Arab League": ["Arab League", "League of Arab States"],
    "ASEAN": ["ASEAN", "Association of Southeast Asian Nations"],
    "Gulf Cooperation Council": ["GCC", "Gulf Cooperation Council"],
    "Council of Europe": ["Council of Europe"],
    "Organisation of Islamic Cooperation": ["OIC", "Organisation of Islamic Cooperation",
                                            "Organization of Islamic Cooperation"],
    "Shanghai Cooperation Organisation": ["SCO", "Shanghai Cooperation Organisation",
                                          "Shanghai Cooperation Organization"],
    "CSTO": ["CSTO", "Collective Security Treaty Organization"],
    "Commonwealth of Independent States": ["CIS", "Commonwealth of Independent States"],
    "International Monetary Fund": ["IMF", "International Monetary Fund"],
    "World Bank": ["World Bank"],
    "World Trade Organization": ["WTO", "World Trade Organization"],
    "World Health Organization": ["WHO", "World Health Organization"],
    "IAEA": ["IAEA", "International Atomic Energy Agency"],
    "International Committee of the Red Cross": ["ICRC",
                                                 "International Committee of the Red Cross"],
    "OPEC": ["OPEC"],
    "ECOWAS": ["ECOWAS", "Economic Community of West African States"],
    "IGAD": ["IGAD", "Intergovernmental Authority on Development"],
    "Organization of American States": ["OAS", "Organization of American States"],
    "Eurasian Economic Union": ["EAEU", "Eurasian Economic Union"],
    "UNHCR": ["UNHCR"],
    "UNICEF": ["UNICEF"],
    "Pacific Islands Forum": ["PIF", "Pacific Islands Forum"],
    "CARICOM": ["CARICOM", "Caribbean Community"],
    "Mercosur": ["Mercosur", "MERCOSUR"],
    "SADC": ["SADC", "Southern African Development Community"],
    "East African Community": ["EAC", "East African Community"],
    "SAARC": ["SAARC", "South Asian Association for Regional Cooperation"],
    "OECD": ["OECD", "Organisation for Economic Co-operation and Development",
             "Organization for Economic Cooperation and Development"],
    "APEC": ["APEC", "Asia-Pacific Economic Cooperation"],
    "Commonwealth": ["Commonwealth of Nations", "Commonwealth Secretariat"],
    "Nordic Council": ["Nordic Council"],
    "CELAC": ["CELAC", "Community of Latin American and Caribbean States"],
    "Council of the Baltic Sea States": ["CBSS", "Council of the Baltic Sea States"],
    "Organisation internationale de la Francophonie": ["OIF", "Francophonie",
                                                       "Organisation internationale de la "
                                                       "Francophonie"],
}

# Organs whose offices belong to an organisation: "European Commission President" is an EU office.
_ORGANS = {
    "European Commission": "European Union", "European Council": "European Union",
    "European Parliament": "European Union", "Council of the EU": "European Union",
    "European External Action Service": "European Union", "EEAS": "European Union",
    "AU Commission": "African Union", "African Union Commission": "African Union",
    "UN Security Council": "United Nations", "Security Council": "United Nations",
    "UN General Assembly": "United Nations", "UN Secretary-General": "United Nations",
    "OSCE Minsk Group": "OSCE",
}


@cache
def _forms() -> dict[str, Party]:
    """Every written form of a party -> the Party; acronyms keep their case, the rest are folded."""
    forms: dict[str, Party] = {}
    for folded, code in _index().items():
        if len(folded) > 3 or folded in ("usa", "uk", "uae", "ksa", "drc"):
            forms[folded] = Party(country_name(code) or folded, code)
        # "Korea, Republic of" is written "the Republic of Korea" in readouts
        head, _, tail = folded.partition(", ")
        if tail.endswith(" of") and len(head) > 3:
            forms.setdefault(f"{tail} {head}", Party(country_name(code) or folded, code))
    for alias in ("US", "U.S.", "U.S", "UK", "U.K.", "UAE"):
        code = _index()[fold(alias)]
        forms[alias] = Party(country_name(code) or alias, code)
    # "the Korean minister" in a readout is the South's; the North is always "North Korean"
    forms["ROK"] = Party(country_name("KR") or "South Korea", "KR")
    forms["korean"] = Party(country_name("KR") or "South Korea", "KR")
    for demonym, code in DEMONYMS.items():
        if demonym not in ("us", "u.s.", "uk", "u.k."):
            forms[demonym] = Party(country_name(code) or demonym, code)
    for name, written in _ORGS.items():
        for form in written:
            key = form if _is_acronym(form) else fold(form)
            forms[key] = Party(name)
    for organ, parent in _ORGANS.items():
        key = organ if _is_acronym(organ) else fold(organ)
        forms[key] = Party(parent, organ=organ)
    return forms


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


@cache
def _regex() -> re.Pattern:
    # Longest first, so "UN Secretary-General" wins over "UN"; acronyms keep their case.
    forms = sorted(_forms(), key=len, reverse=True)
    alternation = "|".join(
        re.escape(f) if _is_acronym(f) else f"(?i:{re.escape(f)})" for f in forms
    )
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


def resolve_party(text: str) -> Party | None:
    """The party a phrase names ("Turkish", "the EU", "Russia's", "Türkiye"), or None."""
    text = text.strip().removesuffix("'s").removesuffix("’s").removesuffix("'").strip()
    text = re.sub(r"^(?i:the)\s+", "", text)
    if not text:
        return None
    forms = _forms()
    return forms.get(text) or forms.get(fold(text))


def find_parties(text: str) -> list[tuple[int, int, Party]]:
    """Every party named in `text`, as (start, end, party), left to right, longest match first."""
    found = []
    for m in _regex().finditer(_unaccent(text)):
        party = resolve_party(text[m.start():m.end()])
        if party:
            found.append((m.start(), m.end(), party))
    return found


def _unaccent(text: str) -> str:
    """The text with accents removed but the same length, so match offsets stay valid."""
    import unicodedata

    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[0] if ch.isalpha() else ch
        out.append(base if len(base) == 1 else ch)
    return "".join(out).replace("ı", "i")


def party_before(text: str) -> tuple[int, Party] | None:
    """A party named at the very end of `text` ("... Turkish", "... Russia's"), with its start."""
    best = None
    for start, end, party in find_parties(text[-80:]):
        rest = text[-80:][end:]
        if re.fullmatch(r"(?:'s|’s|')?\s*", rest):
            best = (len(text) - len(text[-80:]) + start, party)
    return best


def party_after(text: str) -> tuple[int, Party] | None:
    """A party named at the very start of `text` ("Armenia", "the Russian Federation"), with the
    end of its name."""
    m = re.match(r"\s*(?:the\s+)?", text, re.IGNORECASE)
    offset = m.end() if m else 0
    for start, end, party in find_parties(text[offset:offset + 80]):
        if start == 0:
            return offset + end, party
        break
    return None
