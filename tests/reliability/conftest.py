"""Fixtures for the reliability tests: folders an unprivileged user can reach."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.reliability.helpers import chmod_tree_writable


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: a deliberate fault test that takes seconds (still in the default run)"
    )


@pytest.fixture
def open_tmp():
    """A temporary folder (mode 755) outside pytest's private one, whose parents an
    unprivileged user can traverse: permission tests run their subprocess as that user."""
    folder = Path(tempfile.mkdtemp(prefix="agenda-tui-reliability-"))
    folder.chmod(0o755)
    yield folder
    chmod_tree_writable(folder)
    shutil.rmtree(folder)
