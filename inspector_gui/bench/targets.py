"""The issue's targets, checked against a benchmark report: each with its value, its limit and
whether it holds."""

from __future__ import annotations

from typing import Any

from inspector_gui.bench.measure import ratio

RAW_FACTOR, STALL_MS, START_FACTOR, RSS_MB = 1.5, 50.0, 2.0, 300.0


def _target(name: str, value: float | None, limit: float, scenario: str = "") -> dict[str, Any]:
    holds = None if value is None else value <= limit
    return {"target": name, "scenario": scenario, "value": value, "limit": limit, "holds": holds}


def page_targets(pages: dict[str, Any]) -> list[dict[str, Any]]:
    """First page ≤ 1.5× raw sqlite3 for the same page, and faster than Datasette's tuned
    request (expressed as store / Datasette < 1)."""
    checks = []
    for name, page in pages.items():
        checks.append(_target("first page / raw sqlite3 same page", page["store_vs_raw"],
                              RAW_FACTOR, name))
        if "datasette_tuned" in page:
            value = ratio(page["store_page"], page["datasette_tuned"])
            checks.append(_target("first page / Datasette tuned request (must be < 1)", value,
                                  0.999, name))
    return checks


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    store = report["store_figures"]
    checks = page_targets(store["pages"])
    checks.append(_target("peak RSS of the store layer (MB)", store["peak_rss_mb"], RSS_MB))
    gui = report.get("gui_figures", {})
    if "longest_stall_ms" in gui:
        checks.append(_target("longest GUI-thread stall (ms)", gui.get("longest_stall_ms"), STALL_MS))
        checks.append(_target("cold start / bare PySide6 window", gui.get("cold_start_vs_bare"),
                              START_FACTOR))
        checks.append(_target("peak RSS of the GUI (MB)", gui.get("peak_rss_mb"), RSS_MB))
    return checks
