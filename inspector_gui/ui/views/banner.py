"""A one-line notice above a view, with a button to undo what it reports ("Showing 12
inspections: 2019 · Requires improvement  [Show the selection again]")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from inspector_gui.ui.text import plain_label


class Banner(QWidget):
    def __init__(self, button_text: str, on_click: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label(parent=self, wrap=True)
        self.button = QPushButton(button_text, self)
        self.button.clicked.connect(on_click)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def announce(self, text: str) -> None:
        """Show the banner with ``text`` (plain text: it may quote imported names)."""
        self.label.setText(text)
        self.show()
