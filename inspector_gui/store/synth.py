"""Build a synthetic store fast: bulk inserts in one transaction with the journal in memory and
syncs off, indexes and the FTS index made after the load, in a temporary file moved into place at
the end.
The result is an ordinary store (``Store.open`` accepts it) marked ``synthetic = yes``.

The FTS index is merged into one segment ('optimize', 6 s for a million findings): built in one
go it has a dozen, and every term lookup visits each, which doubled the cost of a search walked
one inspection at a time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from inspector_gui import paths
from inspector_gui.exchange.readers import read_files
from inspector_gui.exchange.tables import TABLES
from inspector_gui.store import connection, term_table
from inspector_gui.store.schema import create_indexes_and_search, create_tables
from inspector_gui.store.synth_rows import (
    Standards,
    finding_rows,
    inspection_rows,
    provider_rows,
    rating_rows,
)
from inspector_gui.store.transaction import transaction

Progress = Callable[[str], None]
# The journal is kept in memory, not off: with no journal SQLite cannot roll a transaction back.
BUILD_PRAGMAS = ("PRAGMA journal_mode = MEMORY", "PRAGMA synchronous = OFF",
                 "PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY")


@dataclass(frozen=True)
class SynthSpec:
    """How big a synthetic store is, and the seed that makes it reproducible."""

    providers: int = 2_000
    inspections: int = 20_000
    findings: int = 1_000_000
    seed: int = 1


def build_synthetic(path: str | Path, spec: SynthSpec, progress: Progress | None = None) -> Path:
    """Write a synthetic store to ``path`` (replacing any file there) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".synth-", suffix=".db", dir=path.parent)
    os.close(handle)
    os.unlink(temp)
    try:
        conn = connection.connect(Path(temp), "rwc")
        try:
            _fill(conn, spec, progress or (lambda _step: None))
        finally:
            conn.close()
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path


def _fill(conn: sqlite3.Connection, spec: SynthSpec, progress: Progress) -> None:
    import sqlite_utils

    for pragma in BUILD_PRAGMAS:
        conn.execute(pragma)
    db = sqlite_utils.Database(conn)
    create_tables(db)
    with transaction(conn, "deferred"):
        _load(conn, spec, progress)
    progress("indexing and building the search index")
    with transaction(conn, "deferred"):
        create_indexes_and_search(db)
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('optimize')")
        term_table.refresh(conn)
    progress("analysing")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = DELETE")


def _load(conn: sqlite3.Connection, spec: SynthSpec, progress: Progress) -> None:
    """Every table's rows: frameworks and standards as bundled, the rest generated."""
    bundled = read_files([paths.data_dir() / name for name in
                          ("inspectorates.csv", "frameworks.csv", "standards.csv")])
    bundled.raise_if_problems()
    for table in ("inspectorates", "frameworks", "standards"):
        _insert(conn, table, TABLES[table].columns,
                [[row.values[c] for c in TABLES[table].columns] for row in bundled.tables[table]])
    standards = Standards({})
    for row in bundled.tables["standards"]:
        v = row.values
        standards.by_framework.setdefault(str(v["framework_id"]), []).append(
            (str(v["domain_code"]), str(v["standard_code"]), str(v["applies_to"] or "")))
    points = {str(r.values["framework_id"]): {level: int(r.values[f"points_{key}"] or 0)
              for level, key in (("Outstanding", "outstanding"), ("Good", "good"),
                                 ("Requires improvement", "requires_improvement"),
                                 ("Inadequate", "inadequate"))}
              for r in bundled.tables["frameworks"]}
    providers = provider_rows(spec.providers, spec.seed)
    types = {p["provider_id"]: p["provider_type"] for p in providers}
    inspections = inspection_rows(providers, spec.inspections, spec.seed)
    ratings = list(rating_rows(inspections, types, standards, points, spec.seed))
    for table, rows in (("providers", providers), ("inspections", inspections)):
        _insert(conn, table, TABLES[table].columns, [[r[c] for c in TABLES[table].columns] for r in rows])
    _insert(conn, "ratings", TABLES["ratings"].columns, ratings)
    progress(f"{len(providers):,} providers, {len(inspections):,} inspections, {len(ratings):,} ratings")
    done = 0
    for batch in finding_rows(inspections, types, standards, spec.findings, spec.seed):
        _insert(conn, "findings", ("id", *TABLES["findings"].columns, "natural_key"), batch)
        done += len(batch)
        progress(f"{done:,} findings")
    meta = {"synthetic": "yes", "synthetic_spec": json.dumps(asdict(spec), sort_keys=True)}
    _insert(conn, "store_meta", ("key", "value"), list(meta.items()))


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                     f"VALUES ({', '.join('?' * len(columns))})", rows)
