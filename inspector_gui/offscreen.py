"""One QApplication for code that renders without a window (the CLI's charts and PDFs).

Widgets (pyqtgraph's views) need a QApplication, not a QGuiApplication, and whichever renderer
runs first makes the one both use, on Qt's offscreen platform unless QT_QPA_PLATFORM says
otherwise, so no window appears and no display is needed.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication


def ensure_application() -> QApplication:
    """The running QApplication, or a new one."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["inspector"])
    return app  # type: ignore[return-value]
