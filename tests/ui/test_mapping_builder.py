"""File → Import spreadsheet… → New mapping…: a mapping built by choosing the sheet's columns from
lists and typing into the pages, checked as the user goes (problems with row and column, the
first rows previewed), saved where the user chooses (the folder remembered), and read by
``inspector import`` to the same records the shipped Ofsted mapping gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mapping_choices import SHIPPED, cli_import, fitting_sheet, ilacs_choices, records
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from inspector_gui.exchange.mapping_build import MappingChoices
from inspector_gui.ui import settings as keys
from inspector_gui.ui.dialogs.mapping_builder import MappingBuilder
from inspector_gui.ui.dialogs.mapping_pages import ColumnBox, SourceBox
from inspector_gui.ui.extensions import open_import
from inspector_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.needs_qt


def _type(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.clear()
    qtbot.keyClicks(line, text)


def _pick(box: ColumnBox | QComboBox, name: str) -> None:
    index = box.findData(name)
    assert index >= 0, f"{name!r} is not offered"
    box.setCurrentIndex(index)


def _source(qtbot: QtBot, box: SourceBox, column: str, fixed: str) -> None:
    _pick(box.box, column)
    if fixed:
        _type(qtbot, box.fixed, fixed)


def _enter(qtbot: QtBot, builder: MappingBuilder, c: MappingChoices) -> None:
    """Enter the choices the way a user does: pick columns from the lists, type the rest."""
    s, p, sc, f, j = (builder.sheet_page, builder.provider_page, builder.scale_page, builder.framework_page,
                      builder.judgement_page)
    for line, text in ((s.inspectorate_id, c.inspectorate_id), (s.inspectorate_name, c.inspectorate_name),
                       (s.attribution, c.attribution), (s.licence_url, c.licence_url), (s.url, c.url),
                       (p.prefix, c.provider_id_prefix)):
        _type(qtbot, line, text)
    for box, column in ((p.provider_id, c.provider_id), (p.name, c.provider_name), (p.published, c.published),
                        (p.fieldwork, c.fieldwork_start), (p.overall, c.overall), (p.source_url,
                                                                                   c.source_url)):
        _pick(box, column)
    _source(qtbot, p.type, c.provider_type.column, c.provider_type.fixed)
    _source(qtbot, p.region, c.region.column, c.region.fixed)
    _pick(p.date_format, c.date_format)
    _pick(p.fieldwork_format, c.fieldwork_format)
    sc.set_levels(c.levels)
    for line, values in ((sc.not_recorded, c.not_recorded), (sc.not_applicable, c.not_applicable)):
        _type(qtbot, line, "; ".join(values))
    f.rules[("one", "date", "column").index(c.rule)].click()
    for fw in c.frameworks:
        for line, text in ((f.key, fw.framework_id), (f.name, fw.name), (f.in_use, fw.in_use),
                           (f.notes, fw.notes), (f.start, fw.published_from)):
            _type(qtbot, line, text)
        qtbot.mouseClick(f.add, Qt.MouseButton.LeftButton)
    for jc in c.judgements:
        _pick(j.column, jc.column)
        _pick(j.framework, jc.framework)
        for line, text in ((j.domain, jc.domain), (j.domain_name, jc.domain_name), (j.code, jc.code),
                           (j.name, jc.name), (j.concept, jc.concept)):
            _type(qtbot, line, text)
        qtbot.mouseClick(j.add, Qt.MouseButton.LeftButton)


@pytest.fixture
def builder(open_window: Callable[..., MainWindow], store_path: Path, tmp_path: Path) -> MappingBuilder:
    window = open_window(store_path)
    dialog = open_import(window)
    dialog.sheet.setText(str(fitting_sheet(tmp_path)))
    built = dialog.new_mapping()
    assert built is not None and built.isVisible()
    return built


def test_built_in_the_dialog_saved_and_imported_as_the_shipped_mapping(
        builder: MappingBuilder, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert builder.provider_page.name.findData("la_name") > 0  # the sheet's headers are offered
    _enter(qtbot, builder, ilacs_choices())
    builder.validate()
    assert builder.problems.toPlainText() == ""
    assert builder.preview.rowCount() == 20 and builder.preview.item(0, 1).text() == "Dorset"
    assert builder.preview.verticalHeaderItem(0).text() == "2"
    saved = tmp_path / "saved" / "ilacs.toml"
    saved.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    builder.save_button.click()
    assert saved.is_file() and builder.parent().mapping.text() == str(saved)
    assert builder._settings.get(keys.IMPORT_FOLDER) == str(saved.parent)
    sheet = Path(builder.parent().sheet.text())
    shipped = records(cli_import(sheet, SHIPPED, tmp_path / "shipped.db"))
    assert records(cli_import(sheet, saved, tmp_path / "built.db")) == shipped


def test_problems_are_shown_as_the_user_goes_with_row_and_column(builder: MappingBuilder,
                                                                 qtbot: QtBot) -> None:
    builder.validate()
    assert "2 Provider: Provider id column (provider.id): is missing" in builder.problems.toPlainText()
    assert builder.preview.rowCount() == 0
    _enter(qtbot, builder, ilacs_choices())
    builder.scale_page.levels.removeRow(3)  # no Inadequate: the sheet's "inadequate" cells are refused
    qtbot.waitUntil(lambda: "is not a level" in builder.problems.toPlainText(), timeout=5000)
    line = next(t for t in builder.problems.toPlainText().splitlines() if "'inadequate'" in t)
    assert line.startswith(f"{builder._path}:") and "_grade: 'inadequate' is not a level" in line


def test_save_is_refused_while_the_mapping_cannot_be_read(builder: MappingBuilder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked for a file"))
    builder.save_button.click()
    assert builder.status.text().startswith("Not saved: fix the problems")


def test_a_header_named_like_the_none_choice_stays_a_column(builder: MappingBuilder) -> None:
    box = builder.provider_page.overall
    box.set_columns(("(none)", "x"))
    box.setCurrentIndex(1)
    assert box.column() == "(none)" and box.itemText(0) == "(none)" and box.itemData(0) == ""


def test_keyboard_reaches_every_page(builder: MappingBuilder, qtbot: QtBot) -> None:
    for n in range(5):
        qtbot.keyClick(builder.tabs, Qt.Key.Key_1 + n, Qt.KeyboardModifier.AltModifier)
        assert builder.tabs.currentIndex() == n
    assert builder.tabs.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_a_workbook_that_cannot_be_read_is_a_plain_problem(open_window: Callable[..., MainWindow],
                                                          store_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = open_import(open_window(store_path))
    dialog.sheet.setText(str(bad))
    built = dialog.new_mapping()
    assert str(bad) in built.problems.toPlainText() and built.preview.rowCount() == 0
    assert built.sheet_page.sheet.count() == 0


def test_workbook_sheets_are_offered_and_the_header_row_is_chosen(
        open_window: Callable[..., MainWindow], store_path: Path, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing here"])
    data = book.create_sheet("Ratings")
    data.append(["Published ratings, 2024"])
    data.append(["Code", "Name", "Grade"])
    data.append(["A1", "Alpha", "Good"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    dialog = open_import(open_window(store_path))
    dialog.sheet.setText(str(path))
    built = dialog.new_mapping()
    assert [built.sheet_page.sheet.itemText(i) for i in range(built.sheet_page.sheet.count())] == [
        "Notes", "Ratings"]
    built.sheet_page.sheet.setCurrentText("Ratings")
    built.sheet_page.header_row.setValue(2)
    offered = [built.provider_page.name.itemData(i) for i in range(built.provider_page.name.count())]
    assert offered == ["", "Code", "Name", "Grade"]
    assert built.choices().sheet == "Ratings" and built.choices().header_row == 2


def test_every_field_is_reached_by_its_labels_alt_letter(builder: MappingBuilder, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    for index in range(builder.tabs.count()):
        builder.tabs.setCurrentIndex(index)
        page = builder.tabs.widget(index)
        labels = [lb for lb in page.findChildren(QLabel) if lb.buddy() is not None and "&" in lb.text()]
        letters = [lb.text()[lb.text().index("&") + 1].lower() for lb in labels]
        assert len(letters) == len(set(letters)), f"page {index + 1} repeats a letter: {letters}"
        for label, letter in zip(labels, letters, strict=True):
            if not label.buddy().isEnabled():  # a CSV file has no sheets to choose
                continue
            builder.sheet_page.inspectorate_id.setFocus() if index == 0 else builder.tabs.setFocus()
            qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
            target = label.buddy().focusProxy() or label.buddy()
            focus = QApplication.focusWidget()
            assert focus is target or target.isAncestorOf(focus), f"Alt+{letter} on page {index + 1}"


def test_a_date_format_typed_keeps_its_case(builder: MappingBuilder, qtbot: QtBot) -> None:
    box = builder.provider_page.date_format
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "%d/%m/%y")
    assert builder.provider_page.date_format_of(box) == "%d/%m/%y"
    completer = box.completer()
    completer.setCompletionPrefix("%d/%m/%y")
    assert completer.currentCompletion() == "%d/%m/%y"  # never completed to the four-digit %Y
