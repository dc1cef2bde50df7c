"""The README's screenshot shows what its caption says: a provider's findings filtered by domain,
made by ``scripts/readme_screenshot.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).parents[2]


def _script():
    path = ROOT / "scripts" / "readme_screenshot.py"
    spec = importlib.util.spec_from_file_location("readme_screenshot", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_caption_is_the_state_the_script_shows(window, settle) -> None:
    script = _script()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"![{script.CAPTION}](resources/screenshot.png)" in readme
    script.prepare(window)
    settle(window)
    filters = window.findings.filters
    assert window.current_provider_id() == "west-yorkshire-crc"
    assert filters.domain() == "2" and filters.domains.checkedButton().text() == "2 Case supervision"
    assert window.findings_dock.windowTitle() == "Findings: West Yorkshire CRC"
    image = QImage(str(ROOT / "resources" / "screenshot.png"))
    assert (image.width(), image.height()) == (1400, 900)
