"""After a dialog closes, the window it came from takes the keyboard's shortcuts again, with or
without a window manager (the offscreen platform, like a bare X server, gives the focus to
nobody when a dialog closes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from inspector_gui.ui.focus_return import FocusReturn

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

SAVE_VIEW = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def focus_return(qapp: QApplication) -> Iterator[FocusReturn]:
    watcher = FocusReturn(qapp)
    yield watcher
    watcher.setParent(None)
    watcher.deleteLater()


def _cancel_the_dialog_soon(opened: list[str]) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        opened.append(dialog.windowTitle())
        dialog.reject()
    QTimer.singleShot(20, cancel)


def test_ctrl_alt_s_asks_for_a_view_name_again_after_the_first_dialog_is_cancelled(
        qtbot, window, focus_return) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    opened: list[str] = []
    for expected in (1, 2):
        _cancel_the_dialog_soon(opened)
        qtbot.keyClick(window.findings.table, "s", SAVE_VIEW)
        assert len(opened) == expected, f"Ctrl+Alt+S number {expected} opened no dialog"
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=2000)
    assert opened == ["Save view", "Save view"]
