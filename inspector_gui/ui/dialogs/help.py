"""Help menu dialogs: About (version, the open store, where its data comes from) and the
keyboard shortcuts, as a two-column table (keys, action) whose long actions wrap in their own
column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_gui import __version__
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui.dialogs.message import plain_message
from inspector_gui.ui.shortcuts import rows

PROVENANCE = (
    "The bundled data set holds real, published facts about probation inspections in England and "
    "Wales (2018–2025), compiled from HM Inspectorate of Probation's press releases and report "
    "pages, ministers' answers and local news. Every inspection, rating and finding carries the "
    "address it was taken from. Standard-level ratings appear only where a source stated them; "
    "a standard without one is shown as not recorded, never guessed. Findings are short "
    "statements in this project's own words, not quotations."
)


def about_text(catalogue: Catalogue | None) -> str:
    lines = [f"Inspector GUI {__version__}",
             "Read, compare and report on probation inspections in England and Wales.", ""]
    if catalogue is not None:
        info = catalogue.info
        counts = ", ".join(f"{n} {t}" for t, n in info.counts.items())
        lines += [f"Store: {info.path}", f"Contents: {counts}",
                  f"Standard ratings recorded: {info.ratings_recorded} of {info.ratings_possible}",
                  f"Data as at: {info.as_at or 'unknown'}"]
        if info.synthetic:
            lines.append("SYNTHETIC DATA: generated for testing, not real inspections.")
        if info.inspectorates:
            lines.append(f"Inspectorates: {', '.join(info.inspectorates)}")
        if info.attribution:
            lines.append(info.attribution)
        lines.append("")
    if catalogue is None or "HM Inspectorate of Probation" in catalogue.info.inspectorates:
        lines.append(PROVENANCE)
    return "\n".join(lines)


def show_about(parent: QWidget | None, catalogue: Catalogue | None) -> QMessageBox:
    return plain_message(parent, QMessageBox.Icon.Information, "About Inspector GUI", about_text(catalogue))


def shortcuts_table(parent: QWidget | None = None) -> QTableWidget:
    """Keys in the first column (sized to fit), what they do in the second (wrapping)."""
    entries = rows()
    table = QTableWidget(len(entries), 2, parent)
    table.setHorizontalHeaderLabels(["Keys", "Action"])
    for row, (keys, action) in enumerate(entries):
        for column, text in enumerate((keys, action)):
            item = QTableWidgetItem(text)  # item text is plain text, never markup
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, column, item)
    table.setAccessibleName("Keyboard shortcuts")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ShortcutsDialog(QDialog):
    """The shortcuts table with a Close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = shortcuts_table(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(660, 470)  # every row in view, the longest action on one line


def show_shortcuts(parent: QWidget | None) -> ShortcutsDialog:
    """Open the shortcuts dialog without blocking the window."""
    dialog = ShortcutsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
