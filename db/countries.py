"""Country names, aliases and demonyms resolved to ISO 3166 codes ("Turkey" and "Türkiye" are TR).

pycountry holds the ISO list; the tables here add the names news writers actually use.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, or XK for Kosovo (user-assigned, widely used)
    name: str  # the short name we display


# Short display names where ISO's formal name is not what an analyst writes.
_DISPLAY = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "DR Congo", "CG": "Republic of the Congo",
    "CZ": "Czechia", "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran",
    "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "TR": "Türkiye", "TW": "Taiwan", "TZ": "Tanzania",
    "US": "United States", "VA": "Holy See", "VE": "Venezuela", "VN": "Vietnam",
    "XK": "Kosovo", "CI": "Côte d'Ivoire", "MK": "North Macedonia", "SZ": "Eswatini",
}

_ALIASES = {
    "turkey": "TR", "turkiye": "TR", "republic of turkey": "TR",
    "america": "US", "u.s.": "US", "u.s": "US", "u.s.a.": "US", "usa": "US", "us": "US",
    "united states of america": "US", "the united states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "russia": "RU", "iran": "IR", "syria": "SY", "south korea": "KR", "korea": "KR",
    "north korea": "KP", "dprk": "KP", "ivory coast": "CI", "cote d'ivoire": "CI",
    "palestine": "PS", "state of palestine": "PS", "kosovo": "XK", "dr congo": "CD",
    "drc": "CD", "democratic republic of the congo": "CD", "congo-kinshasa": "CD",
    "congo-brazzaville": "CG", "holy see": "VA", "vatican": "VA", "vatican city": "VA",
    "macedonia": "MK", "swaziland": "SZ", "burma": "MM", "cape verde": "CV",
    "east timor": "TL", "czech republic": "CZ", "uae": "AE", "emirates": "AE",
    "taiwan": "TW", "vietnam": "VN", "laos": "LA", "moldova": "MD", "tanzania": "TZ",
    "bolivia": "BO", "venezuela": "VE", "brunei": "BN", "micronesia": "FM",
    "the netherlands": "NL", "holland": "NL", "the philippines": "PH", "the gambia": "GM",
    "ksa": "SA",
}

# Adjectives and demonyms as they appear before an office: "Turkish Deputy Foreign Minister".
DEMONYMS = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "us": "US",
    "u.s.": "US", "angolan": "AO", "argentine": "AR", "argentinian": "AR", "armenian": "AM",
    "australian": "AU", "austrian": "AT", "azerbaijani": "AZ", "azeri": "AZ",
    "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE",
    "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG",
    "cambodian": "KH", "canadian": "CA", "chilean": "CL", "chinese": "CN", "colombian": "CO",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
    "dutch": "NL", "egyptian": "EG", "emirati": "AE", "estonian": "EE", "ethiopian": "ET",
    "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH",
    "greek": "GR", "hungarian": "HU", "icelandic": "IS", "indian": "IN",
    "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL",
    "italian": "IT", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ",
    "kazakhstani": "KZ", "kenyan": "KE", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG",
    "latvian": "LV", "lebanese": "LB", "libyan": "LY", "lithuanian": "LT",
    "luxembourgish": "LU", "malaysian": "MY", "maltese": "MT", "mexican": "MX",
    "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME", "moroccan": "MA",
    "nigerian": "NG", "north korean": "KP", "norwegian": "NO", "omani": "OM",
    "pakistani": "PK", "palestinian": "PS", "peruvian": "PE", "philippine": "PH",
    "filipino": "PH", "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO",
    "russian": "RU", "saudi": "SA", "serbian": "RS", "singaporean": "SG", "slovak": "SK",
    "slovenian": "SI", "somali": "SO", "south african": "ZA", "south korean": "KR",
    "spanish": "ES", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY",
    "taiwanese": "TW", "tajik": "TJ", "thai": "TH", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ukrainian": "UA", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "yemeni": "YE",
    # Added for ingesting articles: the rest of the world's demonyms as news writers use them.
    "andorran": "AD", "antiguan": "AG", "bahamian": "BS", "barbadian": "BB", "belarussian": "BY",
    "belizean": "BZ", "beninese": "BJ", "bhutanese": "BT", "bolivian": "BO", "botswanan": "BW",
    "bruneian": "BN", "burkinabe": "BF", "burmese": "MM", "burundian": "BI",
    "cameroonian": "CM", "cape verdean": "CV", "central african": "CF", "chadian": "TD",
    "comorian": "KM", "congolese": "CD", "costa rican": "CR", "djiboutian": "DJ",
    "dominican": "DO", "ecuadorian": "EC", "salvadoran": "SV", "equatorial guinean": "GQ",
    "eritrean": "ER", "eswatini": "SZ", "fijian": "FJ", "gabonese": "GA",
    "gambian": "GM", "grenadian": "GD", "guatemalan": "GT", "guinean": "GN", "guyanese": "GY",
    "haitian": "HT", "honduran": "HN", "ivorian": "CI", "jamaican": "JM", "kiribati": "KI",
    "lao": "LA", "laotian": "LA", "liberian": "LR", "liechtenstein": "LI", "malagasy": "MG",
    "malawian": "MW", "maldivian": "MV", "malian": "ML", "marshallese": "MH",
    "mauritanian": "MR", "mauritian": "MU", "micronesian": "FM", "monegasque": "MC",
    "mozambican": "MZ", "namibian": "NA", "nauruan": "NR", "nepalese": "NP", "nepali": "NP",
    "new zealand": "NZ", "nicaraguan": "NI", "nigerien": "NE", "macedonian": "MK",
    "north macedonian": "MK", "palauan": "PW", "panamanian": "PA", "papua new guinean": "PG",
    "paraguayan": "PY", "rwandan": "RW", "samoan": "WS", "sammarinese": "SM",
    "senegalese": "SN", "seychellois": "SC", "sierra leonean": "SL", "solomon islander": "SB",
    "south sudanese": "SS", "sri lankan": "LK", "surinamese": "SR", "swazi": "SZ",
    "timorese": "TL", "togolese": "TG", "tongan": "TO", "trinidadian": "TT", "tuvaluan": "TV",
    "ugandan": "UG", "uruguayan": "UY", "vanuatuan": "VU", "zambian": "ZM",
    "zimbabwean": "ZW", "bosniak": "BA", "herzegovinian": "BA", "azerbaijanian": "AZ",
    "kazakhstan": "KZ", "kyrgyzstani": "KG", "uzbekistani": "UZ", "tajikistani": "TJ",
    "turkmenistani": "TM", "emirates": "AE", "saudi arabian": "SA", "luxembourger": "LU",
    "new zealander": "NZ", "tanzanian": "TZ", "uk": "GB", "u.k.": "GB",
}


# Letters that are not "letter + accent" in Unicode, so removing accents leaves them alone.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h",
                        "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text: str) -> str:
    """A matching key: case-folded, accents removed ("Yılmaz" = "Yilmaz"), spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


@cache
def _index() -> dict[str, str]:
    import pycountry  # imported on first use: the app's start-up does not need it

    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                index[fold(value)] = c.alpha_2
        index[fold(c.alpha_3)] = c.alpha_2
    for alias, code in _ALIASES.items():
        index[fold(alias)] = code
    return index


@cache
def country_name(code: str) -> str | None:
    """The display name for an ISO alpha-2 code, or None if it is not a country code."""
    code = code.upper()
    if code in _DISPLAY:
        return _DISPLAY[code]
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


def resolve_country(text: str | None) -> Country | None:
    """The country a name, alias or ISO code denotes, or None (organisations, typos)."""
    if not text or not text.strip():
        return None
    key, index = fold(text), _index()
    code = index.get(key) or index.get(key.removeprefix("the "))
    if code is None and len(text.strip()) == 2 and text.strip().isalpha():
        code = text.strip().upper() if country_name(text.strip()) else None
    if code is None:
        return None
    return Country(code, country_name(code) or text.strip())


def country_from_demonym(word: str) -> Country | None:
    code = DEMONYMS.get(fold(word))
    return Country(code, country_name(code) or word) if code else None


def all_countries() -> list[Country]:
    """Every country, by display name, for completion lists."""
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    return sorted((Country(code, country_name(code) or code) for code in codes),
                  key=lambda c: fold(c.name))
