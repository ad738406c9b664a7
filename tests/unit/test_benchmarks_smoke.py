"""The benchmark runs end to end at a tiny size, so it cannot rot. No figure is asserted."""

from __future__ import annotations

import json

import pytest

from benchmarks import run
from benchmarks.measures import REGISTRY


def test_quick_run_covers_every_measure_and_writes_json(tmp_path, capsys):
    out = tmp_path / "figures.json"
    assert run.main(["--quick", "--json", str(out), "--cache", str(tmp_path / "cache")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Figures: median / p95") and "| measure |" in printed

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["sizes"] == list(run.QUICK_SIZES)
    names = {m.name for m in REGISTRY}
    for size in run.QUICK_SIZES:
        seen = {r["measure"] for r in report["results"] if r["meetings"] == size}
        assert seen == names
    for result in report["results"]:
        assert not result["failed"], result
        if result["skipped"]:
            assert result["note"], result  # a skip always says why
        else:
            assert result["runs"] == 3 and result["median_ms"] <= result["p95_ms"]
    on_data = {r["measure"]: r for r in report["results"] if r["meetings"] > 0}
    for group in ("search", "timeline", "filters", "panes", "app"):
        ran = [r for r in on_data.values() if r["group"] == group]
        assert ran and not any(r["skipped"] for r in ran), group
    # The app ran on a terminal: it started, drew frames for keys, and its memory was read.
    app = {name: r for name, r in on_data.items() if r["group"] == "app"}
    assert any("cold start, agenda-tui" in name for name in app)
    assert any("keys, moving" in name for name in app)
    assert all(r["min_ms"] > 0 for r in app.values())
    rss = next(r for name, r in app.items() if "peak RSS" in name)
    assert rss["figure"] == "MB" and 20 < rss["median_ms"] < 2000
    assert "cold start ratio" in printed

    # A second run reuses the cached stores and compares with the first.
    assert run.main(["--quick", "--only", "search: rare", "--compare", str(out),
                     "--cache", str(tmp_path / "cache")]) == 0
    printed = capsys.readouterr().out
    assert "| measure | meetings | p95 before | p95 now | change |" in printed
    assert "search: rare word" in printed and "timeline" not in printed
    assert len(list((tmp_path / "cache").glob("store-*.db"))) == len(run.QUICK_SIZES)


def test_a_broken_measure_is_reported_and_the_others_still_run(tmp_path, capsys, monkeypatch):
    from benchmarks import measures

    def broken(bench):
        raise SystemExit(1)  # what a CLI command does on error

    run.selected([])  # registers every measure first
    monkeypatch.setattr(run, "REGISTRY", [
        measures.Measure("broken one", "test", broken, repeat=1),
        *[m for m in measures.REGISTRY if m.name.startswith("search: rare")],
    ])
    code = run.main(["--quick", "--sizes", "60", "--cache", str(tmp_path / "cache")])
    printed = capsys.readouterr()
    assert code == 1 and "FAILED broken one" in printed.err
    assert "| broken one | **failed** |" in printed.out and "search: rare word" in printed.out


def test_bad_options_are_refused_with_a_message(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        run.main(["--sizes", "10,lots"])
    assert exit_.value.code == 2 and "--sizes" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run.main(["--compare", str(tmp_path / "missing.json")])
    assert "missing.json" in capsys.readouterr().err
