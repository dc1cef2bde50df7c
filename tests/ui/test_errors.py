"""Errors reach the user as dialogs, never tracebacks, and the window stays usable."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from inspector_gui.ui.dialogs.errors import install_excepthook
from inspector_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bad_store_gets_a_dialog_naming_file_and_problem_and_another_can_be_opened(
        qtbot, tmp_path, store_path, settle):
    bad = tmp_path / "<b>notes & more.db"
    bad.write_text("these are my notes, not a database")
    before = _digest(bad)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.store_failed, timeout=5000):
        window.open_store(bad)
    box = _boxes(window)[0]
    assert box.text() == f"{bad}: is not a SQLite database"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert f"File: {bad}" in box.detailedText()
    assert _digest(bad) == before
    assert window.centre.currentWidget() is window.empty
    box.close()
    window.open_store(store_path)
    settle(window)
    assert window.current_store_path() == store_path
    assert window.matrix.model.rowCount() == 93


def test_a_failed_open_keeps_the_store_that_was_open(qtbot, window, tmp_path, settle):
    path = window.current_store_path()
    with qtbot.waitSignal(window.store_failed, timeout=5000):
        window.open_store(tmp_path / "missing.db")
    assert "no such file" in _boxes(window)[0].text()
    assert window.current_store_path() == path
    assert not (tmp_path / "missing.db").exists()
    assert window.matrix.model.rowCount() == 93


def test_the_excepthook_shows_the_message_with_the_traceback_under_details(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    previous = install_excepthook(lambda: window)
    try:
        try:
            raise ValueError("a <b>bug</b>")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    box = _boxes(window)[0]
    assert box.text().startswith("Something went wrong: ValueError: a <b>bug</b>")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "Traceback (most recent call last)" in box.detailedText()


def test_dropping_a_store_file_opens_it(qtbot, store_path, settle):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(store_path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    settle(window)
    assert window.current_store_path() == store_path


def test_recent_stores_menu_reopens_a_store(qtbot, window, settle):
    entries = [a for a in window.commands.recent_menu.actions() if a.text().startswith("&1 ")]
    assert entries and entries[0].text() == f"&1 {window.current_store_path().resolve()}"
    with qtbot.waitSignal(window.store_changed, timeout=5000) as changed:
        entries[0].trigger()
    assert changed.args == [window.current_store_path()]
    settle(window)


def test_a_store_that_breaks_while_open_gets_one_dialog_not_one_per_panel(qtbot, window, settle):
    window.current_store_path().write_bytes(b"not a database any more")
    window.reload()
    window.findings.filters.select_domain(2)
    window.matrix.every_action.trigger()
    settle(window)
    boxes = _boxes(window)
    assert len(boxes) == 1
    # a fresh connection reads the new header, one opened before meets a page it cannot read:
    # whichever query fails first names the problem
    assert "is not a SQLite database" in boxes[0].text() or "is damaged" in boxes[0].text()


def _damage(path: Path) -> None:
    """Overwrite a page in the middle of the file: the header and schema still read, a full scan
    fails."""
    page = 4096
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // page // 2 * page)
        handle.write(b"\xff" * page)


def test_a_damaged_store_gets_the_dialog_every_time_it_is_opened(qtbot, store_path):
    _damage(store_path)
    before = _digest(store_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    for _ in range(2):
        with qtbot.waitSignal(window.store_failed, timeout=5000):
            window.open_store(store_path)
        box = _boxes(window)[0]
        assert box.text().startswith(f"{store_path}: is damaged")
        box.close()
    assert _digest(store_path) == before
    assert window.current_store_path() is None
