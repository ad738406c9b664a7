"""db/ is a library: importing any of it must not pull in Textual (harlequin's check)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import db


def test_db_never_imports_textual():
    # walk_packages with a prefix goes into subpackages (db.export, db.ingest) too.
    modules = [m.name for m in pkgutil.walk_packages(db.__path__, prefix="db.")]
    assert "db.export.markdown" in modules and "db.ingest.assemble" in modules
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'))\n"
        + "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
