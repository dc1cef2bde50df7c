"""Store figures, run in a child process so its peak RSS is the store layer's alone:
``python -m inspector_gui.bench.store_probe STORE REPEAT`` prints JSON."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from inspector_gui.bench.measure import peak_rss_mb, ratio, timed
from inspector_gui.bench.scenarios import Scenario, scenarios
from inspector_gui.store import Store


def scenario_figures(store: Store, raw: sqlite3.Connection, scenario: Scenario,
                     repeat: int) -> dict[str, Any]:
    """First page and count by the store, beside the plain statement for the same page."""
    query, params = scenario.query, scenario.params
    result = {
        "store_page": timed(lambda: store.findings(query), repeat),
        "raw_sqlite3_page": timed(lambda: raw.execute(scenario.raw_sql(), params).fetchall(), repeat),
        "raw_sqlite3_page_id_order": timed(
            lambda: raw.execute(scenario.raw_sql("f.id"), params).fetchall(), repeat),
        "store_count": timed(lambda: store.count_findings(query), repeat),
        "raw_sqlite3_count": timed(lambda: raw.execute(scenario.raw_count_sql(), params).fetchone(),
                                   repeat),
        "matches": store.count_findings(query),
    }
    result["store_vs_raw"] = ratio(result["store_page"], result["raw_sqlite3_page"])
    return result


def store_figures(path: Path, repeat: int) -> dict[str, Any]:
    """Every store-level figure for the store at ``path``."""
    figures: dict[str, Any] = {
        "open_store": timed(lambda: Store.open(path, check=False).close(), repeat),
        "open_store_with_quick_check": timed(lambda: Store.open(path).close(), 3),
    }
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with Store.open(path, check=False) as store:
        figures["pages"] = {s.name: scenario_figures(store, raw, s, repeat) for s in scenarios()}
        provider = store.providers()[0].provider_id
        figures["rating_matrix_latest"] = timed(store.rating_matrix, repeat)
        figures["rating_matrix_rows"] = len(store.rating_matrix())
        figures["provider_tree"] = timed(store.provider_tree, repeat)
        figures["rating_history_one_provider"] = timed(lambda: store.rating_history(provider), repeat)
    raw.close()
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


if __name__ == "__main__":
    print(json.dumps(store_figures(Path(sys.argv[1]), int(sys.argv[2]))))
