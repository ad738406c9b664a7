"""`agenda-tui ingest FILE`: propose a meeting from a news article (markdown, JSON, or saved)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from tui.cli.main import Settings, cli


def _read(file: str) -> bytes:
    from db.errors import IngestError
    from db.ingest import MAX_BYTES

    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(file)
        if not path.exists():
            raise IngestError(f"{file}: no such file")
        if not path.is_file():
            raise IngestError(f"{file}: not a file")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)  # a bigger file is refused without loading it
        except OSError as exc:
            raise IngestError(f"{file}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        name = "standard input" if file == "-" else file
        raise IngestError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB; an article is "
                          "much shorter")
    return data


def _published(text: str | None) -> dt.date | None:
    from db.errors import IngestError

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise IngestError(f"--date: {text!r} is not a date (use YYYY-MM-DD)") from None


@cli.command()
@click.argument("file")
@click.option("--date", "published", metavar="YYYY-MM-DD",
              help="The article's publication date: resolves \"May 20\", \"on Thursday\", "
                   "\"next week\".")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record instead of markdown.")
@click.option("--save", is_flag=True, help="Add the draft to the store and say what was added.")
@click.pass_obj
def ingest(settings: Settings, file: str, published: str | None, as_json: bool,
           save: bool) -> None:
    """Propose a meeting from the news article in FILE ("-" for standard input): date, place,
    format, status, participants with offices, agenda topics and source."""
    from db.ingest import draft_from_text
    from db.ingest.markdown import to_markdown

    data = _read(file)
    day = _published(published)
    if not save:
        result = draft_from_text(data, day)
        click.echo(json.dumps(result.to_record(), ensure_ascii=False, indent=2) if as_json
                   else to_markdown(result), nl=as_json)
        return
    with settings.open_store() as store:
        result = draft_from_text(data, day, store)
        meeting = store.save_draft(result.draft)
    click.echo(json.dumps(result.to_record(), ensure_ascii=False, indent=2) if as_json
               else to_markdown(result), nl=as_json)
    draft = result.draft
    click.echo(
        f"Added meeting “{meeting.title}” ({meeting.when_text}) to {store.path}: "
        f"{len(draft.participants)} participant(s) ({result.new_people} new people), "
        f"{len(draft.items)} agenda item(s) ({result.new_topics} new topics), "
        f"{len(draft.sources)} source(s).",
        err=as_json,
    )
