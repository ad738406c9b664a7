"""The main screen's footer: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys (some twenty widgets, each styled anew) every time a
widget calls refresh_bindings, and the main screen's panes do that on every cursor move so that
dimmed keys follow what is under the cursor. That rebuild was most of a keystroke's cost
(README, Performance); here it happens once per change of the keys' state, at most once per
refresh however many panes asked, and each key is styled once instead of twice.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: list | None = None  # the bindings the keys were last built from
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
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        # What compose() reads: each active binding, whether it is enabled, and its tooltip.
        shown = [(binding, enabled, tooltip)
                 for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()]
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
