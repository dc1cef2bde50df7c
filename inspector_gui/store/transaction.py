"""The one way this package writes in a transaction (as sqlite-utils' ``atomic()``): import,
migrate and building a synthetic store all go through :func:`transaction`, so every one of them
commits all of its changes or none."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

BEGIN = {"deferred": "BEGIN", "immediate": "BEGIN IMMEDIATE"}


@contextmanager
def transaction(conn: sqlite3.Connection, lock: str = "immediate") -> Iterator[sqlite3.Connection]:
    """Run the block in one transaction on an autocommit connection: COMMIT when it ends, ROLLBACK
    when it raises anything (an interrupt or a cancelled progress callback too), then re-raise.
    ``immediate`` takes the write lock at the start, so no other writer can slip in between what
    the block reads and what it writes. A store's connection is not stopped by the time bound
    of reads while it writes (:meth:`guards.WorkBound.unbounded`): a migration of a million
    findings runs for minutes."""
    bound = getattr(conn, "bound", None)
    with bound.unbounded() if bound is not None else nullcontext():
        conn.execute(BEGIN[lock])
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
