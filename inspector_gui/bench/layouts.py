"""The benchmark store with its findings stored in another order, as a findings file sorted by
kind, or a later import adding findings to older inspections, left them in a schema-2 store;
each then upgraded by ``inspector migrate`` (which gives every finding its place in the order
they are shown, :mod:`inspector_gui.store.ordering`). Built once beside the store and reused."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from inspector_gui.store.migration import migrate_store
from inspector_gui.store.ordering import misplaced

ORDERS = {
    "sorted_by_kind": "ORDER BY kind, inspection_id, id",
    # a fifth of every inspection's findings after all the others: a later import's additions
    "later_import_to_older_inspections": "ORDER BY late, id",
}
RANKED = ("SELECT id, kind, inspection_id, row_number() OVER (PARTITION BY inspection_id ORDER BY id) "
          "* 5 > count(*) OVER (PARTITION BY inspection_id) * 4 AS late FROM findings")
TRIGGERS = ("findings_ai", "findings_ad", "findings_au")


def layout_path(base: Path, name: str) -> Path:
    return base.with_name(f"{base.stem}-{name}{base.suffix}")


def layout_store(base: Path, name: str) -> tuple[Path, dict[str, Any]]:
    """The store ``base`` in layout ``name``, migrated; built and timed when it is not there."""
    path = layout_path(base, name)
    if path.exists():
        return path, {"reused": True}
    temp = path.with_name(f".building-{path.name}")
    temp.unlink(missing_ok=True)
    shutil.copyfile(base, temp)
    started = time.perf_counter()
    loose = _scatter(temp, ORDERS[name])
    scattered = time.perf_counter()
    result = migrate_store(temp)
    if result.backup:
        result.backup.unlink()
    temp.replace(path)
    return path, {"reused": False, "misplaced_findings_before_migration": loose,
                  "scatter_s": round(scattered - started, 1),
                  "migrate_s": round(time.perf_counter() - scattered, 1)}


def _scatter(path: Path, order: str) -> int:
    """Give the findings new ids in ``order`` (the FTS index rebuilt once) and stamp schema 2,
    the last that did not keep the order; returns how many findings are then not at their
    place."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -524288"):
            conn.execute(f"PRAGMA {pragma}")  # a throw-away copy until it is moved into place
        conn.execute("BEGIN")
        triggers = [conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
                    for t in TRIGGERS]
        for name in TRIGGERS:
            conn.execute(f'DROP TRIGGER "{name}"')
        top = conn.execute("SELECT max(id) FROM findings").fetchone()[0]
        conn.execute(f"CREATE TEMP TABLE moves AS SELECT id AS old, ? + row_number() OVER ({order}) "
                     f"AS new FROM ({RANKED})", (top,))
        conn.execute("CREATE UNIQUE INDEX temp.moves_old ON moves (old)")
        conn.execute("UPDATE findings SET id = (SELECT new FROM moves WHERE old = findings.id)")
        for sql in triggers:
            conn.execute(sql)
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('optimize')")
        conn.execute("PRAGMA user_version = 2")
        loose = misplaced(conn)
        conn.execute("COMMIT")
    return loose
