"""Architecture guards: the lower layers and the CLI import no Qt, and the pinned PySide6 does
not leak references to None (6.12.0 on Python 3.11 did, and aborted the interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = ["inspector_gui.domain", "inspector_gui.store", "inspector_gui.exchange.readers",
           "inspector_gui.exchange.validate", "inspector_gui.cli", "inspector_gui.domain.summary",
           "inspector_gui.domain.league", "inspector_gui.domain.palette",
           "inspector_gui.domain.grouping", "inspector_gui.domain.matrix", "inspector_gui.reports.summary",
           "inspector_gui.reports.catalogue",
           "inspector_gui.exchange.writers", "inspector_gui.exchange.writers.html_doc",
           "inspector_gui.exchange.writers.pdf_doc", "inspector_gui.domain.chartdata",
           "inspector_gui.domain.chartload", "inspector_gui.reports.national_charts",
           "inspector_gui.reports.provider_charts",
           "inspector_gui.cli.chart", "inspector_gui.charts", "inspector_gui.store.synth",
           "inspector_gui.store.terms", "inspector_gui.bench.run"]


@pytest.mark.parametrize("module", QT_FREE)
def test_module_imports_no_qt(module: str) -> None:
    code = (f"import sys, {module}; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} pulled in {result.stdout.strip()}"


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i}")
    assert sys.getrefcount(None) >= before - 10
