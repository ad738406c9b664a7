"""The export form: where to write a markdown file, with a sensible default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from db.errors import FieldError, ValidationFailed
from tui.forms.base import FormField, FormScreen


class ExportForm(FormScreen):
    """Dismisses with the path written (the caller's write runs before it closes)."""

    def __init__(self, what: str, default: Path) -> None:
        super().__init__(f"Export {what} as markdown")
        self.default = default

    def form_fields(self) -> ComposeResult:
        yield FormField("File", Input(str(self.default), id="path"), required=True,
                        hint="An existing file of that name is replaced only once the new one "
                             "is completely written.")

    def build(self, values: dict[str, Any]) -> Path:
        text = values["path"].strip()
        if not text:
            raise ValidationFailed("export", [FieldError("path", "is required")])
        path = Path(text).expanduser()
        if path.is_dir():
            problem = "is a folder; add a file name"
        elif not path.parent.is_dir():
            problem = f"the folder {path.parent} does not exist"
        else:
            return path
        raise ValidationFailed("export", [FieldError("path", problem)])
