"""Date expressions in an article ("May 20", "5-6 December", "December 2017", "on Thursday",
"next week") and their resolution against the article's publication date, with precision.

Expressions are found with the patterns below; explicit ones are read by dateparser (imported
lazily: it takes a quarter of a second to load); weekdays and relative words are resolved here,
in the direction the sentence's tense gives (a "Monday" the ministers "will meet" on is the next
one, a "Friday" they "met" on the last one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.vocab import Precision

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|–|—|to|and|until)\s*"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Most specific first; a later pattern never matches inside an earlier match.
_PATTERNS = [
    ("range2", rf"(?P<m1>{MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{MONTH})\s+(?P<d2>{_DAY})"
               rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("range2", rf"(?P<d1>{_DAY})\s+(?P<m1>{MONTH}){_DASH}(?P<d2>{_DAY})\s+(?P<m2>{MONTH})"
               rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("range", rf"(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m1>{MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("range", rf"(?P<m1>{MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("day", rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("day", rf"(?P<m1>{MONTH})\s+(?P<d1>{_DAY})(?![\d,]*\d{{3}})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("iso", r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"),
    ("dotted", r"(?P<dotted>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)"),
    ("month", rf"(?:(?P<part>early|mid|late|end of|beginning of|start of)[\s-]+)?(?P<m1>{MONTH})"
              rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))"),
    ("month", rf"(?:(?<=\bin )|(?<=\bduring )|(?<=\bby )|(?<=\buntil )|(?<=\bfor )|(?<=\bearly )|"
              rf"(?<=\bmid-)|(?<=\blate )|(?<=\bnext )|(?<=\bthis )|(?<=\bsince )|(?<=\bfrom ))"
              rf"(?P<m1>{MONTH})(?![\w])"),
    ("weekday", rf"(?P<wd>{WEEKDAY})(?P<poss>['’]s)?"),
    ("relative", r"(?i:(?P<rel>today|tomorrow|yesterday|tonight|this week|next week|last week|"
                 r"later this week|earlier this week|this weekend|next weekend|later this month|"
                 r"next month|this month|last month|earlier this month|later this year|next year|"
                 r"this year|last year|in the coming days|coming days|next spring|next summer|"
                 r"next autumn|next fall|next winter))"),
    ("year", rf"(?<![\w-])(?P<y>{_YEAR})(?![\w-])"),
]
_COMPILED = [(kind, re.compile(rf"(?<![\w]){p}(?![\w])")) for kind, p in _PATTERNS]

# A date right after "said" is when something was said, not when the meeting is.
_REPORTED = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|stated|confirmed|added|noted|wrote|declared|"
    r"tweeted|posted)\s*(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE
)


@dataclass
class DateMention:
    sentence: int
    start: int
    end: int
    text: str
    kind: str
    precision: Precision | None = None
    first: dt.date | None = None  # first possible day
    last: dt.date | None = None  # last day of a range, or of the month for month precision
    reported: bool = False  # "said on Friday": when it was said
    possessive: bool = False  # "Sunday's election": another event's day
    deadline: bool = False  # "by 2030": a target, not an event
    year_given: bool = True
    assumed: str | None = None  # how the missing year was chosen, for the notes
    groups: dict | None = None  # the pattern's named groups


_TARGET = re.compile(r"\b(?:complete[ds]?|finish(?:ed|es)?|finali[sz]e[ds]?|conclude[ds]?|"
                     r"ready|done|achieved?|reached?)\s+(?:\w+\s+){0,2}?(?:in|by)\s+$",
                     re.IGNORECASE)


def find_mentions(sentence_index: int, text: str) -> list[DateMention]:
    taken: list[tuple[int, int]] = []
    found: list[tuple[re.Match, str]] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m, kind))
    mentions = []
    for m, kind in sorted(found, key=lambda f: f[0].start()):
        before = text[: m.start()]
        mention = DateMention(sentence_index, m.start(), m.end(), m.group(0), kind,
                              groups=m.groupdict())
        mention.reported = bool(_REPORTED.search(before))
        mention.possessive = bool(m.groupdict().get("poss"))
        mention.deadline = kind == "year" and bool(re.search(r"\b(?:by|until|before|through)\s+$",
                                                             before, re.IGNORECASE))
        # "which it hopes to complete in October": when a goal is to be reached, not an event
        mention.deadline = mention.deadline or kind in ("year", "month") and bool(
            _TARGET.search(before))
        mentions.append(mention)
    return mentions


def _month(text: str) -> int:
    return _MONTHS[text.strip(".").lower()[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(mention: DateMention, base: dt.date, future: bool | None, base_known: bool,
            context_year: int | None) -> None:
    """Fill `mention`'s dates from its text. `base` is the publication date (or today);
    `future` is the sentence's tense (None: unknown); `context_year` is a year the article
    itself names, used when there is no publication date."""
    g = mention.groups or {}
    kind = mention.kind
    if kind in ("day", "range", "range2"):
        month = _month(g["m1"])
        day = _day(g["d1"])
        if g.get("y"):
            year = int(g["y"])
        else:
            mention.year_given = False
            year = _pick_year(month, day, base, future, base_known, context_year, mention)
        first = _safe(year, month, day)
        if first is None:
            return
        last = first
        if kind == "range":
            last = _safe(year, month, _day(g["d2"])) or first
        elif kind == "range2":
            month2 = _month(g["m2"])
            last = _safe(year + (1 if month2 < month else 0), month2, _day(g["d2"])) or first
        mention.first, mention.last, mention.precision = first, last, Precision.DAY
    elif kind in ("iso", "dotted"):
        parsed = _dateparser(mention.text, base)
        if parsed:
            mention.first = mention.last = parsed
            mention.precision = Precision.DAY
    elif kind == "month":
        month = _month(g["m1"])
        if g.get("y"):
            year = int(g["y"])
        else:
            mention.year_given = False
            year = _pick_year(month, 15, base, future, base_known, context_year, mention,
                              slack=20)
        mention.first = dt.date(year, month, 1)
        mention.last = _month_end(mention.first)
        mention.precision = Precision.MONTH
    elif kind == "weekday":
        target = _WEEKDAYS.index(g["wd"].lower())
        delta = (target - base.weekday()) % 7
        if future is False:
            delta = delta - 7 if delta else 0
        day = base + dt.timedelta(days=delta)
        mention.first = mention.last = day
        mention.precision = Precision.DAY
        mention.year_given = base_known
        if not base_known:
            mention.assumed = "the weekday was counted from today (the article has no date)"
    elif kind == "relative":
        _relative(mention, g["rel"].lower(), base)
        mention.year_given = base_known
    elif kind == "year":
        mention.first = dt.date(int(g["y"]), 1, 1)
        mention.last = dt.date(int(g["y"]), 12, 31)
        mention.precision = Precision.YEAR


def _pick_year(month: int, day: int, base: dt.date, future: bool | None, base_known: bool,
               context_year: int | None, mention: DateMention, slack: int = 3) -> int:
    if not base_known and context_year:
        mention.assumed = f"year {context_year} taken from elsewhere in the article"
        return context_year
    best = base.year
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        date = _safe(year, month, min(day, 28 if month == 2 else day))
        if date is None:
            continue
        distance = (date - base).days
        penalty = abs(distance)
        # The tense decides which side of the publication date the day falls on.
        if future is True and distance < -slack or future is False and distance > slack:
            penalty += 400
        candidates.append((penalty, year))
    if candidates:
        best = min(candidates)[1]
    source = "the article's date" if base_known else "today's date (the article has no date)"
    mention.assumed = f"year {best} assumed from {source}"
    return best


def _month_end(first: dt.date) -> dt.date:
    following = first.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def _relative(mention: DateMention, rel: str, base: dt.date) -> None:
    monday = base - dt.timedelta(days=base.weekday())
    if rel in ("today", "tonight"):
        first, precision = base, Precision.DAY
    elif rel == "tomorrow":
        first, precision = base + dt.timedelta(days=1), Precision.DAY
    elif rel == "yesterday":
        first, precision = base - dt.timedelta(days=1), Precision.DAY
    elif rel in ("next week", "next weekend"):
        first, precision = monday + dt.timedelta(days=7), Precision.APPROXIMATE
    elif rel == "last week":
        first, precision = monday - dt.timedelta(days=7), Precision.APPROXIMATE
    elif "week" in rel or rel in ("in the coming days", "coming days"):
        first, precision = base, Precision.APPROXIMATE
    elif rel == "next month":
        first = (base.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        precision = Precision.MONTH
    elif rel == "last month":
        first, precision = (base.replace(day=1) - dt.timedelta(days=1)).replace(day=1), \
            Precision.MONTH
    elif "month" in rel:
        first, precision = base.replace(day=1), Precision.MONTH
    elif rel == "next year" or rel.startswith("next "):
        first, precision = dt.date(base.year + 1, 1, 1), Precision.YEAR
    elif rel == "last year":
        first, precision = dt.date(base.year - 1, 1, 1), Precision.YEAR
    else:  # this year, later this year
        first, precision = dt.date(base.year, 1, 1), Precision.YEAR
    mention.first, mention.precision = first, precision
    mention.last = {
        Precision.DAY: first,
        Precision.APPROXIMATE: first + dt.timedelta(days=6),
        Precision.MONTH: _month_end(first),
        Precision.YEAR: dt.date(first.year, 12, 31),
    }[precision]


def _dateparser(text: str, base: dt.date) -> dt.date | None:
    import dateparser  # slow to import: only loaded when an explicit numeric date needs it

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
                  "DATE_ORDER": "YMD" if re.match(r"\d{4}-", text) else "DMY"},
    )
    return parsed.date() if parsed else None


_SPAN = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|[1-7])[- ]day\b|"
    # "ended after two days", "two days of talks"
    r"\bafter\s+(?P<n2>two|three|four|five|[2-5])\s+days\b|"
    r"\b(?P<n3>two|three|four|five|[2-5])\s+days\s+of\s+(?:talks|meetings|negotiations|"
    r"discussions|consultations)\b", re.IGNORECASE
)
_NTH_DAY = re.compile(
    r"\b(?P<nth>first|second|third|fourth|fifth|sixth|opening|final|last|closing)\s+day\b",
    re.IGNORECASE,
)
_ENDING = re.compile(r"\b(?:wrapped up|wraps up|ended|ends|concluded|concludes|closed|closes)\b",
                     re.IGNORECASE)


def adjust_for_span(mention: DateMention, sentence: str) -> None:
    """"the second day of the three-day talks on Friday": the talks began on Thursday. A
    "two-day summit" that "ended on Tuesday" began on Monday."""
    if mention.precision is not Precision.DAY or mention.first is None:
        return
    if mention.kind in ("range", "range2"):
        return  # "on 5 and 6 December" already says where it starts
    span = _SPAN.search(sentence)
    length = _number(span.group("n") or span.group("n2") or span.group("n3")) if span else None
    nth = _NTH_DAY.search(sentence)
    if nth and nth.start() < mention.start:
        word = nth.group("nth").lower()
        last_day = word in ("final", "last", "closing")
        index = (length or 1) if last_day else _NUMBERS.get(word, 1)
        start = mention.first - dt.timedelta(days=index - 1)
    elif length and _ENDING.search(sentence[: mention.start]):
        start = mention.first - dt.timedelta(days=length - 1)
    else:
        start = mention.first
    mention.first = start
    if length:
        mention.last = max(mention.last or start, start + dt.timedelta(days=length - 1))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBERS.get(text.lower(), 1)
