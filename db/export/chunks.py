"""Text chunks of which some parts are already UTF-8: bytes (the range agenda formats its
meetings as bytes, agenda_bytes.py) or a file (its later half, written by a forked helper,
agenda._Helper). Read as an iterator they are all text, as any exporter's chunks; `write_to`
(which files.write_atomic uses) writes bytes as they are and copies a part file to file
instead: decoding 60 MB and encoding it again took the main process ~0.5 s, after both halves
were done, so on the export's critical path.
"""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Iterator
from typing import BinaryIO


class FilePart:
    """A part of the output that is UTF-8 in `file` from its current position to its end.
    Whoever yields it keeps the file open until the next chunk is asked for."""

    __slots__ = ("file",)

    def __init__(self, file: BinaryIO) -> None:
        self.file = file

    def texts(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")()
        while block := self.file.read(1 << 20):
            if text := decoder.decode(block):
                yield text
        if tail := decoder.decode(b"", final=True):
            yield tail


class Chunks:
    """An iterator of text chunks over `parts`, a generator yielding text, UTF-8 bytes (each
    part whole characters) or FilePart."""

    def __init__(self, parts: Iterator[str | bytes | FilePart]) -> None:
        self._parts = parts
        self._texts: Iterator[str] | None = None

    def __iter__(self) -> Chunks:
        return self

    def __next__(self) -> str:
        while True:
            if self._texts is not None:
                text = next(self._texts, None)
                if text is not None:
                    return text
                self._texts = None
            part = next(self._parts)
            if isinstance(part, str):
                return part
            if isinstance(part, bytes):
                return part.decode("utf-8")
            self._texts = part.texts()

    def write_to(self, out: BinaryIO) -> None:
        """Write what is left as UTF-8 to a binary file, parts in files copied as they are."""
        for text in self._texts or ():
            out.write(text.encode("utf-8"))
        self._texts = None
        for part in self._parts:
            if isinstance(part, bytes):
                out.write(part)
            elif isinstance(part, str):
                out.write(part.encode("utf-8"))
            else:
                shutil.copyfileobj(part.file, out, 1 << 20)

    def close(self) -> None:
        """Stop early: the generator's cleanup runs (the agenda's helper is stopped)."""
        self._parts.close()
