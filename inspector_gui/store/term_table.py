"""The search index's terms with their document counts, kept in the store (``search_terms``), so
a search's prefix is expanded by an index lookup instead of an ``fts5vocab`` read, whose counts
walk every matching term's whole doclist (7.7 of the 10 ms of a first-typed "staff" on a million
findings, 0.6 s for "s"), a cost that grew with the store.

The table is written by whatever writes the store through this app (import, migration, synthetic
stores) and stamped with the full-text index's structure record, which SQLite's FTS5 rewrites on
every change to the index. When the stamp no longer matches (another program changed the
findings), the table is not used and the terms are read from ``fts5vocab`` as before.
"""

from __future__ import annotations

import sqlite3

TABLE = "search_terms"
STAMP_KEY = "search_terms_of_index"
DOCUMENTS_KEY = "search_terms_documents"  # findings counted when the table was written
STRUCTURE = "SELECT hex(block) FROM findings_fts_data WHERE id = 10"  # FTS5_STRUCTURE_ROWID
CREATE = (f"CREATE TABLE IF NOT EXISTS {TABLE} "
          "(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID")


def refresh(conn: sqlite3.Connection) -> None:
    """Rewrite the table from the index and stamp it (in the caller's transaction; one read of
    the whole index: about a second for a million findings)."""
    conn.execute(CREATE)
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms_source "
                 "USING fts5vocab(main, findings_fts, 'row')")
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"INSERT INTO {TABLE} (term, doc) SELECT term, doc FROM temp.search_terms_source")
    conn.execute("DROP TABLE temp.search_terms_source")
    conn.execute("INSERT OR REPLACE INTO store_meta (key, value) "
                 "VALUES (?, (SELECT count(*) FROM findings))", (DOCUMENTS_KEY,))
    conn.execute("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, (" + STRUCTURE + "))",
                 (STAMP_KEY,))


def current(conn: sqlite3.Connection) -> bool:
    """Whether the table describes the index as it is now."""
    try:
        row = conn.execute(f"SELECT value = ({STRUCTURE}) FROM store_meta WHERE key = ?",
                           (STAMP_KEY,)).fetchone()
    except sqlite3.OperationalError:  # a store without the table's stamp or the index
        return False
    return bool(row and row[0])


def documents(conn: sqlite3.Connection) -> int:
    """How many findings there were when the table was written (0 if unknown)."""
    row = conn.execute("SELECT value FROM store_meta WHERE key = ?", (DOCUMENTS_KEY,)).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0
