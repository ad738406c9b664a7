"""Running store calls off the UI thread: every query and write goes through `store_call`, so a
slow disk or another instance holding the write lock never freezes the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from db.errors import AgendaError


def store_call(
    node: DOMNode,
    fn: Callable[[], Any],
    done: Callable[[Any], None] | None = None,
    *,
    group: str = "store",
    exclusive: bool = False,
    failed: Callable[[AgendaError], None] | None = None,
) -> Worker:
    """Run `fn` in a thread worker; call `done(result)` (or `failed(error)`) on the UI thread.

    Expected failures (AgendaError: validation, read-only, disk full...) are shown as a
    notification unless `failed` handles them; anything else is a bug and stops the app loudly.
    """
    app = node.app

    def job() -> None:
        try:
            result = fn()
        except AgendaError as exc:
            if failed is not None:
                app.call_from_thread(failed, exc)
            else:
                app.call_from_thread(app.notify, exc.msg, title=exc.title, severity="error",
                                     timeout=8)
            return
        if done is not None and not get_current_worker().is_cancelled:
            app.call_from_thread(done, result)

    return node.run_worker(job, thread=True, group=group, exclusive=exclusive)
