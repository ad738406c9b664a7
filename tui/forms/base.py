"""The modal form every add/edit form builds on: labelled fields, the pydantic models' messages
shown inline as the user types, ctrl+s (or enter on the last field) to save, escape to cancel
(asking first when something was typed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea

from db.errors import AgendaError, ValidationFailed
from tui.tasks import store_call


class FormField(Vertical):
    """One labelled entry with room for a hint and for its validation message."""

    def __init__(self, label: str, widget: Widget, *, fields: Iterable[str] = (),
                 hint: str = "", required: bool = False, classes: str = "") -> None:
        super().__init__(classes=f"form-field {classes}".strip())
        self.label = label
        self.widget = widget
        self.fields = tuple(fields) or (widget.id or "",)
        self.hint = hint
        self.required = required
        self.touched = False
        self._error = ""

    def compose(self) -> ComposeResult:
        yield Label(self.label + (" *" if self.required else ""), classes="field-label")
        if hasattr(self.widget, "compact"):
            self.widget.compact = True  # one line per entry: a whole meeting fits on a screen
        yield self.widget
        hint = Static(self.hint, classes="field-hint")
        hint.display = bool(self.hint)
        yield hint
        error = Static("", classes="field-error")
        error.display = False
        yield error

    @property
    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return None if widget.value is Select.BLANK else widget.value
        if isinstance(widget, SelectionList):
            return widget.selected
        return widget.value

    def set_error(self, messages: list[str]) -> None:
        text = "; ".join(messages)
        if text == self._error:
            return  # typing re-validates on every key; only changes reach the screen
        self._error = text
        error = self.query_one(".field-error", Static)
        error.update(text)
        error.display = bool(text)
        self.set_class(bool(text), "-invalid")

    def mark_proposed(self, evidence: str = "") -> None:
        """Flag a value that was proposed (e.g. read from an article), not typed."""
        self.add_class("-proposed")
        self.query_one(".field-label", Label).update(
            self.label + (" *" if self.required else "") + " · proposed")
        if evidence and not self.query_one(".field-hint", Static).display:
            short = evidence if len(evidence) <= 110 else evidence[:109] + "…"
            self.set_hint(f"from: “{short}”")

    def set_hint(self, text: str) -> None:
        hint = self.query_one(".field-hint", Static)
        hint.update(text)
        hint.display = bool(text)


class FormScreen(ModalScreen):
    """Subclasses yield FormFields from `form_fields` and turn `values()` into a model (or a
    draft) in `build`, raising ValidationFailed; the screen dismisses with what build returns."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.form_title = title
        self.dirty = False
        self.saving = False  # True while save validates: slow checks may run then
        self.writing = False  # True while the store write of a save is under way
        self._fields: list[FormField] | None = None
        self._submit: Callable[[Any], Any] | None = None

    def submit_with(self, write: Callable[[Any], Any]) -> FormScreen:
        """Save through `write` (run in a worker) before closing: the form dismisses with what
        it returns, and stays open showing the message if the store refuses the data."""
        self._submit = write
        return self

    def form_fields(self) -> ComposeResult:
        raise NotImplementedError

    def build(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Label(self.form_title, id="form-title")
            with VerticalScroll(id="form-body", can_focus=False):
                yield from self.form_fields()
            save, cancel = self.app.key_for("save", self), self.app.key_for("cancel", self)
            yield Static(f"{save} save · enter on the last line saves · {cancel} cancel",
                         id="form-keys")

    def on_mount(self) -> None:
        fields = self.field_widgets
        if fields:
            fields[0].widget.focus()

    def row(self, *fields: FormField) -> Horizontal:
        """Lay out several short fields side by side."""
        return Horizontal(*fields, classes="form-row")

    # -- values and validation -----------------------------------------------------------------

    @property
    def field_widgets(self) -> list[FormField]:
        if self._fields is None:
            self._fields = list(self.query(FormField))
        return self._fields

    def values(self) -> dict[str, Any]:
        return {f.widget.id: f.value for f in self.field_widgets if f.widget.id}

    def _validate(self, *, show_all: bool) -> Any:
        try:
            result = self.build(self.values())
        except ValidationFailed as failed:
            first = None
            for field in self.field_widgets:
                messages = [m for name in field.fields for m in failed.for_field(name)]
                visible = messages if (show_all or field.touched) else []
                field.set_error(visible)
                if visible and first is None:
                    first = field
            unplaced = [e for e in failed.errors
                        if not any(e.field.split(".")[0] in f.fields for f in self.field_widgets)]
            if show_all and unplaced:
                self.notify("; ".join(str(e) for e in unplaced), severity="error")
            if show_all and first is not None:
                first.widget.focus()
            return None
        for field in self.field_widgets:
            field.set_error([])
        return result

    def _touch(self, widget: Widget) -> None:
        self.dirty = True
        for field in self.field_widgets:
            if field.widget is widget:
                field.touched = True
        self.on_field_changed(widget)
        self._validate(show_all=False)

    def on_field_changed(self, widget: Widget) -> None:
        """Hook for live hints (e.g. how a date was understood)."""

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._touch(event.input)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        self._touch(event.select)

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._touch(event.selection_list)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._touch(event.text_area)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # Enter in the last text entry saves (a menu or a notes box after it keeps enter).
        inputs = [f.widget for f in self.field_widgets if isinstance(f.widget, Input)]
        if inputs and event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    # -- actions -------------------------------------------------------------------------------

    def revalidate(self) -> None:
        """Re-check what was typed (e.g. once a date has been read in the background)."""
        for field in self.field_widgets:
            self.on_field_changed(field.widget)
        self._validate(show_all=False)

    def action_save(self) -> None:
        if self.writing:
            # A second ctrl+s (or enter) before the first save is written: saving again would
            # store the record twice, and the second dismiss would close the screen below.
            return
        self.saving = True
        try:
            result = self._validate(show_all=True)
        finally:
            self.saving = False
        if result is None:
            return
        if self._submit is None:
            self.dismiss(result)
            return
        write = self._submit
        self.writing = True
        store_call(self, lambda: write(result), self.dismiss, failed=self._refused,
                   group="write")

    def _refused(self, error: AgendaError) -> None:
        self.writing = False
        if isinstance(error, ValidationFailed):
            placed = False
            for field in self.field_widgets:
                messages = [m for name in field.fields for m in error.for_field(name)]
                field.set_error(messages)
                placed = placed or bool(messages)
            if placed:
                return
        self.notify(error.msg, title=error.title, severity="error", timeout=8)

    def action_cancel(self) -> None:
        if self.writing:
            return  # the save is being written; it closes the form when done
        if not self.dirty:
            self.dismiss(None)
            return
        from tui.forms.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard the changes you typed?", yes="Discard", no="Keep editing"),
            answered,
        )
