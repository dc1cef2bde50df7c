"""The provider tree: "All providers", then groups (with counts), providers (with their latest
overall rating) and each provider's inspections, newest first.

Qt contract: a read-only, two-column ``QAbstractItemModel`` (name, overall rating). Each index's
internal pointer is its :class:`Node`; the model keeps every node alive until the next reset.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from inspector_gui.domain.grouping import Group, TreeEntry
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import Inspection, Provider
from inspector_gui.ui.models import NO_PARENT, Index, column_title, read_only_flags
from inspector_gui.ui.roles import ItemRole, RatingRole
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.text import plain_tooltip

COLUMNS = ("Provider", "Latest rating")


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
    unborn: Callable[[Node], None] | None = None
    """Makes the children on first use: a provider's inspection nodes wait until it is expanded,
    so a store of thousands of providers builds its tree quickly."""

    def add(self, child: Node) -> Node:
        child.parent, child.position = self, len(self.children)
        self.children.append(child)
        return child

    @property
    def kids(self) -> list[Node]:
        if self.unborn is not None:
            grow, self.unborn = self.unborn, None
            grow(self)
        return self.children

    def row(self) -> int:
        return self.position


class ProviderTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node(ALL, "")
        self._keys: dict[str, Node] = {}
        self._owners: dict[str, Node] = {}

    def set_groups(self, groups: Sequence[Group], total: int, framework_names: dict[str, str]) -> None:
        """Replace the tree (a model reset): groups from ``domain.grouping``."""
        self.beginResetModel()
        self._root = Node(ALL, "")
        self._root.add(Node(ALL, f"All providers ({total})", tooltip="Every provider in the store"))
        for group in groups:
            _add_group(self._root, group, "group:", framework_names)
        self._keys = {n.scope.key: n for n in _walk(self._root)}
        self._owners = {i.inspection_id: self._keys[f"provider:{p.provider_id}"]
                        for p, inspections in _entries(groups) for i in inspections}
        self.endResetModel()

    def index_for_key(self, key: str) -> QModelIndex:
        node = self._keys.get(key) or self._inspection_node(key)
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def _inspection_node(self, key: str) -> Node | None:
        owner = self._owners.get(key.removeprefix("inspection:"))
        return next((n for n in owner.kids if n.scope.key == key), None) if owner else None

    def scope(self, index: Index) -> Scope:
        return self._node(index).scope if index.isValid() else ALL

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).kids[row])

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
        return len(self._node(parent).kids)

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        node = self._node(parent)
        return parent.column() <= 0 and bool(node.children or node.unborn)

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
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(node.tooltip or node.label)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _accessible(node)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if index.column() == 0 else (node.rating.label if node.rating else "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_title(COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def _node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root


def _add_group(parent: Node, group: Group, prefix: str, names: dict[str, str]) -> None:
    key = f"{prefix}{group.label}"
    node = parent.add(Node(Scope(key, group.label, group.provider_ids()), f"{group.label} ({group.count})",
                           tooltip=f"{group.label}: {group.count} providers"))
    for sub in group.groups:
        _add_group(node, sub, f"{key}/", names)
    for provider, inspections in group.entries:
        _add_provider(node, provider, inspections, names)


def _add_provider(parent: Node, provider: Provider, inspections: list[Inspection],
                  names: dict[str, str]) -> None:
    latest = inspections[0].overall if inspections else None
    scope = Scope(f"provider:{provider.provider_id}", provider.name, (provider.provider_id,),
                  provider.provider_id)
    details = " · ".join(x for x in (provider.provider_type, provider.region, provider.owner) if x)
    grow = functools.partial(_add_inspections, inspections=tuple(inspections), names=names)
    parent.add(Node(scope, provider.name, item=provider, rating=latest, tooltip=f"{provider.name}\n{details}",
                    unborn=grow if inspections else None))


def _add_inspections(node: Node, inspections: tuple[Inspection, ...], names: dict[str, str]) -> None:
    provider = node.item
    assert isinstance(provider, Provider)
    for inspection in inspections:
        framework = names.get(inspection.framework_id, inspection.framework_id)
        label = inspection.published.display() + (f" ({inspection.round})" if inspection.round else "")
        node.add(Node(Scope(f"inspection:{inspection.inspection_id}", f"{provider.name}, {label}",
                            (provider.provider_id,), provider.provider_id, inspection.inspection_id),
                      label, item=inspection, rating=inspection.overall,
                      tooltip=f"{provider.name}\nPublished {label}\n{framework}"))


def _entries(groups: Sequence[Group]) -> list[TreeEntry]:
    """Every provider entry of these groups, at any depth."""
    return [e for g in groups for e in (*g.entries, *_entries(g.groups))]


def _walk(node: Node) -> list[Node]:
    return [node] + [n for child in node.children for n in _walk(child)]


def _accessible(node: Node) -> str:
    if node.rating is None:
        return node.label
    return f"{node.label}, overall rating {node.rating.label}"
