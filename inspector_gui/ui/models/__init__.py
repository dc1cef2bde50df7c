"""Item models: thin ``QAbstractItemModel`` adapters over store queries and domain objects."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
"""What Qt passes a model as an index."""
NO_PARENT = QModelIndex()
"""The invalid index: the parent of top-level rows (a shared default argument)."""


READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""Combined once: views ask every painted cell's flags, and ``|`` of two flags runs Python's
``enum`` code each time."""


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """Flags of a read-only item: every valid index is enabled and selectable, nothing else."""
    return READ_ONLY if index.isValid() else Qt.ItemFlag.NoItemFlags


def column_title(titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """``headerData`` for a model whose columns have fixed titles."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
            and 0 <= section < len(titles):
        return titles[section]
    return None
