"""The pages of the mapping builder: each asks for part of a mapping (the sheet and who inspected,
the provider and dates, the scale and the values that are not ratings, the frameworks and their
rule, the judgements) with the sheet's column names in lists, and gives its part of the
:class:`~inspector_gui.exchange.mapping_build.MappingChoices`. Headers are untrusted text: they
are shown as plain combo-box and table items and carried as item data, never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.exchange.mapping_build import (
    DATE_FORMATS,
    FOUR_WORD,
    FrameworkChoice,
    JudgementChoice,
    LevelChoice,
    Source,
)
from inspector_gui.ui.text import plain_label

NONE = "(none)"
FIXED = "(fixed value)"
EVERY = "(every framework)"


def texts(text: str) -> tuple[str, ...]:
    """A "; "-separated list typed by the user."""
    return tuple(t.strip() for t in text.split(";") if t.strip())


class ColumnBox(QComboBox):
    """A sheet column, chosen from the header's names (or none); the name is the item's data so
    a header that reads "(none)" stays a column."""

    def __init__(self, parent: QWidget, empty: str = NONE) -> None:
        super().__init__(parent)
        self._empty = empty
        self.set_columns(())

    def set_columns(self, columns: tuple[str, ...]) -> None:
        kept = self.column()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._empty, "")
        for name in columns:
            self.addItem(name, name)
        self.blockSignals(False)
        self.set_column(kept)

    def set_column(self, name: str) -> None:
        self.setCurrentIndex(max(self.findData(name), 0))

    def column(self) -> str:
        return self.currentData() or ""


class SourceBox(QWidget):
    """A column, or a fixed value typed in when "(fixed value)" is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.box, self.fixed = ColumnBox(self, FIXED), QLineEdit(self)
        self.box.setAccessibleName(f"{name}: column")
        self.fixed.setAccessibleName(f"{name}: fixed value")
        self.fixed.setPlaceholderText("fixed value for every row")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.fixed, 1)
        self.setFocusProxy(self.box)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its label's Alt+letter reaches the list
        self.box.currentIndexChanged.connect(self._switch)
        self.fixed.textChanged.connect(self.changed)

    def _switch(self) -> None:
        self.fixed.setEnabled(not self.box.column())
        self.changed.emit()

    def source(self) -> Source:
        return Source(self.box.column(), self.fixed.text().strip())


class Page(QWidget):
    """A page whose every edit emits ``changed`` (the dialog checks the mapping again)."""

    changed = Signal()

    def _watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            if isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.changed)
                w.editTextChanged.connect(self.changed)
            elif isinstance(w, QLineEdit):
                w.textChanged.connect(self.changed)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self.changed)
            elif isinstance(w, SourceBox):
                w.changed.connect(self.changed)

    def set_columns(self, columns: tuple[str, ...]) -> None:
        for box in self.findChildren(ColumnBox):
            box.set_columns(columns)


class SheetPage(Page):
    """Which sheet of a workbook, its header row, and the inspectorate."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.sheet, self.header_row = QComboBox(self), QSpinBox(self)
        self.header_row.setRange(1, 1000)
        self.inspectorate_id, self.inspectorate_name = QLineEdit(self), QLineEdit(self)
        self.attribution, self.licence_url, self.url = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.inspectorate_id.setPlaceholderText("a short key, e.g. hmicfrs")
        self.attribution.setPlaceholderText("e.g. the Open Government Licence's wording")
        form = QFormLayout(self)
        form.addRow("S&heet of the workbook:", self.sheet)
        form.addRow("Column names in &row:", self.header_row)
        form.addRow("Inspectorate &key:", self.inspectorate_id)
        form.addRow("Inspectorate &name:", self.inspectorate_name)
        form.addRow("&Attribution:", self.attribution)
        form.addRow("&Licence address:", self.licence_url)
        form.addRow("&Web site:", self.url)
        self._watch(self.inspectorate_id, self.inspectorate_name, self.attribution, self.licence_url,
                    self.url)

    def set_sheets(self, names: list[str]) -> None:
        self.sheet.clear()
        self.sheet.addItems(names)
        self.sheet.setEnabled(bool(names))


class ProviderPage(Page):
    """The provider's id, name, type and region, the dates, the overall rating and the source."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.provider_id, self.prefix = ColumnBox(self), QLineEdit(self)
        self.prefix.setPlaceholderText("e.g. ofsted-: keeps ids of different inspectorates apart")
        self.name = ColumnBox(self)
        self.type, self.region = SourceBox(self, "Type"), SourceBox(self, "Region")
        self.published, self.fieldwork = ColumnBox(self), ColumnBox(self)
        self.date_format, self.fieldwork_format = QComboBox(self), QComboBox(self)
        firsts = ("ISO dates (2024-03-01)", "as published")
        for box, first in zip((self.date_format, self.fieldwork_format), firsts, strict=True):
            box.setEditable(True)
            box.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # %y is not %Y
            box.addItem(first, "")
            for f in DATE_FORMATS:
                box.addItem(f, f)
        self.overall, self.source_url = ColumnBox(self), ColumnBox(self)
        form = QFormLayout(self)
        form.addRow("Provider &id column:", self.provider_id)
        form.addRow("Id &prefix:", self.prefix)
        form.addRow("Provider &name column:", self.name)
        form.addRow("Provider &type:", self.type)
        form.addRow("&Region:", self.region)
        form.addRow("P&ublished column:", self.published)
        form.addRow("&Fieldwork start column:", self.fieldwork)
        form.addRow("&Date format:", self.date_format)
        form.addRow("Fieldwork date f&ormat:", self.fieldwork_format)
        form.addRow("O&verall rating column:", self.overall)
        form.addRow("Source &web address column:", self.source_url)
        self._watch(self.provider_id, self.prefix, self.name, self.type, self.region, self.published,
                    self.fieldwork, self.date_format, self.fieldwork_format, self.overall, self.source_url)

    @staticmethod
    def date_format_of(box: QComboBox) -> str:
        """The chosen format: an item's data, or the pattern typed in."""
        index = box.findText(box.currentText())
        return box.itemData(index) if index >= 0 else box.currentText().strip()


LEVEL_COLUMNS = ("Word", "Short", "Points", "Colour role", "Other values (;)", "Unusual values (;)")


class ScalePage(Page):
    """The scale's levels, best first, and the values that are not ratings."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.levels = QTableWidget(0, len(LEVEL_COLUMNS), self)
        self.levels.setHorizontalHeaderLabels(list(LEVEL_COLUMNS))
        self.levels.setAccessibleName("Levels of the scale, best first")
        self.levels.setTabKeyNavigation(False)
        self.levels.horizontalHeader().setStretchLastSection(True)
        self.add_level = QPushButton("Add &level", self)
        self.remove_level = QPushButton("Re&move level", self)
        self.not_recorded, self.not_applicable, self.not_rated = (QLineEdit(self) for _ in range(3))
        self.not_recorded.setPlaceholderText("e.g. n/a; unreadable (an empty cell always is)")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Levels, best first (roles: best, good, middle, weak, worst):", self))
        layout.addWidget(self.levels, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_level)
        buttons.addWidget(self.remove_level)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.addRow("Not r&ecorded values:", self.not_recorded)
        form.addRow("Not &applicable values:", self.not_applicable)
        form.addRow("Not ra&ted values:", self.not_rated)
        layout.addLayout(form)
        self.set_levels(FOUR_WORD)
        self.add_level.clicked.connect(lambda: self.levels.insertRow(self.levels.rowCount()))
        self.remove_level.clicked.connect(self._remove)
        self.levels.itemChanged.connect(self.changed)
        self.levels.model().rowsInserted.connect(self.changed)
        self.levels.model().rowsRemoved.connect(self.changed)
        self._watch(self.not_recorded, self.not_applicable, self.not_rated)

    def _remove(self) -> None:
        if self.levels.currentRow() >= 0:
            self.levels.removeRow(self.levels.currentRow())

    def set_levels(self, levels: tuple[LevelChoice, ...]) -> None:
        self.levels.setRowCount(len(levels))
        for r, lv in enumerate(levels):
            cells = (lv.word, lv.short, "" if lv.points is None else str(lv.points), lv.role,
                     "; ".join(lv.values), "; ".join(lv.unusual))
            for c, text in enumerate(cells):
                self.levels.setItem(r, c, QTableWidgetItem(text))

    def level_choices(self) -> tuple[LevelChoice, ...]:
        rows = []
        for r in range(self.levels.rowCount()):
            word, short, points, role, values, unusual = (
                (self.levels.item(r, c).text().strip() if self.levels.item(r, c) else "")
                for c in range(len(LEVEL_COLUMNS)))
            if any((word, short, points, role, values, unusual)):
                number = int(points) if points.lstrip("-").isdigit() else None
                rows.append(LevelChoice(word, short, role, number, texts(values), texts(unusual)))
        return tuple(rows)


class ListPage(Page):
    """A form to describe one item, "Add" to list it, and the list with "Remove"."""

    columns: tuple[str, ...] = ()

    def _build(self, form: QFormLayout, add: str) -> QVBoxLayout:
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels(list(self.columns))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add, self.remove = QPushButton(add, self), QPushButton("Remo&ve selected", self)
        self.add.clicked.connect(self.add_from_form)
        self.remove.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        return layout

    def add_row(self, cells: tuple[str, ...], data: object) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(256, data)
            self.table.setItem(row, c, item)
        self.changed.emit()

    def add_from_form(self) -> None:
        raise NotImplementedError

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedItems()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def items(self) -> list:
        return [self.table.item(r, 0).data(256) for r in range(self.table.rowCount())]


class FrameworkPage(ListPage):
    """The frameworks, and how a row's framework is chosen: the only one, by date, or a column."""

    columns = ("Key", "Name", "In use", "Notes", "From (published)")
    frameworks_changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rule = QButtonGroup(self)
        self.rules = [QRadioButton(text, self) for text in (
            "&One framework for every row", "By &publication date (each framework from its date)",
            "By a &column holding the framework's key:")]
        for i, button in enumerate(self.rules):
            self.rule.addButton(button, i)
        self.rules[0].setChecked(True)
        self.column = ColumnBox(self)
        self.key, self.name, self.in_use = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.notes, self.start = QLineEdit(self), QLineEdit(self)
        self.in_use.setPlaceholderText("e.g. 2018-2023")
        self.start.setPlaceholderText("with the rule by date: 2022-09-01")
        form = QFormLayout()
        for button in self.rules[:2]:
            form.addRow(button)
        form.addRow(self.rules[2], self.column)
        form.addRow("Framework &key:", self.key)
        form.addRow("Framework &name:", self.name)
        form.addRow("&In use:", self.in_use)
        form.addRow("No&tes:", self.notes)
        form.addRow("&From date:", self.start)
        self._build(form, "A&dd framework")
        self.rule.idClicked.connect(self.changed)
        self._watch(self.column)
        self.changed.connect(self.frameworks_changed)

    def add_from_form(self) -> None:
        choice = FrameworkChoice(self.key.text().strip(), self.name.text().strip(),
                                 self.in_use.text().strip(),
                                 self.notes.text().strip(), self.start.text().strip())
        self.add_row((choice.framework_id, choice.name, choice.in_use, choice.notes, choice.published_from),
                     choice)
        for line in (self.key, self.name, self.in_use, self.notes, self.start):
            line.clear()
        self.key.setFocus()

    def rule_name(self) -> str:
        return ("one", "date", "column")[max(self.rule.checkedId(), 0)]

    def ids(self) -> list[str]:
        return [f.framework_id for f in self.items()]


class JudgementPage(ListPage):
    """Each judgement column with its framework, domain, code, name and concept."""

    columns = ("Column", "Framework", "Domain", "Domain name", "Code", "Name", "Concept")

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.column, self.framework = ColumnBox(self), QComboBox(self)
        self.domain, self.domain_name, self.code = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name, self.concept = QLineEdit(self), QLineEdit(self)
        self.concept.setPlaceholderText("optional: the same key for standards compared across frameworks")
        form = QFormLayout()
        form.addRow("Judgement &column:", self.column)
        form.addRow("&Framework:", self.framework)
        form.addRow("&Domain code:", self.domain)
        form.addRow("Domain na&me:", self.domain_name)
        form.addRow("Standard c&ode:", self.code)
        form.addRow("Standard &name:", self.name)
        form.addRow("Conc&ept:", self.concept)
        self._build(form, "&Add judgement")
        self.set_frameworks([])

    def set_frameworks(self, ids: list[str]) -> None:
        kept = self.framework.currentData()
        self.framework.clear()
        self.framework.addItem(EVERY, "")
        for name in ids:
            self.framework.addItem(name, name)
        self.framework.setCurrentIndex(max(self.framework.findData(kept), 0))

    def add_from_form(self) -> None:
        choice = JudgementChoice(self.column.column(), self.framework.currentData() or "",
                                 self.domain.text().strip(), self.domain_name.text().strip(),
                                 self.code.text().strip(), self.name.text().strip(),
                                 self.concept.text().strip())
        self.add_row((choice.column, choice.framework or EVERY, choice.domain, choice.domain_name,
                      choice.code,
                      choice.name, choice.concept), choice)
        for line in (self.code, self.name):
            line.clear()
        self.column.setFocus()
