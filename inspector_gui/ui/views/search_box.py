"""A line edit for typed filters that waits until typing pauses before it reports the text, so a
query runs once per pause rather than once per key."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    settled = Signal()
    """The text changed and typing has paused for ``delay_ms``."""

    def __init__(self, placeholder: str, accessible_name: str, delay_ms: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.settled)
        self.textChanged.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self.settle)
        self.below: QWidget | None = None
        """The list the box filters: Down moves the keyboard focus into it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.below is not None:
            self.settle()
            self.below.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    def replace_now(self, text: str) -> None:
        """Set the text without reporting it later: the caller acts on it at once."""
        self.setText(text)
        self._timer.stop()

    def pending(self) -> bool:
        """True while typed text waits for the pause."""
        return self._timer.isActive()

    def settle(self) -> None:
        """Report pending text at once (Enter does this)."""
        if self._timer.isActive():
            self._timer.stop()
            self.settled.emit()
