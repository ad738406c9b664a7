"""Agenda topics: the phrases after agenda cues ("will discuss", "the agenda includes", "talks
on", "conferred on", "X will be on the agenda"), cut at the end of their clause and split into
items where the text lists several ("A, B and the C"). The cues are in cues.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.cues import CLAUSE_END, OBJECT_CUES, PURPOSE, SAID_THAT, SUBJECT_CUE
from db.ingest.dates import MONTH, WEEKDAY
from db.ingest.focus import Focus, SentenceInfo
from db.ingest.text import BULLET
from db.ingest.words import STOP_WORDS, content_stems, dice

# ", which Poland wants to advance during its presidency," inside a list that goes on
# (", the reconstruction of ...") is an aside, dropped so the list is read whole.
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;:]*,(?=\s+(?:and\s+)?(?:the|an?|its|"
                    r"their|his|her)\s)", re.IGNORECASE)
# "focused on three things: A; B; and C", "discussed the following:"
_LIST_INTRO = re.compile(
    r"^\s*(?:(?:the\s+)?following(?:\s+\w+)?|(?:these|several|a\s+few|a\s+number\s+of|"
    r"two|three|four|five|six|seven|\d+)\s+(?:main\s+|key\s+|major\s+|principal\s+)?"
    r"(?:things|issues|topics|items|questions|areas|points|subjects|matters|priorities|"
    r"themes))?\s*:", re.IGNORECASE)
_COLON_LIST = re.compile(r"\b(?:issues|topics|items|priorities|questions|subjects|themes|"
                         r"agenda|things)\b[^:;]{0,60}:\s*(?=\S)", re.IGNORECASE)
# A sentence that announces a list in the next lines: "The agenda covered:".
_LIST_HEAD = re.compile(r"\b(?:agenda|topics|issues|items|discuss\w*|cover\w*|includ\w*|"
                        r"focus\w*|review\w*|address\w*)\b[^:]{0,60}:\s*$", re.IGNORECASE)
# "addressed the General Assembly": an audience spoken to, not a subject.
_AUDIENCE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}(?:Assembly|Conference|Summit|"
                       r"Parliament|Congress|Senate|Council|Forum|Plenary|plenary|nation|"
                       r"reporters|journalists|press|media|audience|delegates|participants|"
                       r"gathering|crowd|students|session|meeting|conference|summit|forum)\b")
_STARTS_WITH_DATE = re.compile(rf"^(?:on\s+)?(?:\d|{MONTH}\s+\d|{WEEKDAY}\b)")
_NO_SPLIT_START = re.compile(r"^(?:with|in|on|of|for|to|at|by|from|particularly|especially|"
                             r"including|such as|notably|other|related|similar|those|that|"
                             r"which|as|above all|in particular|chiefly|mainly)\b", re.IGNORECASE)
_ITEM_START = re.compile(r"^(?:(?:the|a|an|its|their|his|her|both|all|our)\b|[A-Z])", 0)
_PREPOSITION = re.compile(r"\b(?:of|in|on|for|to|against|with|at|from|between|among|into|"
                          r"about|over|within)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:the|a|an|also|both|were|was|are|is|further|ongoing|continued|"
                      r"possible|its|their|his|her|our|(?:nations|countries|sides|parties|states)['’]|evolving|"
                      r"potential|current|various)\s+", re.IGNORECASE)
_TIME_WORDS = re.compile(r"^(?:the\s+)?(?:first|second|third|last|final|next|opening|closing)"
                         r"\s+(?:day|round|session)\b|^(?:today|tomorrow|monday|tuesday|wednesday|"
                         r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)
# An action noun whose object is one word, then "and": the next words share the object's
# head ("protection of land and sea borders").
_SHARED_HEAD = re.compile(r"\b\w+(?:ing|tion|sion|ment|ance|ence)\s+of\s+(?:the\s+)?"
                          r"(?:[\w'’-]+\s+)?[\w'’-]+$", re.IGNORECASE)
_NAME_PAIR = re.compile(r"\b(?:of|in|between|with|to|from|and|for)\s+[A-Z][\w'’-]+$")
# Not subjects: a span of time ("two years after the outbreak"), a verb with a pronoun for
# its object ("vowed to keep fighting it"), a person by rank ("General X"), an adverbial
# clause ("following the completion of ...").
_NOISE = re.compile(
    r"^(?:(?:\w+|\d+)\s+(?:years?|months?|weeks?|days?)(?:\s+(?:ago|later|on))?$|"
    r"(?:\w+\s+){0,2}\w+ing\s+(?:it|them|this|that)$|"
    r"(?-i:(?:General|Gen\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|H\.E\.)\s+(?!Assembly|Council|Conference|Staff|Secretariat)[A-Z][a-z]\w*(?:[\s-]+[A-Z]\w+|"
    r"\s+(?:al|el|bin|de|da)(?:-\w+)?){0,4})$|"
    r"(?:following|ahead of|prior to)\s)", re.IGNORECASE)
_VAGUE = frozenset({"issues", "matters", "topics", "questions", "things", "it", "this", "that",
                    "them", "these", "those", "other issues", "a number of issues"})


@dataclass(frozen=True)
class Topic:
    text: str  # the phrase as the article puts it, tidied: "Fight against ISIS (Daesh) ..."
    evidence: str


def find_topics(focus: Focus, held: bool) -> list[Topic]:
    topics: list[Topic] = []
    infos = [i for i in focus.infos if not i.sentence.is_title]
    for index, info in enumerate(infos):
        # A sentence about another event still gives the agenda its cues announce before the
        # other event comes up ("They also reviewed preparations for the next session").
        limit = info.other_at if info.other else None
        if info.other and limit is None:
            continue
        phrases = _phrases(info.plain, held, limit)
        if info.other and info.other_end is not None:
            # a later clause about this meeting ("..., but the agenda will include X")
            after = " " * info.other_end + info.plain[info.other_end:]
            phrases += [p for p in _phrases(after, held) if p not in phrases]
        for phrase in phrases:
            for item in split_items(phrase):
                _keep(topics, item, info.text)
        if not info.other and _LIST_HEAD.search(info.text) and _phrases_open(info.text, held):
            for item, evidence in _list_below(infos, index):
                _keep(topics, item, evidence)
    if not topics:
        for info in focus.infos:
            if info.sentence.is_title:
                m = re.search(r"\b(?:to\s+)?(?:discuss|discusses|talk|talks|eye|focus on)\s+(.+)$",
                              info.text, re.IGNORECASE)
                if m:
                    for item in re.split(r",\s*|\s+and\s+", m.group(1)):
                        _keep(topics, item, info.text)
    return topics


def _cues(text: str, held: bool, limit: int | None = None):
    """Agenda cues in `text` (start and end of each), before `limit` when given."""
    for past, cue in OBJECT_CUES:
        if past and not held:
            continue
        for m in re.finditer(cue, text, re.IGNORECASE):
            if limit is not None and m.start() >= limit:
                continue
            if m.group(0).lower().startswith("to ") and not PURPOSE.search(
                    text[max(0, m.start() - 140):m.start()]):
                continue  # "a partnership to address threats": a purpose, not an agenda
            yield m


def _phrases_open(text: str, held: bool) -> bool:
    """Whether an agenda cue (or the word agenda) ends the sentence at a colon: the list
    follows in the next lines."""
    if re.search(r"\bagenda\b", text, re.IGNORECASE):
        return True
    if re.search(r"\b(?:including|such\s+as|notably|in\s+particular|among\s+them|as\s+follows)"
                 r"\s*:\s*$", text, re.IGNORECASE):
        return any(True for _ in _cues(text, held))
    return any(_LIST_INTRO.match(text[m.end():]) for m in _cues(text, held))


def _list_below(infos: list[SentenceInfo], index: int) -> list[tuple[str, str]]:
    """The items of a list under a sentence ending in a colon: the bullet paragraphs that
    follow, or the one paragraph that follows with items separated by semicolons."""
    head = infos[index]
    items: list[tuple[str, str]] = []
    paragraph = None
    for info in infos[index + 1:]:
        if info.sentence.paragraph == paragraph:
            continue  # one sentence per item: the rest of a bullet is comment
        bullet = BULLET.match(info.text)
        if paragraph is not None and not bullet:
            break
        if paragraph is None and info.sentence.paragraph == head.sentence.paragraph:
            break
        paragraph = info.sentence.paragraph
        text = info.text[bullet.end():] if bullet else info.text
        for chunk in re.split(r"\s*;\s*", text):
            chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
            items.append((_clause(chunk), info.text))
        if not bullet:
            break
    return items


def _phrases(text: str, held: bool, limit: int | None = None) -> list[str]:
    phrases = []
    for m in _cues(text, held, limit):
        rest = text[m.end():]
        if re.match(r"\s+(?:the\s+)?[A-Z]", rest) and m.group(0).lower() == "addressed" \
                and _AUDIENCE.match(rest.strip()):
            continue  # "addressed the General Assembly"
        intro = _LIST_INTRO.match(rest)
        if intro:
            # "focused on three things: A; B; and C": the items after the colon
            for chunk in re.split(r"\s*;\s*", rest[intro.end():]):
                chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
                if chunk:
                    phrases.append((m.start(), _clause(chunk)))
            continue
        if re.search(r"\b(?:including|such\s+as|notably|in\s+particular|among\s+them|"
                     r"as\s+follows)\s*:\s*$", rest, re.IGNORECASE) and CLAUSE_END.search(
                         rest[:-1]) is None:
            continue  # "reviewed the whole range of relations, including:" and a list below
        clause = _clause(rest)
        if _STARTS_WITH_DATE.match(clause.strip()):
            continue  # "talks on 5 and 6 December": when, not what
        if re.match(r"\s*(?:as\s+well|too|also)\b", clause, re.IGNORECASE):
            continue  # "X was raised as well": the subject came before the verb
        phrases.append((m.start(), clause))
    m = _COLON_LIST.search(text)
    if m and (limit is None or m.start() < limit):
        # "Three issues are likely to dominate: A, B and C" / "The agenda: A; B; C"
        rest = text[m.end():]
        chunks = re.split(r"\s*;\s*", rest) if ";" in rest else [rest]
        for chunk in chunks:
            chunk = re.sub(r"^(?:and|or)\s+", "", chunk.strip())
            if chunk:
                phrases.append((m.start(), _clause(chunk)))
    m = SUBJECT_CUE.search(text)
    if m and (limit is None or m.start() < limit) and not re.match(r"\s*:", text[m.end():]):
        subject = text[: m.start()]
        subject = re.sub(r"^.*?\b(?:While|Although|Though|Whereas|As|And|But)\s+", "", subject)
        subject = re.sub(r"^(?:Meanwhile|However|Also|Still|Yet|Now|Instead),\s+", "", subject)
        subject = SAID_THAT.sub("", subject)
        subject = re.sub(r"^\s*(?:the\s+)?(?:progress|developments?|work)\s+(?:on|in|towards?)\s+",
                         "", subject, flags=re.IGNORECASE)
        phrases.append((0, subject))
    # A phrase inside another cue's phrase is the same agenda read twice.
    phrases.sort(key=lambda p: p[0])
    kept: list[str] = []
    for _, phrase in phrases:
        phrase = phrase.strip(" ,.'")
        if not re.fullmatch(r"[\"“][^\"“”]*[\"”]", phrase):
            phrase = phrase.strip("\"“”")  # a whole quotation stays one item when split
        if phrase and not any(phrase in other for other in kept):
            kept = [other for other in kept if other not in phrase]
            kept.append(phrase)
    return kept


# "a wind farm that two firms plan to build, and the ...": a relative clause inside a list
_THAT_ASIDE = re.compile(r"\s+that\s+(?:[\w'’-]+\s+){1,6}?(?:have|has|had|plans?|hopes?|wants?|"
                         r"intends?)\s[^,;:.]*(?=,)")


def _clause(rest: str) -> str:
    # "discussed in particular the ceasefire, ...": the items, not the emphasis
    rest = re.sub(r"^\s*,?\s*(?:in\s+particular|notably|especially|particularly|above\s+all|"
                  r"among\s+other\s+things|inter\s+alia),?\s+", " ", rest, flags=re.IGNORECASE)
    rest = _ASIDE.sub(",", rest)
    rest = _THAT_ASIDE.sub("", rest)
    # "progress on a mobility agreement", "the state of the talks on X": the subject is X
    rest = re.sub(r"^\s*(?:the\s+)?(?:progress|developments?|work)\s+(?:on|in|towards?)\s+",
                  "", rest, flags=re.IGNORECASE)
    m = CLAUSE_END.search(rest)
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


_AMONG = re.compile(r"\b(?:among|between)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
                    r"(?:\s+(?-i:[A-Z])[\w'’-]*)?$", re.IGNORECASE)


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
            and _PREPOSITION.search(pieces[-1]) and not re.match(r"on\s", pieces[-1]):
        return [chunk]
    # "A, B in X and the Y, and C": with a comma before the last "and", the commas separate
    # the items and a bare "and" is inside one.
    oxford = bool(re.search(r",\s+(?:and|or)\s+", chunk))
    items = [pieces[0]]
    commas_at_top = False
    sub_list = False  # after "including", "above all": a bare "and" joins the sub-items
    seen_preposition = bool(_PREPOSITION.search(pieces[0]))
    among = False
    for index, (sep, piece) in enumerate(zip(seps, pieces[1:], strict=True)):
        previous = pieces[index]
        comma = "," in sep
        series = _words(previous) == 1 and index > 0 and "," in seps[index - 1]
        if (among or _AMONG.search(previous)) and re.match(r"(?:the\s+)?[A-Z]", piece):
            # "cooperation among Japan, the Philippines and the United States": the countries
            # name who cooperates, they are not items of their own
            among = not re.search(r"\band\s+$", sep)
            split = False
        elif re.fullmatch(r",?\s+and\s+", sep) and (
                rep := re.match(r"(?:on|about|of)\s+(?!to\b)", piece)):
            # "focused on X and on Y", "the importance of X and of Y": the repeated preposition
            # opens a second item
            split, piece = True, piece[rep.end():]
            sub_list = False
        elif (sub_list and not comma or _NO_SPLIT_START.match(piece)
                or previous.rstrip().endswith("ing") or oxford and not comma):
            split = False
        elif oxford and re.fullmatch(r",\s+(?:and|or)\s+", sep) and _words(items[-1]) >= 2 \
                and not series:  # "security, stability, and territorial integrity of X"
            split = True
        elif oxford and comma and not series and (
                _words(piece) >= 2 or index + 1 < len(seps) and "," not in seps[index + 1]):
            split = True  # "A under X, B and C, D in Y and Z, and E": commas part the items
        elif not comma and _SHARED_HEAD.search(previous) and not re.match(
                r"(?:the|an?|its|their|his|her)\b", piece, re.IGNORECASE):
            split = False  # "recruitment of local nurses and IT staff by foreign firms"
        elif not comma and re.search(r"\bbetween\s+(?!.*\band\b)", previous, re.IGNORECASE):
            split = False  # "the summit between the GCC and the EU"
        elif not comma and _NAME_PAIR.search(previous) and re.fullmatch(
                r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", piece.strip()):
            split = False  # "the land borders of Ceuta and Melilla"
        elif _ITEM_START.match(piece):
            split = True
            commas_at_top = commas_at_top or comma and not seen_preposition
        elif not seen_preposition and (comma or commas_at_top):
            split = True
            commas_at_top = commas_at_top or comma
        elif not comma and _SHARED_HEAD.search(previous):
            split = False  # "the strengthening of air and missile defence": one object
        elif (not comma and not _PREPOSITION.search(previous) and _whole_noun(previous)
              and not _PREPOSITION.search(piece)  # "framework and timeline for X": shared
              and not re.match(r"\w+ing\b", previous.strip())):  # "countering A and B"
            split = True  # "Ukraine and defence production", "semiconductors and defence ties"
        else:
            # "the ceasefire between Russia and Ukraine, maritime security in X": the item so
            # far (not only the last piece) is a whole phrase with its complement
            whole = comma and not series and not oxford
            split = (bool(_PREPOSITION.search(items[-1] if whole else previous))
                     and _words(items[-1] if whole else previous) >= 2 and _words(piece) >= 2)
        if re.match(r"(?:including|especially|above all|notably|particularly|in particular|"
                    r"such as|chiefly|mainly)\b", piece, re.IGNORECASE):
            sub_list = True
        if split:
            items.append(piece)
        else:
            items[-1] = items[-1] + sep + piece
        seen_preposition = seen_preposition or bool(_PREPOSITION.search(piece))
    return items


def _whole_noun(text: str) -> bool:
    """Whether a phrase before "and" is a noun phrase of its own, not an adjective sharing the
    next noun ("humanitarian and security challenges"): two content words, a name, or a
    plural."""
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in STOP_WORDS]
    if len(words) >= 2:
        return True
    return bool(words) and (words[0][:1].isupper() or
                            bool(re.search(r"[^su]s$|ics$", words[0].lower())))


def _words(text: str) -> int:
    return len([w for w in re.findall(r"[\w'’-]+", text.lower()) if w not in STOP_WORDS])


def _tidy(item: str) -> str | None:
    item = item.strip(" ,.;:\"“”'‘’")
    item = re.sub(r"^\(?(?:\d{1,2}|[a-h])\)\s+|^\d{1,2}\.\s+", "", item)  # "1) raising trade"
    while True:
        stripped = _LEADING.sub("", item)
        if stripped == item:
            break
        item = stripped
    item = re.sub(r"^(?:building|fostering|enhancing|strengthening)\s+(?:of\s+(?:the\s+)?)?"
                  r"(?=\S+\s+\S+)", "", item)
    item = item.replace("“", "").replace("”", "").replace('"', "")
    if not item or item.lower() in _VAGUE or _TIME_WORDS.match(item) or not content_stems(item) \
            or _NOISE.match(item):
        return None
    if len(item.split()) > 12:
        # "the situation in the South China Sea, including dangerous maneuvers ...": the
        # subject, without the examples that spell it out
        item = re.split(r",\s+(?:including|such as|especially|notably|in particular)\b", item)[0]
    head = re.split(r",\s+(?:including|such as|especially|notably|in particular)\b", item)[0]
    if head != item and len(head.split()) >= 3:
        item = head
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
