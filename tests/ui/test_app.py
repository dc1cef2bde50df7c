"""The ``inspector-gui`` command: arguments, --screenshot, and one-line errors with exit code 2."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from inspector_gui.ui.app import parse_args, size_argument

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here

APP = Path(sys.executable).with_name("inspector-gui")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(APP), *args], env=env, capture_output=True, text=True, timeout=120)


def test_arguments_have_sensible_defaults():
    args = parse_args([])
    assert (args.store, args.screenshot, args.size) == (None, None, (1400, 900))
    assert parse_args(["x.db", "--size", "800X600"]).size == (800, 600)


@pytest.mark.parametrize("text", ["800", "axb", "100x100", "800x60000"])
def test_bad_sizes_are_refused(text: str):
    with pytest.raises(argparse.ArgumentTypeError):
        size_argument(text)


def test_screenshot_renders_the_loaded_window_at_the_requested_size(store_path: Path, tmp_path: Path):
    png = tmp_path / "shot.png"
    done = _run("--screenshot", str(png), "--size", "900x640", str(store_path))
    assert (done.returncode, done.stderr) == (0, "")
    image = QImage(str(png))
    assert (image.width(), image.height()) == (900, 640)
    colours = {image.pixelColor(x, 200).name() for x in range(0, 900, 3)}
    assert len(colours) > 5, "the matrix's chips are painted, not a blank window"


def test_without_a_store_the_bundled_data_is_built_and_shown(tmp_path: Path):
    png = tmp_path / "default.png"
    done = _run("--screenshot", str(png), "--size", "800x600")
    assert (done.returncode, done.stderr) == (0, "")
    assert (Path(os.environ["XDG_DATA_HOME"]) / "inspector-gui" / "hmip.db").is_file()
    assert QImage(str(png)).width() == 800


def test_screenshot_of_a_bad_store_is_one_line_and_exit_code_2(tmp_path: Path):
    bad = tmp_path / "empty.db"
    bad.write_bytes(b"")
    done = _run("--screenshot", str(tmp_path / "x.png"), str(bad))
    assert done.returncode == 2
    assert done.stderr == f"inspector-gui: {bad}: is an empty file, not a store\n"
    assert not (tmp_path / "x.png").exists()
    assert bad.read_bytes() == b""


def test_a_bad_size_is_one_line_and_exit_code_2():
    done = _run("--size", "huge")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "expected WIDTHxHEIGHT" in done.stderr
