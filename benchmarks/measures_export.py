"""Export and import measures, through the same CLI commands an analyst runs (in-process, so
interpreter start-up is not counted)."""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path

from benchmarks.measures import Bench, Skip, Timed, measure

BIG = 50_000


def _commands():
    """The click group with every command registered: command modules add themselves to `cli`
    on import (tui/cli/__init__.py imports them all for the installed `agenda-tui`)."""
    import tui.cli.commands  # noqa: F401
    import tui.cli.export  # noqa: F401  (export and import)
    from tui.cli.main import cli

    return cli


def _cli(bench: Bench, *args: str, db: Path | None = None) -> None:
    """Run `agenda-tui --db STORE ARGS...` in this process; failures raise. What the command
    prints (the import's summary) is dropped: the benchmark prints only its figures."""
    with contextlib.redirect_stdout(io.StringIO()):
        _commands().main(args=["--db", str(db or bench.path), *args], standalone_mode=False)


def _need_export(bench: Bench, command: str) -> None:
    if command not in _commands().commands:
        raise Skip(f"`agenda-tui {command}` is not registered")
    if bench.meetings == 0 and command != "export":
        raise Skip("empty store")


@measure("export markdown: whole store", "export", repeat=3, target_ms=3000, target_on=BIG)
def _markdown_all(bench: Bench):
    _need_export(bench, "export")
    out = bench.scratch / "all.md"
    return Timed(lambda: _cli(bench, "export", "markdown", "--from", "1900-01-01",
                              "--to", "2100-12-31", "-o", str(out)),
                 per=bench.meetings, unit="meetings")


@measure("export markdown: topic dossier (busiest topic)", "export", repeat=5)
def _markdown_topic(bench: Bench):
    _need_export(bench, "export")
    row = bench.store.conn.execute(
        "SELECT topic_id, count(*) FROM agenda_items GROUP BY topic_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise Skip("empty store")
    out = bench.scratch / "topic.md"
    return Timed(lambda: _cli(bench, "export", "markdown", "--topic", row[0], "-o", str(out)),
                 per=row[1], unit="appearances")


@measure("export json: whole store", "export", repeat=3, target_ms=10_000, target_on=BIG)
def _json_export(bench: Bench):
    _need_export(bench, "export")
    out = bench.scratch / "all.json"
    return Timed(lambda: _cli(bench, "export", "json", "-o", str(out)),
                 per=bench.meetings, unit="meetings")


@measure("export ics: whole store", "export", repeat=3)
def _ics_export(bench: Bench):
    """No target in the issue; measured so that it stays reasonable."""
    _need_export(bench, "export")
    out = bench.scratch / "all.ics"
    return Timed(lambda: _cli(bench, "export", "ics", "-o", str(out)),
                 per=bench.meetings, unit="meetings")


@measure("import json: whole store into an empty one", "export", repeat=3, target_ms=10_000,
         target_on=BIG)
def _json_import(bench: Bench):
    _need_export(bench, "import")
    source = bench.scratch / "import-source.json"
    _cli(bench, "export", "json", "-o", str(source))
    numbers = itertools.count()

    def run() -> None:
        target = bench.scratch / f"imported-{next(numbers)}.db"
        _cli(bench, "import", str(source), db=target)
        for suffix in ("", "-wal", "-shm", "-journal"):  # keep the scratch folder small
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    return Timed(run, per=bench.meetings, unit="meetings")
