"""The Themes tab: how often a theme (a starter theme, or words typed in the box) comes up, per
year, round, provider type, domain or kind, as a chart with ``matching/n`` on every bar and a
table beside it. Enter or a double-click on a row (a click on a bar) shows that group's
inspections in the matrix and their findings, the search put in the findings box.

Counting runs in the window's background worker; pyqtgraph is imported when the chart is drawn.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.reports.themes import (
    BY_LABELS,
    Theme,
    ThemeRow,
    ThemeTable,
    resolve_theme,
    starter_themes,
    theme_caption,
    theme_inspections,
    theme_table,
)
from inspector_gui.store import Store
from inspector_gui.ui.chart_page import ChartPage
from inspector_gui.ui.models.theme_table import ThemeTableModel
from inspector_gui.ui.views.choices import ChoiceBox
from inspector_gui.ui.workers import QueryRunner


class ThemesPanel(QWidget):
    inspectionsRequested = Signal(object, str, str)
    """``(inspection ids, label, search text for the findings box)``."""

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._path: Path | None = None
        self._table: ThemeTable | None = None
        self._stale = True
        self.theme_box = QComboBox(self)
        self.theme_box.setEditable(True)
        self.theme_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.theme_box.addItems([t.name for t in starter_themes()])
        self.theme_box.setToolTip("Theme, or words to search findings for (Enter to count)")
        self.theme_box.setAccessibleName("Theme or search words")
        self.theme_box.setMinimumContentsLength(18)
        self.by = ChoiceBox(None, "Count by", self)
        self.by.set_choices([(f"By {label.lower()}", key) for key, label in BY_LABELS.items()])
        self.page = ChartPage([], self)
        self.model = ThemeTableModel(self)
        self.table = self._make_table()
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()
        self.theme_box.activated.connect(lambda _: self.refresh())
        self.theme_box.lineEdit().returnPressed.connect(self.refresh)
        self.by.value_changed.connect(lambda _: self.refresh())

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the group's name keeps its width when the tab is narrow
        table.setAccessibleName("Theme counts")
        table.activated.connect(self._activated)
        return table

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        label = QLabel("&Theme:", self)
        label.setBuddy(self.theme_box)
        for widget in (label, self.theme_box, self.by, self.status):
            controls.addWidget(widget)
        controls.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.page)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 1800])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

    def theme(self) -> Theme:
        return resolve_theme(self.theme_box.currentText())

    def set_store(self, path: Path | None) -> None:
        self._path = path
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Counted when first shown after a store opens, not while the tab is hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Count the theme in the background; the newest request wins."""
        self._stale = False
        theme, by = self.theme(), self.by.value() or "year"
        if self._path is None or theme.match is None:
            self._show(None, "Open a store" if self._path is None else "Type words to search for")
            return
        self.status.setText("Counting…")
        self.runner.query("themes", self._path, lambda store: _count(store, theme, by), self._counted,
                          owner=self)

    def _counted(self, result: tuple[ThemeTable, str]) -> None:
        table, source = result
        if table.note:
            self._show(None, table.note)
            self.status.setText("no findings in this store")
            return
        self._show(table, "")
        from inspector_gui.charts.figure import theme_for
        from inspector_gui.charts.themes import ThemeFigure

        figure = ThemeFigure(table, theme_caption(table, source), theme_for(self.palette()))
        figure.rowClicked.connect(self._request)
        self.page.show_figure(figure)

    def _show(self, table: ThemeTable | None, message: str) -> None:
        self._table = table
        self.model.set_table(table)
        if table is None:
            self.page.show_message(message)
            self.status.setText("")
            return
        self.status.setText(f"{len(table.rows)} groups")

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._request(row)

    def _request(self, row: ThemeRow) -> None:
        table, path = self._table, self._path
        if table is None or path is None or not row.count.matching:
            return
        theme = table.theme
        search = theme.searches[0] if len(theme.searches) == 1 else ""
        label = f"{row.label}: inspections with findings on “{theme.name}”"
        self.runner.query("themes/inspections", path,
                          lambda store: theme_inspections(store, theme, table.by, row.key),
                          lambda ids: self.inspectionsRequested.emit(ids, label, search), owner=self)


def _count(store: Store, theme: Theme, by: str) -> tuple[ThemeTable, str]:
    from inspector_gui.reports.provider_charts import source_line

    return theme_table(store, theme, by), source_line(store)
