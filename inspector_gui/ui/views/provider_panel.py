"""The provider tree panel: a type-to-filter box, the grouping switch and the tree.

Filtering and grouping rebuild the tree from the catalogue already in memory (a few thousand
providers at most), so they never touch the disk. The selection is kept by key across rebuilds,
reloads and restarts. Providers come first; their inspections may arrive later
(:meth:`ProviderPanel.inspections_arrived`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from inspector_gui.domain.grouping import GROUPINGS, Group, TreeEntry, filter_entries, group_providers
from inspector_gui.domain.travel import latest_travel
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui import settings as keys
from inspector_gui.ui.delegates import BadgeDelegate
from inspector_gui.ui.models.provider_tree import SINCE, ProviderTreeModel
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.views.banner import Banner
from inspector_gui.ui.views.choices import ChoiceBox
from inspector_gui.ui.views.search_box import SearchBox
from inspector_gui.ui.views.travel_filters import TravelFilters

FILTER_DELAY_MS = 150
WORD_ROOM = 2.6
"""The rating column shows the word only while the tree is this many times as wide as the word,
so that the names keep most of the room; otherwise the short label (O, G, RI, I)."""


class ProviderPanel(QWidget):
    scope_changed = Signal(object)
    """The :class:`Scope` of the selected node."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue: Catalogue | None = None
        self._selected_key = ALL.key
        self._emitted: Scope | None = None
        self._kept: set[str] | None = None
        """Ids of the providers the filter keeps; None without a filter."""
        self._subject: str | None = None
        self._selection_hidden = False
        self.filter = SearchBox("Filter providers (Ctrl+L)", "Filter providers", FILTER_DELAY_MS, self)
        self.filter.settled.connect(self.rebuild)
        self.grouping = ChoiceBox(None, "Group providers by", self)
        self.grouping.set_choices([(f"Group: {label}", key) for key, label in GROUPINGS.items()])
        self.grouping.value_changed.connect(lambda _: self.rebuild())
        self.travel = TravelFilters(self)
        self.travel.changed.connect(self.rebuild)
        self.model = ProviderTreeModel(self)
        self.tree = self._make_tree()
        self.filter.below = self.tree
        self.hidden_note = Banner("Clear the filters", self.clear_filters, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.filter, self.grouping, self.travel, self.hidden_note):
            layout.addWidget(widget)
        layout.addWidget(self.tree, 1)

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.model)
        badges = BadgeDelegate(tree)
        tree.setItemDelegateForColumn(1, badges)
        # Extended: Ctrl+click, Shift+click, Shift+arrows and Ctrl+Space select two inspections to
        # compare; the other panels still follow the current row alone (scope_changed).
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.setUniformRowHeights(True)
        tree.setIndentation(14)
        tree.setAccessibleName("Providers")
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, badges.badge_width(tree.font()) + 4)
        header.setSectionResizeMode(SINCE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SINCE, tree.fontMetrics().horizontalAdvance("▼≈ 10 y") + 8)
        tree.selectionModel().currentChanged.connect(self._current_changed)
        return tree

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_badges()

    def _fit_badges(self) -> None:
        """The rating's word where the tree is wide, else its short label, so long names are not
        cut by the badges (the word is in each provider's tooltip)."""
        font, header = self.tree.font(), self.tree.header()
        word = BadgeDelegate.badge_width(font)
        title = str(self.model.headerData(1, Qt.Orientation.Horizontal))
        title_width = header.fontMetrics().horizontalAdvance(title)
        short = max(BadgeDelegate.short_width(font), title_width + 16)
        others = sum(header.sectionSize(c) for c in range(2, header.count()) if not header.isSectionHidden(c))
        room = self.tree.viewport().width() - others  # for the names and the rating
        header.resizeSection(1, (word if room >= WORD_ROOM * word else short) + 4)

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue
        self.rebuild()

    def inspections_arrived(self) -> None:
        """The catalogue now holds every inspection: providers expanded before get their rows."""
        self.model.inspections_arrived()
        if self.travel.value().worse:
            self.rebuild()

    def selected_key(self) -> str:
        """The selected node's key (restored from settings before any store is shown)."""
        return self._selected_key

    def rebuild(self) -> None:
        """Regroup and refilter the tree, keeping the selection when it is still there."""
        catalogue = self._catalogue
        entries = filter_entries(catalogue.providers, self.filter.text()) if catalogue else []
        chosen = self.travel.value()
        if catalogue and chosen.active:
            entries = [e for e in entries
                       if chosen.keeps(latest_travel(catalogue.inspections_of(e[0].provider_id) or e[1]))]
        self._kept = {e[0].provider_id for e in entries} if self.narrowed() else None
        self.model.set_groups(self._grouped(entries), len(entries), self._framework_names(), catalogue)
        self._span_groups(QModelIndex())
        self._expand(expand_all=self.narrowed())
        self.select_key(self._selected_key)

    def _framework_names(self) -> dict[str, str]:
        catalogue = self._catalogue
        return {f: fw.name for f, fw in catalogue.frameworks.items()} if catalogue else {}

    def _grouped(self, entries: Sequence[TreeEntry]) -> list[Group]:
        """The tree's groups of these providers, as the grouping chosen says."""
        inspectorates = self._catalogue.inspectorates if self._catalogue else {}
        return group_providers(entries, self.grouping.value() or "type_region", self._framework_names(),
                               inspectorates)

    def narrowed(self) -> bool:
        """True while the text filter or a direction-of-travel filter leaves providers out."""
        return bool(self.filter.text().strip()) or self.travel.value().active

    def clear_filters(self) -> None:
        """The note's button: every provider in the list again."""
        self.travel.clear()
        self.filter.clear()

    def _span_groups(self, parent: QModelIndex) -> None:
        """Group rows have no rating: their label may use the rating column's width too (the
        walk leaves provider rows unmade until their group is expanded)."""
        for row in range(self.model.group_rows(parent)):
            self.tree.setFirstColumnSpanned(row, parent, True)
            self._span_groups(self.model.index(row, 0, parent))

    def _expand(self, expand_all: bool) -> None:
        if expand_all:
            self.tree.expandToDepth(1)
            return
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))

    def select_key(self, key: str) -> None:
        """Select the node with this key and scroll to it. When the filter hides it the scope
        stays as it was, and a note says so (the other panels still show it); when the store has
        no such node (another store was opened), "All providers" is selected, filter or not."""
        index = self.model.index_for_key(key)
        self._selection_hidden = not index.isValid() and self.narrowed() and self._in_store(key)
        self._update_note()
        if self._selection_hidden:
            return
        if not index.isValid():
            index = self.model.index(0, 0)
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        self._announce(index)

    def _in_store(self, key: str) -> bool:
        """Whether the open store has the node this key names, whatever the filters keep (an
        inspection counts as there until every inspection has arrived)."""
        catalogue = self._catalogue
        kind, _, name = key.partition(":")
        if catalogue is None or kind not in ("provider", "inspection", "group"):
            return catalogue is not None and key == ALL.key
        if kind == "provider":
            return catalogue.provider(name) is not None
        if kind == "inspection":
            return catalogue.inspection(name) is not None or not catalogue.complete
        return name in _group_labels(self._grouped(catalogue.providers))

    def selected_inspections(self) -> list[Scope]:
        """The inspection rows selected (in the order they are shown), for "Compare these two
        inspections"; provider and group rows in the selection are left out."""
        rows = sorted(self.tree.selectionModel().selectedRows(0),
                      key=lambda index: self.tree.visualRect(index).top())
        return [scope for scope in map(self.model.scope, rows) if scope.inspection_id]

    def set_subject(self, provider_id: str | None) -> None:
        """The provider the other panels show (the tree's, or a matrix row's): the note says so
        when the filter hides it."""
        self._subject = provider_id
        self._update_note()

    def _update_note(self) -> None:
        """"Wigan PDU is hidden by the filter; …" while the filter hides what the panels show, and
        "The filter narrows this list only; …" while it leaves a group or every provider selected
        (the panels show the whole group, not the few names left in the list)."""
        label, message = "", ""
        if self._selection_hidden:
            label = self._emitted.label if self._emitted else "The selection"
        elif self._kept is not None and self._subject is not None and self._subject not in self._kept:
            provider = self._catalogue.provider(self._subject) if self._catalogue else None
            label = provider.name if provider else self._subject
        elif self.narrowed() and self._emitted is not None and self._emitted.provider_id is None:
            shown = "every provider" if self._emitted.is_all else f"all of {self._emitted.label}"
            message = (f"The filter narrows this list only: the other panels show {shown}. "
                       "Select a provider to narrow them.")
        if label:
            message = f"{label} is hidden by the filter; the other panels still show it."
        self.hidden_note.setVisible(bool(message))
        if message:
            self.hidden_note.announce(message)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._announce(current)

    def _announce(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        scope = self.model.scope(index)
        self._selected_key = scope.key
        was_hidden, self._selection_hidden = self._selection_hidden, False  # it is in the list now
        if scope != self._emitted:
            self._emitted = scope
            self.scope_changed.emit(scope)
            self._update_note()
        elif was_hidden:
            self._update_note()

    def save_state(self, settings: Settings) -> None:
        settings.set(keys.GROUPING, self.grouping.value())
        settings.set(keys.SELECTION, self._selected_key)
        settings.set(keys.TRAVEL_FILTER, self.travel.state())

    def restore_state(self, settings: Settings) -> None:
        self.grouping.set_value(settings.get(keys.GROUPING))
        self._selected_key = settings.get(keys.SELECTION)
        self.travel.set_value(settings.get(keys.TRAVEL_FILTER))


def _group_labels(groups: Sequence[Group], prefix: str = "") -> set[str]:
    """Every group's path as its tree key holds it after ``group:`` (``CRCs/North West``)."""
    labels: set[str] = set()
    for group in groups:
        label = f"{prefix}{group.label}"
        labels |= {label} | _group_labels(group.groups, f"{label}/")
    return labels
