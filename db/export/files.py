"""Writing export files atomically: an interrupted export never leaves a half-written file in
place of an older one (temporary file in the same folder, fsync, then os.replace)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from db.errors import AgendaError


class ExportFailed(AgendaError):
    """The export file could not be written; an older file of that name is left as it was."""

    title = "Export failed"


def write_atomic(path: str | Path, content: str | bytes | Iterable[str]) -> Path:
    """Write `content` (text, bytes, or text chunks as the exporters stream them: chunks.Chunks
    are asked to write themselves, copying parts already in files) to `path`.

    The data goes to a temporary file beside the target (same file system, so the final rename
    is atomic), is flushed to disk, and only then replaces the target. On any failure the
    temporary file is removed and ExportFailed names the path and the reason.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportFailed(f"{path}: is a folder; give a file name")
    folder = path.parent
    if not folder.is_dir():
        raise ExportFailed(f"{path}: the folder {folder} does not exist")
    temp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        # 0o666 less the umask, like any new file; an existing file keeps its permissions.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportFailed(f"{path}: cannot be written ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(content, bytes):
                out.write(content)
            elif isinstance(content, str):
                out.write(content.encode("utf-8"))
            elif hasattr(content, "write_to"):  # chunks.Chunks: parts copied file to file
                content.write_to(out)
            else:
                for chunk in content:
                    out.write(chunk.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportFailed(f"{path}: cannot be written ({exc.strerror or exc})") from None
        raise
    _sync_folder(folder)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def suggested_name(*parts: str, suffix: str = ".md") -> str:
    """A default file name for an export form: "brief-2025-05-20-turkiye-us-joint-working-group"
    plus suffix. Plain ASCII, so it is safe on every file system and in a shell."""
    import re
    import unicodedata

    # Punctuation of any script (dashes, slashes) separates words before accents are dropped.
    text = re.sub(r"[\W_]+", "-", "-".join(part for part in parts if part))
    ascii_text = unicodedata.normalize("NFKD", text.replace("ı", "i")).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")
    return (slug[:80].rstrip("-") or "agenda-export") + suffix
