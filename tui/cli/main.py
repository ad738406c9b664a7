"""The click group: global options (--db, --read-only), error reporting, and the bare command,
which opens the app."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from db.errors import AgendaError

ENV_DB = "AGENDA_TUI_DB"


def default_store_path() -> Path:
    """agenda.db in the user's data directory, created (the folder) on first run."""
    from platformdirs import user_data_path

    return user_data_path("agenda-tui", appauthor=False, ensure_exists=True) / "agenda.db"


@dataclass
class Settings:
    db_path: Path | None
    readonly: bool

    def open_store(self, *, readonly: bool | None = None):
        from db.store import Store

        path = self.db_path or default_store_path()
        return Store.open(path, readonly=self.readonly if readonly is None else readonly)


# The modules whose commands add themselves to `cli`. They are imported when click first looks
# a command up (a command named, --help, completion), not for the bare command that opens the
# app: that start does not need them (~9 ms of it, -X importtime).
COMMAND_MODULES = ("tui.cli.commands", "tui.cli.export", "tui.cli.ingest")


def load_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


class AgendaGroup(click.Group):
    """Reports the data layer's errors as one line on stderr, exit status 1, no traceback;
    its commands are imported when first looked up."""

    def get_command(self, ctx: click.Context, cmd_name: str):
        load_commands()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_commands()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AgendaError as exc:
            click.echo(f"agenda-tui: {exc.msg}", err=True)
            sys.exit(1)


@click.group(
    cls=AgendaGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    # readable=False: the store reports an unreadable file itself, in one line (click would
    # print a usage error).
    type=click.Path(path_type=Path, readable=False),
    envvar=ENV_DB,
    show_envvar=True,
    help="The store file to use (default: agenda.db in your data directory).",
)
@click.option("--read-only", "readonly", is_flag=True, help="Open the store for browsing only.")
# package_name: click reads the installed version only when --version is given
# (importlib.metadata would cost every start ~30 ms).
@click.version_option(None, "--version", package_name="agenda-tui", prog_name="agenda-tui")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, readonly: bool) -> None:
    """Track diplomatic meetings, who attends them and how their topics move.

    Without a command, opens the app on the store.
    """
    ctx.obj = Settings(db_path, readonly)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj.open_store())


def run_app(store) -> None:
    import datetime as dt

    from tui.startup import FirstWindow

    # Started before Textual is imported: the first meetings are read meanwhile.
    today = dt.date.today()
    first_window = FirstWindow(store, today)
    try:
        from tui.app import AgendaApp

        AgendaApp(store, today=today, own_process=True, first_window=first_window).run()
    finally:
        first_window.wait()  # the store is not closed under the read
        store.close()
