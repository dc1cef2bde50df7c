"""An import from the command line while the window shows the store: the window holds no lock
that stops it, keeps working during it, notices the change and shows the new data."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from badinput import generated_findings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.store_watch import SETTLE_MS, StoreWatcher

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _cli_import(source: Path, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "inspector_gui", "import", str(source), "--store",
                             str(store)], cwd=source.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_the_window_holds_no_lock_a_writer_would_wait_for(qtbot: QtBot, window: MainWindow,
                                                          settle: Callable[[MainWindow], None]) -> None:
    window.providers.select_key("provider:west-yorkshire-crc")
    window.findings.filters.search.setText("risk")
    settle(window)
    writer = sqlite3.connect(window.current_store_path(), timeout=0, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")  # fails at once with "database is locked" if any reader holds on
        writer.execute("ROLLBACK")
    finally:
        writer.close()


def test_an_import_while_the_window_is_open(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            settle: Callable[[MainWindow], None]) -> None:
    store = window.current_store_path()
    window.providers.select_key("provider:merseyside-crc")
    settle(window)
    reloaded: list[object] = []
    window.store_changed.connect(reloaded.append)
    importer = _cli_import(generated_findings(tmp_path / "findings.csv", 100_000), store)
    searches = 0
    while importer.poll() is None:
        window.findings.filters.search.setText(f"risk {searches}"[: 4 + searches % 3])
        settle(window)
        searches += 1
    out, err = importer.communicate()
    assert importer.returncode == 0, err
    assert "100000 findings (100000 new or changed)" in out
    assert searches > 3, "the window was used while the import ran"
    qtbot.waitUntil(lambda: reloaded == [store], timeout=60_000)  # the reload is slow under load
    settle(window)
    assert window.catalogue is not None and window.catalogue.info.counts["findings"] == 100_538
    assert window.status.currentMessage() == (f"{store.name} was changed by another program; showing "
                                              "its new contents")
    assert window.status.counts.isHidden(), "the counts make room for the message to be seen"
    window.status.clearMessage()
    assert window.status.counts.isVisible() and "100538 findings" in window.status.counts.text()
    assert window.current_provider_id() == "merseyside-crc", "the selection is kept"
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_store_removed_while_open_is_reported(qtbot: QtBot, window: MainWindow) -> None:
    store = window.current_store_path()
    store.unlink()
    with qtbot.waitSignal(window.store_failed, timeout=10_000):
        pass
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert [box.text() for box in boxes] == [f"{store}: no such file"]


# ---- the watcher on its own ----------------------------------------------------------------


@pytest.fixture
def watched(qtbot: QtBot, tmp_path: Path) -> tuple[StoreWatcher, Path]:
    path = tmp_path / "store.db"
    path.write_bytes(b"SQLite format 3\x00" + bytes(100))
    watcher = StoreWatcher()
    watcher.watch(path)
    return watcher, path


def test_a_burst_of_writes_is_one_notice(qtbot: QtBot, watched: tuple[StoreWatcher, Path]) -> None:
    watcher, path = watched
    seen: list[object] = []
    watcher.changed.connect(seen.append)
    for _ in range(5):
        with path.open("ab") as handle:
            handle.write(b"x" * 10)
    qtbot.waitUntil(lambda: seen == [path], timeout=5000)
    qtbot.wait(SETTLE_MS * 2)
    assert seen == [path]


def test_a_replaced_file_is_still_watched(qtbot: QtBot, watched: tuple[StoreWatcher, Path]) -> None:
    watcher, path = watched
    for round_ in range(2):
        fresh = path.with_name(f"fresh-{round_}.db")
        fresh.write_bytes(b"rebuilt")
        with qtbot.waitSignal(watcher.changed, timeout=5000) as signal:
            os.replace(fresh, path)
        assert signal.args == [path]


def test_other_files_and_other_stores_are_not_reported(qtbot: QtBot,
                                                       watched: tuple[StoreWatcher, Path]) -> None:
    watcher, path = watched
    with qtbot.assertNotEmitted(watcher.changed, wait=SETTLE_MS * 2):
        path.with_name("notes.txt").write_text("unrelated")
    other = path.with_name("other.db")
    other.write_bytes(b"another store")
    watcher.watch(other)
    with qtbot.assertNotEmitted(watcher.changed, wait=SETTLE_MS * 2):
        path.write_bytes(b"the store no longer watched")
    watcher.watch(None)
    with qtbot.assertNotEmitted(watcher.changed, wait=SETTLE_MS * 2):
        other.write_bytes(b"nothing is watched")
