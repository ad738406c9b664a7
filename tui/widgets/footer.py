"""The main screen's footer: Textual's Footer, with its keys built once per set of bindings.

Textual's Footer removes and rebuilds all its keys (some twenty widgets, each mounted and styled
anew) whenever any widget calls refresh_bindings: on every focus change, and on every cursor
move, since the panes refresh their bindings so that dimmed keys follow the cursor. That rebuild
was most of a keystroke's cost (README, Performance). Here nothing happens while the keys shown
stay the same, at most one update runs per refresh however many widgets asked, and the keys of
the last few sets of bindings (one per pane, say) stay mounted, hidden: switching panes shows
the right set again instead of building it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.compose import compose
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KEPT_SETS = 8  # sets of keys kept mounted: the panes' own sets and a few dimmed variants


class KeysFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Each set of bindings shown (with enabled state and tooltip), to its top-level widgets;
        # in the order they were last shown, the current set last.
        self._sets: dict[tuple, list[Widget]] = {}
        self._current: tuple | None = None
        self._pending = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey):
                # Each key would get this class from its `compact` watcher just after being
                # mounted and styled, and be styled a second time; with it set up front, once.
                widget.set_class(True, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._show_keys)

    async def _show_keys(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        # What compose() reads: each active binding, whether it is enabled, and its tooltip.
        wanted = tuple((binding, enabled, tooltip)
                       for (_node, binding, enabled, tooltip)
                       in self.screen.active_bindings.values())
        if wanted == self._current:
            return
        async with self.batch():
            widgets = self._sets.pop(wanted, None)
            if widgets is None:
                widgets = compose(self)
                await self.mount_all(widgets)
            else:
                for widget in widgets:
                    widget.display = True
            for widget in self._sets.get(self._current, []):
                widget.display = False
            self._sets[wanted] = widgets
            self._current = wanted
            while len(self._sets) > KEPT_SETS:
                await self.remove_children(self._sets.pop(next(iter(self._sets))))
