"""The errors the data layer raises: one base class the CLI and app catch, a subclass per kind."""

from __future__ import annotations

from dataclasses import dataclass


class AgendaError(Exception):
    """Base of every expected failure: carries a short title and a one-line message for users."""

    title = "Error"

    def __init__(self, msg: str) -> None:
        super().__init__(msg)
        self.msg = msg

    def __str__(self) -> str:
        return self.msg


class StoreOpenError(AgendaError):
    """The store file cannot be used: missing folder, not ours, unreadable, too new..."""

    title = "Cannot open the store"


class ReadOnlyStore(AgendaError):
    title = "Read-only store"


class StoreWriteError(AgendaError):
    """A write failed for a reason outside the data (disk full, I/O error); nothing was saved."""

    title = "Not saved"


class UndoConflict(AgendaError):
    """The rows a change touched were changed since by another instance; undo would clobber."""

    title = "Cannot undo"


class NotFound(AgendaError):
    title = "Not found"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: `field` is a dotted path such as `title` or `items.2.status`."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class FieldProblem(ValueError):
    """Raised inside a model validator that checks several fields, to name the field to blame."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ValidationFailed(AgendaError):
    """Data that breaks the models' rules; `errors` holds one FieldError per problem."""

    title = "Invalid data"

    def __init__(self, what: str, errors: list[FieldError]) -> None:
        self.what = what
        self.errors = errors
        detail = "; ".join(str(error) for error in errors)
        super().__init__(f"{what}: {detail}" if what else detail)

    def for_field(self, field: str) -> list[str]:
        """The messages for one field (by its first path element), for showing beside a widget."""
        return [e.message for e in self.errors if e.field.split(".")[0] == field]

    @classmethod
    def from_pydantic(cls, what: str, exc, prefix: str = "") -> ValidationFailed:
        """Convert a pydantic ValidationError, keeping pydantic's per-field messages."""
        errors = []
        for err in exc.errors(include_url=False):
            loc = ".".join(str(part) for part in err["loc"])
            message = err["msg"]
            cause = (err.get("ctx") or {}).get("error")
            if isinstance(cause, FieldProblem):
                loc = ".".join(filter(None, (loc, cause.field)))
            # Our own validators raise ValueError; pydantic prefixes those, which reads badly.
            message = message.removeprefix("Value error, ")
            errors.append(FieldError(f"{prefix}{loc}" if loc else prefix.rstrip("."), message))
        return cls(what, errors)


class ImportFailed(AgendaError):
    """An import file that cannot be read; nothing from it was written."""

    title = "Import failed"


class IngestError(AgendaError):
    """An article that cannot be turned into a meeting: empty, binary, too large, no meeting."""

    title = "Cannot read the article"
