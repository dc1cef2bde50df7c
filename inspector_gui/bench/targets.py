"""The issue's targets, checked against a benchmark report: each with its value, its limit and
whether it holds."""

from __future__ import annotations

from typing import Any

from inspector_gui.bench.measure import ratio

PLAIN_FACTOR, DATASETTE_FACTOR, SCALE_FACTOR = 1.2, 1.0, 1.5
CLI_SCRIPT_FACTOR, CLI_SCALE_FACTOR = 2.0, 1.2
STALL_MS, START_FACTOR, RSS_MB = 50.0, 2.0, 300.0


def _target(name: str, value: float | None, limit: float, scenario: str = "") -> dict[str, Any]:
    holds = None if value is None else value <= limit
    return {"target": name, "scenario": scenario, "value": value, "limit": limit, "holds": holds}


def page_targets(pages: dict[str, Any], layout: str) -> list[dict[str, Any]]:
    """First page ≤ 1.2× the best plain SQL for the same page, and ≤ 1.0× Datasette's
    cheapest page for the same filter."""
    checks = []
    for name, page in pages.items():
        scenario = f"{layout}: {name}"
        checks.append(_target("first page / best plain SQL, same page", page["store_vs_best_plain"],
                              PLAIN_FACTOR, scenario))
        if "datasette_cheapest" in page:
            value = ratio(page["store_page"], page[page["datasette_cheapest"]])
            checks.append(_target("first page / Datasette's cheapest page", value,
                                  DATASETTE_FACTOR, scenario))
    return checks


def scaling_targets(large: dict[str, Any], small: dict[str, Any]) -> list[dict[str, Any]]:
    """A first-typed search on the benchmark store ≤ 1.5× the same on a tenth of it."""
    return [_target("first-typed search / same on a store a tenth the size",
                    ratio(page["store_page"], small[name]["store_page"]), SCALE_FACTOR, name)
            for name, page in large.items() if name.startswith("search") and name in small]


def cli_targets(cli: dict[str, Any]) -> list[dict[str, Any]]:
    checks = []
    for name, found in cli.items():
        checks.append(_target("inspector findings --format json / one-line sqlite3 script",
                              found["cli_vs_script"], CLI_SCRIPT_FACTOR, name))
        checks.append(_target("inspector findings --format json, benchmark / bundled store",
                              found["cli_benchmark_vs_bundled"], CLI_SCALE_FACTOR, name))
    return checks


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    store = report["store_figures"]
    checks = page_targets(store["pages"], "as generated")
    for name, layout in report.get("layouts", {}).items():
        checks += page_targets(layout["pages"], name)
    if "scaling" in report:
        checks += scaling_targets(store["pages"], report["scaling"]["pages"])
    checks += cli_targets(report.get("cli_figures", {}))
    checks.append(_target("peak RSS of the store layer (MB)", store["peak_rss_mb"], RSS_MB))
    gui = report.get("gui_figures", {})
    if "longest_stall_ms" in gui:
        checks.append(_target("longest GUI-thread stall (ms)", gui.get("longest_stall_ms"), STALL_MS))
        checks.append(_target("cold start / bare PySide6 window", gui.get("cold_start_vs_bare"),
                              START_FACTOR))
        checks.append(_target("peak RSS of the GUI (MB)", gui.get("peak_rss_mb"), RSS_MB))
    return checks
