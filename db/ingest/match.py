"""Matching a draft against the store, so saving it reuses what is there: the stored person for
"Nuh Yilmaz" (names compared folded and in any order), the stored topic an agenda phrase is
about, the series a meeting belongs to. Countries need nothing here: the store already resolves
"Turkey" and "Türkiye" to one delegation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.countries import fold
from db.ingest.words import content_stems, dice

if TYPE_CHECKING:
    from db.store import Store

TOPIC_LIMIT = 5000  # stores hold hundreds of topics; this bounds a pathological one
SERIES_MATCH = 0.75
TOPIC_MATCH = 0.6


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(fold(name).replace("-", " ").replace(".", " ").split())


def match_person(store: Store, name: str) -> tuple[str, str | None] | None:
    """The stored (name, office) for a person written `name`, in any word order, or None."""
    wanted = name_tokens(name)
    seen: set[str] = set()
    for token in sorted(wanted, key=len, reverse=True):
        for stored in store.suggestions("person", token, limit=50):
            if stored in seen:
                continue
            seen.add(stored)
            if name_tokens(stored) == wanted:
                people = store.people_page(text=stored, limit=5)
                office = next((p.person.office for p in people if p.person.name == stored), None)
                return stored, office
    return None


def match_topics(store: Store, phrases: list[str]) -> dict[int, str]:
    """For each agenda phrase (by index) the stored topic it is about: the share of the stored
    topic's content words found in the phrase is at least TOPIC_MATCH (and two words, unless
    the topic has one). Each stored topic is used once, best pairs first."""
    stored = store.suggestions("topic", "", limit=TOPIC_LIMIT)
    pairs = []
    for index, phrase in enumerate(phrases):
        words = content_stems(phrase)
        for name in stored:
            topic_words = content_stems(name)
            if not topic_words:
                continue
            shared = len(words & topic_words)
            cover = shared / len(topic_words)
            if cover >= TOPIC_MATCH and (shared >= 2 or len(topic_words) == 1):
                pairs.append((cover + dice(words, topic_words) / 10, index, name))
    matched: dict[int, str] = {}
    used: set[str] = set()
    for _, index, name in sorted(pairs, reverse=True):
        if index not in matched and name not in used:
            matched[index] = name
            used.add(name)
    return matched


def match_series(store: Store, title: str) -> str | None:
    """A stored series the drafted title names (same words, folded and stemmed)."""
    wanted = content_stems(title)
    best, best_score = None, SERIES_MATCH
    for series in store.suggestions("series", "", limit=500):
        if fold(series) == fold(title):
            return series
        score = dice(wanted, content_stems(series))
        if score >= best_score:
            best, best_score = series, score
    return best
