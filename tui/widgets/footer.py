"""The main screen's footer: the keys that apply where the focus is, drawn as ONE widget.

Textual's Footer is a container of some twenty widgets (a FooterKey per key, groups, labels),
each mounted, styled and laid out; at start-up building them took a re-layout of the whole
screen after the first meetings were shown, and on every change of keys the set was rebuilt
(README, Performance). This footer draws the same line, key for key and colour for colour
(Footer(compact=True) with the app's spacing), as one Content from the screen's active
bindings: a change of keys repaints one line and never changes the layout.

Like Textual's: a key's binding decides whether it shows (check_action False hides it, None
dims it), keys of one Binding.Group share a label ("xX Export"), the command palette's key
sits at the right end, a click on a key presses it (a dimmed one rings the bell), and the
hovered key is highlighted and shows its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION = "$footer-description-foreground on $footer-description-background"
LABEL = DESCRIPTION  # a group's shared label ("Export" after "xX")
DISABLED = "dim"
HOVER = "on $block-hover-background"
SEPARATOR = "$foreground 20%"  # the bar before the palette key (Footer's `vkey` border)


@dataclass(frozen=True)
class FooterKey:
    """One key on the line (a group's keys are one each), which a click presses."""

    key: str
    enabled: bool
    tooltip: str


# A piece of the line: its text, its style, and the key it belongs to (None for spacing).
Piece = tuple[str, str, FooterKey | None]


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # What the line was built from: each active binding, its enabled state and tooltip.
        self._shown: tuple | None = None
        self._keys: list[Piece] = []  # left to right
        self._palette: list[Piece] = []  # the command palette's key, at the right end
        self._hover: FooterKey | None = None
        self._cells: list[tuple[int, int, FooterKey]] = []  # where the last render put keys

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._build():
            self.refresh()

    # -- what the line shows -------------------------------------------------------------------

    def _build(self) -> bool:
        """Rebuild the line from the screen's active bindings; False if they did not change."""
        active = self.screen.active_bindings
        shown = tuple((binding, enabled, tooltip)
                      for (_node, binding, enabled, tooltip) in active.values())
        if shown == self._shown:
            return False
        self._shown = shown
        # As Footer.compose: the first key of each action, in order; a run of actions of one
        # group becomes their keys side by side and the group's label.
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for binding, enabled, tooltip in shown:
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        display = self.app.get_key_display
        pieces: list[Piece] = []
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            runs = list(runs)
            if group is not None and len(runs) > 1:
                for run in runs:
                    binding, enabled, tooltip = run[0]
                    key = FooterKey(binding.key, enabled, tooltip or binding.description)
                    pieces.append((display(binding), _style(KEY, enabled), key))
                pieces += [(" ", "", None), (group.description, LABEL, None), (" ", "", None)]
            else:
                for run in runs:
                    binding, enabled, tooltip = run[0]
                    key = FooterKey(binding.key, enabled, tooltip)
                    pieces += [(display(binding), _style(KEY, enabled), key),
                               (" " + binding.description, _style(DESCRIPTION, enabled), key),
                               (" ", "", None)]
        self._keys = pieces
        self._palette = []
        app = self.app
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            key = FooterKey(binding.key, enabled, binding.tooltip or binding.description)
            self._palette = [("▏", SEPARATOR, None),
                             (display(binding), _style(KEY, enabled), key),
                             (" " + binding.description, _style(DESCRIPTION, enabled), key),
                             (" ", "", key)]
        self._hover = None
        return True

    def render(self) -> Content:
        if self._shown is None:
            self._build()
        width = self.size.width
        palette_width = sum(cell_len(text) for text, _style, _key in self._palette)
        room = max(0, width - palette_width)
        self._cells = []
        line = Content.assemble(*self._pieces(self._keys, 0, room)).truncate(room, pad=True)
        palette = Content.assemble(*self._pieces(self._palette, room, width))
        return line + palette

    def _pieces(self, pieces: list[Piece], x: int, end: int) -> list[tuple[str, str]]:
        """The pieces' text and style (the hovered key highlighted), noting where each key
        lands for the mouse (up to `end`)."""
        parts = []
        for text, style, key in pieces:
            width = cell_len(text)
            if key is not None:
                if x < end:
                    self._cells.append((x, min(end, x + width), key))
                if key is self._hover:
                    style = f"{style} {HOVER}"
            if parts and parts[-1][1] == style:  # one run, as the terminal gets it ("xX")
                parts[-1] = (parts[-1][0] + text, style)
            else:
                parts.append((text, style))
            x += width
        return parts

    # -- the mouse -----------------------------------------------------------------------------

    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self._cells if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key is not self._hover:
            self._hover = key
            self.tooltip = (key.tooltip or None) if key else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def _style(style: str, enabled: bool) -> str:
    return style if enabled else f"{style} {DISABLED}"
