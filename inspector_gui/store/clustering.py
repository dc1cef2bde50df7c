"""Each inspection's findings on consecutive ids, whatever order the files listed them in.

A common-word search walks inspections newest first and asks the full-text index for one
inspection's rowid range (its lowest to its highest finding id). That range holds the inspection's
findings and no others only while they are consecutive: in a store whose findings file was sorted
by kind, or where a later import added findings to older inspections, each range spans much of
the table, and "staff" took 780 ms instead of 7. So the import keeps the order (it writes a
batch's findings inspection by inspection, then moves any inspection whose findings are split to
new consecutive ids at the end), and migration to schema 3 does the same for older stores.

Finding ids are the store's own row numbers: files never carry them and imports recognise a
finding by its natural key, so moving them changes nothing a user or another file refers to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection

BULK = 50_000
"""Rows moved above which the full-text index is rebuilt once instead of row by row by its
update trigger (a million rows: one rebuild of ~30 s against twice as long by trigger)."""
UPDATE_TRIGGER = "findings_au"
LOOSE = ("SELECT inspection_id FROM findings {where} GROUP BY inspection_id "
         "HAVING max(id) - min(id) + 1 <> count(*) ORDER BY inspection_id")


def loose_inspections(conn: sqlite3.Connection,
                      among: Collection[str] | None = None) -> list[str]:
    """Inspections (of ``among``, or all) whose findings do not have consecutive ids."""
    if among is None:
        return [r[0] for r in conn.execute(LOOSE.format(where=""))]
    where = "WHERE inspection_id IN (SELECT value FROM json_each(?))"
    return [r[0] for r in conn.execute(LOOSE.format(where=where), (json.dumps(sorted(among)),))]


def cluster(conn: sqlite3.Connection, inspection_ids: list[str]) -> int:
    """Give the findings of these inspections new ids after the highest, consecutive per
    inspection (in inspection, then old id order); returns how many moved. Runs in the caller's
    transaction; the full-text index follows the new ids."""
    if not inspection_ids:
        return 0
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS cluster_moves "
                 "(new INTEGER PRIMARY KEY, old INTEGER NOT NULL UNIQUE)")
    conn.execute("DELETE FROM temp.cluster_moves")
    base = conn.execute("SELECT coalesce(max(id), 0) FROM findings").fetchone()[0]
    conn.execute("INSERT INTO temp.cluster_moves (new, old) "
                 "SELECT ? + row_number() OVER (ORDER BY inspection_id, id), id FROM findings "
                 "WHERE inspection_id IN (SELECT value FROM json_each(?))",
                 (base, json.dumps(inspection_ids)))
    moved = conn.execute("SELECT count(*) FROM temp.cluster_moves").fetchone()[0]
    trigger = _update_trigger(conn)
    rebuild = moved >= BULK or trigger is None  # without the trigger the index must be rebuilt
    if rebuild and trigger:
        conn.execute(f'DROP TRIGGER "{UPDATE_TRIGGER}"')
    conn.execute("UPDATE findings SET id = (SELECT new FROM temp.cluster_moves WHERE old = findings.id) "
                 "WHERE id IN (SELECT old FROM temp.cluster_moves)")
    if rebuild and trigger:
        conn.execute(trigger)
    if rebuild:  # then merged into one segment, as an import of as many findings is
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('optimize')")
    conn.execute("DELETE FROM temp.cluster_moves")
    return moved


def _update_trigger(conn: sqlite3.Connection) -> str | None:
    """The SQL of the index's update trigger, or None when the store lacks it."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       (UPDATE_TRIGGER,)).fetchone()
    return row[0] if row else None
