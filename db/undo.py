"""Undo by before-images: each write records the rows it touched as they were, so any change
(add, edit, delete, reorder, status) can be reverted exactly, in one transaction.

The rows as the change left them (after-images) are kept too: if another instance has since
changed one of them, undo refuses rather than silently overwriting that later work."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass
class Change:
    """One committed change: a label for the user and the rows as they were before it."""

    label: str
    # (table, id, row before the change, or None when the change created the row), in the
    # order the change touched them: parents before children when adding, children first
    # when deleting, so replaying in reverse keeps foreign keys satisfied.
    rows: list[tuple[str, str, dict | None]] = field(default_factory=list)
    # (table, id) -> the row as the change left it (None: the change deleted it).
    after: dict[tuple[str, str], dict | None] = field(default_factory=dict)


class Recorder:
    """Collects before-images inside a write transaction."""

    def __init__(self, conn: sqlite3.Connection, label: str) -> None:
        self.conn = conn
        self.change = Change(label)
        self._seen: set[tuple[str, str]] = set()

    def touch(self, table: str, row_id: str) -> None:
        """Call before updating or deleting a row (or inserting one, which reads as None)."""
        key = (table, row_id)
        if key in self._seen:
            return
        self._seen.add(key)
        self.change.rows.append((table, row_id, read_row(self.conn, table, row_id)))

    def created(self, table: str, row_id: str) -> None:
        """Call after inserting a row known to be new (saves reading it back)."""
        key = (table, row_id)
        if key not in self._seen:
            self._seen.add(key)
            self.change.rows.append((table, row_id, None))

    def label(self, text: str) -> None:
        self.change.label = text

    def seal(self) -> None:
        """Record the after-images (call just before the change commits)."""
        for table, row_id, _ in self.change.rows:
            self.change.after[(table, row_id)] = read_row(self.conn, table, row_id)


def read_row(conn: sqlite3.Connection, table: str, row_id: str) -> dict | None:
    cursor = conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([c[0] for c in cursor.description], values, strict=True))


def revert(conn: sqlite3.Connection, change: Change) -> None:
    """Put every touched row back as it was (call inside a transaction). Raises UndoConflict,
    changing nothing, when another instance has changed those rows since."""
    from db.errors import UndoConflict

    refusal = (f"“{change.label}” cannot be undone: another window or program has changed "
               "the same records since")
    for table, row_id, _ in change.rows:
        if read_row(conn, table, row_id) != change.after.get((table, row_id)):
            raise UndoConflict(refusal)
    try:
        _restore(conn, change)
    except sqlite3.IntegrityError:
        # e.g. a topic this change created is now on another instance's agenda
        raise UndoConflict(refusal + " (they are now used elsewhere)") from None


def _restore(conn: sqlite3.Connection, change: Change) -> None:
    for table, row_id, before in reversed(change.rows):
        if before is None:
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
            continue
        columns = list(before)
        exists = conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [row_id]).fetchone()
        if exists:
            # UPDATE, not INSERT OR REPLACE: a replace deletes first, which would trip the
            # foreign keys of the row's children.
            assignments = ", ".join(f"[{c}] = ?" for c in columns if c != "id")
            conn.execute(
                f"UPDATE [{table}] SET {assignments} WHERE id = ?",
                [before[c] for c in columns if c != "id"] + [row_id],
            )
        else:
            names = ", ".join(f"[{c}]" for c in columns)
            marks = ", ".join("?" for _ in columns)
            conn.execute(
                f"INSERT INTO [{table}] ({names}) VALUES ({marks})", [before[c] for c in columns]
            )
