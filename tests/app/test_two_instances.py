"""Two app instances on one store: each sees the other's changes (on `r`, on focus, and
within a poll), and neither trips over the other's write lock."""

from __future__ import annotations

from db.sample import SEED_MEETING_ID
from db.store import Store
from tests.app.conftest import SIZE, TODAY, settle
from tui.app import AgendaApp


async def test_second_instance_sees_the_first_ones_edits(store):
    other = Store.open(store.path)
    first, second = AgendaApp(store, today=TODAY), AgendaApp(other, today=TODAY)
    async with first.run_test(size=SIZE) as p1, second.run_test(size=SIZE) as p2:
        await settle(p1)
        await settle(p2)
        for pilot in (p1, p2):
            pilot.app.screen.jump_to(SEED_MEETING_ID)
            await settle(pilot)
        # Interleaved edits from both sides: statuses on the first, a deletion on the second.
        await p1.press("3", "s")
        await p2.press("3", "j", "S", "5")  # second item -> deferred
        await settle(p1)
        await settle(p2)
        await p2.press("r")
        await settle(p2)
        statuses = [v.item.status for v in p2.app.screen.detail.items]
        assert statuses[:2] == ["discussed", "deferred"]
        await p1.press("r")
        await settle(p1)
        assert [v.item.status for v in p1.app.screen.detail.items][:2] == statuses[:2]
        # The poll notices the other instance's commit without any key.
        await p2.press("1", "d", "y")
        await settle(p2)
        await p1.pause(2.5)
        await settle(p1)
        assert SEED_MEETING_ID not in [r.id for r in p1.app.screen.timeline.rows]
        errors = [n for app in (first, second) for n in app._notifications
                  if n.severity == "error"]
        assert errors == []
    other.close()
