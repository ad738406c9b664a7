"""Run the benchmark: every registered measure on stores of 0, 1,000 and 50,000 meetings.

    python -m benchmarks.run [--json OUT] [--sizes 0,1000,50000] [--quick] [--only TEXT]
                             [--compare OLD.json] [--cache DIR]

Stores are generated once per size and seed (benchmarks/generate.py) and cached; the cache key
includes the generator's and the schema's source, so a changed index list gets a fresh store.
Prints a table of median and p95 per measure and size, and writes all figures as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import generate
from benchmarks.measures import MODULES, RATIOS, REGISTRY, Bench, Result, run_measure
from benchmarks.report import comparison, table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (0, 1000, 50_000)
QUICK_SIZES = (0, 60)
ITEMS_PER_MEETING = 10
# What the generated store depends on: change any of these and the cached store is rebuilt.
_SOURCES = ["benchmarks/generate.py", "benchmarks/synth.py", "benchmarks/agenda.py",
            "benchmarks/text.py", "benchmarks/vocabulary.py", "db/schema.py"]


def cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "agenda-tui-bench"


def store_for(meetings: int, seed: int, cache: Path, log=print) -> Path:
    """The cached store of that size and seed, generated (once) if missing."""
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((ROOT / name).read_bytes())
    items = meetings * ITEMS_PER_MEETING
    path = cache / f"store-{meetings}m-{items}i-s{seed}-{digest.hexdigest()[:12]}.db"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        log(f"generating {meetings:,} meetings, {items:,} items (seed {seed}) ...")
        started = time.perf_counter()
        generate.generate(partial, meetings, items, seed)
        partial.rename(path)  # only a complete store gets the cached name
        log(f"  done in {time.perf_counter() - started:.1f} s: {path}")
    return path


def selected(only: list[str]) -> list:
    for module in MODULES:
        importlib.import_module(module)
    if not only:
        return list(REGISTRY)
    return [m for m in REGISTRY if any(text.lower() in m.name.lower() for text in only)]


def run(sizes: tuple[int, ...], seed: int, cache: Path, *, only: list[str] | None = None,
        repeat: int | None = None, quick: bool = False, log=print) -> list[Result]:
    from db.store import Store

    measures = selected(only or [])
    results: list[Result] = []
    for meetings in sizes:
        path = store_for(meetings, seed, cache, log)
        with Store.open(path) as store, tempfile.TemporaryDirectory() as scratch:
            for item in measures:
                folder = Path(scratch) / str(len(results))
                folder.mkdir()
                bench = Bench(store, path, meetings, meetings * ITEMS_PER_MEETING, seed,
                              folder, tuple(sizes), quick)
                times = min(item.repeat, 3) if quick else repeat
                result = run_measure(item, bench, times)
                results.append(result)
                log(f"  {meetings:>6,}  {item.name}: " + (
                    result.note if result.failed
                    else f"skipped ({result.note})" if result.skipped
                    else f"median {result.median:.2f}, p95 {result.p95:.2f} {result.figure}"))
    return results


def ratios(results: list[Result]) -> list[dict]:
    found = []
    by_name = {(r.measure, r.meetings): r for r in results if r.runs}
    for label, top, bottom in RATIOS:
        for (name, meetings), result in by_name.items():
            if name == top:
                # The yardstick measured next to it (same store size) if there is one.
                base = by_name.get((bottom, meetings)) or next(
                    (r for (n, _), r in by_name.items() if n == bottom), None)
                if base and base.median:
                    found.append({"ratio": label, "meetings": meetings,
                                  "value": round(result.median / base.median, 3)})
    return found


def machine() -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()
    return {
        "platform": platform.platform(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(), "commit": commit or None,
        # Other work on the machine skews every figure: the load average says how much.
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--sizes", help="comma-separated store sizes in meetings "
                                        "(default 0,1000,50000)")
    parser.add_argument("--quick", action="store_true",
                        help="tiny stores and 3 runs per measure: checks the benchmark works")
    parser.add_argument("--only", action="append", default=[],
                        help="run the measures whose name contains this text (repeatable)")
    parser.add_argument("--repeat", type=int, help="runs per measure (default: per measure)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None,
                        help=f"where generated stores are kept (default {cache_dir()})")
    parser.add_argument("--compare", type=Path, help="an earlier --json file to compare with")
    args = parser.parse_args(argv)
    try:
        sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else (
            QUICK_SIZES if args.quick else DEFAULT_SIZES)
    except ValueError:
        parser.error(f"--sizes: {args.sizes!r} is not a comma-separated list of numbers")
    if any(size < 0 for size in sizes):
        parser.error("--sizes: sizes must be zero or more")
    earlier = None
    if args.compare:
        try:
            earlier = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            parser.error(f"--compare: cannot read {args.compare}: {exc}")

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    started = machine()
    results = run(sizes, args.seed, args.cache or cache_dir(), only=args.only,
                  repeat=args.repeat, quick=args.quick, log=log)
    report = {
        "version": 1,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": started,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "sizes": list(sizes), "seed": args.seed, "items_per_meeting": ITEMS_PER_MEETING,
        "results": [r.as_json() for r in results],
        "ratios": ratios(results),
    }
    print(table(report))
    if earlier:
        print()
        print(comparison(earlier, report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        log(f"figures written to {args.json}")
    failed = [r for r in results if r.failed]
    for r in failed:
        log(f"FAILED {r.measure} at {r.meetings:,} meetings: {r.note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
