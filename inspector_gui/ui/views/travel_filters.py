"""The provider tree's direction-of-travel filters: "worse than the previous inspection" and
"latest rating older than N years". A plain predicate decides; this row only holds the choices."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QSpinBox, QWidget

from inspector_gui.domain.travel import TravelFilter
from inspector_gui.ui.views.flow_layout import FlowLayout


class TravelFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worse = QCheckBox("&Worse", self)
        self.worse.setAccessibleName("Worse than the previous inspection")
        self.worse.setToolTip("Only providers whose latest overall rating is lower than at their "
                              "previous inspection")
        self.older = QCheckBox("Ol&der than", self)
        self.older.setAccessibleName("Latest rating older than")
        self.older.setToolTip("Only providers whose latest rating was published more than this "
                              "many years ago")
        self.years = QSpinBox(self)
        self.years.setRange(1, 50)
        self.years.setValue(3)
        self.years.setSuffix(" y")
        self.years.setAccessibleName("Latest rating older than this many years")
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.worse, self.older, self.years):
            layout.addWidget(widget)
        self.worse.toggled.connect(self.changed)
        self.older.toggled.connect(self.changed)
        self.years.valueChanged.connect(lambda _: self.older.isChecked() and self.changed.emit())

    def value(self) -> TravelFilter:
        return TravelFilter(self.worse.isChecked(), self.years.value() if self.older.isChecked() else None)

    def set_value(self, value: list[object]) -> None:
        """From settings: ``[worse, years or 0]``."""
        worse, years = (value + [False, 0])[:2]
        for widget in (self.worse, self.older, self.years):
            widget.blockSignals(True)
        self.worse.setChecked(bool(worse))
        self.older.setChecked(bool(years))
        if isinstance(years, int) and years:
            self.years.setValue(years)
        for widget in (self.worse, self.older, self.years):
            widget.blockSignals(False)

    def clear(self) -> None:
        """Untick both filters (one ``changed``)."""
        if self.value().active:
            self.set_value([False, 0])
            self.changed.emit()

    def state(self) -> list[object]:
        chosen = self.value()
        return [chosen.worse, chosen.older_than or 0]
