"""Word-level helpers shared by the extractor and the benchmark: tokens, a light stemmer and the
token-set similarity used to compare topic phrases ("stabilisation efforts" = "stabilization")."""

from __future__ import annotations

import re

from db.countries import fold

# Words that carry no topic of their own; removed before topic phrases are compared.
STOP_WORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "into", "onto", "upon", "about", "over", "under", "between", "among", "against",
    "within", "without", "as", "than", "that", "this", "these", "those", "its", "it", "their",
    "there", "they", "them", "both", "each", "other", "such", "any", "all", "some", "more", "most",
    "much", "many", "several", "various", "own", "same", "also", "very", "just", "only", "is",
    "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "do", "does", "did", "has", "have", "had", "his", "her", "he", "she",
    "we", "our", "you", "your", "i", "us", "not", "no", "new", "ongoing", "further", "possible",
    "key", "particularly", "especially", "including", "include", "includes", "included", "which",
    "who", "whom", "whose", "what", "when", "where", "while", "how", "why", "aim", "aimed",
    "toward", "towards", "via", "per", "around", "amid"
])

_TOKEN = re.compile(r"[a-z0-9]+")
# British and American spellings meet before suffixes are stripped.
_SPELLING = [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"),
             ("defence", "defense"), ("centre", "center"), ("labour", "labor"),
             ("our", "or")]
_SUFFIXES = ("izations", "ization", "ational", "ations", "ation", "ments", "ment", "ness",
             "ities", "ity", "ings", "ing", "ized", "izes", "ize", "ies", "ied", "ers", "er",
             "ed", "es", "ly", "al", "s")


def tokens(text: str) -> list[str]:
    """Folded word tokens: accents removed, lower case, punctuation dropped."""
    return _TOKEN.findall(fold(text).replace("'s", ""))


def stem(word: str) -> str:
    """A light suffix stripper: enough to make plural, -ing and -isation forms meet."""
    for british, american in _SPELLING:
        if british in word:
            word = word.replace(british, american)
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("y") and len(word) > 4:
        word = word[:-1]
    return word


def content_stems(text: str) -> frozenset[str]:
    """The stems of a phrase's content words (stop words removed)."""
    return frozenset(stem(w) for w in tokens(text) if w not in STOP_WORDS)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two sets: 2|A ∩ B| / (|A| + |B|), 0 for two empty sets."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def phrase_similarity(a: str, b: str) -> float:
    return dice(content_stems(a), content_stems(b))
