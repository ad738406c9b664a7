"""A child process on a pseudo-terminal, as a user's terminal would run it: for timing an app's
start, its keystrokes (bytes in, screen updates out) and reading its peak memory.

The child gets a pty of a fixed size as its controlling terminal (stdin, stdout and stderr, where
Textual writes). Everything it writes is read as it comes, with the time it arrived, so a key's
latency is measured from writing the key's bytes to the last screen update it caused.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# What a terminal sends for each key. Escape is sent as the kitty keyboard protocol encodes it
# (Textual asks terminals for that protocol): a lone ESC byte would make Textual wait
# ESCDELAY (100 ms) for more bytes, a delay of the terminal protocol, not of the app.
KEYS = {
    "enter": b"\r", "escape": b"\x1b[27u", "pagedown": b"\x1b[6~", "pageup": b"\x1b[5~",
    "down": b"\x1b[B", "up": b"\x1b[A", "tab": b"\t",
}
_ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|.)")
# Synchronized output (DEC mode 2026): asked whether we support it, we say yes, as most current
# terminals do; the app then wraps every frame in begin/end markers, so a frame's end is seen.
SYNC_QUERY, SYNC_REPLY = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
FRAME_END = b"\x1b[?2026l"


class TerminalError(RuntimeError):
    """The child failed, went quiet when it should have drawn, or did not exit in time."""


@dataclass
class Burst:
    """The screen output caused by one key: seconds from the key to the end of its first frame
    and of its last, and how many frames there were."""

    first: float
    last: float
    frames: int


@dataclass
class Terminal:
    argv: list[str]
    env: dict[str, str]
    size: tuple[int, int] = (120, 36)  # columns, rows
    pid: int = 0
    fd: int = -1
    started: float = 0.0  # time.time() just before the fork
    output: bytearray = field(default_factory=bytearray)
    arrivals: list[tuple[int, float]] = field(default_factory=list)  # (output length, time)
    status: int | None = None

    def __post_init__(self) -> None:
        columns, rows = self.size
        self.started = time.time()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the app
            try:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                os.execve(self.argv[0], self.argv, self.env)
            except BaseException as exc:  # noqa: BLE001  (nothing may unwind into our copy)
                os.write(2, f"cannot start {self.argv[0]}: {exc}\r\n".encode())
            os._exit(127)
        self.pid, self.fd = pid, fd

    # -- reading -------------------------------------------------------------------------------

    def _read(self, timeout: float) -> bytes | None:
        """One chunk of output (b"" if none came within `timeout`); None once the child has
        closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError as exc:
            if exc.errno == errno.EIO:  # Linux: the other side is gone
                return None
            raise
        if not data:
            return None
        if SYNC_QUERY in self.output[-len(SYNC_QUERY):] + data:
            os.write(self.fd, SYNC_REPLY)
        self.output += data
        self.arrivals.append((len(self.output), time.perf_counter()))
        return data

    def read_until_quiet(self, quiet: float, timeout: float = 30.0) -> list[tuple[float, int]]:
        """Read until nothing has come for `quiet` seconds: (perf_counter time, bytes) per
        chunk."""
        chunks: list[tuple[float, int]] = []
        deadline = time.perf_counter() + timeout
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise TerminalError(f"the app kept drawing for {timeout:.0f} s")
            data = self._read(quiet)
            if data is None:
                raise TerminalError(f"the app ended unexpectedly: {self.screen_text()[-600:]}")
            if not data:
                return chunks
            chunks.append((time.perf_counter(), len(data)))

    def wait_until(self, done: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        """Read (so the child never blocks on a full terminal) until `done()` is true."""
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TerminalError(f"{what} did not happen within {timeout:.0f} s: "
                                    f"{self.screen_text()[-600:]}")
            if self._read(0.02) is None:
                raise TerminalError(f"the app ended before {what}: {self.screen_text()[-600:]}")

    def screen_text(self) -> str:
        """Everything written so far, escape sequences removed (for messages and checks)."""
        return _ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    # -- keys ----------------------------------------------------------------------------------

    def press(self, key: str, *, quiet: float = 0.1, wait: float = 2.0,
              timeout: float = 30.0) -> Burst | None:
        """Send one key and time the screen update it causes: from writing its bytes to the end
        of the first frame drawn, and of the last one before `quiet` seconds of silence. None if
        nothing was drawn within `wait` seconds (a key with nothing to do, such as moving down
        on the last row)."""
        data = KEYS.get(key, key.encode())
        start, known = len(self.output), len(self.arrivals)
        sent = time.perf_counter()
        os.write(self.fd, data)
        first = self._read(wait)
        if first is None:
            raise TerminalError(f"the app ended unexpectedly: {self.screen_text()[-600:]}")
        if not first:
            return None
        self.read_until_quiet(quiet, timeout)
        ends = self.frame_ends(start, known)
        return Burst(ends[0] - sent, ends[-1] - sent, len(ends))

    def frame_ends(self, start: int, known: int = 0) -> list[float]:
        """When each frame written after output offset `start` had fully arrived (the chunk
        holding its end marker); without markers, when each chunk arrived."""
        arrivals = self.arrivals[known:]
        ends, at = [], start
        while (found := self.output.find(FRAME_END, at)) >= 0:
            at = found + len(FRAME_END)
            ends.append(next(t for length, t in arrivals if length >= at))
        return ends or [t for _, t in arrivals]

    # -- ending --------------------------------------------------------------------------------

    def wait(self, timeout: float = 60.0) -> int:
        """Read until the child exits; its exit status."""
        deadline = time.perf_counter() + timeout
        while self.status is None:
            if time.perf_counter() > deadline:
                self.kill()
                raise TerminalError(f"the app did not exit within {timeout:.0f} s: "
                                    f"{self.screen_text()[-600:]}")
            if self._read(0.05) is None or self._reap(os.WNOHANG):
                self._reap(0)
        return self.status

    def _reap(self, flags: int) -> bool:
        if self.status is not None:
            return True
        pid, status = os.waitpid(self.pid, flags)
        if pid == 0:
            return False
        self.status = os.waitstatus_to_exitcode(status)
        return True

    def peak_rss_mb(self) -> float:
        """The child's peak resident memory so far (VmHWM), in MB. Not its ru_maxrss: Linux
        carries that over exec from the forked copy of the benchmark process, which holds a
        large store and can be far bigger than the app."""
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        raise TerminalError("the app's peak memory cannot be read (is it still running?)")

    def kill(self) -> None:
        if self.status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap(0)

    def close(self) -> None:
        self.kill()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
