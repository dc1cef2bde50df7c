"""The Qt-free part of the suite passes with PySide6, shiboken6 and pyqtgraph unimportable (the
``without_qt`` plugin), as napari runs a headless environment: the domain, the store, the readers,
the application layer and the CLI never need Qt to import or to work, and the commands that do need
it say so in one line. Tests that draw with Qt are marked ``needs_qt`` and left out of that run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_the_qt_free_suite_passes_with_qt_unimportable() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    args = ["-m", "pytest", "-p", "without_qt", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
            "-W", "ignore::pytest.PytestConfigWarning", "-q", "-x", "-m", "not needs_qt",
            "--ignore", str(Path(__file__)), str(TESTS / "unit")]
    result = subprocess.run([sys.executable, *args], cwd=TESTS.parent, env=env, capture_output=True,
                            text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "deselected" in result.stdout
