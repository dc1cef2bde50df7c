"""The chart modules imported in a background thread a moment after the window shows, so the
first Charts tab does not freeze it: pyqtgraph with numpy took 334–445 ms to import on the GUI
thread (at 1M findings, measured by the benchmark's first-Charts-tab probe).

Only imports run in the thread (no widget is made there; the figures are still built on the GUI
thread). A chart asked for while the thread is importing waits for the import lock: the stall is
then what is left of the import, not all of it.
"""

from __future__ import annotations

import importlib
import threading

from PySide6.QtCore import QTimer

from inspector_gui.ui.long_lived import keep_long_lived

PRELOAD_DELAY_MS = 1500  # after the window's first paint and the store's first reads
CHART_MODULES = ("inspector_gui.charts.render",)


def preload_charts_later(delay_ms: int = PRELOAD_DELAY_MS) -> None:
    """Start the background import once the event loop has run for ``delay_ms``."""
    QTimer.singleShot(delay_ms, _start)


def _start() -> threading.Thread:
    thread = threading.Thread(target=_import_chart_modules, name="preload-charts", daemon=True)
    thread.start()
    return thread


def _import_chart_modules() -> None:
    for name in CHART_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # the charts panel says so when it draws
            return
    keep_long_lived()  # 62,000 objects of pyqtgraph and numpy the collector need not walk again
