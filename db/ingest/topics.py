"""Agenda topics: the phrases after agenda cues ("will discuss", "the agenda includes", "talks
on", "conferred on", "X will be on the agenda"), cut at the end of their clause and split into
items where the text lists several ("A, B and the C")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.focus import Focus
from db.ingest.words import STOP_WORDS, content_stems, dice

# Cues followed by the agenda. `past` cues only count for a meeting that was held: "the
# ministers discussed" in an article about a coming meeting is about an earlier one.
_VERB = (r"discuss|address|focus on|cover|review|examine|consider|deliberate on|centre on|"
         r"center on|concentrate on|tackle|take up|look at|touch on|revolve around")
_OBJECT_CUES = [
    (False, rf"\b(?:will|would|to|shall|may|could|should|expected to|set to|likely to)\s+"
            rf"(?:also\s+|further\s+)?(?:{_VERB})\b"),
    (False, r"\b(?:agenda|talks|discussions|meeting|summit|dialogue|conference)\s+"
            r"(?:is|are|will be)?\s*(?:expected|set|likely)\s+to\s+(?:focus|cent(?:er|re)|"
            r"concentrate)\s+on\b"),
    (False, r"\b(?:agenda|discussions|talks)\s+(?:will\s+|would\s+)?(?:also\s+)?"
            r"(?:includes?|included|cover|covers|covered|features?)\b"),
    (False, r"\bwhich\s+will\s+(?:also\s+)?include\b"),
    (False, r"\b(?:topics?|issues?|items?|subjects?)\b[^.;]{0,30}?\bagenda\b\s+"
            r"(?:will\s+be|is|are|include[sd]?)\b"),
    (False, r"\battention\s+will\s+be\s+(?:paid|given)\s+to\b"),
    (False, r"\bagenda\W+(?:in particular|notably|including|especially)\b"),
    (False, r"\bbrief(?:ed|s)?\s+(?:\w+\s+){0,4}?on\b"),
    (False, r"\b(?:talks|negotiations|consultations|agreements?|discussions)\s+(?:on|about)\b"),
    (False, r"\bexchanges?\s+of\s+views\s+on\b"),
    (True, r"\b(?:discussed|addressed|focused on|focussed on|covered|reviewed|examined|"
           r"considered|deliberated on|conferred on|exchanged views on|talked about|"
           r"touched on|tackled)\b"),
]
# "to discuss" is an agenda after someone who meets ("ministers will gather to discuss").
_PURPOSE = re.compile(r"\b(?:meet\w*|talks|hold|held|expected|set|plan\w*|scheduled|likely|"
                      r"gather\w*|convene\w*|ministers|leaders|sides|parties|would|will|"
                      r"together|agreed|due)\b", re.IGNORECASE)
_SUBJECT_CUE = re.compile(
    r"\b(?:will|would)\s+(?:also\s+)?be\s+(?:high\s+)?on\s+the\s+agenda\b|"
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:expected\s+to\s+be\s+)?(?:high\s+)?on\s+the\s+"
    r"agenda\b|\b(?:will|would)\s+(?:also\s+)?be\s+discussed\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"""[;:]|\s[—–]\s|,?\s+(?:which|who|whom|where|while|when|whereas|although|because|"""
    r"""as\s+part\s+of|after|before|according\s+to|amid)\b|[,"”]\s*(?:[A-Z][\w.'’-]*\s+){0,5}"""
    r"""(?:said|says|told|reported|announced|added|noted|stated)\b|,\s*(?:the\s+)?(?:\w+\s+)"""
    r"""{0,5}(?:said|says|reported|told|announced|added|reads)\b|,?["”]?\s+(?:said|reads)\b|"""
    r"""\s+and\s+(?:\w+ed|agreed|stressed|underlined|signed)\b""",
    re.IGNORECASE,
)
_NO_SPLIT_START = re.compile(r"^(?:with|in|on|of|for|to|at|by|from|particularly|especially|"
                             r"including|such as|notably|other|related|similar|those|that|"
                             r"which|as)\b", re.IGNORECASE)
_ITEM_START = re.compile(r"^(?:the|a|an|its|their|his|her|both|all|our|[A-Z])", 0)
_PREPOSITION = re.compile(r"\b(?:of|in|on|for|to|against|with|at|from|between|among|into|"
                          r"about|over|within)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:the|a|an|also|both|further|ongoing|continued|possible|its|their|"
                      r"his|her|our|(?:nations|countries|sides|parties|states)['’]|evolving|"
                      r"potential|current|various)\s+", re.IGNORECASE)
_TIME_WORDS = re.compile(r"^(?:the\s+)?(?:first|second|third|last|final|next|opening|closing)"
                         r"\s+(?:day|round|session)\b|^(?:today|tomorrow|monday|tuesday|wednesday|"
                         r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_VAGUE = frozenset({"issues", "matters", "topics", "questions", "things", "it", "this", "that",
                    "them", "these", "those", "other issues", "a number of issues"})


@dataclass(frozen=True)
class Topic:
    text: str  # the phrase as the article puts it, tidied: "Fight against ISIS (Daesh) ..."
    evidence: str


def find_topics(focus: Focus, held: bool) -> list[Topic]:
    topics: list[Topic] = []
    infos = [i for i in focus.about_meeting() if not i.sentence.is_title]
    for info in infos:
        for phrase in _phrases(info.text, held):
            for item in split_items(phrase):
                _keep(topics, item, info.text)
    if not topics:
        for info in focus.infos:
            if info.sentence.is_title:
                m = re.search(r"\b(?:to\s+)?(?:discuss|discusses|talk|talks|eye|focus on)\s+(.+)$",
                              info.text, re.IGNORECASE)
                if m:
                    for item in re.split(r",\s*|\s+and\s+", m.group(1)):
                        _keep(topics, item, info.text)
    return topics


def _phrases(text: str, held: bool) -> list[str]:
    phrases = []
    for past, cue in _OBJECT_CUES:
        if past and not held:
            continue
        for m in re.finditer(cue, text, re.IGNORECASE):
            if m.group(0).lower().startswith("to ") and not _PURPOSE.search(
                    text[max(0, m.start() - 80):m.start()]):
                continue  # "a partnership to address threats": a purpose, not an agenda
            rest = text[m.end():]
            phrases.append((m.start(), _clause(rest)))
    m = _SUBJECT_CUE.search(text)
    if m:
        subject = text[: m.start()]
        subject = re.sub(r"^.*?\b(?:While|Although|Though|Whereas|As|And|But)\s+", "", subject)
        subject = re.sub(r"^(?:Meanwhile|However|Also|Still|Yet|Now|Instead),\s+", "", subject)
        phrases.append((0, subject))
    # A phrase inside another cue's phrase is the same agenda read twice.
    phrases.sort()
    kept: list[str] = []
    for _, phrase in phrases:
        phrase = phrase.strip(" ,.\"“”'")
        if phrase and not any(phrase in other for other in kept):
            kept = [other for other in kept if other not in phrase]
            kept.append(phrase)
    return kept


def _clause(rest: str) -> str:
    m = _CLAUSE_END.search(rest)
    clause = rest[: m.start()] if m else rest
    return re.split(r"(?<=[a-z)”\"])\.(?:\s|$)", clause)[0]


def split_items(phrase: str) -> list[str]:
    """Split a listed agenda into items: at "as well as" and ";" always; at commas and "and"
    when the next part starts an item ("the", "its", a name), when the list is at the top of
    the phrase, or when both parts are whole noun phrases with their own complement."""
    parts: list[str] = []
    for chunk in re.split(r"\s*;\s*|,?\s+as\s+well\s+as\s+", phrase):
        parts.extend(_split_list(chunk))
    return [p for p in (_tidy(p) for p in parts) if p]


def _split_list(chunk: str) -> list[str]:
    # Separators outside quotation marks: ", and ", ", ", " and ", ", or ", " or ".
    pieces, seps = [], []
    quoted, start = False, 0
    for m in re.finditer(r"[\"“”]|,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", chunk):
        if m.group(0) in "\"“”":
            quoted = not quoted
            continue
        if quoted:
            continue
        pieces.append(chunk[start:m.start()])
        seps.append(m.group(0))
        start = m.end()
    pieces.append(chunk[start:])
    # "security, stability and territorial integrity of Syria": single nouns sharing the last
    # one's complement are one topic.
    if len(pieces) > 1 and all(_words(p) == 1 for p in pieces[:-1]) \
            and _PREPOSITION.search(pieces[-1]):
        return [chunk]
    items = [pieces[0]]
    commas_at_top = False
    seen_preposition = bool(_PREPOSITION.search(pieces[0]))
    for index, (sep, piece) in enumerate(zip(seps, pieces[1:], strict=True)):
        previous = pieces[index]
        comma = "," in sep
        if _NO_SPLIT_START.match(piece) or previous.rstrip().endswith("ing"):
            split = False
        elif _ITEM_START.match(piece):
            split = True
        elif not seen_preposition and (comma or commas_at_top):
            split = True
            commas_at_top = commas_at_top or comma
        else:
            split = (bool(_PREPOSITION.search(previous)) and _words(previous) >= 2
                     and _words(piece) >= 2)
        if split:
            items.append(piece)
        else:
            items[-1] = items[-1] + sep + piece
        seen_preposition = seen_preposition or bool(_PREPOSITION.search(piece))
    return items


def _words(text: str) -> int:
    return len([w for w in re.findall(r"[\w'’-]+", text.lower()) if w not in STOP_WORDS])


def _tidy(item: str) -> str | None:
    item = item.strip(" ,.;:\"“”'‘’")
    while True:
        stripped = _LEADING.sub("", item)
        if stripped == item:
            break
        item = stripped
    item = re.sub(r"^(?:building|fostering|enhancing|strengthening)\s+(?=\S+\s+\S+)", "", item)
    item = item.replace("“", "").replace("”", "").replace('"', "")
    if not item or item.lower() in _VAGUE or _TIME_WORDS.match(item) or not content_stems(item):
        return None
    if len(item.split()) > 25:
        item = item.split(",")[0]
    return item[0].upper() + item[1:]


def _keep(topics: list[Topic], item: str, evidence: str) -> None:
    item = _tidy(item) if item else None
    if not item:
        return
    stems = content_stems(item)
    for existing in topics:
        if dice(stems, content_stems(existing.text)) >= 0.5:
            return
    topics.append(Topic(item, evidence))
