"""One transaction helper for every write: all of the block's changes or none, whatever stops it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector_gui.store.synth import SynthSpec, build_synthetic
from inspector_gui.store.transaction import transaction


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    yield conn
    conn.close()


def _rows(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT x FROM t")]


def test_the_block_commits_when_it_ends(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        assert conn.in_transaction
    assert not conn.in_transaction and _rows(conn) == [1]


@pytest.mark.parametrize("stop", [ValueError("bad row"), KeyboardInterrupt()])
def test_anything_raised_rolls_everything_back(conn: sqlite3.Connection, stop: BaseException) -> None:
    with pytest.raises(type(stop)), transaction(conn, "deferred"):
        conn.execute("INSERT INTO t VALUES (1)")
        raise stop
    assert not conn.in_transaction and _rows(conn) == []


def test_immediate_takes_the_write_lock_at_the_start(conn: sqlite3.Connection, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None, timeout=0)
    try:
        with transaction(conn), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_a_synthetic_build_that_fails_leaves_no_file(tmp_path: Path) -> None:
    def fail_at_findings(step: str) -> None:
        if "findings" in step:
            raise RuntimeError("stopped")

    target = tmp_path / "synth.db"
    with pytest.raises(RuntimeError):
        build_synthetic(target, SynthSpec(providers=5, inspections=10, findings=50), fail_at_findings)
    assert list(tmp_path.iterdir()) == []
