"""The command palette (ctrl+p): every action the keys offer, by name, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.keys import key_rows

# Where each context's actions run: the pane to focus first (None: the main screen itself).
PANE_OF = {"Timeline": "timeline", "Participants": "participants", "Agenda": "topics",
           "Details": "detail", "Main screen": None, "Everywhere": None}


class AgendaCommands(Provider):
    """Offers the main screen's actions; choosing one focuses its pane and runs it there."""

    def _commands(self) -> list[tuple[str, str, callable]]:
        from tui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        commands = []
        for row in key_rows():
            if row.context not in PANE_OF or not row.action or row.action == "command_palette":
                continue
            title = f"{row.context}: {row.description}"
            help_text = f"key {row.keys}"
            commands.append((title, help_text,
                             partial(screen.run_pane_action, PANE_OF[row.context], row.action)))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
