"""Copying a view's selection as tab-separated values with a header row, for spreadsheets."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from inspector_gui.ui.roles import TitleRole


def selection_tsv(view: QAbstractItemView, key_column: int | None = None) -> str:
    """The selected cells as TSV: a header row, then one line per selected row, in view order.

    ``key_column`` (the provider, in the matrix) is always included, so copied cells say whose
    they are. Tabs and line breaks inside values become spaces.
    """
    indexes = view.selectionModel().selectedIndexes() if view.selectionModel() else []
    if not indexes:
        return ""
    model = view.model()
    rows = sorted({i.row() for i in indexes})
    columns = sorted({i.column() for i in indexes} | ({key_column} if key_column is not None else set()))
    lines = ["\t".join(_clean(_title(model, c)) for c in columns)]
    for row in rows:
        lines.append("\t".join(_clean(model.index(row, c, QModelIndex()).data()) for c in columns))
    return "\n".join(lines) + "\n"


def _title(model: QAbstractItemModel, column: int) -> str:
    return model.headerData(column, Qt.Orientation.Horizontal, TitleRole) \
        or model.headerData(column, Qt.Orientation.Horizontal) or ""


def _clean(value: object) -> str:
    return " ".join(str(value if value is not None else "").split())
