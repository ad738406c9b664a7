"""Rewrite the golden files and examples/seed-brief.md from the sample data, after an intended
change to the exports: `python -m tests.golden.refresh` from the repository root, then review
the diff (`git diff tests/golden examples`) before committing it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from db.export import meeting_brief, range_agenda, topic_dossier
from db.sample import SEED_MEETING_ID, load_sample, sample_id
from db.store import Store
from db.views import MeetingFilter

GOLDEN = Path(__file__).parent
ROOT = GOLDEN.parent.parent
SANCTIONS_TOPIC_ID = sample_id("topic", "sanctions")
FILES = {
    GOLDEN / "seed-brief.md": lambda store: meeting_brief(store, SEED_MEETING_ID),
    GOLDEN / "sanctions-dossier.md": lambda store: topic_dossier(store, SANCTIONS_TOPIC_ID),
    GOLDEN / "sample-agenda.md": lambda store: range_agenda(store, MeetingFilter()),
    # The README's example: what `agenda-tui export markdown --meeting ID` prints.
    ROOT / "examples" / "seed-brief.md": lambda store: meeting_brief(store, SEED_MEETING_ID),
}


def render_all() -> dict[Path, str]:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.db") as store:
        load_sample(store)
        return {path: make(store) for path, make in FILES.items()}


def main() -> None:
    for path, text in render_all().items():
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
