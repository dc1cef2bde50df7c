"""The keyboard comes back to the window a dialog was opened from.

A window manager activates a dialog's parent when the dialog closes. Without one (a kiosk session,
a bare X server, some remote desktops) X gives the focus to nobody and Qt keeps no focus window:
key presses still reach the widget under the pointer, but no shortcut works until the user clicks
the window. So when a dialog that had the focus is hidden and, a moment later, no visible window
of the application has it, the dialog's parent is activated, as a window manager would.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow


class FocusReturn(QObject):
    """Watches the windows that get the focus (signals, not an event filter: nothing per event)."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        app.focusWindowChanged.connect(self._focused)

    def _focused(self, window: QWindow | None) -> None:
        if window is not None and window.transientParent() is not None:
            window.visibleChanged.connect(self._visibility, Qt.ConnectionType.UniqueConnection)

    def _visibility(self, visible: bool) -> None:
        dialog = self.sender()
        if visible or not isinstance(dialog, QWindow) or dialog.transientParent() is None:
            return
        parent = dialog.transientParent().winId()  # its wrapper dies with the dialog: keep the id
        QTimer.singleShot(0, lambda: _activate_if_unfocused(parent))


def _activate_if_unfocused(parent: int) -> None:
    """Activate the window ``parent`` unless a visible window of the application already has the
    focus (a window manager's choice, or another dialog)."""
    focused = QGuiApplication.focusWindow()
    if focused is not None and focused.isVisible():
        return
    for window in QGuiApplication.topLevelWindows():
        if window.winId() == parent and window.isVisible():
            window.requestActivate()
