"""The benchmark command: JSON with every figure, baselines and targets (no timing asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.bench.measure import figure, peak_rss_mb
from inspector_gui.bench.scenarios import scenarios
from inspector_gui.bench.targets import check_targets
from inspector_gui.cli import main

SMALL = ["--providers", "8", "--inspections", "40", "--findings", "800", "--repeat", "1"]


def test_bench_builds_a_store_and_reports_store_and_raw_figures(tmp_path: Path) -> None:
    path = tmp_path / "bench.db"
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--store", str(path), "--out", str(out),
                                       "--no-datasette", "--no-gui", *SMALL])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["store"]["reused"] is False and report["store"]["counts"]["findings"] == 800
    pages = report["store_figures"]["pages"]
    assert set(pages) == {s.name for s in scenarios()}
    for page in pages.values():
        assert {"store_page", "raw_sqlite3_page", "store_count", "raw_sqlite3_count"} <= set(page)
        assert page["store_page"]["min_ms"] <= page["store_page"]["median_ms"] <= page["store_page"]["max_ms"]
    assert {t["target"] for t in report["targets"]} >= {"first page / raw sqlite3 same page"}
    again = CliRunner().invoke(main, ["bench", "--store", str(path), "--no-datasette", "--no-gui",
                                      *SMALL])
    assert json.loads(again.output[again.output.index("{"):])["store"]["reused"] is True


def test_bench_measures_datasette_on_loopback(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    pytest.importorskip("httpx")
    from inspector_gui.bench.datasette_probe import datasette_figures, datasette_server
    from inspector_gui.store.synth import SynthSpec, build_synthetic

    path = build_synthetic(tmp_path / "d.db", SynthSpec(5, 20, 300, seed=2))
    with datasette_server(path) as url:
        assert url.startswith("http://127.0.0.1:")
        scenario = next(s for s in scenarios() if s.name == "domain")
        figures = datasette_figures(url, scenario, 1)
    assert set(figures) == {"datasette_default", "datasette_tuned"}


def test_targets_say_which_hold() -> None:
    fast, slow = figure([1.0, 2.0, 3.0]), figure([10.0])
    page = {"store_page": fast, "raw_sqlite3_page": fast, "store_vs_raw": 1.0, "datasette_tuned": slow}
    report = {"store_figures": {"pages": {"a": page, "b": {**page, "store_vs_raw": 2.0}},
                                "peak_rss_mb": 400.0},
              "gui_figures": {"longest_stall_ms": 12.0, "cold_start_vs_bare": 3.0, "peak_rss_mb": 150.0}}
    holds = {(t["target"], t["scenario"]): t["holds"] for t in check_targets(report)}
    assert holds[("first page / raw sqlite3 same page", "a")] is True
    assert holds[("first page / raw sqlite3 same page", "b")] is False
    assert holds[("first page / Datasette tuned request (must be < 1)", "a")] is True
    assert holds[("peak RSS of the store layer (MB)", "")] is False
    assert holds[("longest GUI-thread stall (ms)", "")] is True
    assert holds[("cold start / bare PySide6 window", "")] is False


def test_peak_rss_is_this_process() -> None:
    assert 5 < peak_rss_mb() < 5000
