"""End to end: the real ``inspector-gui`` on a real X server (Xvfb, the xcb platform), started,
loaded, closed the way a desktop closes it (SIGTERM), with nothing at all on stderr — so no Qt
warning. Skipped only where Xvfb is not installed."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.smoke
APP = Path(sys.executable).with_name("inspector-gui")
TIMEOUT = 60


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on a display number it picks itself (others may run Xvfb too)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], TIMEOUT)
        assert ready, "Xvfb did not report its display"
        yield ":" + os.read(read_end, 32).decode().strip()
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(TIMEOUT)


@pytest.fixture
def gui_env(display: str, tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime))
    return env


def _settings_file() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "inspector-gui" / "inspector-gui.ini"


def test_the_app_starts_loads_the_store_and_closes_cleanly(gui_env: dict[str, str], store_path: Path):
    app = subprocess.Popen([str(APP), str(store_path)], env=gui_env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while str(store_path.resolve()) not in _read(_settings_file()):
            assert app.poll() is None, f"the app exited early: {app.communicate()}"
            assert time.monotonic() < deadline, "the store never finished opening"
            time.sleep(0.2)
        app.send_signal(signal.SIGTERM)
        out, err = app.communicate(timeout=TIMEOUT)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0
    assert err == "" and out == ""
    assert "state" in _read(_settings_file()), "closing saved the window's state"


def test_screenshot_on_xcb_paints_the_loaded_window(gui_env: dict[str, str], store_path: Path,
                                                   tmp_path: Path):
    png = tmp_path / "window.png"
    done = subprocess.run([str(APP), "--screenshot", str(png), "--size", "1200x800", str(store_path)],
                          env=gui_env, capture_output=True, text=True, timeout=TIMEOUT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1200, 800)


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def test_real_input_drill_down_save_chart_shortcut_and_export_message(gui_env: dict[str, str],
                                                                      store_path: Path, tmp_path: Path):
    """Keyboard and mouse through the X server (xdotool): a drill-down after an earlier search
    shows all the cell's findings, Ctrl+Shift+S saves the chart right after a click on the Charts
    tab, and a finished export is announced in the status bar."""
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    out = tmp_path / "out"
    out.mkdir()
    driver = Path(__file__).with_name("xcb_drive.py")
    done = subprocess.run([sys.executable, str(driver), str(store_path), str(out)], env=gui_env,
                          capture_output=True, text=True, timeout=TIMEOUT * 3)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    seen = json.loads(done.stdout)
    drill = seen["drill"]
    assert drill["shown"] == drill["expected"] == 5 and drill["search"] == ""
    assert drill["heading"].startswith("Findings: West Yorkshire CRC, ")
    assert drill["heading"].endswith(" · 2.1 Assessment")
    assert seen["chart"] == {"saved": True, "focus_in_chart": False}
    assert seen["export"] == {"notice": f"Saved the summary of West Yorkshire CRC as wy.md in {out}",
                              "written": True, "notice_on_screen": True}
