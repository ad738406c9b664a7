"""The registry of measures and how one is timed.

A measure is a setup function registered with @measure: it gets a Bench (the store of one size
and a scratch folder) and returns what to time, a zero-argument callable, or raises Skip with
a note. The runner calls it `repeat` times after a warm-up and reports median and p95.

Modules holding measures register on import; run.py imports every module in MODULES.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Modules whose import registers measures, in report order. The app's measures (cold start,
# keystrokes, memory) live in measures_app.py.
MODULES = (
    "benchmarks.measures_db",
    "benchmarks.measures_export",
    "benchmarks.measures_app",
)


class Skip(Exception):
    """Raised by a setup: this measure cannot run here (the note says why)."""


@dataclass
class Bench:
    """What a measure's setup gets: one generated store and where it may write."""

    store: Any  # db.store.Store, opened on the cached store file
    path: Path  # the store file (do not write to it: it is shared by every measure)
    meetings: int
    items: int
    seed: int
    scratch: Path  # a folder of its own for files the measure writes
    sizes: tuple[int, ...] = ()  # every store size in this run
    quick: bool = False


@dataclass
class Timed:
    """What a setup may return instead of a bare callable: `per` units of work per call (such
    as meetings exported), so the report can show a rate, and a note on what was measured.
    With `reports` set ("ms", "MB"), the call returns the figure itself (a child process's
    start-up time, its peak memory) instead of being timed. `close` releases what the setup
    started (a running app), however the runs ended."""

    call: Callable[[], Any]
    per: int | None = None
    unit: str = ""
    note: str = ""
    reports: str | None = None
    close: Callable[[], None] | None = None  # run after the last call (ends a child app)


@dataclass
class Measure:
    name: str
    group: str
    setup: Callable[[Bench], Callable[[], Any] | Timed]
    repeat: int = 30
    target_ms: float | None = None  # the target, shown next to the figure
    target_on: int = 0  # the target applies from this many meetings on
    doc: str = ""


@dataclass
class Result:
    measure: str
    group: str
    meetings: int
    runs: list[float] = field(default_factory=list)  # milliseconds
    note: str = ""
    skipped: bool = False
    failed: bool = False
    per: int | None = None
    unit: str = ""
    target_ms: float | None = None
    figure: str = "ms"  # what runs hold: milliseconds, or what the measure reports

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    @property
    def p95(self) -> float | None:
        if not self.runs:
            return None
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def met(self) -> bool | None:
        if self.target_ms is None or self.p95 is None:
            return None
        return self.p95 <= self.target_ms

    def as_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure, "group": self.group, "meetings": self.meetings,
            "median_ms": _round(self.median), "p95_ms": _round(self.p95),
            "min_ms": _round(min(self.runs)) if self.runs else None,
            "max_ms": _round(max(self.runs)) if self.runs else None,
            "runs": len(self.runs), "skipped": self.skipped, "failed": self.failed,
            "note": self.note,
            "per": self.per, "unit": self.unit, "target_ms": self.target_ms, "met": self.met,
            "figure": self.figure,
        }


REGISTRY: list[Measure] = []


def measure(name: str, group: str, *, repeat: int = 30, target_ms: float | None = None,
            target_on: int = 0):
    """Register a setup function as a measure (see the module docstring)."""

    def register(setup: Callable[[Bench], Callable[[], Any] | Timed]):
        if any(m.name == name for m in REGISTRY):
            raise ValueError(f"two measures are called {name!r}")
        REGISTRY.append(Measure(name, group, setup, repeat, target_ms, target_on,
                                (setup.__doc__ or "").strip()))
        return setup

    return register


def run_measure(item: Measure, bench: Bench, repeat: int | None = None) -> Result:
    applies = item.target_ms is not None and bench.meetings >= item.target_on
    result = Result(item.name, item.group, bench.meetings,
                    target_ms=item.target_ms if applies else None)
    timed = None
    try:
        prepared = item.setup(bench)
        timed = prepared if isinstance(prepared, Timed) else Timed(prepared)
        result.per, result.unit, result.note = timed.per, timed.unit, timed.note
        result.figure = timed.reports or "ms"
        timed.call()  # warm-up: first-use imports and a cold page cache are not what we measure
        for _ in range(repeat or item.repeat):
            started = time.perf_counter_ns()
            value = timed.call()
            elapsed = (time.perf_counter_ns() - started) / 1e6
            result.runs.append(float(value) if timed.reports else elapsed)
    except Skip as exc:
        result.skipped, result.note = True, str(exc)
    except (Exception, SystemExit) as exc:  # noqa: BLE001  (a CLI command exits; report it)
        # One broken measure must not lose the others' figures: it is reported as failed.
        result.runs, result.failed = [], True
        result.note = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
    finally:
        if timed is not None and timed.close is not None:
            timed.close()
    return result


# Figures derived from two others in the same run: (label, numerator, denominator).
RATIOS = [
    ("cold start ratio, agenda-tui / bare Textual (target ≤ 1.3)",
     "app: cold start, agenda-tui (timeline filled)", "app: cold start, bare Textual app"),
]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
