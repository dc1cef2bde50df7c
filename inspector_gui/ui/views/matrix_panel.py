"""The rating matrix panel: filters, the sortable matrix with domain-banded headers, a legend, and
a banner when a chart or drill-down narrows it to a set of inspections.

Rows follow the provider tree: a group shows its providers, a provider or one of its inspections
shows every inspection of that provider. The matrix query runs in the background. Its standard
columns come in one block per framework of the rows shown (the selected inspection's or the
filter's framework first, then newest first), so no standard is ever under another framework's
header; the Provider column stays in view while the blocks scroll sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.frameworks import Framework, legend_scales
from inspector_gui.domain.matrix import MatrixData, build_matrix
from inspector_gui.domain.records import MatrixRow
from inspector_gui.domain.wording import counted
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui import settings as keys
from inspector_gui.ui.delegates import RatingDelegate
from inspector_gui.ui.models.rating_matrix import PROVIDER, RatingMatrixModel
from inspector_gui.ui.roles import ItemRole, TitleRole
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import plain_label
from inspector_gui.ui.views.banner import Banner
from inspector_gui.ui.views.choices import ChoiceBox
from inspector_gui.ui.views.domain_header import DomainHeaderView
from inspector_gui.ui.views.flow_layout import FlowLayout
from inspector_gui.ui.views.frozen_table import FrozenColumnTable
from inspector_gui.ui.views.legend import Legend
from inspector_gui.ui.workers import QueryRunner

_WIDTHS = {"Provider": 240, "Published": 80, "Overall": 100, "Since": 56, "Score": 112, "Rank": 48,
           "League": 150}
STANDARD_WIDTH = 76
ROW_HEIGHT = 36
_FILTERS = ("provider_type", "framework_id", "round", "year")


class MatrixPanel(QWidget):
    row_selected = Signal(object)
    """The MatrixRow of the current row (or None)."""
    findings_requested = Signal(tuple, str, str)
    """``(inspection_ids, standard_code or "", label)``: a cell was activated."""
    shown = Signal()
    """The rows of a finished query are shown."""

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue: Catalogue | None = None
        self._scope = ALL
        self._drill: tuple[tuple[str, ...], str] | None = None
        self.model = RatingMatrixModel(self)
        self._sort: tuple[str, Qt.SortOrder] = ("Provider", Qt.SortOrder.AscendingOrder)
        self.every_action = QAction("Every inspection", self, checkable=True)
        self.every_action.setToolTip("Show every inspection, not only each provider's latest")
        self.every_action.toggled.connect(lambda _: self.refresh())
        self.filters = {name: ChoiceBox(label, label) for name, label in (
            ("provider_type", "Any type"), ("framework_id", "Any framework"),
            ("round", "Any round"), ("year", "Any year"))}
        for box in self.filters.values():
            box.value_changed.connect(lambda _: self.refresh())
        self.table = self._make_table()
        self.summary = plain_label(wrap=True)
        self.banner = Banner("Show the selection again", self.clear_drill, self)
        self._lay_out()

    def _make_table(self) -> FrozenColumnTable:
        table = FrozenColumnTable(DomainHeaderView(), DomainHeaderView(), self)
        table.setModel(self.model)
        table.setItemDelegate(RatingDelegate(table))
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)  # a long provider name takes two lines rather than being cut
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        table.setAccessibleName("Rating matrix")
        table.activated.connect(self._activated)
        table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        return table

    def _lay_out(self) -> None:
        bar = QWidget(self)
        flow = FlowLayout(bar)
        self.toggle = QToolButton(bar)
        self.toggle.setDefaultAction(self.every_action)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        flow.addWidget(self.toggle)
        for box in self.filters.values():
            flow.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.legend = Legend(self)
        layout.addWidget(self.legend)

    def set_catalogue(self, catalogue: Catalogue | None, scope: Scope) -> None:
        """A store was opened (or closed), with the tree's selection in it: offer its filter
        values and reload once."""
        self._catalogue = catalogue
        self._follow(scope)
        choices = _choices(catalogue) if catalogue else {name: [] for name in _FILTERS}
        for name, box in self.filters.items():
            box.set_choices(choices[name])
        self.refresh()

    def set_scope(self, scope: Scope) -> None:
        self._follow(scope)
        self.refresh()

    def _follow(self, scope: Scope) -> None:
        self._scope, self._drill = scope, None
        self.banner.hide()

    def show_inspections(self, inspection_ids: Sequence[str], label: str) -> None:
        """Narrow the matrix to these inspections until the user goes back to the selection."""
        self._drill = (tuple(inspection_ids), label)
        self.banner.announce(f"Showing {len(inspection_ids)} inspections: {label}")
        self.refresh()

    def clear_drill(self) -> None:
        self.set_scope(self._scope)

    def refresh(self) -> None:
        """Run the matrix query for the current scope and filters in the background."""
        if self._catalogue is None:
            self._runner.cancel("matrix")
            self._show(MatrixData())
            return
        query, frameworks, preferred = self._query(), self._catalogue.frameworks, self._preferred()
        self._runner.query("matrix", self._catalogue.path,
                           lambda s: build_matrix(s.rating_matrix(**query), frameworks, preferred),
                           self._show, owner=self)

    def query(self) -> dict[str, Any]:
        """The store query (``rating_matrix`` keywords) for what the matrix shows now."""
        return self._query()

    def _query(self) -> dict[str, Any]:
        query: dict[str, Any] = {name: box.value() or None for name, box in self.filters.items()}
        single = self._scope.provider_id is not None
        query["latest_only"] = not (self.every_action.isChecked() or single or self._drill)
        if self._drill:
            query["inspection_ids"] = list(self._drill[0])
        elif not self._scope.is_all:
            query["provider_ids"] = list(self._scope.provider_ids or ())
        return query

    def _show(self, data: MatrixData) -> None:
        frameworks = self._catalogue.frameworks if self._catalogue else {}
        self.model.set_data(data, frameworks)
        self.legend.set_scales(legend_scales(_shown_frameworks(data, frameworks)))
        self._size_columns()
        self._apply_sort()
        self._summarise()
        self._select_focus()
        self.table.lay_out_now()
        self.shown.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        """Remember the sort by column title, since columns move when the framework changes."""
        title = self.model.headerData(column, Qt.Orientation.Horizontal, TitleRole)
        if title:
            self._sort = (title, order)

    def _apply_sort(self) -> None:
        title, order = self._sort
        column = self.model.column_of(title)
        self.table.sortByColumn(column if column >= 0 else PROVIDER, order)

    def _preferred(self) -> str | None:
        chosen = self.filters["framework_id"].value()
        if chosen or self._catalogue is None or not self._scope.inspection_id:
            return chosen or None
        inspection = self._catalogue.inspection(self._scope.inspection_id)
        return inspection.framework_id if inspection else None

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = STANDARD_WIDTH if self.model.standard_at(column) else _WIDTHS.get(title, 80)
            header.resizeSection(column, width)

    def _summarise(self) -> None:
        frameworks = self.model.frameworks
        rows = self.model.rowCount()
        shown = counted(rows, "inspection") if self._query_every() else \
            f"{counted(rows, 'provider')} (latest inspection)"
        if len(frameworks) > 1:
            columns = f" · {len(frameworks)} frameworks, a block of columns each (scroll right)"
        else:
            columns = f" · columns: {frameworks[0].name}" if frameworks else ""
        self.summary.setText(f"{shown}{columns}")

    def _query_every(self) -> bool:
        return bool(self.every_action.isChecked() or self._scope.provider_id or self._drill)

    def row_of(self, inspection_id: str) -> MatrixRow | None:
        """The shown row of this inspection, or None when the matrix does not show it."""
        number = self._row_number(inspection_id)
        return self.model.row_at(number) if number >= 0 else None

    def _row_number(self, inspection_id: str) -> int:
        ids = (self.model.row_at(r).inspection.inspection_id for r in range(self.model.rowCount()))
        return next((number for number, found in enumerate(ids) if found == inspection_id), -1)

    def _select_focus(self) -> None:
        target = self._scope.inspection_id
        number = self._row_number(target) if target else -1
        if number >= 0:
            self._make_current(self.model.index(number, PROVIDER))

    def _make_current(self, index: QModelIndex) -> None:
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.row_selected.emit(current.data(ItemRole) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        """Enter or double-click: the findings of that inspection (and standard, on a cell)."""
        row = self.model.row_at(index.row())
        label = f"{row.provider.name}, {row.inspection.published.display()}"
        cell = self.model.cell_at(index.row(), index.column())
        column = self.model.standard_at(index.column())
        code = cell.standard.code if cell is not None and cell.standard is not None else ""
        if column is not None:
            label += f" · {column.title}" if code else f" · {column.title} (not applicable)"
        self.findings_requested.emit((row.inspection.inspection_id,), code, label)

    def save_state(self, settings: Settings) -> None:
        settings.set(keys.EVERY_INSPECTION, self.every_action.isChecked())
        settings.set(keys.MATRIX_FILTERS, {n: b.value() for n, b in self.filters.items()})
        title, order = self._sort
        settings.set(keys.MATRIX_SORT, [title, int(order.value)])

    def restore_state(self, settings: Settings) -> None:
        self.every_action.blockSignals(True)
        self.every_action.setChecked(settings.get(keys.EVERY_INSPECTION))
        self.every_action.blockSignals(False)
        wanted = settings.get(keys.MATRIX_FILTERS)
        for name, box in self.filters.items():  # offered now, kept when the store's values arrive
            box.set_choices([(str(wanted.get(name)), str(wanted.get(name)))] if wanted.get(name) else [])
            box.set_value(str(wanted.get(name) or ""))
        title, order = settings.get(keys.MATRIX_SORT)
        self._sort = (str(title), Qt.SortOrder(int(order)))


def _choices(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    return {
        "provider_type": [(t, t) for t in catalogue.provider_types()],
        "framework_id": [(f.name, f.framework_id) for f in catalogue.frameworks.values()],
        "round": [(r, r) for r in catalogue.rounds],
        "year": [(y, y) for y in catalogue.years],
    }


def _shown_frameworks(data: MatrixData, frameworks: dict[str, Framework]) -> list[Framework]:
    """The frameworks of the rows shown: the blocks' in column order, then those of rows whose
    framework has no standard columns (their overall rating is still shown)."""
    ids = [f.framework_id for f in data.frameworks] + [r.inspection.framework_id for r in data.rows]
    return [frameworks[i] for i in dict.fromkeys(ids) if i in frameworks]
