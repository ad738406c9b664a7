"""Cutting an export file into its sections without parsing it, so that each table's records
can be validated on their own (json_fast.py).

An export as agenda-tui writes it is laid out exactly so:

    {\\n"format": "agenda-tui",\\n"version": 1,\\n"meetings": [...],\\n ... "sources": [...]\\n}\\n

The cut is only taken when the bytes between the sections are exactly that text. Then the
document is that fixed skeleton with one array in each slot, so if every piece parses as one
JSON value on its own, the whole file parses as the object {"format", "version", table: piece,
...}: the same result as parsing it whole, whatever the pieces hold. A piece that is not one
value (the cut fell elsewhere, or the file is broken) fails to parse, and the caller then reads
the file whole, which also names the problem. Files laid out any other way are read whole.
"""

from __future__ import annotations

from db.export.json_io import FORMAT, MODELS, VERSION

_HEAD = f'{{\n"format": "{FORMAT}",\n"version": {VERSION}'.encode()
_TAILS = (b"\n}\n", b"\n}")


def split_sections(data: bytes) -> dict[str, tuple[int, int]] | None:
    """{table: (start, end) of its array in `data`} for a file laid out as an export, else
    None. Offsets, not copies: each piece is cut out only when it is validated."""
    # A byte order mark, as the whole-file reader allows.
    at = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    if not data.startswith(_HEAD, at):
        return None
    tail = next((t for t in _TAILS if data.endswith(t)), None)
    if tail is None:
        return None
    end_of_all = len(data) - len(tail)
    glues = [f',\n"{table}": '.encode() for table in MODELS]
    starts: list[int] = []
    at += len(_HEAD)
    for glue in glues:
        if not data.startswith(glue, at):
            return None
        start = at + len(glue)
        if data[start:start + 1] != b"[":
            return None
        starts.append(start)
        # The next section's glue ends this one; the first occurrence is taken, and a wrong
        # cut only makes a piece that does not parse (see the module's docstring).
        following = glues[len(starts)] if len(starts) < len(glues) else None
        at = data.find(following, start) if following else end_of_all
        if at < 0:
            return None
    ends = [*(s - len(g) for s, g in zip(starts[1:], glues[1:], strict=True)), end_of_all]
    return {table: (s, e) for table, s, e in zip(MODELS, starts, ends, strict=True)}
