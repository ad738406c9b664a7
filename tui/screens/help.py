"""The help screen: every key, grouped by where it applies (read from the bindings)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.keys import key_rows


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", key_display="esc")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label("Keys", id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._table())
            yield Label("esc closes · ctrl+p finds any action by name", id="help-foot")

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True, width=16)
        table.add_column(no_wrap=True, width=18)
        table.add_column(ratio=1)
        last = None
        for row in key_rows():
            if row.context != last:
                if last is not None:
                    table.add_row("", "", "")
                table.add_row(row.context, "", "")
                last = row.context
            table.add_row("", f"[reverse] {row.keys} [/]", row.description)
        return table

    async def action_dismiss(self, result: object = None) -> None:
        self.dismiss(result)
