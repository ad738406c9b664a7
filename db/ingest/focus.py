"""Which sentences speak of the meeting the article is about: the anchor sentence (the first
that announces or reports a meeting), the meeting's date, and the sentences about other events
(an earlier round, a past summit, the next meeting) whose people, places and dates are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from db.ingest.dates import DateMention, adjust_for_span, find_mentions, resolve
from db.ingest.text import Article, Sentence
from db.vocab import Precision

MEETING = re.compile(
    r"\b(?:meet|meets|meeting|met|talks|summit|visit|visits|visited|visiting|call|conversation|"
    # "round-up": a digest of stories, not a round of talks
    r"dialogue|conference|session|round(?!-up)|consultations|negotiations|discussions|co-chair\w*|"
    r"chair\w*|host|hosts|hosted|hosting|attend\w*|working group|forum|ministerial|gathering|"
    r"gathered|council|convene\w*|received|receive|receives|welcomed|hold|holds|held|"
    r"video ?conference|phone|telephone)\b",
    re.IGNORECASE,
)
# Cues that a sentence is about another event than the article's meeting.
OTHER_EVENT = re.compile(
    r"\b(?:last|previous|previously|earlier|ago|first round|next round|next meeting|"
    r"next summit|next session|again|came|comes|follows|followed|following|on the heels|"
    r"had met|had held|had visited|had hosted|had spoken|had talked|similar meeting|"
    r"the last time|(?:travel|move|head|fly|go|continue)[sd]?\s+on\s+to|"
    r"(?:travelled|traveled|flew|went|continued)\s+on\s+to)\b",
    re.IGNORECASE,
)
# "called again for a ceasefire": a demand repeated, not a meeting held again.
_REPEATED_CALL = re.compile(r"\b(?:call|urg|press|appeal|ask|warn|demand|repeat|stress)\w*\s+"
                            r"(?:\w+\s+)?$", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|set to|due to|expected to|scheduled|schedule|plans? to|"
    r"planned|upcoming|to meet|to hold|to visit|to discuss|to host|to attend|to travel|"
    r"to convene|to resume|to begin|to open|to take part|to participate|is to be|are to be|"
    r"to be held|will be|going to|intends? to|next week|tomorrow|meets?|holds?|hosts?|ends)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:held|met|took place|was|were|discussed|visited|hosted|attended|had|agreed|signed|"
    r"spoke|talked|received|reviewed|conferred|yesterday|ago|ended|concluded|wrapped up|"
    r"gathered|chaired|welcomed|exchanged|thanked|joined|underlined|stressed|emphasized|closed|"
    r"emphasised|reaffirmed|noted|briefed)\b",
    re.IGNORECASE,
)
# Titles of a digest of several stories; the meeting is one story inside it.
DIGEST = re.compile(r"\b(?:news in brief|in brief|briefs|round-?up|digest)\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|reported|stated|added|according)\b",
                        re.IGNORECASE)


@dataclass
class SentenceInfo:
    sentence: Sentence
    mentions: list[DateMention] = field(default_factory=list)
    meeting: bool = False
    other_cue: bool = False
    future: bool | None = None
    other: bool = False  # about another event: its people, places and topics are left out
    other_at: int | None = None  # where the cue or date that makes it `other` starts
    # Where the clause about the other event ends, when another clause follows ("... attended
    # last year's session, but the delegation will this time be led by ..."); None: at the end.
    other_end: int | None = None
    # Where an agenda cue starts when the other event is only the object of it ("X briefed
    # leaders on preparations for the summit in August"): who speaks before it is here.
    object_at: int | None = None
    # Spans of a relative clause about another event (", who spoke with X on Monday,").
    asides: list[tuple[int, int]] = field(default_factory=list)
    # Where the clause holding the cue for another event starts ("X will travel to Y next week,
    # as the two build on a pact signed last year": X is before it, at this meeting).
    other_from: int = 0
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def plain(self) -> str:
        """The text with its asides blanked out (same length, so offsets stay valid)."""
        text = self.sentence.text
        for start, end in self.asides:
            text = text[:start] + " " * (end - start) + text[end:]
        return text


@dataclass
class Focus:
    infos: list[SentenceInfo]
    anchor: SentenceInfo | None
    main: DateMention | None
    first: dt.date | None = None
    last: dt.date | None = None
    precision: Precision | None = None
    notes: list[str] = field(default_factory=list)

    def about_meeting(self) -> list[SentenceInfo]:
        return [i for i in self.infos if not i.other]


def tense(text: str, near: int | None = None) -> bool | None:
    """True for future, False for past, None when the sentence does not say. With `near`, the
    cue closest to that offset decides ("will meet Monday ..., France said Sunday")."""
    cues = [(m.start(), True) for m in FUTURE.finditer(text)]
    # "the first time the talks have been held there": the perfect tells the history
    cues += [(m.start(), False) for m in PAST.finditer(text)
             if not _REPORTING.match(text, m.start())
             and not re.search(r"\b(?:has|have)\s+(?:been\s+)?$", text[:m.start()])]
    # Reporting verbs say when it was said, not when the meeting is.
    cues = [c for c in cues if not re.match(r"(?:said|told|announced)", text[c[0]:], re.I)]
    if not cues:
        return None
    if near is None:
        futures = sum(1 for _, f in cues if f)
        if futures * 2 == len(cues):
            return cues[0][1]
        return futures * 2 > len(cues)
    # "gathered on Friday for a summit that will be remembered": a relative clause after the
    # date speaks of something else than the verb the date goes with
    own = [c for c in cues if c[0] < near or not re.search(r"\b(?:that|which|who)\s+$",
                                                            text[:c[0]], re.IGNORECASE)]
    return min(own or cues, key=lambda c: abs(c[0] - near))[1]


def analyse(article: Article, published: dt.date | None, today: dt.date | None = None) -> Focus:
    base = published or today or dt.date.today()
    context_year = _first_year(article)
    infos = []
    for sentence in article.sentences:
        info = SentenceInfo(sentence)
        info.meeting = bool(MEETING.search(sentence.text))
        info.other_cue = _other_cue(sentence.text) is not None
        info.future = tense(sentence.text)
        info.mentions = find_mentions(sentence.index, sentence.text)
        if sentence.is_title and DIGEST.search(sentence.text):
            # "News in brief: Wednesday, September 24": the digest's day, not a meeting's
            info.meeting, info.mentions = False, []
        for mention in info.mentions:
            future = tense(sentence.text, mention.start)
            resolve(mention, base, future, published is not None, context_year)
            adjust_for_span(mention, sentence.text)
        infos.append(info)
    anchor = _anchor(infos)
    for info in infos:
        info.score = _score(info, anchor)
    main = _main_date(infos)
    if main is None and article.dateline and anchor is not None:
        main = _dateline_date(article.dateline, infos, base, published is not None, context_year)
    focus = Focus(infos, anchor, main)
    if main is not None:
        focus.first, focus.last, focus.precision = main.first, main.last, main.precision
        if main.assumed:
            focus.notes.append(main.assumed)
    _mark_other_events(focus)
    if infos and infos[0].sentence.is_title and DIGEST.search(infos[0].text) and anchor:
        _other_stories(focus)
    return focus


def _other_stories(focus: Focus) -> None:
    """In a digest, only the anchor's story (from its heading to the next heading) is about
    the meeting; the people and places of the other stories are left out."""
    def heading(info: SentenceInfo) -> bool:
        same = [i for i in focus.infos if i.sentence.paragraph == info.sentence.paragraph]
        return len(same) == 1 and not re.search(r"[.!?][\"”’)]?$", info.text.strip())

    anchor = focus.anchor.sentence.index
    start = next((i.sentence.index for i in reversed(focus.infos)
                  if i.sentence.index <= anchor and heading(i) and not i.sentence.is_title), 0)
    end = next((i.sentence.index for i in focus.infos
                if i.sentence.index > anchor and heading(i)), None)
    for info in focus.infos:
        index = info.sentence.index
        if not info.sentence.is_title and (index < start or end is not None and index >= end):
            info.other, info.other_at, info.other_end = True, 0, None


def _other_cue(text: str) -> re.Match | None:
    for m in OTHER_EVENT.finditer(text):
        if m.group(0).lower() == "again" and _REPEATED_CALL.search(text[:m.start()]):
            continue
        return m
    return None


def _first_year(article: Article) -> int | None:
    m = re.search(r"\b((?:19|20)\d\d)\b", article.body)
    return int(m.group(1)) if m else None


def _anchor(infos: list[SentenceInfo]) -> SentenceInfo | None:
    body = [i for i in infos if not i.sentence.is_title]
    for info in body[:6]:
        if info.meeting and not info.other_cue:
            return info
    for info in infos:
        if info.meeting:
            return info
    return None


def _score(info: SentenceInfo, anchor: SentenceInfo | None) -> float:
    score = -0.15 * info.sentence.index
    if info is anchor:
        score += 3
    elif (anchor is not None and info.sentence.index == anchor.sentence.index + 1
          and not anchor.mentions and not info.other_cue):
        # A heading or lead without a date ("Tsahkna to host Finnish counterpart in
        # Tallinn"): the sentence that follows tells the story, with its date.
        score += 1.5
    if info.sentence.is_title:
        score += 1.5
    if info.meeting:
        score += 1
    if info.other_cue:
        score -= 4
    return score


_SPECIFIC = {Precision.DAY: 0.6, Precision.MONTH: 0.4, Precision.APPROXIMATE: 0.2,
             Precision.YEAR: -1.0}


_EXPLICIT = frozenset(["day", "range", "range2", "iso", "dotted"])


def _dateline_date(dateline: str, infos: list[SentenceInfo], base: dt.date, known: bool,
                   context_year: int | None) -> DateMention | None:
    """"Abu Dhabi, 14th October, 2024 (WAM) -- H.H. ... received ...": with no date in the
    text, a readout's meeting is on the day it was filed. The mention is kept on the first
    sentence of the text, which the dateline opened."""
    first = next((i for i in infos if not i.sentence.is_title), None)
    if first is None or first.future:
        return None
    for mention in find_mentions(first.sentence.index, re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1",
                                                              dateline)):
        resolve(mention, base, False, known, context_year)
        if mention.first is not None and mention.precision is Precision.DAY:
            return mention
    return None


def _main_date(infos: list[SentenceInfo]) -> DateMention | None:
    best, best_score = None, None
    for info in infos:
        for mention in info.mentions:
            if (mention.first is None or mention.reported or mention.possessive
                    or mention.deadline or mention.kind == "year"):
                continue
            score = info.score + _SPECIFIC[mention.precision]
            if best_score is None or score > best_score:
                best, best_score = mention, score
    if best is not None and best.precision in (Precision.APPROXIMATE, Precision.MONTH) \
            and best.first and best.last:
        # "will travel to Australia next week ... talks in Canberra on Monday, June 17": a day
        # inside the vaguer span, in a sentence about this meeting, says which day it is
        inside = [(info.score, m) for info in infos for m in info.mentions
                  if m.precision is Precision.DAY and m.first and not info.other_cue
                  and info.meeting and not (m.reported or m.possessive or m.deadline)
                  and best.first <= m.first <= best.last]
        if inside:
            best = max(inside, key=lambda pair: pair[0])[1]
    if best is not None and best.kind == "weekday":
        # "on Friday, 5 December" or "closed on Friday after talks on 5 and 6 December": the
        # written date that holds the weekday says the same, with the first day of a range.
        info = next(i for i in infos if i.sentence.index == best.sentence)
        for mention in info.mentions:
            if (mention.kind in _EXPLICIT and mention.first and mention.last
                    and mention.first <= best.first <= mention.last):
                return mention
    return best


def _mark_other_events(focus: Focus) -> None:
    """A sentence is about another event when it has a cue for one ("last", "next round") or a
    date outside the meeting's days; the anchor and the sentence with the main date never are.
    A date inside a relative clause (", whose country takes over in January,") describes
    someone, not the sentence's event, so it does not count."""
    for info in focus.infos:
        if info is focus.anchor or (focus.main and info.sentence.index == focus.main.sentence):
            continue
        if info.other_cue:
            info.other = True
            info.other_at = _other_cue(info.text).start()
            info.other_from = clause_start(info.text, info.other_at)
            info.other_end = clause_end(info.text, info.other_at)
            info.object_at = _object_at(info.text, info.other_at)
            continue
        if focus.first is None:
            continue
        for mention in info.mentions:
            if mention.first is None or mention.reported or mention.deadline:
                continue
            if re.search(r"\bsince\s+$", info.text[:mention.start], re.IGNORECASE):
                continue  # "for the first time since 2022": how long, not another event
            low = focus.first - dt.timedelta(days=1)
            high = (focus.last or focus.first) + dt.timedelta(days=1)
            if not (mention.possessive or mention.last < low or mention.first > high):
                continue
            aside = relative_clause(info.text, mention.start)
            if aside:
                info.asides.append(aside)
                continue
            info.other, info.other_at = True, mention.start
            info.other_end = clause_end(info.text, mention.start)
            info.object_at = _object_at(info.text, mention.start)
            break


_AGENDA_VERB = re.compile(
    r"\b(?:discuss\w*|brief\w*|review\w*|preparations?\s+for|focus\w*\s+on|address\w*|"
    r"exchanged\s+views|talked\s+about|agreed\s+on|considered|examined|raised)\b", re.IGNORECASE)


def _object_at(text: str, other_at: int) -> int | None:
    m = _AGENDA_VERB.search(text[:other_at])
    return m.start() if m else None


# Where one clause ends and another, with its own subject or verb, begins.
_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:but|while|whereas)\s+|,\s+and\s+|\s+and\s+(?=(?:\w+ed|took|held|met|spoke|"
    r"agreed|said|will|would)\b)", re.IGNORECASE)


# A subordinate clause that opens after a comma: its time is its own.
_CLAUSE_OPEN = re.compile(r",\s+(?:as|after|when|while|since|following|whereas)\s+|;",
                          re.IGNORECASE)


def clause_start(text: str, offset: int) -> int:
    """Where the subordinate clause holding `offset` starts, or 0 (the whole sentence)."""
    found = [m.start() for m in _CLAUSE_OPEN.finditer(text, 0, offset)]
    return found[-1] if found else 0


def clause_end(text: str, offset: int) -> int | None:
    """The start of the next clause after `offset`, or None when the sentence ends first."""
    m = _CLAUSE_BREAK.search(text, offset)
    return m.end() if m else None


_RELATIVE = re.compile(r",\s+(?:who|whose|which|whom)\b[^,;]*$", re.IGNORECASE)


def relative_clause(text: str, offset: int) -> tuple[int, int] | None:
    """The span of a clause ", who/whose/which ...," still open at `offset`, commas included,
    or None."""
    m = _RELATIVE.search(text[:offset])
    if not m:
        return None
    close = re.search(r"[,;]|$", text[offset:])
    end = offset + close.start() + (1 if close.group(0) == "," else 0)
    return m.start(), end
