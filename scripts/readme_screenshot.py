"""The README's screenshot: the window at 1400x900 on the bundled data, West Yorkshire CRC selected
and its findings filtered to domain 2 (Case supervision), as the caption says.

    .venv/bin/python scripts/readme_screenshot.py resources/screenshot.png

Offscreen, with fresh settings (the user's are neither read nor changed)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector_gui.ui.app import _application, wait_until_settled  # noqa: E402
from inspector_gui.ui.extensions import build_window  # noqa: E402
from inspector_gui.ui.main_window import MainWindow  # noqa: E402
from inspector_gui.ui.settings import Settings  # noqa: E402

PROVIDER = "provider:west-yorkshire-crc"
DOMAIN_BUTTON = 2
"""The second domain button, "2 Case supervision" (Ctrl+2)."""
CAPTION = ("The main window on the bundled data: provider tree, rating matrix, and West Yorkshire CRC's "
           "findings filtered by domain (2 Case supervision)")


def prepare(window: MainWindow) -> None:
    """Select the provider and the domain the caption names."""
    window.providers.select_key(PROVIDER)
    window.findings.filters.select_domain(DOMAIN_BUTTON)


def main(path: str) -> int:
    app = _application()
    with tempfile.TemporaryDirectory(prefix="inspector-gui-") as fresh:
        window = build_window(Settings(Path(fresh) / "settings.ini"))
        window.resize(1400, 900)
        window.open_store(None)
        window.show()
        if not wait_until_settled(app, window, 60):
            return 1
        prepare(window)
        if not wait_until_settled(app, window, 60) or not window.grab().save(path, "PNG"):
            return 1
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
