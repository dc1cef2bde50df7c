"""New mapping…: a mapping file built by choosing the sheet's columns from lists (docs/mapping.md).
The pages (:mod:`mapping_pages`) collect the choices; this dialog checks them as the user goes —
the mapping file's own checks, then the sheet's first rows — lists every problem as plain text
with its row and column, previews the rows as they would be imported, and saves the TOML file
that ``inspector import SHEET --mapping FILE`` reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.errors import InspectorError
from inspector_gui.exchange.atomic import write_atomic
from inspector_gui.exchange.mapping_build import MappingChoices, Trial, check, explain, mapping_text
from inspector_gui.exchange.sheets import Sheet, read_sheet, sheet_names
from inspector_gui.ui import settings as keys
from inspector_gui.ui.dialogs.mapping_pages import (
    FrameworkPage,
    JudgementPage,
    ProviderPage,
    ScalePage,
    SheetPage,
    texts,
)
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.text import plain_label

PREVIEW_ROWS = 20
CHECK_DELAY_MS = 200


class MappingBuilder(QDialog):
    """Build a mapping for one sheet and save it."""

    saved = Signal(object)
    """The path of the mapping file written."""

    def __init__(self, parent: QWidget | None, sheet: Path, settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"New mapping for {sheet.name}")
        self._path, self._settings = sheet, settings
        self._sheet: Sheet | None = None
        self.sheet_page, self.provider_page = SheetPage(self), ProviderPage(self)
        self.scale_page, self.framework_page = ScalePage(self), FrameworkPage(self)
        self.judgement_page = JudgementPage(self)
        self.tabs = QTabWidget(self)
        for page, title in ((self.sheet_page, "&1 Sheet && inspectorate"),
                            (self.provider_page, "&2 Provider && dates"), (self.scale_page, "&3 Scale"),
                            (self.framework_page, "&4 Frameworks"), (self.judgement_page, "&5 Judgements")):
            self.tabs.addTab(page, title)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems with the mapping, with their rows and columns")
        self.preview = QTableWidget(self)
        self.preview.setAccessibleName("First rows as they would be imported")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = plain_label("", self, wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton("&Save mapping…", QDialogButtonBox.ButtonRole.ActionRole)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._layout()
        self._connect()
        self.sheet_page.set_sheets(self._sheet_names())
        self.load_sheet()
        self.sheet_page.inspectorate_id.setFocus()

    def _layout(self) -> None:
        results = QWidget(self)
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(plain_label("Problems (each with its row and column):", results))
        column.addWidget(self.problems, 1)
        column.addWidget(plain_label(f"The first {PREVIEW_ROWS} rows as they would be imported:", results))
        column.addWidget(self.preview, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tabs)
        split.addWidget(results)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.tabs, self.problems)
        self.setTabOrder(self.problems, self.preview)
        self.setTabOrder(self.preview, self.save_button)
        room = self.screen().availableGeometry()
        self.resize(min(960, room.width() - 40), min(720, room.height() - 60))

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self._timer.timeout.connect(self.validate)
        for page in (self.sheet_page, self.provider_page, self.scale_page, self.framework_page,
                     self.judgement_page):
            page.changed.connect(self._timer.start)
        self.framework_page.frameworks_changed.connect(
            lambda: self.judgement_page.set_frameworks(self.framework_page.ids()))
        self.sheet_page.sheet.currentIndexChanged.connect(self.load_sheet)
        self.sheet_page.header_row.valueChanged.connect(self.load_sheet)

    def _sheet_names(self) -> list[str]:
        """The workbook's sheets; none for CSV or a file that cannot be read (whose problem
        :meth:`load_sheet` shows)."""
        try:
            return sheet_names(self._path) if self._path.is_file() else []
        except InspectorError:
            return []

    def load_sheet(self) -> None:
        """Read the chosen sheet and header row; every column list then offers its names."""
        try:
            self._sheet = read_sheet(self._path, self.sheet_page.sheet.currentText(),
                                     self.sheet_page.header_row.value())
        except InspectorError as error:
            self._sheet = None
            self.problems.setPlainText(str(error))
            return
        for page in (self.provider_page, self.framework_page, self.judgement_page):
            page.set_columns(self._sheet.header)
        self.validate()

    def choices(self) -> MappingChoices:
        """What the pages say, as the choices a mapping is built from."""
        s, p, sc, f = self.sheet_page, self.provider_page, self.scale_page, self.framework_page
        return MappingChoices(
            sheet=s.sheet.currentText(), header_row=s.header_row.value(),
            inspectorate_id=s.inspectorate_id.text().strip(),
            inspectorate_name=s.inspectorate_name.text().strip(),
            attribution=s.attribution.text().strip(), licence_url=s.licence_url.text().strip(),
            url=s.url.text().strip(), provider_id=p.provider_id.column(),
            provider_id_prefix=p.prefix.text().strip(),
            provider_name=p.name.column(), provider_type=p.type.source(), region=p.region.source(),
            published=p.published.column(), fieldwork_start=p.fieldwork.column(),
            date_format=p.date_format_of(p.date_format),
            fieldwork_format=p.date_format_of(p.fieldwork_format),
            overall=p.overall.column(), source_url=p.source_url.column(), levels=sc.level_choices(),
            not_recorded=texts(sc.not_recorded.text()), not_applicable=texts(sc.not_applicable.text()),
            not_rated=texts(sc.not_rated.text()), rule=f.rule_name(), framework_column=f.column.column(),
            frameworks=tuple(f.items()), judgements=tuple(self.judgement_page.items()))

    def validate(self) -> Trial | None:
        """Check the choices on the sheet's first rows; show the problems and the preview."""
        self._timer.stop()
        if self._sheet is None:
            return None
        trial = check(self.choices(), self._sheet, rows=PREVIEW_ROWS)
        self.problems.setPlainText("\n".join(map(explain, trial.problems)))
        self._show_preview(trial)
        self.status.setText(f"{len(trial.problems)} problems in the mapping or the first rows."
                            if trial.problems else "No problems in the mapping or the first rows.")
        return trial

    def _show_preview(self, trial: Trial) -> None:
        self.preview.clear()
        if trial.batch is None:
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return
        tables = trial.batch.batch.tables
        names = {r.values["provider_id"]: r.values["name"] for r in tables["providers"]}
        codes = list(dict.fromkeys(str(r.values["standard_code"]) for r in tables["standards"]))
        ratings = {(r.values["inspection_id"], r.values["standard_code"]): r.values["rating"]
                   for r in tables["ratings"]}
        header = ["Provider id", "Name", "Framework", "Published", "Fieldwork", "Overall",
                  *(f"Standard {c}" for c in codes), "Source"]
        rows = tables["inspections"]
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(header)
        self.preview.setVerticalHeaderLabels([str(r.line) for r in rows])
        for i, row in enumerate(rows):
            v = row.values
            cells = [v["provider_id"], names.get(v["provider_id"], ""), v["framework_id"], v["published"],
                     v["fieldwork_start"], v["overall_rating"] or "(not recorded)",
                     *(ratings.get((v["inspection_id"], c), "") for c in codes), v["source_url"]]
            for c, text in enumerate(cells):
                self.preview.setItem(i, c, QTableWidgetItem(str(text or "")))

    def save(self) -> Path | None:
        """Write the mapping where the user chooses (the folder is remembered)."""
        trial = self.validate()
        if trial is None or trial.batch is None:
            self.status.setText("Not saved: fix the problems listed above first (a mapping that "
                                "cannot be read would not import).")
            return None
        folder = self._settings.get(keys.IMPORT_FOLDER) or str(self._path.parent)
        name, _ = QFileDialog.getSaveFileName(self, "Save mapping",
                                              str(Path(folder) / f"{self._path.stem}.toml"),
                                              "Mapping files (*.toml);;All files (*)")
        if not name:
            return None
        return self.write(Path(name))

    def write(self, path: Path) -> Path | None:
        """Write the mapping file all or nothing; a failure is a plain line, not a traceback."""
        try:
            write_atomic(path, mapping_text(self.choices()).encode("utf-8"), force=True)
        except InspectorError as error:
            self.status.setText(f"Not saved: {error}")
            return None
        self._settings.set(keys.IMPORT_FOLDER, str(path.parent))
        self.status.setText(f"Saved {path}. Row problems, if any, are reported again when importing.")
        self.saved.emit(path)
        return path
