"""Drive the real window on a real X server with real input (xdotool: XTEST key presses and mouse
clicks at the widgets' screen positions), for the smoke test: a drill-down after an earlier
search, Ctrl+Shift+S after clicking the Charts tab, and an export's announcement. Prints one JSON
object of what it saw; run as ``python tests/xcb_drive.py STORE OUTDIR`` with DISPLAY set.

The app runs in this process so the driver can read the widgets; only the save dialog is answered
in code (a native file dialog is not what is under test)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.ui.app import _application
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.export_dialog import ExportDialog
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.settings import Settings

TIMEOUT = 30.0
WEST_YORKSHIRE = "west-yorkshire-crc"


def pump(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def wait(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"xcb_drive: timed out waiting for {what}")
        pump(0.05)


def xdo(*args: str) -> None:
    """Run xdotool while the event loop keeps running (the app must see the input arrive)."""
    tool = subprocess.Popen(["xdotool", *args])
    while tool.poll() is None:
        pump(0.02)
    pump(0.3)


def click(widget: QWidget, rect: QRect | None = None, double: bool = False) -> None:
    point = widget.mapToGlobal((rect or widget.rect()).center())
    repeat = ["--repeat", "2", "--delay", "80"] if double else []
    xdo("mousemove", str(point.x()), str(point.y()), "click", *repeat, "1")


def settled(window: MainWindow) -> None:
    pump(0.2)
    wait(lambda: not window.is_busy(), "the window's queries")
    pump(0.2)


def drill_down(window: MainWindow, store: Store) -> dict[str, object]:
    """Search "risk of harm", select West Yorkshire CRC, double-click its 2.1 cell."""
    click(window.findings.filters.search)
    xdo("type", "--delay", "40", "risk of harm")
    settled(window)
    tree, model = window.providers.tree, window.providers.model
    index = model.index_for_key(f"provider:{WEST_YORKSHIRE}")
    tree.expand(index.parent())
    tree.scrollTo(index)
    pump(0.2)
    click(tree.viewport(), tree.visualRect(index))
    settled(window)
    matrix, table = window.matrix.model, window.matrix.table
    inspection = store.inspections(WEST_YORKSHIRE)[0]
    row = next(r for r in range(matrix.rowCount()) if matrix.row_at(r).inspection == inspection)
    column = next(c for c in range(matrix.columnCount())
                  if matrix.standard_at(c) is not None and matrix.standard_at(c).title.startswith("2.1 "))
    cell = matrix.index(row, column)
    table.scrollTo(cell)
    pump(0.2)
    click(table.viewport(), table.visualRect(cell), double=True)
    settled(window)
    expected = store.count_findings(FindingQuery(inspection_ids=(inspection.inspection_id,),
                                                 standard_code="2.1"))
    return {"shown": window.findings.model.total, "expected": expected,
            "search": window.findings.filters.search.text(), "heading": window.findings_dock.windowTitle()}


def save_chart(window: MainWindow, out: Path) -> dict[str, object]:
    """Click the Charts tab (the focus stays where it was), press Ctrl+Shift+S."""
    target = out / "chart.png"
    QFileDialog.getSaveFileName = lambda *_a, **_k: (str(target), "")  # type: ignore[method-assign]
    panel = window.findChild(ChartsPanel)
    bar = window.tabs.tabBar()
    click(bar, bar.tabRect(window.tabs.indexOf(panel)))
    wait(lambda: panel.current_figure() is not None and panel.current_figure().isVisible(), "the chart")
    focus = QApplication.focusWidget()
    xdo("key", "--clearmodifiers", "ctrl+shift+s")
    pump(0.5)
    return {"saved": target.is_file() and target.read_bytes()[:4] == b"\x89PNG",
            "focus_in_chart": bool(focus and panel.current_figure().isAncestorOf(focus))}


def export(window: MainWindow, out: Path) -> dict[str, object]:
    """Ctrl+E, choose Markdown, untick "open the folder", click Export."""
    xdo("key", "--clearmodifiers", "ctrl+e")
    wait(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)), "the export dialog")
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(out / "wy.md"))
    dialog.reveal.setChecked(False)
    pump(0.3)
    click(dialog.export_button)
    wait(lambda: window.saved.isVisible(), "the saved-file message")
    pump(0.3)
    return {"notice": window.saved.label.text(), "written": (out / "wy.md").is_file(),
            "notice_on_screen": window.saved.visibleRegion().boundingRect().width() > 0}


def main(store_path: str, out_dir: str) -> int:
    out = Path(out_dir)
    app = _application()
    window = build_window(Settings(out / "settings.ini"))
    window.resize(1400, 900)
    window.move(0, 0)
    window.open_store(store_path)
    window.show()
    settled(window)
    status = window.statusBar()
    click(status, QRect(QPoint(status.width() // 2, 0), status.rect().bottomRight()))  # focus, as a WM would
    results: dict[str, object] = {}
    with Store.open(Path(store_path)) as store:
        results["drill"] = drill_down(window, store)
    results["chart"] = save_chart(window, out)
    results["export"] = export(window, out)
    print(json.dumps(results))
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
