"""Store figures, run in a child process so its peak RSS is the store layer's alone:
``python -m inspector_gui.bench.store_probe STORE REPEAT`` prints JSON."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import peak_rss_mb, ratio, timed
from inspector_gui.bench.scenarios import Scenario, scenarios
from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.store import Store


def _page(store: Store, query: FindingQuery) -> list[Finding]:
    """A page as after typing: nothing remembered from an earlier run of the same search."""
    store.forget_searches()
    return store.findings(query)


def store_only(store: Store, scenario: Scenario, repeat: int) -> dict[str, Any]:
    """First page and count by the store."""
    query = scenario.query
    return {"store_page": timed(lambda: _page(store, query), repeat),
            "store_count": timed(lambda: store.count_findings(query), repeat),
            "matches": store.count_findings(query)}


def raw_only(raw: sqlite3.Connection, scenario: Scenario, repeat: int) -> dict[str, Any]:
    """The plain statement for the same page, in the same order and in id order, and its count."""
    params = scenario.params
    return {
        "raw_sqlite3_page": timed(lambda: raw.execute(scenario.raw_sql(), params).fetchall(), repeat),
        "raw_sqlite3_page_id_order": timed(
            lambda: raw.execute(scenario.raw_sql("f.id"), params).fetchall(), repeat),
        "raw_sqlite3_count": timed(lambda: raw.execute(scenario.raw_count_sql(), params).fetchone(),
                                   repeat)}


def store_figures(path: Path, repeat: int) -> dict[str, Any]:
    """Every store-level figure for the store at ``path``; the peak RSS is taken before the raw
    statements run, since sorting every match of a common word holds them all in memory."""
    figures: dict[str, Any] = {
        "open_store": timed(lambda: Store.open(path, check=False).close(), repeat),
        "open_store_with_quick_check": timed(lambda: Store.open(path).close(), 3),
    }
    with Store.open(path, check=False) as store:
        pages = {s.name: store_only(store, s, repeat) for s in scenarios()}
        provider = store.providers()[0].provider_id
        figures["rating_matrix_latest"] = timed(store.rating_matrix, repeat)
        figures["rating_matrix_rows"] = len(store.rating_matrix())
        figures["provider_tree"] = timed(store.provider_tree, repeat)
        figures["store_info"] = timed(store.info, repeat)
        figures["newest_inspections"] = timed(store.newest_inspections, repeat)
        figures["rating_history_one_provider"] = timed(lambda: store.rating_history(provider), repeat)
    figures["peak_rss_mb"] = peak_rss_mb()
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as raw:
        for scenario in scenarios():
            pages[scenario.name].update(raw_only(raw, scenario, repeat))
            page = pages[scenario.name]
            page["store_vs_raw"] = ratio(page["store_page"], page["raw_sqlite3_page"])
    figures["pages"] = pages
    return figures


if __name__ == "__main__":
    print(json.dumps(store_figures(Path(sys.argv[1]), int(sys.argv[2]))))
