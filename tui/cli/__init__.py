"""The `agenda-tui` command: a click group whose commands live one group per module here."""

from __future__ import annotations

from tui.cli.main import cli


def main() -> None:
    # Command modules register themselves on import; each adds to `cli`.
    import tui.cli.commands  # noqa: F401
    import tui.cli.export  # noqa: F401
    import tui.cli.ingest  # noqa: F401

    cli()
