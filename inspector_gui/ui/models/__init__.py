"""Item models: thin ``QAbstractItemModel`` adapters over store queries and domain objects."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
"""What Qt passes a model as an index."""
NO_PARENT = QModelIndex()
"""The invalid index: the parent of top-level rows (a shared default argument)."""
