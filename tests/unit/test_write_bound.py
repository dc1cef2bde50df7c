"""Writes are not stopped by the time bound of reads (a store made to be slow is stopped when it
is read, :mod:`guards`): a migration, import or index rebuild of a million findings takes
minutes, and stopping it threw the work away ("took longer than 30 s to read and was stopped"
while migrating the benchmark's layouts). They say they are still working instead."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui import paths
from inspector_gui.cli import main
from inspector_gui.errors import StoreError
from inspector_gui.store import Store, guards
from inspector_gui.store.migration import migrate_store
from inspector_gui.store.schema import SCHEMA_VERSION
from inspector_gui.store.search_index import rebuild_index
from tests.badinput import with_version

DATA = Path(__file__).parent.parent / "data"
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@pytest.fixture
def slow_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock a million times too fast: a statement of 30 µs looks as if it had run for 30 s,
    so the read bound stops anything that reaches SQLite's progress handler."""
    real = time.monotonic
    started = real()
    monkeypatch.setattr(guards.time, "monotonic", lambda: started + 1e6 * (real() - started))


def test_reads_are_still_stopped(store_path: Path, slow_clock: None) -> None:
    with Store.open(store_path, check=False) as store, pytest.raises(StoreError) as raised:
        store._rows(ENDLESS)
    assert raised.value.message == guards.SLOW


def test_a_migration_longer_than_the_read_bound_finishes_and_reports(
        store_path: Path, tmp_path: Path, slow_clock: None) -> None:
    old = tmp_path / "old.db"
    with_version(2)(store_path, old)
    heard: list[float] = []
    result = migrate_store(old, heard.append)
    assert result.to_version == SCHEMA_VERSION
    assert heard and max(heard) > guards.QUERY_SECONDS, "it said it was still working"
    with Store.open(old) as store:
        assert store.counts()["findings"] == 538


def test_an_import_longer_than_the_read_bound_finishes(tmp_path: Path, slow_clock: None) -> None:
    with Store.create(tmp_path / "new.db") as store:
        report = store.import_files([paths.data_dir()])
    assert report.changed["findings"] == 538


def test_an_index_rebuild_longer_than_the_read_bound_finishes(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guards, "QUERY_SECONDS", 0.0)  # reads that take any time are stopped
    monkeypatch.setattr(guards, "REPORT_SECONDS", 0.0)
    heard: list[float] = []
    result = rebuild_index(store_path, store_path.with_name("copy.db"), heard.append)
    assert result.findings == 538 and heard


def test_migrate_on_a_terminal_shows_how_long_it_has_run(
        store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.db"
    with_version(2)(store_path, old)
    monkeypatch.setattr(guards, "REPORT_SECONDS", 0.0)
    monkeypatch.setattr("inspector_gui.cli.maintenance._terminal", lambda: True)
    result = CliRunner().invoke(main, ["migrate", str(old)])
    assert result.exit_code == 0, result.output
    assert "\rmigrating… " in result.stderr and result.stderr.endswith(" s\n")
