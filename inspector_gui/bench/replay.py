"""The app's own algorithm as plain SQL: the statements the store runs for a page (the search's
expansion in the ``fts5vocab`` table, the walk's chunks, the page's rows), recorded once and
replayed on a bare ``sqlite3`` connection. What is left between the two is the store's Python:
deciding, building statements and turning rows into findings.

A statement that ran under the store's step budget (a filter walk) is replayed under the same
budget, so a walk the store gave up is given up here too.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.store.finding_reads import MAX_STEPS
from inspector_gui.store.terms import VOCAB

SKIPPED = ("PRAGMA", "CREATE VIRTUAL TABLE", "SELECT 1 FROM temp.sqlite_master")
"""Connection set-up the store does once per connection: done before the replay instead."""


@dataclass(frozen=True)
class Statement:
    sql: str
    params: Any
    budgeted: bool


class _Recorder:
    """A stand-in for the store's connection that notes each statement and passes it on."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._budgeted = False
        self.statements: list[Statement] = []

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if not sql.lstrip().upper().startswith(SKIPPED):
            self.statements.append(Statement(sql, params, self._budgeted))
        return self._conn.execute(sql, params)

    def set_progress_handler(self, handler: Callable[[], int] | None, n: int) -> None:
        self._budgeted = handler is not None
        self._conn.set_progress_handler(handler, n)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def record(store: Store, query: FindingQuery) -> list[Statement]:
    """The statements the store runs for this page typed for the first time."""
    store.forget_searches()
    conn = store.conn
    recorder = _Recorder(conn)
    store.conn = recorder  # type: ignore[assignment]
    try:
        store.findings(query)
    finally:
        store.conn = conn
    return recorder.statements


def prepare(raw: sqlite3.Connection) -> None:
    """What the store sets up once per connection: the vocabulary table over the FTS index."""
    raw.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB} USING fts5vocab(main, findings_fts, 'row')")


def replay(raw: sqlite3.Connection, statements: list[Statement], query: FindingQuery) -> list[Any]:
    """Run the statements in order; the last one's rows are the page."""
    budget = MAX_STEPS * math.ceil((query.offset + query.limit) / 100)
    rows: list[Any] = []
    for statement in statements:
        rows = _run(raw, statement, budget)
    return rows


def _run(raw: sqlite3.Connection, statement: Statement, budget: int) -> list[Any]:
    if not statement.budgeted:
        return raw.execute(statement.sql, statement.params).fetchall()
    steps = 0

    def tick() -> bool:
        nonlocal steps
        steps += 1
        return steps > budget

    raw.set_progress_handler(tick, 1000)
    try:
        return raw.execute(statement.sql, statement.params).fetchall()
    except sqlite3.OperationalError:
        if steps > budget:
            return []
        raise
    finally:
        raw.set_progress_handler(None, 0)
