"""Shared tools for the reliability tests: run the CLI or a child script as a real process
(optionally as an unprivileged user), and fingerprint a store by its bytes or its contents."""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parent.parent
PYTHON = sys.executable
NOBODY_UID = NOBODY_GID = 65534

# Every table the store writes, parents first (db.schema.TABLES plus the migrations record).
TABLES = [
    "meetings", "delegations", "people", "participants",
    "topics", "agenda_items", "status_changes", "sources", "_sqlite_migrations",
]


def cli_command() -> list[str]:
    """The installed `agenda-tui` script of this environment (the one users run)."""
    script = Path(PYTHON).parent / "agenda-tui"
    if script.exists():
        return [str(script)]
    found = shutil.which("agenda-tui")
    if found is None:
        pytest.fail("agenda-tui is not installed in this environment (pip install -e .)")
    return [found]


def child_command(script: str, *args: object) -> list[str]:
    return [PYTHON, str(HERE / script), *map(str, args)]


def run(command: list[str], *, unprivileged: bool = False, timeout: float = 60, **kwargs):
    """Run a command to completion, capturing text output; `unprivileged` runs it as a user
    that file permissions apply to (see as_unprivileged)."""
    if unprivileged:
        kwargs["preexec_fn"] = as_unprivileged()
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=child_env(), **kwargs
    )


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("AGENDA_TUI_DB", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # an unprivileged child must not try to write caches
    # Children run by path; this lets them import tests.reliability.helpers too.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def as_unprivileged():
    """A preexec_fn that makes the child a process whom file permissions bind.

    Tests run as root in CI, and root reads and writes files whatever their mode, so a
    permission test run as root proves nothing. As root the child becomes the user nobody
    or, when nobody cannot run this checkout's Python (a virtualenv under /root), stays root
    without the capabilities that let root ignore file modes (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH, CAP_FOWNER), so the kernel enforces the modes on it. As any other
    user the child stays that user: permissions already apply. Skips, naming the reason,
    only when neither works.
    """
    if os.geteuid() != 0:
        return None
    way = _unprivileged_way()
    if isinstance(way, str):
        pytest.skip(
            "running as root, and neither the user nobody nor root without CAP_DAC_OVERRIDE "
            f"can run this checkout's Python with file modes enforced ({way})"
        )
    return way


def _become_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY_GID)
    os.setuid(NOBODY_UID)


# From <linux/capability.h> and <linux/prctl.h>.
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER = 1, 2, 3
_PR_CAPBSET_DROP = 24
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None


def _drop_permission_override() -> None:
    """Remove from the bounding set the capabilities that let root ignore file modes; the
    program exec'd next runs as root without them."""
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER):
        if _LIBC.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@functools.cache
def _unprivileged_way():
    """The first way that works, proved by a child that imports the app and is refused a
    file of mode 000; or a string saying why none did."""
    problems = []
    ways = [_become_nobody] + ([_drop_permission_override] if _LIBC is not None else [])
    for way in ways:
        with tempfile.TemporaryDirectory() as folder:
            os.chmod(folder, 0o755)
            secret = Path(folder) / "secret"
            secret.write_text("x")
            secret.chmod(0o000)
            code = f"import db.store, tui.cli\nopen({str(secret)!r}).read()"
            try:
                probe = subprocess.run(
                    [PYTHON, "-c", code], capture_output=True, text=True, timeout=60,
                    preexec_fn=way, env=child_env(), cwd=folder,
                )
            except (OSError, subprocess.SubprocessError) as exc:
                problems.append(f"{way.__name__}: {exc}")
                continue
        if "PermissionError" in probe.stderr and "Traceback" in probe.stderr:
            last = probe.stderr.strip().splitlines()[-1]
            if last.startswith("PermissionError") and str(secret) in last:
                return way
        problems.append(f"{way.__name__}: {probe.stderr.strip().splitlines()[-1:]}")
    return "; ".join(problems)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def sidecars(path: Path) -> list[Path]:
    """SQLite's files beside a store: write-ahead log, shared memory, rollback journal."""
    return [
        path.with_name(path.name + suffix)
        for suffix in ("-wal", "-shm", "-journal")
        if path.with_name(path.name + suffix).exists()
    ]


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: equal contents, equal stores.

    Uses a normal connection (which, as the last to close, checkpoints and removes -wal and
    -shm), so take byte digests first when both are compared.
    """
    conn = sqlite3.connect(path)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            table: sorted(conn.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)
            for table in TABLES
            if table in present
        }
    finally:
        conn.close()


def health(path: Path) -> dict[str, object]:
    """integrity_check, foreign_key_check and every full-text index's own integrity check."""
    conn = sqlite3.connect(path)
    try:
        fts = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE '%USING FTS5%'"
            )
        ]
        for table in fts:
            # Raises "database disk image is malformed" if the index and its table disagree.
            conn.execute(f"INSERT INTO [{table}]([{table}]) VALUES ('integrity-check')")
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "foreign_keys": conn.execute("PRAGMA foreign_key_check").fetchall(),
            "fts_checked": len(fts),
        }
    finally:
        conn.close()


def chmod_tree_writable(folder: Path) -> None:
    """Give back permissions (folder first, so it can be listed) so the tree can be removed."""
    folder.chmod(0o755)
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            chmod_tree_writable(entry)
        elif not entry.is_symlink():
            entry.chmod(0o644)
