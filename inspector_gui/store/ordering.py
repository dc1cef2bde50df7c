"""Finding ids in the order the findings are shown: newest inspection first, then by inspection
id, then as the files listed them. A first page is then the first ids that pass its filters, and
a search's is the full-text index's first rowids (FTS5 yields them in rowid order and stops at
the page's end): a search with a few thousand matches no longer finds and sorts all of them
(issue 14), and no page depends on how the files happened to order the rows.

An id is ``(DATES - date key) * SLOTS + place``: the date key is the inspection's publication
date as a number (``2019-05-08`` 20190508, ``2019-05`` 20190500, ``2019`` 20190000, none 0,
which orders them as the dates' text does, newest first), and ``place`` counts the findings of
that date from 1. Adding an inspection or a finding to a date renumbers that date's findings
only (:func:`renumber`); an import gives new findings ids below every other (:func:`scratch_base`),
so they are never taken for placed ones. Finding ids are the store's own row numbers: files never
carry them, and imports, tags and notes recognise a finding by its natural key, so moving them
changes nothing a user or another file refers to.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection, Sequence

SLOTS = 10_000_000
"""Findings one date can hold (``place`` 1 to SLOTS - 1)."""
DATES = 100_000_000
"""Above every date key (YYYYMMDD); ids stay below 2**53, so a JSON reader keeps them exact."""
KEY = ("(CASE WHEN i.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
       "THEN substr(i.published, 1, 4) * 10000 + substr(i.published, 6, 2) * 100 "
       "+ substr(i.published, 9, 2) "
       "WHEN i.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' "
       "THEN substr(i.published, 1, 4) * 10000 + substr(i.published, 6, 2) * 100 "
       "WHEN i.published GLOB '[0-9][0-9][0-9][0-9]' THEN i.published * 10000 ELSE 0 END)")
"""An inspection's date key, from ``i.published`` (anything but a date counts as none)."""
HIGH = f"({DATES} - {KEY})"
OFF_PLACE = f"f.id / {SLOTS} <> {HIGH}"
"""A finding not in its date's range (a new one's id is negative: never in a range)."""
BULK = 50_000
"""Rows moved above which the full-text index is rebuilt once instead of row by row by its
update trigger (a million rows: one rebuild of ~30 s against twice as long by trigger)."""
UPDATE_TRIGGER = "findings_au"
_JOINED = "FROM findings f JOIN inspections i ON i.inspection_id = f.inspection_id"
_AMONG = " AND f.inspection_id IN (SELECT value FROM json_each(?))"
_KEYS = f"{KEY} IN (SELECT value FROM json_each(?))"


def date_key(published: str) -> int:
    """:data:`KEY` in Python, for a store built without renumbering (synthetic stores)."""
    text = published or ""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return int(text[:4]) * 10000 + int(text[5:7] or 0) * 100 + int(text[8:10] or 0)
    return 0


def first_ids(inspections: Sequence[tuple[str, str]], counts: Sequence[int]) -> list[int]:
    """The id of each inspection's first finding, given (inspection id, published) and how many
    findings each has, as :func:`renumber` would place them."""
    order = sorted(range(len(inspections)), key=lambda n: (date_key(inspections[n][1]), inspections[n][0]))
    firsts = [0] * len(inspections)
    key, place = None, 1
    for n in order:
        if date_key(inspections[n][1]) != key:
            key, place = date_key(inspections[n][1]), 1
        firsts[n] = (DATES - key) * SLOTS + place
        place += counts[n]
    return firsts


def misplaced(conn: sqlite3.Connection) -> int:
    """How many findings are not at their place (0 in a store only this app wrote)."""
    return conn.execute(f"SELECT count(*) {_JOINED} WHERE {OFF_PLACE}").fetchone()[0]


def misplaced_dates(conn: sqlite3.Connection, among: Collection[str]) -> list[int]:
    """Date keys of the inspections (of ``among``) that have a finding not at its place."""
    if not among:
        return []
    return [r[0] for r in conn.execute(f"SELECT DISTINCT {KEY} {_JOINED} WHERE {OFF_PLACE}{_AMONG}",
                                       (json.dumps(sorted(among)),))]


def scratch_base(conn: sqlite3.Connection, count: int) -> int:
    """The first of ``count`` consecutive ids below every finding's: where an import puts new
    findings until :func:`renumber` gives them their places."""
    low = conn.execute("SELECT min(coalesce(min(id), 0), 0) FROM findings").fetchone()[0]
    return int(low) - count - 1


def renumber(conn: sqlite3.Connection, keys: Collection[int] | None) -> int:
    """Give the findings of inspections published on these date keys (None: every finding)
    their places; returns how many moved. Runs in the caller's transaction; the full-text index
    follows the new ids."""
    if keys is not None:
        keys = _with_squatters(conn, set(keys))
        if not keys:
            return 0
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS order_moves "
                 "(old INTEGER PRIMARY KEY, new INTEGER NOT NULL UNIQUE)")
    conn.execute("DELETE FROM temp.order_moves")
    where = "" if keys is None else f"WHERE {_KEYS}"
    conn.execute(
        "INSERT INTO temp.order_moves (old, new) SELECT id, place FROM ("
        f"SELECT f.id, {HIGH} * {SLOTS} + row_number() OVER (PARTITION BY {KEY} "
        "ORDER BY i.inspection_id, f.id < 0, f.id) AS place "  # a new finding after the others
        f"FROM inspections i CROSS JOIN findings f ON f.inspection_id = i.inspection_id {where}) "
        "WHERE id <> place", () if keys is None else (json.dumps(sorted(keys)),))
    moved = conn.execute("SELECT count(*) FROM temp.order_moves").fetchone()[0]
    if moved:
        _move(conn, moved)
    conn.execute("DELETE FROM temp.order_moves")
    return moved


def _with_squatters(conn: sqlite3.Connection, keys: set[int]) -> set[int]:
    """``keys`` and the date keys of findings in their ranges that belong to other dates (left
    there by another program), which must move first, until there are none."""
    while True:
        found = {r[0] for r in conn.execute(
            f"SELECT DISTINCT {KEY} FROM json_each(?) k CROSS JOIN findings f "
            f"ON f.id BETWEEN ({DATES} - k.value) * {SLOTS} AND ({DATES} - k.value + 1) * {SLOTS} - 1 "
            f"JOIN inspections i ON i.inspection_id = f.inspection_id WHERE NOT {_KEYS}",
            (json.dumps(sorted(keys)), json.dumps(sorted(keys))))}
        if not found:
            return keys
        keys |= found


def _move(conn: sqlite3.Connection, moved: int) -> None:
    """Move the findings as ``order_moves`` says: straight there when no new id is taken, else
    first below every id (in reverse, so none collide) and then to their places."""
    trigger = _update_trigger(conn)
    indexed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'findings_fts'").fetchone()
    rebuild = indexed and (moved >= BULK or trigger is None)
    if rebuild and trigger:
        conn.execute(f'DROP TRIGGER "{UPDATE_TRIGGER}"')
    taken = conn.execute("SELECT 1 FROM temp.order_moves m JOIN findings f ON f.id = m.new "
                         "LIMIT 1").fetchone()
    if taken:
        low = conn.execute("SELECT min(id) FROM findings").fetchone()[0]
        conn.execute("UPDATE findings SET id = ? - id WHERE id IN (SELECT old FROM temp.order_moves)",
                     (2 * low - 1,))
        conn.execute("UPDATE findings SET id = (SELECT new FROM temp.order_moves "
                     "WHERE old = ? - findings.id) WHERE id < ?", (2 * low - 1, low))
    else:
        conn.execute("UPDATE findings SET id = (SELECT new FROM temp.order_moves WHERE old = findings.id) "
                     "WHERE id IN (SELECT old FROM temp.order_moves)")
    if rebuild and trigger:
        conn.execute(trigger)
    if rebuild:  # then merged into one segment, as an import of as many findings is
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO findings_fts (findings_fts) VALUES ('optimize')")


def _update_trigger(conn: sqlite3.Connection) -> str | None:
    """The SQL of the index's update trigger, or None when the store lacks it."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       (UPDATE_TRIGGER,)).fetchone()
    return row[0] if row else None
