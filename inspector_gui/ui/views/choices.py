"""A combo box of labelled values with an "any" entry, used by every filter in the window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

MIN_CHARACTERS = 6
"""A filter box may shrink to this many characters, so a narrow window still fits every filter."""


class ChoiceBox(QComboBox):
    """Emits ``value_changed(value)`` when the user picks; ``""`` is the "any" entry's value.

    Refilling keeps the current value when it is still offered, so a reload loses no filter.
    """

    value_changed = Signal(str)

    def __init__(self, any_label: str | None, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._any_label = any_label
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * MIN_CHARACTERS) + 30)
        self.setMaximumWidth(260)
        self.activated.connect(lambda _: self.value_changed.emit(self.value()))

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """``(label, value)`` pairs, after the "any" entry."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self._any_label is not None:
            self.addItem(self._any_label, "")
        for label, value in choices:
            self.addItem(label, value)
        self.set_value(current)
        self.blockSignals(False)

    def value(self) -> str:
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def set_value(self, value: str) -> None:
        """Select ``value`` (or the first entry when it is not offered); emits nothing."""
        found = self.findData(value)
        self.setCurrentIndex(found if found >= 0 else 0)
