"""A non-blocking message box whose every part is plain text (messages quote imported names)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_gui.errors import one_line, terminal_text


def plain_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                  details: str = "") -> QMessageBox:
    """Open (without blocking) a message box showing ``text`` and ``details`` literally, with
    controls and bidi overrides shown as escapes (``\u202e``) so quoted names cannot hide or
    reorder the rest."""
    box = QMessageBox(icon, one_line(title), "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(terminal_text(text))
    if details:
        box.setDetailedText(terminal_text(details))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    box.open()
    return box
