"""File → Import spreadsheet…: the sheet with a preview of its first rows, a saved mapping file
(docs/mapping.md) or a new one built by choosing columns from lists (:mod:`mapping_builder`,
offered as soon as a sheet is chosen without a mapping), and the store to import into — never
the read-only one the window has open.
The import runs in a worker thread with progress; every problem is listed with its row, and the
warnings of an import that went through are listed the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.errors import ImportFailed, InspectorError
from inspector_gui.exchange.sheets import read_sheet
from inspector_gui.reports.sheet_import import import_sheet
from inspector_gui.ui import settings as keys
from inspector_gui.ui.dialogs.mapping_builder import MappingBuilder
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import plain_label
from inspector_gui.ui.workers import QueryRunner

PREVIEW_ROWS = 20
SHEETS = "Spreadsheets (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"
IMPORT_KEY = "import-sheet"


class ImportSheetDialog(QDialog):
    """Choose a sheet, its mapping and a target store, then import in the background."""

    imported = Signal(object)
    """The store path an import wrote to."""

    def __init__(self, parent: QWidget | None, runner: QueryRunner, open_store: Path | None,
                 settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import spreadsheet")
        self._runner, self._open_store, self._settings = runner, open_store, settings
        self.builder: MappingBuilder | None = None
        self.sheet, self.mapping, self.target = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.preview = QTableWidget(self)
        self.preview.setAccessibleName("First rows of the sheet")
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems and warnings")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result = plain_label("", self, wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start)
        self._layout()
        self.sheet.editingFinished.connect(self.show_preview)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Spreadsheet:", self._chooser(self.sheet, self._choose_sheet))
        mapping = self._chooser(self.mapping, self._choose_mapping)
        self.new_mapping_button = QPushButton("&New mapping…", mapping)
        self.new_mapping_button.clicked.connect(self.new_mapping)
        mapping.layout().addWidget(self.new_mapping_button)
        form.addRow("&Mapping file:", mapping)
        form.addRow("Import in&to store:", self._chooser(self.target, self._choose_target))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label("First rows:", self))
        layout.addWidget(self.preview, 2)
        layout.addWidget(plain_label("Problems and warnings (with their rows):", self))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    def _chooser(self, line: QLineEdit, choose) -> QWidget:  # noqa: ANN001 - a bound method
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line, 1)
        button = QPushButton("Choose…", box)
        button.clicked.connect(choose)
        row.addWidget(button)
        box.setFocusProxy(line)  # the label's Alt+letter reaches the field (QLabel focuses its
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # buddy only if that takes focus itself)
        return box

    def _folder(self, line: QLineEdit) -> str:
        """Where a file chooser starts: the chosen file, else the folder last used."""
        return line.text() or self._settings.get(keys.IMPORT_FOLDER)

    def _remember(self, path: str) -> None:
        self._settings.set(keys.IMPORT_FOLDER, str(Path(path).parent))

    def _choose_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Spreadsheet to import", self._folder(self.sheet), SHEETS)
        if path:
            self._remember(path)
            self.sheet.setText(path)
            self.show_preview()
            if not self.mapping.text().strip():
                self.new_mapping()

    def _choose_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Mapping file", self._folder(self.mapping),
                                              "Mapping files (*.toml);;All files (*)")
        if path:
            self._remember(path)
            self.mapping.setText(path)

    def new_mapping(self) -> MappingBuilder | None:
        """Build a mapping for the chosen sheet by choosing its columns; saving it fills in the
        mapping file."""
        sheet = self.sheet.text().strip()
        if not sheet:
            self.problems.setPlainText("Choose the spreadsheet first: a new mapping lists its columns.")
            return None
        if self.builder is not None:
            self.builder.deleteLater()
        self.builder = MappingBuilder(self, Path(sheet), self._settings)
        self.builder.saved.connect(lambda path: self.mapping.setText(str(path)))
        self.builder.open()
        return self.builder

    def _choose_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Store to import into", self.target.text(),
                                              "Inspector stores (*.db *.sqlite);;All files (*)",
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.target.setText(path)

    def show_preview(self) -> None:
        """The first rows of the sheet, as plain text, or the problem reading it."""
        self.preview.clear()
        if not self.sheet.text().strip():
            return
        try:
            sheet = read_sheet(Path(self.sheet.text()))
        except InspectorError as error:
            self.problems.setPlainText(str(error))
            return
        rows = sheet.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(sheet.header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(list(sheet.header))
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in rows])
        for r, (_, cells) in enumerate(rows):
            for c, text in enumerate(cells[:len(sheet.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(text))

    def start(self) -> None:
        """Import in the background; the dialog stays open to show the outcome."""
        sheet, mapping, target = (Path(w.text().strip()) if w.text().strip() else None
                                  for w in (self.sheet, self.mapping, self.target))
        if not (sheet and mapping and target):
            self.problems.setPlainText("Choose a spreadsheet, its mapping file and a store to import into.")
            return
        self.problems.clear()
        self.result.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)
        self._runner.task(IMPORT_KEY, lambda report: import_sheet(
            target, sheet, mapping, refuse=self._open_store, progress=report),
            lambda done: self._done(target, done), self._failed, self._progress, self._aborted, owner=self)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, target: Path, outcome: tuple) -> None:
        report, read = outcome
        self._finish()
        self.problems.setPlainText("\n".join([*(f"warning: {w}" for w in read.warnings), *read.notes]))
        self.result.setText(f"Imported into {target}: {report.summary()}")
        self.imported.emit(target)

    def _failed(self, error: InspectorError) -> None:
        self._finish()
        lines = str(error).splitlines() if isinstance(error, ImportFailed) else [str(error)]
        self.problems.setPlainText("\n".join(lines))
        self.result.setText("Import refused; the store was not changed.")

    def _aborted(self, reason: str) -> None:
        self._finish()
        self.result.setText(f"Import stopped ({reason}); the store was not changed.")

    def _finish(self) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
