"""The installed `agenda-tui` command, run as a subprocess."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess

import pytest

from tests.conftest import AGENDA_TUI

EXE = AGENDA_TUI


def run(*args, env=None):
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=60)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and "agenda-tui, version" in result.stdout


def test_help_on_every_command():
    for command in ([], ["demo"], ["sample"], ["search"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout


def test_sample_then_search_with_env_and_option(tmp_path):
    env = {**os.environ, "AGENDA_TUI_DB": str(tmp_path / "env.db")}
    assert run("sample", env=env).returncode == 0
    result = run("search", "sanctions", env=env)
    assert "2025-05-20  Türkiye–US Joint Working Group on Syria" in result.stdout
    assert run("--db", str(tmp_path / "env.db"), "search", "Landau").stdout.count("Landau") >= 1
    again = run("sample", env=env)
    assert again.returncode == 1 and "already holds 6 meeting" in again.stderr


def test_default_store_lives_in_the_data_directory(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("AGENDA_TUI_DB", None)
    assert run("sample", env=env).returncode == 0
    assert (tmp_path / "agenda-tui" / "agenda.db").exists()


@pytest.mark.parametrize("kind", ["random", "missing-folder", "folder", "other-app"])
def test_bad_db_is_one_clear_line(tmp_path, kind):
    path = tmp_path / "x.db"
    if kind == "random":
        path.write_bytes(random.Random(3).randbytes(2048))
    elif kind == "missing-folder":
        path = tmp_path / "nope" / "x.db"
    elif kind == "folder":
        path = tmp_path
    else:
        import sqlite3

        sqlite3.connect(path).execute("create table t (x)").connection.commit()
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    result = run("--db", str(path), "sample")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr
    if before:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# The bare command (which opens the app) does not import the other commands' modules; any
# command named, and --help, still finds them all.
LAZY_COMMANDS = """
import sys
import tui.cli

cli_main = sys.modules["tui.cli.main"]
cli_main.run_app = lambda store: (store.close(), print(
    sorted(name for name in cli_main.COMMAND_MODULES if name in sys.modules), flush=True))
sys.argv = ["agenda-tui", *sys.argv[1:]]
tui.cli.main()
"""


def test_opening_the_app_imports_no_command_module(tmp_path):
    import sys

    done = subprocess.run([sys.executable, "-c", LAZY_COMMANDS, "--db", str(tmp_path / "x.db")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_help_lists_every_command():
    listed = run("--help").stdout.split("Commands:")[1]
    for name in ("demo", "sample", "search", "export", "import", "ingest"):
        assert f"\n  {name} " in listed
