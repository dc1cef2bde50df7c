"""The chart modules are imported in a background thread, without Qt warnings (which fail the
run) and without making the window wait."""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from inspector_gui.ui import preload


def test_chart_modules_import_in_a_background_thread(qtbot: QtBot) -> None:
    thread = preload._start()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert "inspector_gui.charts.render" in sys.modules
    assert "pyqtgraph" in sys.modules
