"""Shared fixtures: stores on temporary files; nothing touches the user's data directory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from db.sample import load_sample
from db.store import Store

# The console script installed beside this interpreter: CI runs `.venv/bin/python -m pytest`
# without the venv's bin folder on PATH.
AGENDA_TUI = str(Path(sys.executable).with_name("agenda-tui"))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("AGENDA_TUI_DB", raising=False)


@pytest.fixture
def empty_store(tmp_path):
    store = Store.open(tmp_path / "empty.db")
    yield store
    store.close()


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "sample.db")
    load_sample(store)
    yield store
    store.close()
