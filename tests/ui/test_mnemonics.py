"""Every Alt+letter reaches something, and no two things a user can reach at once take the same
one: with a clash Qt only moves the focus between them and presses neither (Alt+H went to the
History tab, not the Help menu; Alt+I in the import dialog never pressed Import); a label whose
buddy is a container of a field and its buttons gave the focus to nothing (Alt+M, Alt+T there).
The main window is checked on every tab and chart page, each dialog on each of its pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mapping_choices import fitting_sheet
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from inspector_gui.ui.extensions import open_export, open_import
from inspector_gui.ui.main_window import MainWindow
from ui.mnemonics import clashes, dead_labels, letter


def _problems(top: QWidget) -> dict[str, list[str]]:
    found = clashes(top)
    if dead := dead_labels(top):
        found["labels whose letter reaches nothing"] = dead
    return found


def _every_page(top: QWidget, settle: Callable[[], None] = QApplication.processEvents
                ) -> dict[str, dict[str, list[str]]]:
    """Problems of ``top`` on each page of each of its tab widgets (outer tabs first)."""
    outer = [t for t in top.findChildren(QTabWidget) if t.isVisibleTo(top)]
    if not outer:
        return {"": problem} if (problem := _problems(top)) else {}
    found: dict[str, dict[str, list[str]]] = {}
    for tabs in outer:
        for page in range(tabs.count()):
            tabs.setCurrentIndex(page)
            settle()
            inner = [t for t in top.findChildren(QTabWidget) if t.isVisibleTo(top) and t not in outer]
            for sub in inner or [None]:
                for subpage in range(sub.count() if sub else 1):
                    if sub:
                        sub.setCurrentIndex(subpage)
                    if problem := _problems(top):
                        found[tabs.tabText(page) + (f" > {sub.tabText(subpage)}" if sub else "")] = problem
    return found


def test_the_letter_of_a_text_is_its_first_single_ampersand() -> None:
    assert letter("Fr&om:") == "o" and letter("Bath && Wells") is None and letter("A && &B") == "b"


def test_the_main_window_has_no_clash_on_any_tab(window: MainWindow, settle) -> None:
    window.resize(1400, 900)
    window.providers.select_key("provider:west-yorkshire-crc")
    settle(window)
    assert _every_page(window, lambda: settle(window)) == {}


def test_the_import_export_and_mapping_dialogs_have_no_clash(
        window: MainWindow, settle, tmp_path: Path) -> None:
    importer = open_import(window)
    assert _every_page(importer) == {}
    importer.sheet.setText(str(fitting_sheet(tmp_path)))
    builder = importer.new_mapping()
    assert builder is not None
    assert _every_page(builder) == {}
    window.providers.select_key("provider:west-yorkshire-crc")
    settle(window)
    export = open_export(window)
    assert export is not None
    assert _every_page(export) == {}
