"""What the centre shows before a store is open: "Loading …" while the first one loads, else how
to open one (also after the first one failed to open)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from inspector_gui.ui.text import plain_label

EMPTY = ("No store is open.\n\nOpen an Inspector store file (File → Open store…, Ctrl+O) or drop one "
         "on this window.")


class EmptyState(QWidget):
    def __init__(self, open_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = plain_label(parent=self, wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton("Open store…", self)
        self.button.clicked.connect(open_action.trigger)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.show_empty()

    def show_empty(self) -> None:
        self.message.setText(EMPTY)
        self.button.show()

    def show_loading(self, name: str) -> None:
        """While a store loads (the window paints before it arrives)."""
        self.message.setText(f"Loading {name}…")
        self.button.hide()
