"""Shared fixtures: stores on temporary files; nothing touches the user's data directory."""

from __future__ import annotations

import pytest

from db.sample import load_sample
from db.store import Store


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
