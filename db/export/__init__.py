"""Exports of the store: markdown briefs, dossiers and agendas, lossless JSON (with import) and
iCalendar. Every exporter is a pure function of the store returning text (or text chunks, for
big exports); `write_atomic` puts it in a file without ever leaving half a file behind."""

from __future__ import annotations

from db.export.agenda import iter_range_agenda, range_agenda
from db.export.dossier import topic_dossier
from db.export.files import ExportFailed, suggested_name, write_atomic
from db.export.markdown import meeting_brief

# JSON (db.export.json_io: iter_json, export_json, load_file, import_records, import_file) and
# iCalendar (db.export.ics: ics_export, export_ics) are imported from their modules: they pull
# in pydantic's validators and the icalendar library, which a markdown export does not need.
__all__ = [
    "ExportFailed",
    "iter_range_agenda",
    "meeting_brief",
    "range_agenda",
    "suggested_name",
    "topic_dossier",
    "write_atomic",
]
