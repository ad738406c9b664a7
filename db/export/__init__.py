"""Exports of the store: markdown briefs, dossiers and agendas, lossless JSON (with import) and
iCalendar. Every exporter is a pure function of the store returning text (or text chunks, for
big exports); `write_atomic` puts it in a file without ever leaving half a file behind."""

from __future__ import annotations

from db.export.dossier import topic_dossier
from db.export.files import ExportFailed, write_atomic
from db.export.markdown import iter_range_agenda, meeting_brief, range_agenda

__all__ = [
    "ExportFailed",
    "iter_range_agenda",
    "meeting_brief",
    "range_agenda",
    "topic_dossier",
    "write_atomic",
]
