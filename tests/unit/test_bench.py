"""The benchmark command: JSON with every figure, baselines and targets (no timing asserted), and
baselines that return exactly the store's page, so a comparison cannot silently drift."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.bench import replay
from inspector_gui.bench.cli_probe import COMMANDS, cli_args, script_args
from inspector_gui.bench.layouts import ORDERS, layout_store
from inspector_gui.bench.measure import figure, interleaved, peak_rss_mb
from inspector_gui.bench.scenarios import busiest_provider, scenarios
from inspector_gui.bench.targets import check_targets
from inspector_gui.cli import main
from inspector_gui.store import Store
from inspector_gui.store.default import build_store
from inspector_gui.store.ordering import misplaced
from inspector_gui.store.synth import SynthSpec, build_synthetic

SMALL = ["--providers", "8", "--inspections", "40", "--findings", "800", "--repeat", "1"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Big enough that every scenario but the rarest word has a page, row 5,000 included."""
    path = tmp_path_factory.mktemp("bench") / "synthetic.db"
    return build_synthetic(path, SynthSpec(40, 400, 20_000, seed=3))


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[Store, sqlite3.Connection]]:
    with Store.open(path) as store, contextlib.closing(
            sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as raw:
        replay.prepare(raw)
        yield store, raw


@pytest.mark.parametrize("layout", ["as generated", *ORDERS])
def test_every_baseline_returns_the_stores_page_in_its_order(synthetic: Path, layout: str) -> None:
    path = synthetic if layout == "as generated" else layout_store(synthetic, layout)[0]
    with _opened(path) as (store, raw):
        assert misplaced(store.conn) == 0
        found = scenarios(busiest_provider(store.conn))
        assert {"provider", "search_two_words_domestic_abuse"} <= {s.name for s in found}
        pages = 0
        for scenario in found:
            expected = [f.finding_id for f in store.findings(scenario.query)]
            pages += bool(expected)
            statements = replay.record(store, scenario.query)
            for name, rows in (
                    ("newest first", raw.execute(scenario.newest_first_sql(), scenario.params)),
                    ("naive", raw.execute(scenario.naive_sql(), scenario.params)),
                    # ids sort newest first: Datasette's cheapest page is the same page
                    ("id order", raw.execute(scenario.id_order_sql(), scenario.params)),
                    ("app's algorithm", replay.replay(raw, statements, scenario.query))):
                assert [r[0] for r in rows] == expected, (scenario.name, name)
            count = raw.execute(scenario.count_sql(), scenario.params).fetchone()[0]
            assert count == store.count_findings(scenario.query), scenario.name
        assert pages >= len(found) - 1


def test_a_layout_is_the_same_findings_in_another_order_migrated(synthetic: Path) -> None:
    def rows(path: Path) -> list[tuple]:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return sorted(conn.execute("SELECT inspection_id, kind, text FROM findings"))

    path, build = layout_store(synthetic, "sorted_by_kind")
    assert build == {"reused": True} or build["misplaced_findings_before_migration"] > 1000
    assert rows(path) == rows(synthetic)
    assert not list(path.parent.glob("*.bak-schema*"))


def test_the_one_line_script_prints_the_clis_bytes(tmp_path: Path) -> None:
    import subprocess

    store = tmp_path / "bundled.db"
    build_store(store, [paths.data_dir()], {})
    for name in COMMANDS:
        cli = subprocess.run(cli_args(name, store), capture_output=True, check=True).stdout
        script = subprocess.run(script_args(name, store), capture_output=True, check=True).stdout
        assert cli.count(b'"text"') == 50 and cli == script, name


def test_bench_builds_a_store_and_reports_store_and_plain_figures(tmp_path: Path) -> None:
    path = tmp_path / "bench.db"
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--store", str(path), "--out", str(out),
                                       "--no-datasette", "--no-gui", *SMALL])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["store"]["reused"] is False and report["store"]["counts"]["findings"] == 800
    pages = report["store_figures"]["pages"]
    assert set(pages) == {s.name for s in scenarios("x")}
    assert set(report["layouts"]) == set(ORDERS)
    for page in [*pages.values(), *report["layouts"]["sorted_by_kind"]["pages"].values()]:
        assert {"store_page", "plain_newest_first_page", "plain_app_algorithm_page",
                "store_count", "plain_count", "store_vs_best_plain"} <= set(page)
        assert page["store_page"]["min_ms"] <= page["store_page"]["median_ms"] <= page["store_page"]["max_ms"]
    assert "naive_page_reference" in pages["search_common_word"]
    assert report["cli_figures"]["search_staff"]["same_bytes"] is True
    assert report["scaling"]["store"]["counts"]["findings"] == 80
    targets = {t["target"] for t in report["targets"]}
    assert {"first page / best plain SQL, same page",
            "first-typed search / same on a store a tenth the size",
            "inspector findings --format json / one-line sqlite3 script"} <= targets
    again = CliRunner().invoke(main, ["bench", "--store", str(path), "--no-datasette", "--no-gui",
                                      "--no-layouts", *SMALL])
    assert json.loads(again.output[again.output.index("{"):])["store"]["reused"] is True


def test_bench_measures_datasette_on_loopback(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    pytest.importorskip("httpx")
    from inspector_gui.bench.datasette_probe import datasette_figures, datasette_server

    path = build_synthetic(tmp_path / "d.db", SynthSpec(5, 20, 300, seed=2))
    found = {s.name: s for s in scenarios("x")}
    with datasette_server(path) as url:
        assert url.startswith("http://127.0.0.1:")
        domain = datasette_figures(url, found["domain"], 1)
        provider = datasette_figures(url, found["provider"], 1)
    assert set(domain) == {"datasette_same_page_sql", "datasette_id_order_sql",
                           "datasette_id_order_table_tuned", "datasette_cheapest"}
    assert provider["datasette_cheapest"] == "datasette_id_order_sql"


def test_interleaved_rounds_take_turns() -> None:
    calls: list[str] = []
    figures = interleaved({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, 2)
    assert calls == ["a", "b"] * 3 and figures["a"]["runs"] == 2


def test_targets_say_which_hold() -> None:
    fast, slow = figure([1.0, 2.0, 3.0]), figure([10.0])
    page = {"store_page": fast, "store_vs_best_plain": 1.0, "datasette_id_order_sql": slow,
            "datasette_cheapest": "datasette_id_order_sql"}
    report = {"store_figures": {"pages": {"a": page, "b": {**page, "store_vs_best_plain": 1.3}},
                                "peak_rss_mb": 400.0},
              "layouts": {"sorted_by_kind": {"pages": {"a": {**page,
                                                             "datasette_id_order_sql": figure([1.0])}}}},
              "cli_figures": {"x": {"cli_vs_script": 2.5, "cli_benchmark_vs_bundled": 1.1}},
              "gui_figures": {"longest_stall_ms": 12.0, "cold_start_vs_bare": 3.0, "peak_rss_mb": 150.0}}
    holds = {(t["target"], t["scenario"]): t["holds"] for t in check_targets(report)}
    assert holds[("first page / best plain SQL, same page", "as generated: a")] is True
    assert holds[("first page / best plain SQL, same page", "as generated: b")] is False
    assert holds[("first page / Datasette's cheapest page", "as generated: a")] is True
    assert holds[("first page / Datasette's cheapest page", "sorted_by_kind: a")] is False
    assert holds[("inspector findings --format json / one-line sqlite3 script", "x")] is False
    assert holds[("inspector findings --format json, benchmark / bundled store", "x")] is True
    assert holds[("peak RSS of the store layer (MB)", "")] is False
    assert holds[("longest GUI-thread stall (ms)", "")] is True
    assert holds[("cold start / bare PySide6 window", "")] is False


def test_peak_rss_is_this_process() -> None:
    assert 5 < peak_rss_mb() < 5000
