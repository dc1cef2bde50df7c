"""Every bad store, opened from the window: one dialog naming the file and the problem, the file
unchanged, and the window still usable — another store opens afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from badinput import (
    BAD_STORES,
    BadStore,
    assert_message,
    generated_findings,
    kill_mid_import,
    make_bad_store,
    sha256,
    snapshot,
    write_locked,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from inspector_gui.store import connection
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _dialogs(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.fixture
def bare_window(qtbot: QtBot) -> MainWindow:
    """The app's window before any store is open."""
    window = build_window()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def _assert_store_dialog(window: MainWindow, case: BadStore, path: Path) -> None:
    dialogs = _dialogs(window)
    assert len(dialogs) == 1
    box = dialogs[0]
    assert box.windowTitle() == "Cannot open store"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert_message(case, path, box.text())
    assert f"File: {path}\nProblem: {box.text()[len(str(path)) + 2:]}" in box.detailedText()
    assert "The file was not changed." in box.detailedText()


@pytest.mark.parametrize("case", BAD_STORES, ids=lambda c: c.name)
def test_each_bad_store_gets_a_dialog_and_the_window_stays_usable(
        qtbot: QtBot, bare_window: MainWindow, case: BadStore, store_path: Path, tmp_path: Path,
        settle: Callable[[MainWindow], None]) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    path = make_bad_store(case, store_path, folder)
    before = snapshot(folder)
    with qtbot.waitSignal(bare_window.store_failed, timeout=10_000):
        bare_window.open_store(path)
    _assert_store_dialog(bare_window, case, path)
    assert bare_window.current_store_path() is None
    assert snapshot(folder) == before
    _dialogs(bare_window)[0].close()
    with qtbot.waitSignal(bare_window.store_changed, timeout=10_000):
        bare_window.open_store(store_path)
    settle(bare_window)
    assert bare_window.matrix.model.rowCount() == 93
    assert not _dialogs(bare_window)


@pytest.mark.parametrize("case", [c for c in BAD_STORES if c.name in (
    "corrupt-index", "corrupt-search-index", "newer", "foreign")], ids=lambda c: c.name)
def test_a_bad_store_leaves_the_open_one_in_place(qtbot: QtBot, window: MainWindow, case: BadStore,
                                                  store_path: Path, tmp_path: Path,
                                                  settle: Callable[[MainWindow], None]) -> None:
    path = make_bad_store(case, store_path, tmp_path)
    with qtbot.waitSignal(window.store_failed, timeout=10_000):
        window.open_store(path)
    _assert_store_dialog(window, case, path)
    assert window.current_store_path() == store_path
    settle(window)  # the store shown again reloads in the background
    assert window.matrix.model.rowCount() == 93


def test_damage_found_by_the_background_check_closes_the_store_it_had_shown(
        qtbot: QtBot, window: MainWindow, store_path: Path, tmp_path: Path,
        settle: Callable[[MainWindow], None]) -> None:
    """The window shows a store before its integrity check ends; damage that the first queries
    never read is found by the check: the same dialog, and back to the store open before."""
    case = next(c for c in BAD_STORES if c.name == "corrupt-search-index")
    path = make_bad_store(case, store_path, tmp_path)
    shown: list[object] = []
    window.store_changed.connect(shown.append)
    with qtbot.waitSignal(window.store_failed, timeout=10_000):
        window.open_store(path)
    assert shown == [path, store_path], "shown before the check ended, then the open one again"
    _assert_store_dialog(window, case, path)
    settle(window)
    assert window.current_store_path() == store_path
    assert window.windowTitle().startswith("store.db")
    assert window.matrix.model.rowCount() == 93
    assert window.settings.recent_stores() == [str(store_path.resolve())], "only a store that passed"
    _dialogs(window)[0].close()
    with qtbot.waitSignal(window.store_failed, timeout=10_000):
        window.open_store(path)
    _assert_store_dialog(window, case, path)


def test_a_store_locked_by_another_program(qtbot: QtBot, bare_window: MainWindow, store_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    with write_locked(store_path), qtbot.waitSignal(bare_window.store_failed, timeout=10_000):
        bare_window.open_store(store_path)
    box = _dialogs(bare_window)[0]
    assert box.text() == (f"{store_path}: is locked by another program writing to it; try again when "
                          "it has finished")


def test_a_store_left_by_a_killed_import_opens_as_it_was(qtbot: QtBot, bare_window: MainWindow,
                                                         store_path: Path, tmp_path: Path,
                                                         settle: Callable[[MainWindow], None]) -> None:
    kill_mid_import(store_path, generated_findings(tmp_path / "findings.csv", 20_000), after_rows=10_000)
    with qtbot.waitSignal(bare_window.store_changed, timeout=10_000):
        bare_window.open_store(store_path)
    settle(bare_window)
    assert bare_window.catalogue is not None
    assert bare_window.catalogue.info.counts["findings"] == 538
    assert not _dialogs(bare_window)


def test_damage_found_by_the_background_check_with_no_store_before_empties_the_window(
        qtbot: QtBot, bare_window: MainWindow, store_path: Path, tmp_path: Path) -> None:
    case = next(c for c in BAD_STORES if c.name == "corrupt-search-index")
    path = make_bad_store(case, store_path, tmp_path)
    shown: list[object] = []
    bare_window.store_changed.connect(shown.append)
    with qtbot.waitSignal(bare_window.store_failed, timeout=10_000):
        bare_window.open_store(path)
    assert shown == [path, None]
    _assert_store_dialog(bare_window, case, path)
    qtbot.waitUntil(lambda: not bare_window.is_busy(), timeout=10_000)
    assert bare_window.catalogue is None and bare_window.windowTitle() == "Inspector GUI"
    assert bare_window.centre.currentWidget() is bare_window.empty
    assert bare_window.empty.message.text().startswith("No store is open.")
    assert bare_window.status.counts.text() == "" and bare_window.findings.model.rowCount() == 0
    assert bare_window.providers.model.rowCount() == 1, "only 'All providers (0)'"


@pytest.mark.parametrize("content", [b"not a database at all", b""], ids=["not-sqlite", "empty"])
def test_a_damaged_default_store_set_aside_is_said_in_a_dialog(
        qtbot: QtBot, bare_window: MainWindow, content: bytes, settle: Callable[[MainWindow], None]) -> None:
    from inspector_gui.store.default import default_store_path

    path = default_store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with qtbot.waitSignal(bare_window.store_changed, timeout=30_000):
        bare_window.open_store(None)
    settle(bare_window)
    kept = next(path.parent.glob("hmip.damaged-*.db"))
    boxes = _dialogs(bare_window)
    assert len(boxes) == 1 and boxes[0].textFormat() == Qt.TextFormat.PlainText
    assert boxes[0].text().startswith(f"{path}: ") and f"it was set aside as {kept}" in boxes[0].text()
    assert bare_window.matrix.model.rowCount() == 93


@pytest.mark.parametrize("name", ["evil\u202egpj.db", "bell\x07\x1b]0;title\x07.db", "rtl\u2067x\u2069.db"])
def test_controls_and_bidi_in_a_store_name_are_shown_as_escapes(
        qtbot: QtBot, bare_window: MainWindow, name: str, store_path: Path, tmp_path: Path,
        settle: Callable[[MainWindow], None]) -> None:
    import shutil

    from inspector_gui.errors import one_line

    path = tmp_path / name
    shutil.copyfile(store_path, path)
    with qtbot.waitSignal(bare_window.store_changed, timeout=10_000):
        bare_window.open_store(path)
    settle(bare_window)
    assert bare_window.windowTitle().startswith(one_line(name).replace("[*]", "[*][*]"))
    missing = tmp_path / f"gone-{name}"
    with qtbot.waitSignal(bare_window.store_failed, timeout=10_000):
        bare_window.open_store(missing)
    box = _dialogs(bare_window)[0]
    for text in (box.text(), box.detailedText(), bare_window.windowTitle()):
        assert text.isprintable() or set(text) - set(one_line(text)) <= {"\n"}, repr(text)


@pytest.mark.parametrize("damage", [
    "DROP TABLE findings_fts", "DELETE FROM findings_fts_config",
    "UPDATE findings_fts_data SET block = randomblob(length(block)) WHERE id > 10"])
def test_a_search_on_a_broken_index_gets_the_rebuild_dialog(
        qtbot: QtBot, open_window: Callable[..., MainWindow], damage: str, store_path: Path,
        settle: Callable[[MainWindow], None]) -> None:
    """Issue 11, item 7: one dialog naming the command that rebuilds the index, not the
    unexpected-error dialog; the window goes on showing the store."""
    import sqlite3

    from inspector_gui.store.search_index import index_broken

    conn = sqlite3.connect(store_path)
    conn.executescript(damage)
    conn.close()
    window = open_window(store_path)
    qtbot.keyClicks(window.findings.filters.search, "risk")
    qtbot.waitUntil(lambda: bool(_dialogs(window)), timeout=10_000)
    box = _dialogs(window)[0]
    assert box.text() == f"{store_path}: {index_broken(store_path)}"
    assert window.current_store_path() == store_path
    assert window.matrix.model.rowCount() == 93


def test_an_index_that_no_longer_matches_the_findings_is_said_once_and_the_store_stays_open(
        qtbot: QtBot, open_window: Callable[..., MainWindow], store_path: Path) -> None:
    """Another program deleted index entries: the background check says searches can miss
    findings and names the rebuild; the store keeps showing."""
    import sqlite3

    conn = sqlite3.connect(store_path)
    conn.execute("INSERT INTO findings_fts (findings_fts, rowid, text) SELECT 'delete', id, text "
                 "FROM findings WHERE text LIKE '%risk%' LIMIT 5")
    conn.commit()
    conn.close()
    before = sha256(store_path)
    window = open_window(store_path)
    qtbot.waitUntil(lambda: bool(_dialogs(window)), timeout=10_000)
    (box,) = _dialogs(window)
    assert box.windowTitle() == "Search index out of date"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text().startswith(f"{store_path}: the search index does not match the findings")
    assert "rebuild-index" in box.text()
    assert window.current_store_path() == store_path
    assert window.matrix.model.rowCount() == 93
    assert sha256(store_path) == before
