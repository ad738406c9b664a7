"""Commands on the store: demo, sample, search."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from db.errors import AgendaError
from tui.cli.main import Settings, cli, run_app


@cli.command()
def demo() -> None:
    """Open the app on a fresh temporary copy of the sample data."""
    from db.sample import load_sample
    from db.store import Store

    folder = Path(tempfile.mkdtemp(prefix="agenda-tui-demo-"))
    try:
        store = Store.open(folder / "demo.db")
        load_sample(store)
        run_app(store)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@cli.command()
@click.pass_obj
def sample(settings: Settings) -> None:
    """Write the sample data into the store (which must be new or empty) and exit."""
    from db.sample import load_sample

    with settings.open_store() as store:
        existing = store.count_meetings()
        if existing:
            raise AgendaError(
                f"{store.path} already holds {existing} meeting(s); the sample goes into a new "
                "or empty store (try --db with a new file)"
            )
        added = load_sample(store)
        click.echo(
            f"Wrote the sample to {store.path}: {added['meetings']} meetings, "
            f"{added['agenda_items']} agenda items, {added['people']} people."
        )


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=50, show_default=True, help="Most results to print.")
@click.pass_obj
def search(settings: Settings, words: tuple[str, ...], limit: int) -> None:
    """Print the meetings, agenda items, topics and people matching WORDS, one per line:
    meeting date, meeting title, then what matched."""
    from db.dates import iso_text
    from db.search import strip_marks

    with settings.open_store() as store:
        hits = store.search(" ".join(words), limit=limit)
    if not hits:
        click.echo("No matches.", err=True)
        return
    for hit in hits:
        when = iso_text(hit.meeting.date, hit.meeting.precision) if hit.meeting else "-"
        title = hit.meeting.title if hit.meeting else "(no meeting yet)"
        # For a meeting the title is already on the line; the snippet shows where it matched.
        what = strip_marks(hit.snippet) if hit.kind == "meeting" else hit.label
        click.echo(f"{when:<11} {title}  [{hit.kind}] {what}")
