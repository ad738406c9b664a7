"""The `agenda-tui` command: a click group whose commands live one group per module here."""

from __future__ import annotations

from tui.cli.main import cli


def main() -> None:
    # The command modules are imported by `cli` itself when a command is looked up
    # (tui/cli/main.py, load_commands).
    cli()
