"""FittedLine: a one-line option whose Content is built for the width it is drawn at.

The timeline's rows lay their columns out for the pane's width. Built up front, every row of
the window (some 200) had to be made before the first frame, for a width not known until the
screen's first layout, and made again when it came; built when drawn, only the rows on screen
are made, once per width (README, Performance).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class FittedLine(Visual):
    def __init__(self, build: Callable[[int], Content]) -> None:
        self._build = build
        self._width: int | None = None
        self._content: Content | None = None

    def content(self, width: int) -> Content:
        if width != self._width or self._content is None:
            self._content, self._width = self._build(width), width
        return self._content

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return self.content(width).render_strips(width, 1, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1
