"""From a news article to a draft meeting, offline and by rules.

`draft_from_text(text, published, store)` reads an article and returns an IngestResult: a
MeetingDraft (meeting, participants with offices and countries, agenda items, source) for the
user to review, which fields were proposed from which sentence, and notes on what was assumed.
The work is split by what is read: text.py (input checks, header, sentences), focus.py (which
sentences are about the meeting), dates.py, places.py (with gazetteer.py), parties.py,
offices.py and people.py (with names.py, counterparts.py, presence.py: who takes part, and
sides.py: whose side),
topics.py, kind.py (format and status), source.py, match.py (the
store), assemble.py (the result), markdown.py (how it is shown).
"""

from __future__ import annotations

from db.errors import IngestError
from db.ingest.assemble import IngestResult, draft_from_text
from db.ingest.text import MAX_BYTES

__all__ = ["MAX_BYTES", "IngestError", "IngestResult", "draft_from_text"]
