"""`agenda-tui export markdown|json|ics` and `agenda-tui import FILE`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import click

from db.errors import AgendaError
from db.vocab import MeetingStatus
from tui.cli.main import Settings, cli


class IsoDate(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date (use YYYY-MM-DD)", param, ctx)


def range_options(func):
    """--from/--to/--country/--series/--status: the timeline's filters, shared by the exports."""
    options = [
        click.option("--from", "date_from", type=IsoDate(), help="First day (YYYY-MM-DD)."),
        click.option("--to", "date_to", type=IsoDate(), help="Last day (YYYY-MM-DD)."),
        click.option("--country", help="Only meetings in or with this country (name or ISO "
                     "code) or organisation."),
        click.option("--series", help="Only meetings of this series."),
        click.option("--status", "statuses", multiple=True,
                     type=click.Choice([s.value for s in MeetingStatus]),
                     help="Only meetings with this status (repeatable)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def output_option(func):
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
        help="Write to this file (atomically) instead of standard output.",
    )(func)


def _filters(date_from, date_to, country, series, statuses):
    from db.views import MeetingFilter

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(f"--from {date_from} is after --to {date_to}")
    return MeetingFilter(
        statuses=frozenset(statuses), country=country, series=series,
        date_from=date_from, date_to=date_to,
    )


def _emit(chunks: Iterable[str] | str, output: Path | None, what: str) -> None:
    """Stream to the file (atomically) or to stdout, as UTF-8 bytes whatever the locale."""
    from db.export.files import write_atomic

    if output is not None:
        path = write_atomic(output, chunks)
        click.echo(f"Wrote {what} to {path}", err=True)
        return
    out = click.get_binary_stream("stdout")
    if hasattr(chunks, "write_to"):  # the range agenda's bytes go out as they are
        chunks.write_to(out)
    else:
        for chunk in [chunks] if isinstance(chunks, str) else chunks:
            out.write(chunk.encode("utf-8"))
    out.flush()


@cli.group()
def export() -> None:
    """Write meetings as markdown, JSON (the whole store, re-importable) or iCalendar."""


@export.command()
@click.option("--meeting", "meeting_id", metavar="ID", help="The brief of one meeting.")
@click.option("--topic", "topic_id", metavar="ID",
              help="The dossier of one topic across all its meetings.")
@range_options
@output_option
@click.pass_obj
def markdown(settings: Settings, meeting_id, topic_id, date_from, date_to, country, series,
             statuses, output) -> None:
    """A meeting brief (--meeting ID), a topic dossier (--topic ID) or the agenda of every
    meeting between two dates (--from DATE --to DATE, optionally filtered), as
    GitHub-flavoured markdown."""
    from db.export import iter_range_agenda, meeting_brief, topic_dossier

    ranged = any((date_from, date_to, country, series, statuses))
    chosen = sum(bool(x) for x in (meeting_id, topic_id, ranged))
    if chosen != 1:
        raise click.UsageError(
            "give one of --meeting ID, --topic ID, or a range (--from DATE --to DATE, "
            "--country, --series, --status)"
        )
    with settings.open_store(readonly=True) as store:
        if meeting_id:
            _emit(meeting_brief(store, meeting_id), output, "the brief")
        elif topic_id:
            _emit(topic_dossier(store, topic_id), output, "the dossier")
        else:
            filters = _filters(date_from, date_to, country, series, statuses)
            _emit(iter_range_agenda(store, filters), output, "the agenda")


@export.command("json")
@range_options
@output_option
@click.pass_obj
def json_command(settings: Settings, date_from, date_to, country, series, statuses,
                 output) -> None:
    """The whole store as JSON (format "agenda-tui", version 1), for `agenda-tui import`.
    With filters, only the matching meetings and the people, delegations and topics they
    refer to."""
    from db.export.json_io import iter_json

    filters = _filters(date_from, date_to, country, series, statuses)
    with settings.open_store(readonly=True) as store:
        _emit(iter_json(store, filters), output, "the JSON export")


@export.command()
@range_options
@output_option
@click.pass_obj
def ics(settings: Settings, date_from, date_to, country, series, statuses, output) -> None:
    """Meetings as iCalendar events (one per meeting), for calendar apps."""
    from db.export.ics import ics_export

    filters = _filters(date_from, date_to, country, series, statuses)
    with settings.open_store(readonly=True) as store:
        result = ics_export(store, filters)
        _emit(result.chunks, output, "the calendar")
    if result.skipped:
        count = len(result.skipped)
        click.echo(
            f"Left out {count} meeting{'s' if count != 1 else ''} known only to the year "
            f"(first: {result.skipped[0]}).", err=True,
        )


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_obj
def import_command(settings: Settings, file: Path) -> None:
    """Read a JSON export into the store: all of it in one transaction, or (on any invalid
    record) nothing. Records already in the store are kept as they are, so importing the same
    file twice adds nothing."""
    from db.export.fast_import import import_fast, read_fast
    from db.export.json_io import import_records, read_file, records_from_bytes
    from tui.cli.main import default_store_path

    if not file.exists():
        raise AgendaError(f"{file}: no such file")
    name = str(file)
    data = read_file(file)
    # All of it validated before the store is even opened: by the fast path when it can vouch
    # for the file (rows to insert into an empty store), else by the models.
    store_path = settings.db_path or default_store_path()
    fast = read_fast(data, Path(store_path).expanduser().parent)
    records = None if fast is not None else records_from_bytes(data, name)
    del data
    try:
        with settings.open_store() as store:
            result = import_fast(store, fast, name) if fast is not None else None
            if result is None:
                if records is None:  # the store is not empty: the merge rule needs the models
                    fast.close()
                    fast = None
                    records = records_from_bytes(read_file(file), name)
                result = import_records(store, records, name)
    finally:
        if fast is not None:
            fast.close()
    click.echo(f"Imported {file}: {result.summary()}.")
