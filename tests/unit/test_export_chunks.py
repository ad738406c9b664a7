"""Text chunks with parts already in files (db.export.chunks), as the range agenda returns
them when a forked helper wrote its later half: read as text or written by write_atomic,
the bytes are the same."""

from __future__ import annotations

import tempfile

from db.export import agenda, range_agenda, write_atomic
from db.export.agenda import iter_range_agenda
from db.export.chunks import Chunks, FilePart
from db.views import MeetingFilter
from tests.golden.refresh import GOLDEN

# Non-Latin text long enough that 1 MB reads split characters of several bytes.
LATER = "Görüşme — переговоры 会谈 🇹🇷🤝 " * 60_000


def _parts(later: bytes, closed: list):
    with tempfile.TemporaryFile() as file:
        file.write(later)
        file.seek(0)
        yield "# Agenda\n"
        yield FilePart(file)
        closed.append(file.closed)  # still open while its part was read
        yield "the end\n"


def test_read_as_text_the_file_part_is_decoded_whole():
    closed: list[bool] = []
    text = "".join(Chunks(_parts(LATER.encode(), closed)))
    assert text == "# Agenda\n" + LATER + "the end\n"
    assert closed == [False]


def test_written_the_file_part_is_copied_as_it_is(tmp_path):
    closed: list[bool] = []
    path = write_atomic(tmp_path / "out.md", Chunks(_parts(LATER.encode(), closed)))
    assert path.read_bytes() == ("# Agenda\n" + LATER + "the end\n").encode()
    assert closed == [False]


def test_writing_goes_on_where_reading_stopped(tmp_path):
    chunks = Chunks(_parts(b"later part\n", []))
    assert next(chunks) == "# Agenda\n"
    assert next(chunks) == "later part\n"
    path = write_atomic(tmp_path / "out.md", chunks)
    assert path.read_text(encoding="utf-8") == "the end\n"


def test_a_split_agenda_written_to_a_file_is_the_golden_one(store, monkeypatch, tmp_path):
    """The CLI's path: the helper's half is copied file to file by write_atomic."""
    monkeypatch.setattr(agenda, "SPLIT_AT", 1)
    monkeypatch.setattr(agenda, "_can_fork", lambda: True)
    seen = []
    result = agenda._Helper.result

    def recording(self):
        found = result(self)
        seen.append(found)
        return found

    monkeypatch.setattr(agenda._Helper, "result", recording)
    path = write_atomic(tmp_path / "agenda.md", iter_range_agenda(store, MeetingFilter()))
    assert isinstance(seen[0], FilePart)  # the helper did write the later half
    assert path.read_bytes() == (GOLDEN / "sample-agenda.md").read_bytes()
    assert range_agenda(store, MeetingFilter()) == path.read_text(encoding="utf-8")


def test_bytes_parts_are_decoded_or_written_as_they_are(tmp_path):
    def parts():
        yield "# Agenda\n"
        yield LATER[:500].encode()
        yield "the end\n"

    assert "".join(Chunks(parts())) == "# Agenda\n" + LATER[:500] + "the end\n"
    path = write_atomic(tmp_path / "out.md", Chunks(parts()))
    assert path.read_bytes() == ("# Agenda\n" + LATER[:500] + "the end\n").encode()
