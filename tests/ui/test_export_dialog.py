"""The export dialog driven like a user would: choices, a worker that keeps the window
responsive, the replace question, errors in a dialog, cancel, and the saved file announced."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from pathlib import Path

import pytest
from export_readback import tiny_png
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.errors import ExportError
from inspector_gui.reports.catalogue import load_catalogue
from inspector_gui.ui import export_dialog, export_worker
from inspector_gui.ui import settings as keys
from inspector_gui.ui.export_dialog import ExportDialog
from inspector_gui.ui.settings import Settings
from ui.conftest import Escaping


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def make(qtbot: QtBot, store_path: Path, settings: Settings, provider: str = "west-yorkshire-crc",
         **options: object) -> ExportDialog:
    dialog = ExportDialog(None, load_catalogue(store_path), provider, settings=settings,
                          **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export_to(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_defaults_name_the_file_after_provider_and_date(qtbot: QtBot, store_path: Path,
                                                        settings: Settings) -> None:
    dialog = make(qtbot, store_path, settings)
    assert dialog.windowTitle() == "Export summary: West Yorkshire CRC"
    expected = f"west-yorkshire-crc-summary-{dt.date.today().isoformat()}.pdf"
    assert Path(dialog.path.text()).name == expected
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert Path(dialog.path.text()).name == expected.replace(".pdf", ".md")
    assert not dialog.include_chart.isEnabled()
    assert list(dialog.domain_checks) == [("crc-nps-2018", "1"), ("crc-nps-2018", "2"),
                                          ("crc-nps-2018", "4"), ("", "")]


def test_export_runs_in_a_worker_writes_and_announces(qtbot: QtBot, store_path: Path, settings: Settings,
                                                     tmp_path: Path) -> None:
    dialog = make(qtbot, store_path, settings)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.kind_checks["recommendation"].setChecked(False)
    dialog.domain_checks["crc-nps-2018", "1"].setChecked(False)
    output = tmp_path / "out" / "wy.md"
    output.parent.mkdir()
    saved: list[tuple[object, bool]] = []
    dialog.saved.connect(lambda path, reveal: saved.append((path, reveal)))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        export_to(qtbot, dialog, output)
    text = output.read_text()
    assert text.startswith("# West Yorkshire CRC") and "#### Recommendations" not in text
    assert "### Domain 1:" not in text and "### Domain 2: Case supervision" in text
    assert saved == [(output, True)]  # written, and "open the folder" was ticked
    settings.sync()
    remembered = Settings(settings.path)
    assert remembered.get(keys.EXPORT_FORMAT) == "md"
    assert remembered.get(keys.EXPORT_FOLDER) == str(output.parent)
    again = make(qtbot, store_path, settings)
    assert again.fmt == "md" and Path(again.path.text()).parent == output.parent


def test_existing_file_is_replaced_only_after_yes(qtbot: QtBot, store_path: Path, settings: Settings,
                                                  tmp_path: Path) -> None:
    output = tmp_path / "wy.json"
    output.write_text("keep")
    dialog = make(qtbot, store_path, settings)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    export_to(qtbot, dialog, output)
    box = dialog.replace_box
    assert box is not None and box.isVisible() and "wy.json already exists" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert output.read_text() == "keep" and not dialog.running and dialog.isVisible()
    export_to(qtbot, dialog, output)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.replace_box.button(QMessageBox.StandardButton.Yes),  # type: ignore[union-attr]
                         Qt.MouseButton.LeftButton)
    assert output.read_text().startswith("{")


def test_problems_are_shown_in_a_dialog_and_nothing_is_written(qtbot: QtBot, store_path: Path,
                                                               settings: Settings, tmp_path: Path) -> None:
    dialog = make(qtbot, store_path, settings)
    export_to(qtbot, dialog, tmp_path / "missing" / "wy.pdf")
    assert dialog.error_box is not None and dialog.error_box.isVisible()
    assert "does not exist" in dialog.error_box.text() and dialog.isVisible()
    assert dialog.error_box.textFormat() == Qt.TextFormat.PlainText
    dialog.error_box.close()
    for check in dialog.kind_checks.values():
        check.setChecked(False)
    export_to(qtbot, dialog, tmp_path / "wy.pdf")
    assert "at least one kind" in dialog.error_box.text()
    assert not (tmp_path / "missing").exists() and not (tmp_path / "wy.pdf").exists()


def test_a_bug_in_the_worker_takes_the_one_error_route(qtbot: QtBot, store_path: Path,
                                                       settings: Settings, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the export's work reaches the app's error dialog (sys.excepthook, in the GUI
    thread) like a bug in any query, and the dialog is ready for another try."""
    def broken(*_: object, **__: object) -> Path:
        raise KeyError("bug")

    seen: list[tuple[type, threading.Thread]] = []
    monkeypatch.setattr(export_worker, "write_summary", broken)
    monkeypatch.setattr(sys, "excepthook",
                        lambda kind, exc, tb: seen.append((kind, threading.current_thread())))
    dialog = make(qtbot, store_path, settings)
    export_to(qtbot, dialog, tmp_path / "wy.pdf")
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert seen == [(KeyError, threading.main_thread())]
    assert dialog.status.text() == "The export failed; nothing was written."
    assert dialog.form.isEnabled() and dialog.export_button.isEnabled()
    assert not (tmp_path / "wy.pdf").exists()


def test_a_typed_error_in_the_worker_is_one_plain_message(qtbot: QtBot, store_path: Path,
                                                          settings: Settings, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object, **__: object) -> Path:
        raise ExportError("cannot be written (No space left on device)", tmp_path / "wy.pdf")

    monkeypatch.setattr(export_worker, "write_summary", full)
    dialog = make(qtbot, store_path, settings)
    export_to(qtbot, dialog, tmp_path / "wy.pdf")
    qtbot.waitUntil(lambda: dialog.error_box is not None and dialog.error_box.isVisible(), timeout=20_000)
    expected = f"{tmp_path / 'wy.pdf'}: cannot be written (No space left on device)"
    assert dialog.error_box.text() == expected  # type: ignore[union-attr]
    assert dialog.error_box.detailedText() == ""  # type: ignore[union-attr]


def test_cancel_stops_the_export_and_writes_nothing(qtbot: QtBot, store_path: Path, settings: Settings,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_: object, progress: object, **__: object) -> None:
        for step in range(500):
            progress(step, 500)  # type: ignore[operator]
            time.sleep(0.01)

    monkeypatch.setattr(export_worker, "build_summary", slow)
    dialog = make(qtbot, store_path, settings)
    export_to(qtbot, dialog, tmp_path / "wy.pdf")
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 500, timeout=10_000)
    assert not dialog.form.isEnabled() and not dialog.export_button.isEnabled()
    assert dialog.progress.isVisible() and dialog.status.text() == "Reading the store…"
    with qtbot.waitSignal(dialog.rejected, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected and not (tmp_path / "wy.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_chart_from_the_renderer_is_embedded(qtbot: QtBot, store_path: Path, settings: Settings,
                                             tmp_path: Path) -> None:
    seen: list[ProviderSummary] = []

    def render(summary: ProviderSummary) -> bytes:
        seen.append(summary)
        return tiny_png()

    dialog = make(qtbot, store_path, settings, chart_renderer=render)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.include_chart.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        export_to(qtbot, dialog, tmp_path / "wy.html")
    assert [s.provider.provider_id for s in seen] == ["west-yorkshire-crc"]
    assert len(seen[0].history) == 2
    assert "data:image/png;base64," in (tmp_path / "wy.html").read_text()
    dialog = make(qtbot, store_path, settings, chart_renderer=render)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.include_chart.isEnabled()


def test_imported_names_show_as_plain_text(qtbot: QtBot, hostile_store_path: Path,
                                           settings: Settings) -> None:
    dialog = make(qtbot, hostile_store_path, settings, provider="hostile-pdu")
    assert dialog.windowTitle() == 'Export summary: <img src=x.png> Hostile & "Co" PDU'
    title = dialog.findChildren(export_dialog.QLabel)[0]
    assert title.text() == '<img src=x.png> Hostile & "Co" PDU'
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert Path(dialog.path.text()).name.startswith("hostile-pdu-summary-")


def test_a_bare_file_name_goes_in_the_proposed_folder(qtbot: QtBot, store_path: Path, settings: Settings,
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    settings.set(keys.EXPORT_FOLDER, str(folder))
    dialog = make(qtbot, store_path, settings)
    assert Path(dialog.path.text()).parent == folder
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        export_to(qtbot, dialog, Path("bare.csv"))
    assert (folder / "bare.csv").read_bytes().startswith(b"\xef\xbb\xbfrecord,")


def test_an_imported_id_cannot_move_the_proposed_file_out_of_the_folder(qtbot: QtBot, settings: Settings,
                                                                        escaping: Escaping,
                                                                        tmp_path: Path) -> None:
    settings.set(keys.EXPORT_FOLDER, str(tmp_path))
    dialog = make(qtbot, escaping.path, settings, provider=escaping.provider_id)
    proposed = Path(dialog.path.text())
    assert proposed.parent == tmp_path
    assert proposed.name == f"etc-x-summary-{dt.date.today().isoformat()}.pdf"


def test_the_dialog_writes_an_excel_workbook(qtbot: QtBot, store_path: Path, settings: Settings,
                                             tmp_path: Path) -> None:
    import openpyxl

    dialog = make(qtbot, store_path, settings)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.format.currentText() == "Excel workbook (XLSX)"
    dialog.kind_checks["recommendation"].setChecked(False)
    output = tmp_path / "wy.xlsx"
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        export_to(qtbot, dialog, output)
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Notes", "Inspections", "Ratings", "Findings", "Comparison", "Sources"]
    kinds = {row[8] for row in book["Findings"].iter_rows(min_row=3, values_only=True)}
    assert kinds == {"Strength", "Area for improvement"}
    assert book["Notes"]["A1"].value == "West Yorkshire CRC: inspection summary"


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_cancel_while_the_file_is_written_writes_nothing(fmt: str, qtbot: QtBot, store_path: Path,
                                                        settings: Settings, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, item 12: Cancel pressed while the writer is at work still means no file."""
    from inspector_gui.exchange import writers
    from inspector_gui.exchange.writers import pdf_doc

    writing: list[bool] = []

    def slow_pdf(summary: object, path: Path, chart: object = None) -> int:
        Path(path).write_bytes(b"%PDF-1.4 partial")
        writing.append(True)
        time.sleep(1.5)
        return 1

    def slow_text(summary: object, fmt: str, chart: object = None) -> bytes:
        writing.append(True)
        time.sleep(1.5)
        return b"partial"

    monkeypatch.setattr(pdf_doc, "write_pdf", slow_pdf)
    monkeypatch.setattr(writers, "render_summary", slow_text)
    dialog = make(qtbot, store_path, settings)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    target = tmp_path / f"wy.{fmt}"
    export_to(qtbot, dialog, target)
    qtbot.waitUntil(lambda: bool(writing), timeout=10_000)
    with qtbot.waitSignal(dialog.rejected, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
