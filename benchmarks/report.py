"""The benchmark's printed report: a markdown table (pasteable into the README) and a
comparison with an earlier run's JSON."""

from __future__ import annotations


def _figure(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _cell(result: dict) -> str:
    if result.get("failed"):
        return "**failed**"
    if result["skipped"]:
        return "skipped"
    unit = "" if result["figure"] == "ms" else f" {result['figure']}"
    return f"{_figure(result['median_ms'])} / {_figure(result['p95_ms'])}{unit}"


def _target(results: list[dict]) -> str:
    with_target = [r for r in results if r["target_ms"] is not None]
    if not with_target:
        return ""
    r = max(with_target, key=lambda r: r["meetings"])
    verdict = {True: "met", False: "**missed**", None: "not measured"}[r["met"]]
    unit = r.get("figure") or "ms"  # a memory target is in MB
    return f"p95 ≤ {_figure(r['target_ms'])} {unit}: {verdict}"


def table(report: dict) -> str:
    """Median / p95 in ms per measure (rows) and store size (columns)."""
    sizes = report["sizes"]
    by_measure: dict[str, dict[int, dict]] = {}
    for result in report["results"]:
        by_measure.setdefault(result["measure"], {})[result["meetings"]] = result
    head = ["measure", *(f"{s:,} meetings" for s in sizes), "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    notes: dict[str, str] = {}
    for name, per_size in by_measure.items():
        cells = [_cell(per_size[s]) if s in per_size else "" for s in sizes]
        for result in per_size.values():
            if (result["skipped"] or result.get("failed")) and result["note"] != "empty store":
                notes.setdefault(name, result["note"])
        lines.append("| " + " | ".join([name, *cells, _target(list(per_size.values()))]) + " |")
    out = ["Figures: median / p95 in milliseconds, over repeated runs.", "", *lines]
    for ratio in report.get("ratios", []):
        out.append(f"\n{ratio['ratio']}: {ratio['value']:.2f} at {ratio['meetings']:,} meetings")
    rates = [r for r in report["results"] if r["per"] and r["median_ms"]]
    if rates:
        out.append("")
        for r in rates:
            rate = r["per"] / (r["median_ms"] / 1000)
            out.append(f"{r['measure']} at {r['meetings']:,} meetings: "
                       f"{rate:,.0f} {r['unit']}/s")
    if notes:
        out.append("")
        out += [f"- {name}: {note if note.startswith('failed') else 'skipped, ' + note}"
                for name, note in notes.items()]
    machine = report["machine"]
    out.append(
        f"\nPython {machine['python']}, SQLite {machine['sqlite']}, {machine['cpus']} CPUs, "
        f"load average {machine['load_average'][0]} at start, "
        f"{report['load_average_after'][0]} at the end."
    )
    return "\n".join(out)


def comparison(earlier: dict, now: dict) -> str:
    """p95 now against an earlier run, for every measure and size both have figures for."""
    old = {(r["measure"], r["meetings"]): r for r in earlier.get("results", []) if r["runs"]}
    lines = ["| measure | meetings | p95 before | p95 now | change |", "|---|---|---|---|---|"]
    for r in now["results"]:
        before = old.get((r["measure"], r["meetings"]))
        if not before or not r["runs"] or not before["p95_ms"]:
            continue
        change = (r["p95_ms"] - before["p95_ms"]) / before["p95_ms"] * 100
        lines.append(f"| {r['measure']} | {r['meetings']:,} | {_figure(before['p95_ms'])} | "
                     f"{_figure(r['p95_ms'])} | {change:+.0f}% |")
    return "\n".join(lines)
