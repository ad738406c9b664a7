"""Escaping user text for GitHub-flavoured markdown, so that it renders as the literal text it
is: a title starting with "#", a "|" in a table cell or a "<script>" in notes never changes the
layout. Non-Latin scripts and emoji are left as they are.

Escaping uses CommonMark backslash escapes, which GitHub, markdown-it and pandoc all honour.
"""

from __future__ import annotations

import re

# Characters that can start or end markup anywhere in a line: code spans, emphasis, links,
# HTML, table cells, strikethrough, headings, math ($ on GitHub). "&" only before what would
# read as an entity ("&amp;", "&#35;"), so "AT&T" stays as written.
_INLINE = re.compile(r"[\\`*_\[\]<>|~#$]|&(?=#?[0-9A-Za-z]+;)")
# What makes a line a block of its own: list items (-, +, "1." or "1)"), a setext heading
# underline (= or -). "#", ">", "*", "`", "~", "<", "|" are already escaped by _INLINE.
_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
_SPECIALS = "\\`*_[]<>|~#$&"
_STARTERS = frozenset("-+=0123456789")
_SPACES = re.compile(r"[ \t\n]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_URL_SPECIAL = re.compile(r"[\\()<>]")


def _escape_line(line: str) -> str:
    # Fast paths: most names and titles need no escaping at all (exports run over 500,000
    # items), and a dozen `in` tests cost a third of one regex search on non-ASCII text.
    for special in _SPECIALS:
        if special in line:
            line = _INLINE.sub(_backslash, line)
            break
    if line[:1] in _STARTERS:
        line = _LINE_START.sub(_line_start, line, count=1)
    return line


def _backslash(match: re.Match) -> str:
    # A function, not the template r"\\\g<0>": CPython expands templates in Python, 5x slower.
    return "\\" + match.group(0)


def _line_start(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def inline(text: str | None) -> str:
    """One line of literal text, for a heading, a list item, a paragraph or a table cell.
    Runs of spaces, tabs and newlines become one space (markdown shows them so anyway)."""
    if not text:
        return ""
    if "\n" in text or "\t" in text or "  " in text:
        if "\t" in text or "  " in text or "\n\n" in text or " \n" in text or "\n " in text:
            text = _SPACES.sub(" ", text)
        else:  # each break alone between words (a typical outcome): 5x faster than the regex
            text = text.replace("\n", " ")
    return _escape_line(text.strip(" "))


_PLAIN_MARKS = ("\t", "  ", *_SPECIALS)
_EDGES = _STARTERS | {" "}


def all_plain(texts: list[str], *, breaks: bool = False) -> bool:
    """Whether inline() leaves every one of these (non-empty) texts as it is: no markup
    character, no run of spaces, tab or newline, no block starter or space at either end.
    Checked on all of them at once (a few scans of one string instead of a dozen per text),
    for the agenda items of a meeting. With `breaks`, newlines do not count: the caller runs
    inline() on every text with one. `texts` must not contain "\x00" (stored text never
    does): it separates them."""
    joined = "\x00".join(texts)
    if not breaks and "\n" in joined:
        return False
    for mark in _PLAIN_MARKS:
        if mark in joined:
            return False
    return _EDGES.isdisjoint([text[:1] for text in texts]) and \
        " " not in [text[-1:] for text in texts]


def paragraphs(text: str | None) -> list[str]:
    """Multi-line text (notes, outcomes) as markdown paragraphs that keep the writer's line
    breaks (a backslash at the end of a line is a hard break) and blank-line paragraph breaks.
    Leading indentation is dropped: four spaces would otherwise start a code block."""
    if not text:
        return []
    if "\n" not in text:  # one line (most notes): what the loop below gives, without it
        line = _escape_line(text.strip())
        return [line] if line else []
    result = []
    for block in _PARAGRAPH_BREAK.split(text.strip()):
        lines = [_escape_line(line.strip(" \t")) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            result.append("\\\n".join(lines))
    return result


def indent(text: str, prefix: str) -> str:
    """Indent every non-empty line, for paragraphs nested in a list item."""
    return "\n".join(prefix + line if line else line for line in text.split("\n"))


def link(text: str, url: str | None) -> str:
    """A link whose text is escaped and whose address keeps its parentheses balanced."""
    label = inline(text)
    if not url:
        return label
    return f"[{label}]({_URL_SPECIAL.sub(lambda m: chr(92) + m.group(0), url)})"


def cell(text: str | None) -> str:
    """A GFM table cell: one line, with "|" escaped (the table would split there otherwise)."""
    return inline(text)
