"""How the main screen's side panes follow the timeline's cursor.

Redrawing participants, agenda and details for a meeting takes several frames (Textual lays
out and repaints the three panes); doing it for every meeting passed over while a key is held
down would hold back the cursor itself. So a move that comes within FOLLOW_REST of the one
before only records the meeting; the panes show it once the cursor rests that long, or at once
when the user leaves the timeline or opens the meeting.
"""

from __future__ import annotations

from time import monotonic

from textual.timer import Timer

FOLLOW_REST = 0.06  # seconds


class FollowCursor:
    """Mixin for MainScreen, which provides `detail`, `show_panes()` and `_pending_meeting`."""

    _moved_at = 0.0  # monotonic time the timeline's cursor last moved
    _moving = False  # it moved within FOLLOW_REST of the move before
    _follow_timer: Timer | None = None

    def cursor_moved(self) -> None:
        now = monotonic()
        self._moving = now - self._moved_at < FOLLOW_REST
        self._moved_at = now

    @property
    def panes_pending(self) -> bool:
        """True while the side panes wait for the cursor to rest."""
        return self._follow_timer is not None

    def show_detail(self, detail) -> None:
        """The meeting under the cursor: known at once (actions use it), shown in the side
        panes at once too, unless the cursor is on the move."""
        self.detail = detail
        jumping = detail is not None and detail.meeting.id == self._pending_meeting
        if self._moving and detail is not None and not jumping:
            if self._follow_timer is None:
                self._follow_timer = self.set_timer(FOLLOW_REST, self._follow_when_rested)
        else:
            self.show_panes()

    def _follow_when_rested(self) -> None:
        resting = monotonic() - self._moved_at
        if resting < FOLLOW_REST:  # still moving: wait for the rest of the pause
            self._follow_timer = self.set_timer(FOLLOW_REST - resting, self._follow_when_rested)
        else:
            self.show_panes()

    def stop_following(self) -> None:
        """The panes are about to show `detail`: nothing is left waiting."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None

    def on_descendant_focus(self) -> None:
        if self.panes_pending:  # leaving the timeline: the pane entered shows its meeting
            self.show_panes()
