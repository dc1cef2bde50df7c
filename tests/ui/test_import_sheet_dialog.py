"""File → Import spreadsheet…: a preview of the sheet, the import in the background into a store
the user chose (which the window then opens), every problem with its row, and never the
read-only store the window has open."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from inspector_gui import paths
from inspector_gui.ui.extensions import open_import
from inspector_gui.ui.main_window import MainWindow

SHEET = paths.data_dir() / "ofsted-ilacs" / "ofsted_csc_ilacs_history.csv"
MAPPING = paths.data_dir() / "ofsted-ilacs.toml"


def _dialog(window: MainWindow, target: Path, mapping: Path = MAPPING):
    dialog = open_import(window)
    dialog.sheet.setText(str(SHEET))
    dialog.show_preview()
    dialog.mapping.setText(str(mapping))
    dialog.target.setText(str(target))
    return dialog


def test_preview_then_import_in_the_background(open_window: Callable[..., MainWindow], store_path: Path,
                                               tmp_path: Path, qtbot: QtBot) -> None:
    window = open_window(store_path)
    target = tmp_path / "ofsted.db"
    dialog = _dialog(window, target)
    assert dialog.preview.rowCount() == 20 and dialog.preview.item(0, 1).text() == "dorset"
    assert dialog.preview.verticalHeaderItem(0).text() == "2"  # the sheet's own row number
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Imported"), timeout=120_000)
    assert "497 inspections" in dialog.result.text()
    assert dialog.problems.toPlainText().count("read as Requires improvement") == 2
    qtbot.waitUntil(lambda: window.current_store_path() == target and not window.is_busy(), timeout=20_000)
    dialog.close()


def test_problems_are_listed_with_their_rows_and_nothing_is_written(
        open_window: Callable[..., MainWindow], store_path: Path, tmp_path: Path, qtbot: QtBot) -> None:
    window = open_window(store_path)
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace(
        'column = "inspection_link"', 'column = "report_url"'), encoding="utf-8")
    target = tmp_path / "new.db"
    dialog = _dialog(window, target, mapping)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Import refused"), timeout=60_000)
    assert f"{SHEET}:1: report_url: no such column" in dialog.problems.toPlainText()
    assert not target.exists()
    dialog.close()


def test_the_open_read_only_store_is_never_written(open_window: Callable[..., MainWindow], store_path: Path,
                                                   qtbot: QtBot) -> None:
    window = open_window(store_path)
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    dialog = _dialog(window, store_path)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Import refused"), timeout=60_000)
    assert "the window has open read-only" in dialog.problems.toPlainText()
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
    dialog.close()
