"""Where the article comes from: outlet (dateline "(Reuters)", "/Mediamax/", a trailer
"(Xinhua News Agency January 27, 2007)", "Caliber.Az reports"), author ("By ..."), URL, and the
publication date when the text carries one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from db.ingest.text import Article

_TRAILER_DATE = re.compile(
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2})"
)
_REPORTS = re.compile(
    r"(?:^|[\s,(])(?P<outlet>[A-Z][\w]*(?:\.[A-Z][\w]+)+|(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)"
    r"{0,3})\s+(?:reports|reported|said in a report|writes)\b"
)
_REPORTING_BY = re.compile(r"Reporting by\s+(?P<author>[^;)]+)", re.IGNORECASE)
_NOT_OUTLETS = re.compile(r"^(?:the\s+)?(?:[A-Z]\w+\s+)?(?:media|sources?|officials?|ministry|"
                          r"government|agency|it|he|she|they)$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceInfo:
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None  # found in the text (a trailer), when it has one


def find_source(article: Article) -> SourceInfo:
    outlet = article.dateline_outlet
    published = None
    author = article.byline
    if article.trailer:
        m = _REPORTING_BY.search(article.trailer)
        if m:
            author = author or m.group("author").strip()
        else:
            date = _TRAILER_DATE.search(article.trailer)
            name = article.trailer[: date.start()] if date else article.trailer
            name = name.strip(" ,;-")
            if name and len(name.split()) <= 5:
                outlet = outlet or name
            if date:
                published = _parse(date.group("date"))
    if outlet is None:
        for sentence in article.body_sentences:
            m = _REPORTS.search(sentence.text)
            if m and not _NOT_OUTLETS.match(m.group("outlet")):
                outlet = re.sub(r"^the\s+", "", m.group("outlet"))
                break
    if outlet is None and article.url:
        host = urlparse(article.url).hostname or ""
        outlet = host.removeprefix("www.") or None
    if author:
        author = re.split(r"\s*(?:,|\||\bfor\b)\s*", author)[0].strip() or None
    return SourceInfo(outlet, author, article.url, published)


def _parse(text: str) -> dt.date | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.replace(".", ""), fmt).date()
        except ValueError:
            continue
    return None
