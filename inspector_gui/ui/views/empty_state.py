"""What the centre shows before a store is open (or after the first one failed to open)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from inspector_gui.ui.text import plain_label


class EmptyState(QWidget):
    def __init__(self, open_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        message = plain_label("No store is open.\n\nOpen an Inspector store file (File → Open store…, "
                              "Ctrl+O) or drop one on this window.", self, wrap=True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton("Open store…", self)
        button.clicked.connect(open_action.trigger)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
