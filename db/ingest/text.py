"""Article text: checking and decoding the input, then cutting it into header (URL, title),
dateline, byline, trailer and numbered sentences that the other extractors read."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from db.errors import IngestError

MAX_BYTES = 1_000_000  # a long article is ~50 KB; more is a wrong file, not an article
MIN_WORDS = 8


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the article; the title is 0, body sentences count from 1
    text: str
    paragraph: int
    is_title: bool = False


@dataclass
class Article:
    """An article cut into parts; `sentences` starts with the title when there is one."""

    body: str
    url: str | None = None
    title: str | None = None
    dateline: str | None = None  # "JAKARTA, May 16 (Antara) -": where and by whom it was filed
    dateline_outlet: str | None = None
    byline: str | None = None  # the "By ..." line
    trailer: str | None = None  # "(Xinhua News Agency January 27, 2007)"
    note: str | None = None  # "(source URL not given; readout of the Polish Foreign Ministry)"
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.is_title]


def decode(data: bytes | str) -> str:
    """The article as text, or IngestError saying why it is not one (size, binary, encoding)."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise IngestError(
                f"the input is {_size(len(data))}; an article is at most {_size(MAX_BYTES)}"
            )
        if b"\x00" in data[:65536]:
            raise IngestError("the input is binary data (it contains NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")  # articles saved from old Windows tools
            except UnicodeDecodeError:
                raise IngestError(
                    f"the input is not UTF-8 text (undecodable byte at offset {exc.start})"
                ) from None
    else:
        text = data
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise IngestError(
                f"the text is {_size(len(text.encode('utf-8', 'surrogatepass')))}; an article is "
                f"at most {_size(MAX_BYTES)}"
            )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise IngestError("the text is empty")
    controls = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Co")
                   and ch not in "\n\t")
    if controls > max(2, len(text) // 200):
        raise IngestError(
            f"the input looks like binary data ({controls} control characters), not an article"
        )
    if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_WORDS:
        raise IngestError(f"the text is too short to describe a meeting (under {MIN_WORDS} words)")
    return text


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$", re.IGNORECASE)
_NOTE_LINE = re.compile(r"^\s*\(([^()]*)\)\s*$")
# "By Vafa Guliyeva", "BY JOHN SMITH, Reuters": one to five name words, perhaps an outlet.
_BYLINE = re.compile(
    r"^\s*(?:By|BY|Written by|Author:)\s+((?:[A-Z][\w.'’-]*\s*){1,5}(?:(?:,|\band\b|\|)\s*"
    r"[A-Z][\w .'’&-]{0,60})?)$"
)
_TRAILER = re.compile(r"^\s*\(([^()]{3,120})\)\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:[ -](?:(?:de|del|da|do|di|la|el)\s)?[A-Z][\w.'’-]*){0,3}"
    r"(?:,\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)?)"
    # "Sept 3", "May 16, 2025", "17 Nov": the day the story was filed, not the meeting's
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^()]{2,40})\)|/(?P<outlet2>[^/]{2,40})/|"
    # "TOKYO, June 13 Kyodo -": an agency named without brackets, after the filing date
    r"(?<=\d)\s(?P<outlet3>[A-Z][\w.]+(?: [A-Z][\w.]+)?)(?=\s*[-–—]))?"
    r"\s*(?P<sep>[-–—:]+|\.)\s+"
)


def split_article(text: str) -> Article:
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    url = note = None
    if lines and (m := _URL_LINE.match(lines[0])):
        url = m.group(1)
        lines.pop(0)
    elif lines and _NOTE_LINE.match(lines[0]):
        # "(source URL not given ...)": a note about the source, not article text; kept for
        # the government it may name (home.py)
        note = lines.pop(0)
    while lines and not lines[0]:
        lines.pop(0)
    title = None
    if len(lines) > 1 and _looks_like_title(lines[0]):
        title = lines.pop(0)
    paragraphs = _paragraphs(lines)
    article = Article(body="\n".join(paragraphs), url=url, title=title, note=note)
    # Byline and trailer lines sit at either end; they are about the source, not the meeting.
    for where in (0, -1):
        if paragraphs and (m := _BYLINE.match(paragraphs[where])) and not article.byline:
            article.byline = m.group(1).strip()
            paragraphs.pop(where)
    if paragraphs and _TRAILER.match(paragraphs[-1]):
        article.trailer = _TRAILER.match(paragraphs[-1]).group(1).strip()
        paragraphs.pop()
    if paragraphs:
        first = paragraphs[0]
        m = _DATELINE.match(first)
        if m and _is_dateline(m):
            article.dateline = m.group(0).strip()
            outlet = (m.group("outlet") or m.group("outlet2") or m.group("outlet3") or "").strip()
            article.dateline_outlet = outlet or None
            paragraphs[0] = first[m.end():]
    sentences: list[Sentence] = []
    if title:
        sentences.append(Sentence(0, title, 0, is_title=True))
    for number, paragraph in enumerate(paragraphs, start=1):
        for chunk in split_sentences(paragraph):
            sentences.append(Sentence(len(sentences) + (0 if title else 1), chunk, number))
    article.sentences = sentences
    article.body = "\n".join(paragraphs)
    return article


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not re.search(r"[.!?][\"”’)]?$", line)


def _is_dateline(m: re.Match) -> bool:
    outlet = m.group("outlet") or m.group("outlet2") or m.group("outlet3")
    place = m.group("place")
    if outlet:
        return True
    # Without an outlet only an upper-case place followed by a dash is a dateline ("LISBON —"),
    # or a known city with the filing date ("Seoul, Sept. 25 --").
    if m.group("sep") == ".":
        return False
    if m.group("date") and re.fullmatch(r"[-–—]+", m.group("sep")):
        from db.countries import fold
        from db.ingest.gazetteer import cities

        return fold(place.split(",")[0]) in cities()
    return place.split(",")[0].isupper() and len(place) > 2


# A line at least this long that stops mid-sentence was wrapped by a mail or a terminal, so
# it continues on the next line whatever that starts with (short lines may be headings).
WRAPPED = 60
# A list item: "- gas storage;", "• energy", "1. energy", "(a) energy".
BULLET = re.compile(r"^(?:[-–—•*▪·]|\(?\d{1,2}[.)]|\(?[a-h]\))\s+")


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that does not end a sentence continues on the next."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        open_ended = current and not re.search(r"[.!?:\"”’)]$", current)
        if BULLET.match(line):
            open_ended = False  # a list item starts its own paragraph, wrapped or not
        if open_ended and (line[:1].islower() or len(current.split("\n")[-1]) >= WRAPPED):
            current += " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen",
        "gov", "st", "jr", "sr", "no", "vs", "amb", "pres", "rev", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "dept",
        "est", "approx", "md", "mohd", "hon", "engr", "messrs", "fr"
    ]
)
_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; abbreviations ("Mr.", "U.S.", "Sept.") and initials do not
    end a sentence."""
    sentences, start = [], 0
    for m in _END.finditer(paragraph):
        before = paragraph[start : m.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word and paragraph[m.start()] == ".":
            token = word.group(1)
            if (token.lower() in _ABBREVIATIONS or len(token) == 1 and token.isupper()
                    or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token)):
                continue
        sentences.append(paragraph[start : m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
