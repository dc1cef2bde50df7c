"""The provider tree: "All providers", then groups (with counts), providers (with their latest
overall rating) and each provider's inspections, newest first.

Qt contract: a read-only, two-column ``QAbstractItemModel`` (name, overall rating). Each index's
internal pointer is its :class:`Node`; the model keeps every node alive until the next reset.
Rows are made when first asked for: a group's provider rows when the view first counts them (it
does so when the group is expanded), so a store's arrival makes only the few dozen group rows,
not 2,000 provider rows in one event; a provider's inspection rows when it is first expanded,
from a lookup (the catalogue) that may not know them yet, since the window reads every
inspection after showing the providers: such a provider shows no rows until
:meth:`ProviderTreeModel.inspections_arrived` inserts them. A key (the selection, a named view)
finds its row whether it was made yet or not.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from inspector_gui.domain.grouping import Group, TreeEntry
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
    """A row of the tree. Its parent is held by a weak reference, so a tree has no reference
    cycles: a dropped tree is freed at once, even when the garbage collector no longer looks at
    it (:mod:`inspector_gui.ui.long_lived`)."""

    scope: Scope
    label: str
    children: list[Node] = field(default_factory=list)
    item: Provider | Inspection | None = None
    rating: Rating | None = None
    tooltip: str = ""
    position: int = 0
    pending: bool = False
    """A provider whose inspection rows are not made yet: they wait until it is expanded, so a
    store of thousands of providers builds its tree quickly."""
    members: tuple[TreeEntry, ...] = ()
    """A group's providers whose rows are not made yet (likewise, until the view counts them)."""
    starved: bool = False
    """A provider expanded before its inspections were known."""

    up: weakref.ref[Node] | None = field(default=None, repr=False)

    def add(self, child: Node) -> Node:
        child.up, child.position = weakref.ref(self), len(self.children)
        self.children.append(child)
        return child

    @property
    def parent(self) -> Node | None:
        return self.up() if self.up is not None else None

    def row(self) -> int:
        return self.position


class ProviderTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node(ALL, "")
        self._keys: dict[str, Node] = {}
        """Every row made so far, by key."""
        self._homes: dict[str, Node] = {}
        """Each provider's group, by provider id, whether its row is made yet or not."""
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
        self._keys, self._homes = {}, {}
        for group in groups:
            self._add_group(self._root, group, "group:")
        self._keys[ALL.key] = self._root.children[0]
        self.endResetModel()

    def _add_group(self, parent: Node, group: Group, prefix: str) -> None:
        key = f"{prefix}{group.label}"
        scope = Scope(key, group.label, group.provider_ids())
        node = parent.add(Node(scope, f"{group.label} ({group.count})",
                               tooltip=f"{group.label}: {counted(group.count, 'provider')}",
                               members=group.entries))
        self._keys[key] = node
        self._homes.update(dict.fromkeys((p.provider_id for p, _ in group.entries), node))
        for sub in group.groups:
            self._add_group(node, sub, f"{key}/")

    def inspections_arrived(self) -> None:
        """The lookup knows every inspection now: rows for the providers expanded before, and
        every provider's direction of travel (one layout change: a ``dataChanged`` per group
        cost the tree view 190 ms of GUI-thread time on 2,000 providers)."""
        for node in self._keys.values():
            inspections = self._lookup.inspections_of(node.scope.provider_id or "") if node.starved else None
            node.starved = False
            if inspections:
                self.beginInsertRows(self.createIndex(node.row(), 0, node), 0, len(inspections) - 1)
                _add_inspections(node, inspections, self._names)
                self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()  # rows stay where they were: no persistent index moves

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
        node = self._keys.get(key)
        if node is None and key.startswith("provider:"):
            node = self._provider_node(key.removeprefix("provider:"))
        elif node is None and key.startswith("inspection:"):
            node = self._inspection_node(key)
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def _provider_node(self, provider_id: str) -> Node | None:
        """A provider's row, made (with its group's) if it was not yet."""
        home = self._homes.get(provider_id)
        if home is not None:
            self._kids(home)
        return self._keys.get(f"provider:{provider_id}")

    def _inspection_node(self, key: str) -> Node | None:
        inspection = self._lookup.inspection(key.removeprefix("inspection:"))
        owner = self._provider_node(inspection.provider_id) if inspection else None
        return next((n for n in self._kids(owner) if n.scope.key == key), None) if owner else None

    def _kids(self, node: Node) -> list[Node]:
        """A node's children, making a group's provider rows or a provider's inspection rows on
        first use."""
        if node.members:
            members, node.members = node.members, ()
            for provider, newest in members:
                child = _add_provider(node, provider, newest[0] if newest else None)
                self._keys[child.scope.key] = child
        if node.pending:
            node.pending = False
            inspections = self._lookup.inspections_of(node.scope.provider_id or "")
            node.starved = inspections is None
            _add_inspections(node, inspections or [], self._names)
        return node.children

    def group_rows(self, parent: Index = NO_PARENT) -> int:
        """How many of ``parent``'s rows are groups (or "All providers"), which come first:
        counted without making a group's provider rows."""
        return sum(1 for node in self._node(parent).children if node.item is None)

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
        return parent.column() <= 0 and bool(node.children or node.pending or node.members)

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


def _add_provider(parent: Node, provider: Provider, newest: Inspection | None) -> Node:
    scope = Scope(f"provider:{provider.provider_id}", provider.name, (provider.provider_id,),
                  provider.provider_id)
    details = " · ".join(x for x in (provider.provider_type, provider.region, provider.owner) if x)
    latest = f"\nLatest rating: {newest.overall.label}" if newest else ""
    return parent.add(Node(scope, provider.name, item=provider, rating=newest.overall if newest else None,
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


def _accessible(node: Node) -> str:
    if node.rating is None:
        return node.label
    return f"{node.label}, overall rating {node.rating.label}"
