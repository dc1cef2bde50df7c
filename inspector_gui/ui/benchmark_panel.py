"""The Benchmark tab: the selected inspection (or the selected provider's latest) rating by rating
beside other providers of its type under the same framework — nationally, in its region, among
its published statistical neighbours when the store has them, and among peers the user picks
(remembered per provider). Computed by :mod:`inspector_gui.reports.benchmark` in the background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import Inspection, Provider
from inspector_gui.reports.benchmark import Benchmark, Chosen, National, Neighbours, Region, benchmark
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui import settings as keys
from inspector_gui.ui.delegates import BadgeDelegate
from inspector_gui.ui.distribution_delegate import DistributionDelegate
from inspector_gui.ui.models.benchmark_table import BenchmarkModel
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.workers import QueryRunner


class BenchmarkPanel(QWidget):
    def __init__(self, runner: QueryRunner, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.settings = runner, settings
        self._catalogue: Catalogue | None = None
        self._target: tuple[Provider, Inspection] | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.choose = QPushButton("Choose &peers…", self)
        self.choose.setToolTip("Pick the providers to compare with (remembered for this provider)")
        self.choose.clicked.connect(self.choose_peers)
        self.model = BenchmarkModel(self)
        self.table = self._make_table()
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setItemDelegateForColumn(1, BadgeDelegate(table))
        self._distributions = DistributionDelegate(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.verticalHeader().hide()
        table.setAccessibleName("Benchmark against other providers")
        table.setWordWrap(False)
        return table

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue

    def follow(self, provider_id: str | None, inspection_id: str | None) -> None:
        """The inspection selected in the tree, or the selected provider's latest."""
        catalogue = self._catalogue
        provider = catalogue.provider(provider_id) if catalogue and provider_id else None
        inspection = None
        if catalogue and provider:
            inspection = (catalogue.inspection(inspection_id) if inspection_id
                          else catalogue.newest(provider.provider_id))
        self._target = (provider, inspection) if provider and inspection else None
        self.choose.setEnabled(self._target is not None)
        self.refresh()

    def peers(self, provider_id: str) -> list[str]:
        chosen = self.settings.get(keys.BENCHMARK_PEERS).get(provider_id, [])
        return [p for p in chosen if isinstance(p, str)]

    def refresh(self) -> None:
        if self._catalogue is None or self._target is None:
            self.model.set_benchmark(None)
            self.heading.setText("Select a provider or an inspection to benchmark it.")
            return
        provider, inspection = self._target
        chosen = Chosen(tuple(self.peers(provider.provider_id)))
        sources = [National(), Region(), Neighbours(asked=False), chosen]
        self.heading.setText(f"{provider.name}, {inspection.published.display()}: counting…")
        self.runner.query("benchmark", self._catalogue.path,
                          lambda store: benchmark(store, provider, inspection, sources), self._show,
                          owner=self)

    def _show(self, result: Benchmark) -> None:
        self.model.set_benchmark(result)
        for column in range(2, self.model.columnCount()):
            self.table.setItemDelegateForColumn(column, self._distributions)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnToContents(0)  # long titles elided where the table is narrow, so
        header.resizeSection(0, min(header.sectionSize(0),  # the distributions stay in view
                                    max(160, self.table.viewport().width() // 3)))
        header.resizeSection(1, BadgeDelegate.badge_width(self.table.font()) + 8)
        for column in range(2, self.model.columnCount()):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        framework = result.framework.name
        self.heading.setText(
            f"{result.provider.name}, published {result.inspection.published.display()} ({framework}), "
            f"beside other providers of type {result.provider.provider_type} under the same "
            "framework, each by its latest inspection under it. Bars: share of each rating; "
            "n: ratings counted.")

    def choose_peers(self) -> None:
        if self._catalogue is None or self._target is None:
            return
        provider = self._target[0]
        others = [p for p, _ in self._catalogue.providers
                  if p.provider_type == provider.provider_type and p.provider_id != provider.provider_id]
        dialog = PeerDialog(others, set(self.peers(provider.provider_id)), provider.name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            remembered = dict(self.settings.get(keys.BENCHMARK_PEERS))
            remembered[provider.provider_id] = dialog.chosen()
            self.settings.set(keys.BENCHMARK_PEERS, remembered)
            self.refresh()


class PeerDialog(QDialog):
    """Checkable providers of the same type, with a filter box; names are plain text."""

    def __init__(self, providers: list[Provider], chosen: set[str], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Peers of {name}")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter")
        self.filter.setAccessibleName("Filter providers")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Peers to compare with")
        for provider in providers:
            item = QListWidgetItem(provider.name)
            item.setData(Qt.ItemDataRole.UserRole, provider.provider_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = provider.provider_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(f"Compare {name} with:")
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def chosen(self) -> list[str]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]
