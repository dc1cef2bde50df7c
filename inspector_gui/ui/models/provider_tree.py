"""The provider tree: "All providers", then groups (with counts), providers (with their latest
overall rating) and each provider's inspections, newest first.

Qt contract: a read-only, two-column ``QAbstractItemModel`` (name, overall rating). Each index's
internal pointer is its :class:`Node`; the model keeps every node alive until the next reset.
A provider's inspection rows are made when it is first expanded, from a lookup (the catalogue)
that may not know them yet, since the window reads every inspection after showing the providers:
such a provider shows no rows until :meth:`ProviderTreeModel.inspections_arrived` inserts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from inspector_gui.domain.grouping import Group
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection, Provider
from inspector_gui.domain.travel import Travel, latest_travel, travel
from inspector_gui.domain.wording import counted
from inspector_gui.ui.models import NO_PARENT, Index, column_title, read_only_flags
from inspector_gui.ui.roles import ItemRole, RatingRole
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.text import plain_tooltip

COLUMNS = ("Provider", "Latest", "Since")
"""The rating column is titled short: it narrows to the short labels (O, G, RI, I) when the panel is."""
SINCE = 2
"""The direction of travel and age of the row's rating (filled once its inspections are known)."""


class InspectionLookup(Protocol):
    """Where the tree finds inspections (the window's catalogue)."""

    def inspections_of(self, provider_id: str) -> list[Inspection] | None:
        """Newest first; None while not known."""

    def inspection(self, inspection_id: str) -> Inspection | None: ...


class _NoInspections:
    def inspections_of(self, provider_id: str) -> list[Inspection] | None:
        return []

    def inspection(self, inspection_id: str) -> Inspection | None:
        return None


@dataclass(eq=False)
class Node:
    scope: Scope
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    item: Provider | Inspection | None = None
    rating: Rating | None = None
    tooltip: str = ""
    position: int = 0
    pending: bool = False
    """A provider whose inspection rows are not made yet: they wait until it is expanded, so a
    store of thousands of providers builds its tree quickly."""
    starved: bool = False
    """A provider expanded before its inspections were known."""

    def add(self, child: Node) -> Node:
        child.parent, child.position = self, len(self.children)
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.position


class ProviderTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node(ALL, "")
        self._keys: dict[str, Node] = {}
        self._lookup: InspectionLookup = _NoInspections()
        self._names: dict[str, str] = {}

    def set_groups(self, groups: Sequence[Group], total: int, framework_names: dict[str, str],
                   lookup: InspectionLookup | None = None) -> None:
        """Replace the tree (a model reset): groups from ``domain.grouping``, whose entries need
        only each provider's newest inspection; ``lookup`` has the rest."""
        self.beginResetModel()
        self._lookup, self._names = lookup or _NoInspections(), framework_names
        self._root = Node(ALL, "")
        self._root.add(Node(ALL, f"All providers ({total})", tooltip="Every provider in the store"))
        for group in groups:
            _add_group(self._root, group, "group:")
        self._keys = {n.scope.key: n for n in _walk(self._root)}
        self.endResetModel()

    def inspections_arrived(self) -> None:
        """The lookup knows every inspection now: rows for the providers expanded before, and
        every provider's direction of travel."""
        self._travel_changed(self._root)
        for node in self._keys.values():
            inspections = self._lookup.inspections_of(node.scope.provider_id or "") if node.starved else None
            node.starved = False
            if inspections:
                self.beginInsertRows(self.createIndex(node.row(), 0, node), 0, len(inspections) - 1)
                _add_inspections(node, inspections, self._names)
                self.endInsertRows()

    def _travel_changed(self, node: Node) -> None:
        if node.children:
            first = self.createIndex(0, SINCE, node.children[0])
            last = self.createIndex(len(node.children) - 1, SINCE, node.children[-1])
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
        for child in node.children:
            if not isinstance(child.item, Inspection):
                self._travel_changed(child)

    def travel(self, node: Node) -> Travel | None:
        """A provider's latest rating's travel, or an inspection's, once the inspections are known."""
        item = node.item
        if item is None:
            return None
        provider_id = item.provider_id
        inspections = self._lookup.inspections_of(provider_id) or []
        if isinstance(item, Provider):
            return latest_travel(inspections)
        position = next((n for n, i in enumerate(inspections) if i.inspection_id == item.inspection_id), None)
        if position is None:
            return None
        return travel(item, inspections[position + 1] if position + 1 < len(inspections) else None)

    def index_for_key(self, key: str) -> QModelIndex:
        node = self._keys.get(key) or self._inspection_node(key)
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def _inspection_node(self, key: str) -> Node | None:
        inspection = self._lookup.inspection(key.removeprefix("inspection:"))
        owner = self._keys.get(f"provider:{inspection.provider_id}") if inspection else None
        return next((n for n in self._kids(owner) if n.scope.key == key), None) if owner else None

    def _kids(self, node: Node) -> list[Node]:
        """A node's children, making a provider's inspection rows on first use."""
        if node.pending:
            node.pending = False
            inspections = self._lookup.inspections_of(node.scope.provider_id or "")
            node.starved = inspections is None
            _add_inspections(node, inspections or [], self._names)
        return node.children

    def scope(self, index: Index) -> Scope:
        return self._node(index).scope if index.isValid() else ALL

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._kids(self._node(parent))[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._kids(self._node(parent)))

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        node = self._node(parent)
        return parent.column() <= 0 and bool(node.children or node.pending)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == ItemRole:
            return node.item
        if role == RatingRole:
            return node.rating if index.column() == 1 else None
        if index.column() == SINCE:
            return self._since(node, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(node.tooltip or node.label)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            moved = self.travel(node)
            return _accessible(node) + (f", {moved.words}" if moved else "")
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if index.column() == 0 else (node.rating.label if node.rating else "")
        return None

    def _since(self, node: Node, role: int) -> Any:
        moved = self.travel(node) if role in _SINCE_ROLES else None
        if moved is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return moved.short
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{node.label}: {node.rating.label if node.rating else ''}\n"
                                 + moved.words.replace("; ", "\n"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{node.label}, {moved.words}"
        return Qt.AlignmentFlag.AlignCenter

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return "The latest inspection's overall rating"
        return column_title(COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def _node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root


def _add_group(parent: Node, group: Group, prefix: str) -> None:
    key = f"{prefix}{group.label}"
    node = parent.add(Node(Scope(key, group.label, group.provider_ids()), f"{group.label} ({group.count})",
                           tooltip=f"{group.label}: {counted(group.count, 'provider')}"))
    for sub in group.groups:
        _add_group(node, sub, f"{key}/")
    for provider, newest in group.entries:
        _add_provider(node, provider, newest[0] if newest else None)


def _add_provider(parent: Node, provider: Provider, newest: Inspection | None) -> None:
    scope = Scope(f"provider:{provider.provider_id}", provider.name, (provider.provider_id,),
                  provider.provider_id)
    details = " · ".join(x for x in (provider.provider_type, provider.region, provider.owner) if x)
    latest = f"\nLatest rating: {newest.overall.label}" if newest else ""
    parent.add(Node(scope, provider.name, item=provider, rating=newest.overall if newest else None,
                    tooltip=f"{provider.name}\n{details}{latest}", pending=newest is not None))


def _add_inspections(node: Node, inspections: list[Inspection], names: dict[str, str]) -> None:
    provider = node.item
    assert isinstance(provider, Provider)
    for inspection in inspections:
        framework = names.get(inspection.framework_id, inspection.framework_id)
        label = inspection.published.display() + (f" ({inspection.round})" if inspection.round else "")
        node.add(Node(Scope(f"inspection:{inspection.inspection_id}", f"{provider.name}, {label}",
                            (provider.provider_id,), provider.provider_id, inspection.inspection_id),
                      label, item=inspection, rating=inspection.overall,
                      tooltip=f"{provider.name}\nPublished {label}\n{framework}"))


_SINCE_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.TextAlignmentRole)


def _walk(node: Node) -> list[Node]:
    return [node] + [n for child in node.children for n in _walk(child)]


def _accessible(node: Node) -> str:
    if node.rating is None:
        return node.label
    return f"{node.label}, overall rating {node.rating.label}"
