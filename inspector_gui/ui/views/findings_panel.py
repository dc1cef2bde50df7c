"""The findings panel: filters, a live count, the paged findings table and the detail pane.

What it lists is the tree's scope (or all providers), narrowed by the filters; a *focus* (a
matrix cell's inspection and standard, or a chart's set of inspections) replaces the scope until
the user clears it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import FindingQuery
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui.delegates import FindingTextDelegate
from inspector_gui.ui.models.findings import COLUMNS, PROVIDER, PUBLISHED, TEXT, FindingsModel
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.views.banner import Banner
from inspector_gui.ui.views.finding_detail import FindingDetail
from inspector_gui.ui.views.finding_filters import FindingFilters
from inspector_gui.ui.workers import QueryRunner

_WIDTHS = (114, 110, 96, 150, 84)
TEXT_LINES = 2


@dataclass(frozen=True)
class Focus:
    inspection_ids: tuple[str, ...]
    standard_code: str
    label: str


class FindingsPanel(QWidget):
    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._scope = ALL
        self._focus: Focus | None = None
        self.filters = FindingFilters(self)
        self.filters.changed.connect(self.refresh)
        self.model = FindingsModel(runner, self)
        self.model.count_changed.connect(self._show_count)
        self.model.page_loaded.connect(lambda: self._show_count(self.model.total))
        self.table = self._make_table()
        self.detail = FindingDetail(self)
        self.focus_bar = Banner("Follow the selection again", self.clear_focus, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.focus_bar)
        layout.addWidget(self.splitter, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setItemDelegateForColumn(TEXT, FindingTextDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(TEXT_LINES * table.fontMetrics().lineSpacing() + 10)
        table.setAccessibleName("Findings")
        header = table.horizontalHeader()
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def set_catalogue(self, catalogue: Catalogue | None, scope: Scope) -> None:
        """A store was opened (or closed), with the tree's selection in it: reload once."""
        self._path = catalogue.path if catalogue else None
        self._scope = scope
        self._focus = None
        self.focus_bar.hide()
        self.filters.set_catalogue(catalogue)
        self.refresh()

    def set_scope(self, scope: Scope) -> None:
        self._scope = scope
        if self.filters.follows_selection() and self._focus is None:
            self.refresh()

    def focus(self, inspection_ids: Sequence[str], standard_code: str, label: str) -> None:
        """Show only these inspections' findings (of one standard, when given)."""
        self._focus = Focus(tuple(inspection_ids), standard_code, label)
        self.focus_bar.announce(f"Findings of {label}")
        self.filters.set_domain(None)
        self.filters.standard.set_value("")
        self.refresh()

    def clear_focus(self) -> None:
        self._focus = None
        self.focus_bar.hide()
        self.refresh()

    def query(self) -> FindingQuery:
        """The store query for what the panel shows now."""
        focused = self._focus.standard_code if self._focus else ""
        standard = {"standard_code": focused} if focused else self.filters.standard_query()
        return FindingQuery(
            **self._where(), **self.filters.domain_query(), **standard,
            kinds=self.filters.kinds_chosen(), search=self.filters.search.text())

    def _where(self) -> dict[str, tuple[str, ...] | None]:
        if self._focus is not None:
            return {"inspection_ids": self._focus.inspection_ids}
        if not self.filters.follows_selection() or self._scope.is_all:
            return {}
        if self._scope.inspection_id:
            return {"inspection_ids": (self._scope.inspection_id,)}
        return {"provider_ids": self._scope.provider_ids}

    def refresh(self) -> None:
        self.detail.show_finding(None)
        query = self.query()
        self.model.set_query(self._path, query)
        self._hide_repeated_columns(query)

    def _hide_repeated_columns(self, query: FindingQuery) -> None:
        """Within one provider every row names it, within one inspection every row has its date:
        hide such columns so the text gets the room."""
        one_inspection = query.inspection_ids is not None and len(query.inspection_ids) == 1
        one_provider = one_inspection or (query.provider_ids is not None and len(query.provider_ids) == 1)
        self.table.setColumnHidden(PROVIDER, one_provider)
        self.table.setColumnHidden(PUBLISHED, one_inspection)

    def _show_count(self, total: int | None) -> None:
        loaded = self.model.rowCount()
        if total is None:
            text = "Counting…"
        elif loaded < total:
            text = f"{total} findings ({loaded} loaded)"
        else:
            text = f"{total} finding" + ("" if total == 1 else "s")
        self.filters.count.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_finding(self.model.finding(current.row()) if current.isValid() else None)

    def save_state(self, settings: Settings) -> None:
        self.filters.save_state(settings)
        settings.set_bytes("findings_splitter", self.splitter.saveState())
        settings.set_bytes("findings_columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: Settings) -> None:
        self.filters.restore_state(settings)
        for name, widget in (("findings_splitter", self.splitter),
                             ("findings_columns", self.table.horizontalHeader())):
            state = settings.get_bytes(name)
            if state is not None:
                widget.restoreState(state)
