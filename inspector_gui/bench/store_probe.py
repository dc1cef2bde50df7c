"""Store figures, run in a child process so its peak RSS is the store layer's alone:
``python -m inspector_gui.bench.store_probe STORE REPEAT [--naive]`` prints JSON.

Per scenario, in interleaved rounds: the store's first page (typed for the first time), the best
plain SQL for the same page (the one newest-first statement, and the app's own statements
replayed, :mod:`replay`), the naive statement (reference, with ``--naive``) and the id-order page;
the store's count beside the plainest correct count.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from inspector_gui.bench import replay
from inspector_gui.bench.measure import interleaved, peak_rss_mb, ratio, timed
from inspector_gui.bench.scenarios import Scenario, busiest_provider, scenarios
from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.store import Store


def _page(store: Store, query: FindingQuery) -> list[Finding]:
    """A page as after typing: nothing remembered from an earlier run of the same search."""
    store.forget_searches()
    return store.findings(query)


def page_figures(store: Store, raw: sqlite3.Connection, scenario: Scenario, repeat: int,
                 naive: bool) -> dict[str, Any]:
    """The store's page and count beside their plain-SQL baselines, in interleaved rounds."""
    query, params = scenario.query, scenario.params
    statements = replay.record(store, query)
    pages = {
        "store_page": lambda: _page(store, query),
        "plain_newest_first_page": lambda: raw.execute(scenario.newest_first_sql(), params).fetchall(),
        "plain_app_algorithm_page": lambda: replay.replay(raw, statements, query),
        "id_order_page": lambda: raw.execute(scenario.id_order_sql(), params).fetchall(),
    }
    if naive:
        pages["naive_page_reference"] = lambda: raw.execute(scenario.naive_sql(), params).fetchall()
    figures = interleaved(pages, repeat)
    figures.update(interleaved({
        "store_count": lambda: store.count_findings(query),
        "plain_count": lambda: raw.execute(scenario.count_sql(), params).fetchone()}, repeat))
    best = min(("plain_newest_first_page", "plain_app_algorithm_page"),
               key=lambda name: figures[name]["median_ms"])
    return {**figures, "matches": store.count_findings(query), "statements": len(statements),
            "best_plain": best, "store_vs_best_plain": ratio(figures["store_page"], figures[best]),
            "store_count_vs_plain_count": ratio(figures["store_count"], figures["plain_count"])}


def store_figures(path: Path, repeat: int, naive: bool = True) -> dict[str, Any]:
    """Every store-level figure for the store at ``path``; the peak RSS is taken before the
    plain statements run, since the naive one holds every match of a common word in memory."""
    figures: dict[str, Any] = {
        "open_store": timed(lambda: Store.open(path, check=False).close(), repeat),
        "open_store_with_quick_check": timed(lambda: Store.open(path).close(), 3),
    }
    with Store.open(path, check=False) as store:
        provider = busiest_provider(store.conn)
        found = scenarios(provider)
        for scenario in found:
            _page(store, scenario.query)
        figures["rating_matrix_latest"] = timed(store.rating_matrix, repeat)
        figures["rating_matrix_rows"] = len(store.rating_matrix())
        figures["provider_tree"] = timed(store.provider_tree, repeat)
        figures["store_info"] = timed(store.info, repeat)
        figures["newest_inspections"] = timed(store.newest_inspections, repeat)
        figures["rating_history_one_provider"] = timed(lambda: store.rating_history(provider), repeat)
        figures["peak_rss_mb"] = peak_rss_mb()
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as raw:
            replay.prepare(raw)
            figures["pages"] = {s.name: page_figures(store, raw, s, repeat, naive) for s in found}
    return figures


if __name__ == "__main__":
    print(json.dumps(store_figures(Path(sys.argv[1]), int(sys.argv[2]), "--naive" in sys.argv)))
