"""Markup in every kind of imported text, in a store whose file name is markup too, shown across
the whole app — tree, matrix, findings, details, charts, dialogs, status bar and window title —
then every string Qt would render as rich text is checked: none holds the data's raw markup, and
none loads anything (no image, no file)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QAction, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsTextItem,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector_gui.store import Store
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.dialogs.help import show_about, show_shortcuts
from inspector_gui.ui.extensions import open_export
from inspector_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

FILE_NAME = '<img src=x.png> <b>store & "co".db'  # a file name cannot hold "/", so no closing tag
FRAMEWORK = '<img src="framework.png"> Framework & <u>rules</u>'
DOMAIN = "<h1>Domain</h1> <img src=domain.png>"
STANDARD = "<a href='file:///etc/passwd'>Standard</a> <script>run()</script>"
# Fragments that only the data holds: none may reach a string Qt renders as rich text unescaped.
RAW = ("<img", "<script", "<b>Nowhere", "<b>bold", "<b>store", "<i>markup", "<2>", "/<i>", "<u>",
       "<h1>", "<a href='file", 'href="javascript')
might_be_rich = QtGui.Qt.mightBeRichText  # Qt's own test (QtGui's namespace in PySide6)
ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)


def _write(folder: Path, name: str, rows: list[list[str]]) -> None:
    with (folder / name).open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


@pytest.fixture
def hostile_everywhere(hostile, tmp_path: Path) -> Path:
    """The hostile store plus a framework, domain and standard named in markup, with a rated
    inspection and a finding under them, copied to a file named in markup."""
    folder = tmp_path / "framework"
    folder.mkdir()
    _write(folder, "frameworks.csv", [["framework_id", "name", "applies_to", "points_outstanding",
                                       "points_good", "points_requires_improvement", "points_inadequate"],
                                      ["hostile-fw", FRAMEWORK, "PDU", "3", "2", "1", "0"]])
    _write(folder, "standards.csv", [["framework_id", "domain_code", "domain_name", "standard_code",
                                      "standard_name"], ["hostile-fw", "1", DOMAIN, "1.1", STANDARD]])
    _write(folder, "inspections.csv", [["inspection_id", "provider_id", "framework_id", "published",
                                        "overall_rating", "notes"],
                                       ["hostile-pdu-2025", "hostile-pdu", "hostile-fw", "2025-01", "Good",
                                        "<img src=notes.png>"]])
    _write(folder, "ratings.csv", [["inspection_id", "standard_code", "rating", "basis", "notes"],
                                   ["hostile-pdu-2025", "1.1", "Good", "<b>bold</b> basis",
                                    "<img src=n.png>"]])
    _write(folder, "findings.csv", [["inspection_id", "domain_code", "standard_code", "kind", "text"],
                                    ["hostile-pdu-2025", "1", "1.1", "strength", STANDARD]])
    with Store.open(hostile.path, readonly=False) as store:
        store.import_files([folder])
    named = tmp_path / FILE_NAME
    shutil.copyfile(hostile.path, named)
    return named


class _Recording(QTextDocument):
    """A text document that records every resource (image, style sheet) it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 (Qt's name)
        self.loads.append(url.toString())
        return None


def _images(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(QTextImageFormat(fmt).name())
            iterator += 1
        block = block.next()
    return found


def _rich_problems(text: str, where: str) -> list[str]:
    """What is wrong with ``text``, which Qt renders as rich text at ``where``."""
    problems = [f"{where}: raw {raw!r} in {text!r}" for raw in RAW if raw in text]
    document = _Recording()
    document.setHtml(text)
    document.size()  # lays the document out, which is when images are loaded
    if document.loads or _images(document):
        problems.append(f"{where}: loads {document.loads or _images(document)} from {text!r}")
    return problems


def _tooltip_problems(text: object, where: str) -> list[str]:
    """Tooltips, status tips and What's This text are rich text when they look like it."""
    if isinstance(text, str) and might_be_rich(text):
        return _rich_problems(text, where)
    return []


def _label_problems(label: QLabel) -> list[str]:
    fmt, text = label.textFormat(), label.text()
    where = f"label {label.objectName() or type(label.parent()).__name__}"
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and might_be_rich(text)):
        return _rich_problems(text, where)
    if fmt == Qt.TextFormat.MarkdownText:
        return [f"{where}: markdown {text!r}"] if any(raw in text for raw in RAW) else []
    return []


def _indexes(model, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            yield model.index(row, column, parent)
        yield from _indexes(model, model.index(row, 0, parent))


def _model_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    where = f"{type(model).__name__}"
    problems = [p for index in _indexes(model) for role in ROLES
                for p in _tooltip_problems(index.data(role), f"{where}[{index.row()},{index.column()}]")]
    for orientation, header in _headers(view):
        problems += [p for section in range(header.count()) for p in _tooltip_problems(
            model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole), f"{where} header {section}")]
    return problems


def _headers(view: QAbstractItemView) -> list[tuple[Qt.Orientation, QHeaderView]]:
    if isinstance(view, QTableView):
        return [(Qt.Orientation.Horizontal, view.horizontalHeader()),
                (Qt.Orientation.Vertical, view.verticalHeader())]
    if isinstance(view, QTreeView):
        return [(Qt.Orientation.Horizontal, view.header())]
    return []


def _graphics_problems(view: QGraphicsView) -> list[str]:
    """pyqtgraph draws labels, titles and legends as rich text; chart spots carry tooltips."""
    problems: list[str] = []
    for item in view.scene().items() if view.scene() else []:
        problems += _tooltip_problems(item.toolTip(), f"chart item {type(item).__name__}")
        if isinstance(item, QGraphicsTextItem):
            problems += [f"chart text loads {name}" for name in _images(item.document())]
        points = getattr(item, "points", None)
        if callable(points) and type(item).__name__ == "ScatterPlotItem":
            problems += [p for spot in points() for p in _tooltip_problems(spot.data(), "chart spot")]
    return problems


def _widget_problems(widget: QWidget) -> list[str]:
    problems = _tooltip_problems(widget.toolTip(), f"tooltip of {type(widget).__name__}")
    problems += _tooltip_problems(widget.whatsThis(), f"What's This of {type(widget).__name__}")
    if isinstance(widget, QLabel):
        problems += _label_problems(widget)
    if isinstance(widget, QTabBar):
        problems += [p for i in range(widget.count()) for p in _tooltip_problems(widget.tabToolTip(i), "tab")]
    if isinstance(widget, QTextEdit):
        problems += [f"text edit loads {name}" for name in _images(widget.document())]
    if isinstance(widget, QAbstractItemView):
        problems += _model_problems(widget)
    if isinstance(widget, QGraphicsView):
        problems += _graphics_problems(widget)
    return problems


def _show_everything(qtbot: QtBot, window: MainWindow, settle: Callable[[MainWindow], None],
                     all_findings: Callable[[MainWindow], list[int]]) -> None:
    window.providers.select_key("provider:hostile-pdu")
    settle(window)
    window.matrix.every_action.trigger()
    settle(window)
    all_findings(window)
    window.findings.table.selectRow(0)
    charts = window.findChild(ChartsPanel)
    window.tabs.setCurrentWidget(charts)
    for tab in range(charts.tabs.count()):
        charts.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda: charts.current_figure() is not None, timeout=20_000)
    show_about(window, window.catalogue)
    show_shortcuts(window)
    assert open_export(window) is not None
    with qtbot.waitSignal(window.store_failed, timeout=10_000):
        window.open_store(window.current_store_path().with_name("<img src=x.png> missing.db"))


def test_hostile_text_is_never_rendered_as_markup(qtbot: QtBot, open_window, hostile_everywhere: Path,
                                                  settle, all_findings) -> None:
    window = open_window(hostile_everywhere)
    _show_everything(qtbot, window, settle, all_findings)
    widgets = QApplication.allWidgets()
    problems = [p for widget in widgets for p in _widget_problems(widget)]
    problems += [p for action in window.findChildren(QAction)
                 for p in _tooltip_problems(action.toolTip(), f"action {action.text()}")]
    assert problems == [], "\n".join(problems)
    assert window.windowTitle() == f"{FILE_NAME} — Inspector GUI"
    missing = hostile_everywhere.with_name("<img src=x.png> missing.db")
    boxes = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert f"{missing}: no such file" in boxes
    shown = {w.text() for w in widgets if isinstance(w, QLabel)}
    assert FILE_NAME in " ".join(shown), "the file name is shown literally (status bar)"
    assert '<img src=x.png> Hostile & "Co" PDU' in shown
