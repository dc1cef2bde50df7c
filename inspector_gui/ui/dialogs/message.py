"""A non-blocking message box whose every part is plain text (messages quote imported names)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def plain_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                  details: str = "") -> QMessageBox:
    """Open (without blocking) a message box showing ``text`` and ``details`` literally."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    box.open()
    return box
