"""Writing an import batch: checked in full first, then one transaction of upserts on natural
keys, so a failed or killed import leaves the store as it was and a repeated one changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from inspector_gui.exchange.readers import Batch, Row
from inspector_gui.exchange.tables import IMPORT_ORDER, KEPT_WHEN_ABSENT, TABLES
from inspector_gui.exchange.validate import Known
from inspector_gui.store import ordering, term_table
from inspector_gui.store.transaction import transaction

Progress = Callable[[int, int], None]
PROGRESS_STEP = 1000
OPTIMIZE_AFTER = 10_000
"""After this many new findings the search index is merged into one segment, which halves the
time of common-word searches on large stores (measured by the benchmark)."""
# Pages the import may hold in memory (KiB, as SQLite counts a negative size): while a writer's
# changes fit, it needs no exclusive lock before COMMIT, so viewers keep reading during an import.
IMPORT_CACHE = -1024 * 1024


@dataclass
class ImportReport:
    """Rows read and rows that were new or changed, by table."""

    read: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [f"{self.read[t]} {t} ({self.changed.get(t, 0)} new or changed)"
                 for t in IMPORT_ORDER if self.read.get(t)]
        return "; ".join(parts) or "nothing to import"


def known_keys(conn: sqlite3.Connection) -> Known:
    """What the store already holds that new rows may refer to."""
    known = Known()
    known.framework_rows = {r["framework_id"]: r for r in _dicts(conn, "SELECT * FROM frameworks")}
    for r in _dicts(conn, "SELECT * FROM scale_levels"):
        known.level_rows.setdefault(r["framework_id"], {})[(r["used_for"] or "", r["word"])] = r
    known.frameworks = set(known.framework_rows)
    known.inspectorates = {r[0] for r in conn.execute("SELECT inspectorate_id FROM inspectorates")}
    for fw, code, domain in conn.execute("SELECT framework_id, standard_code, domain_code FROM standards"):
        known.standards.setdefault(fw, set()).add(code)
        known.domains.setdefault(fw, set()).add(domain)
    known.providers = {r[0] for r in conn.execute("SELECT provider_id FROM providers")}
    known.inspections = dict(conn.execute("SELECT inspection_id, framework_id FROM inspections"))
    return known


def _dicts(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return [dict(r) for r in cursor.execute(sql)]


def natural_key(values: dict) -> str:
    """A finding has no id in the files; it is the same finding if it has the same text, kind and
    inspection."""
    raw = "\x1f".join(str(values[c]) for c in TABLES["findings"].key)
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _upsert_sql(table: str) -> tuple[str, tuple[str, ...]]:
    """A new finding is written at a scratch id below every other (``id``, the upsert leaves an
    existing one's alone) until :func:`ordering.renumber` gives it its place."""
    spec = TABLES[table]
    columns = spec.columns + (("natural_key", "id") if table == "findings" else ())
    key = ("natural_key",) if table == "findings" else spec.key
    rest = [c for c in columns if c not in key and c != "id"]
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
           + ", ".join(f"{c} = {_new_value(table, c)}" for c in rest)
           + " WHERE " + " OR ".join(f"{table}.{c} IS NOT {_new_value(table, c)}" for c in rest))
    return sql, columns


def _new_value(table: str, column: str) -> str:
    """The value an upsert writes: the file's, or for a column the file may leave out (NULL
    from the reader) what the store already holds."""
    if (table, column) in KEPT_WHEN_ABSENT:
        return f"coalesce(excluded.{column}, {table}.{column})"
    return f"excluded.{column}"


def _finding_values(row: Row, domains: dict[tuple[str, str], str], frameworks: dict[str, str]) -> dict:
    """Fill a finding's domain from its standard when the file left it empty."""
    values = dict(row.values)
    if values["standard_code"] and not values["domain_code"]:
        framework = frameworks[str(values["inspection_id"])]
        values["domain_code"] = domains.get((framework, str(values["standard_code"])), "")
    values["natural_key"] = natural_key(values)
    return values


def write_batch(conn: sqlite3.Connection, batch: Batch, known: Known,
                progress: Progress | None = None) -> ImportReport:
    """Upsert every row in one transaction; rolls back entirely on any error."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE}")
    try:
        with transaction(conn):
            report = _write_tables(conn, batch, known, progress)
            touched = {str(r.values[c]) for t, c in (("findings", "inspection_id"), (
                "inspections", "inspection_id")) for r in batch.tables[t]}
            moved = ordering.renumber(conn, ordering.misplaced_dates(conn, touched))
            if report.changed.get("findings", 0) + moved >= OPTIMIZE_AFTER:
                conn.execute("INSERT INTO findings_fts(findings_fts) VALUES ('optimize')")
            if report.changed.get("findings", 0) + moved or not term_table.current(conn):
                term_table.refresh(conn)
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
    return report


def _write_tables(conn: sqlite3.Connection, batch: Batch, known: Known,
                  progress: Progress | None) -> ImportReport:
    report = ImportReport()
    total, done = batch.row_count, 0
    for table in IMPORT_ORDER:
        rows = batch.tables[table]
        report.read[table] = len(rows)
        if table == "findings":
            domains = {(fw, code): dom for fw, code, dom in conn.execute(
                "SELECT framework_id, standard_code, domain_code FROM standards")}
            values = [_finding_values(r, domains, known.inspections) for r in rows]
            base = ordering.scratch_base(conn, len(values))
            for number, value in enumerate(values):
                value["id"] = base + number
        else:
            values = [r.values for r in rows]
        sql, columns = _upsert_sql(table)
        changed = 0
        for start in range(0, len(values), PROGRESS_STEP):
            chunk = values[start:start + PROGRESS_STEP]
            cursor = conn.executemany(sql, [[v[c] for c in columns] for v in chunk])
            changed += max(cursor.rowcount, 0)
            done += len(chunk)
            if progress:
                progress(done, total)
        report.changed[table] = changed
    return report
