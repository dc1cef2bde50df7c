"""The findings panel: filters, a live count, the paged findings table and the detail pane.

What it lists is the tree's scope (or all providers), narrowed by the filters; a *focus* (a
matrix cell's inspection and standard, or a chart's set of inspections) replaces the scope and
clears the search and filters, so the cell's findings are all shown. The focus lasts until the
user selects something else in the tree (the panel follows the tree again) or presses "Follow the
selection again". ``heading_changed(str)`` says what the panel shows, for the dock's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import Finding, FindingQuery
from inspector_gui.domain.wording import counted
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.store.notebook import finding_record
from inspector_gui.ui.delegates import FindingTextDelegate
from inspector_gui.ui.models.findings import (
    COLUMNS,
    DOMAIN,
    KIND,
    PROVIDER,
    PUBLISHED,
    STANDARD,
    TEXT,
    FindingsModel,
)
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import plain_label
from inspector_gui.ui.views.banner import Banner
from inspector_gui.ui.views.finding_detail import FindingDetail
from inspector_gui.ui.views.finding_filters import FindingFilters
from inspector_gui.ui.views.fitted_columns import FittedColumns
from inspector_gui.ui.views.tagging import Tagging
from inspector_gui.ui.workers import QueryRunner

_WIDTHS = (114, 110, 96, 150, 84, 96)
TEXT_LINES = 2
TEXT_MIN_WIDTH = 240
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's "no maximum" for a widget's size."""


@dataclass(frozen=True)
class Focus:
    inspection_ids: tuple[str, ...]
    standard_code: str
    label: str


class FindingsPanel(QWidget):
    heading_changed = Signal(str)

    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._catalogue: Catalogue | None = None
        self._scope = ALL
        self._focus: Focus | None = None
        self.filters = FindingFilters(self)
        self.filters.changed.connect(self.refresh)
        self.model = FindingsModel(runner, self)
        self.model.count_changed.connect(self._show_count)
        self.model.page_loaded.connect(self._page_loaded)
        self.table = self._make_table()
        self.filters.search.below = self.table
        self.detail = FindingDetail(self)
        self.tagging = Tagging(self, runner, lambda: [finding_record(f) for f in self.selected_findings()],
                               lambda: self.model.notebook)
        self.tagging.current_tags = self._selected_tags
        self.tagging.tags_changed.connect(self._tags_changed)
        self.tagging.notes_changed.connect(self.detail.show_notes)
        self.detail.add_buttons(self.tagging.actions())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.tagging.actions())
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
        self.no_findings = plain_label("", self)
        self.no_findings.setWordWrap(True)
        self.no_findings.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_findings.setAccessibleName("No findings in this store")
        self.no_findings.hide()
        layout.addWidget(self.no_findings, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        wrapping = FindingTextDelegate(table)  # domain, standard and provider names wrap as the text does
        for column in (DOMAIN, STANDARD, PROVIDER, TEXT):
            table.setItemDelegateForColumn(column, wrapping)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(TEXT_LINES * table.fontMetrics().lineSpacing() + 10)
        table.setAccessibleName("Findings")
        header = table.horizontalHeader()
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.columns = FittedColumns(table, _WIDTHS, TEXT_MIN_WIDTH, fixed=(KIND, PUBLISHED))
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def set_catalogue(self, catalogue: Catalogue | None, scope: Scope) -> None:
        """A store was opened (or closed), with the tree's selection in it: reload once."""
        self._path = catalogue.path if catalogue else None
        self._scope = scope
        self._focus = None
        self.focus_bar.hide()
        self._catalogue = catalogue
        self.filters.set_catalogue(catalogue)
        self.narrow_domains()
        self._say_when_none(catalogue)
        self.tagging.load_counts()
        self.refresh()

    def _say_when_none(self, catalogue: Catalogue | None) -> None:
        """A store without findings (a set of ratings, such as Ofsted's) says so in the panel
        rather than showing an empty list."""
        none = catalogue is not None and catalogue.info.counts.get("findings", 0) == 0
        who = " and ".join(catalogue.info.inspectorates) if catalogue else ""
        self.no_findings.setText(
            f"This store holds no findings: its data ({who or 'as imported'}) is ratings only. "
            "The matrix, the league and the charts show them." if none else "")
        self.no_findings.setVisible(none)
        self.splitter.setVisible(not none)
        self.filters.setEnabled(not none)
        self.filters.setVisible(not none)
        # The panel then takes only the room of its message, leaving the matrix and charts the rest.
        self.setMaximumHeight(self.no_findings.sizeHint().height() + 24 if none else QWIDGETSIZE_MAX)

    def set_scope(self, scope: Scope) -> None:
        """The tree's selection: followed again even after a drill-down."""
        changed, self._scope = scope != self._scope, scope
        self.narrow_domains()
        if changed and self._focus is not None:
            self.clear_focus()
        elif self.filters.follows_selection() and self._focus is None:
            self.refresh()

    def narrow_domains(self) -> None:
        """Domain buttons for the frameworks the selection's inspections were rated under (every
        button while those are not all loaded yet); :meth:`set_catalogue` and the window's
        ``inspections_loaded`` call it again."""
        self.filters.narrow_domains(_frameworks_of(self._catalogue, self._scope))

    def focus(self, inspection_ids: Sequence[str], standard_code: str, label: str) -> None:
        """Show every finding of these inspections (of one standard, when given)."""
        self._focus = Focus(tuple(inspection_ids), standard_code, label)
        self.focus_bar.announce(f"All findings of {label}, whatever the search and filters were. "
                                "Selecting in the provider tree shows its findings again.")
        self.filters.show_everything()
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
        self.model.set_query(self._path, query, self.filters.tag.value())
        self._hide_repeated_columns(query)
        self.heading_changed.emit(self.heading())

    def heading(self) -> str:
        """What the list is of: the drill-down's cell, the tree's selection, or all providers."""
        if self._focus is not None:
            return f"Findings: {self._focus.label}"
        if not self.filters.follows_selection() or self._scope.is_all:
            return "Findings: all providers"
        if self._scope.key.startswith("group:"):
            return f"Findings: {self._scope.key.removeprefix('group:').replace('/', ' › ')}"
        return f"Findings: {self._scope.label}"

    def _hide_repeated_columns(self, query: FindingQuery) -> None:
        """Within one provider every row names it, within one inspection every row has its date:
        hide such columns so the text gets the room."""
        one_inspection = query.inspection_ids is not None and len(query.inspection_ids) == 1
        one_provider = one_inspection or (query.provider_ids is not None and len(query.provider_ids) == 1)
        self.table.setColumnHidden(PROVIDER, one_provider)
        self.table.setColumnHidden(PUBLISHED, one_inspection)
        if self.columns.active:
            self.columns.fit()

    def _page_loaded(self) -> None:
        """Lay the table out now (its scroll bar, which narrows the viewport and refits the
        columns): else Qt's delayed layout repaints every row once more after the first paint."""
        self.table.executeDelayedItemsLayout()
        self._show_count(self.model.total)

    def _show_count(self, total: int | None) -> None:
        loaded = self.model.rowCount()
        if total is None:
            text = "Counting…"
        elif loaded < total:
            text = f"{total} findings ({loaded} loaded)"
        else:
            text = counted(total, "finding")
        self.filters.count.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = self.model.finding(current.row()) if current.isValid() else None
        self.detail.show_finding(finding, self.model.tags_of(finding) if finding else ())
        self.tagging.load(finding_record(finding) if finding else None)

    def selected_findings(self) -> list[Finding]:
        """The selected rows' findings, in table order (the current one when none is selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = [current.row()]
        return [self.model.finding(r) for r in rows]

    def _selected_tags(self) -> list[str]:
        return [t for f in self.selected_findings() for t in self.model.tags_of(f)]

    def _tags_changed(self, tags: dict[str, list[str]], counts: list[tuple[str, int]] | None) -> None:
        """After tagging: repaint the Tags cells and the filter's counts; a finding that lost the
        tag being filtered on leaves the list. (No counts: the current finding's tags were read.)"""
        if counts is None:
            self.model.set_tags(tags)
            return
        self.filters.set_tag_counts(counts)
        self.model.set_tags(tags)
        tag = self.model.tag
        if tag and any(tag.casefold() not in {t.casefold() for t in now} for now in tags.values()):
            self.refresh()
            return
        current = self.table.currentIndex()
        if current.isValid():
            self.detail.show_tags(self.model.tags_of(self.model.finding(current.row())))

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
                self.columns.active = self.columns.active and widget is not self.table.horizontalHeader()


def _frameworks_of(catalogue: Catalogue | None, scope: Scope) -> frozenset[str] | None:
    """The frameworks of the scope's inspections; None for every provider or when unknown."""
    if catalogue is None or scope.is_all:
        return None
    if scope.inspection_id:
        inspection = catalogue.inspection(scope.inspection_id)
        return frozenset((inspection.framework_id,)) if inspection else None
    frameworks: set[str] = set()
    for provider_id in scope.provider_ids or ():
        inspections = catalogue.inspections_of(provider_id)
        if inspections is None:
            return None
        frameworks.update(i.framework_id for i in inspections)
    return frozenset(frameworks)
