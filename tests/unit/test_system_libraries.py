"""The README's install line names every Debian/Ubuntu package whose libraries the installed Qt
loads, and nothing Qt does not need: ``ldd`` on the xcb platform plugin and the Qt libraries the app
uses, each library mapped to its package with ``dpkg -S``, checked against the packages on the line
and what they depend on (``apt-cache depends``, from the local package lists). Skipped off Debian."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).parents[2] / "README.md"
QT_LIBS = ("Core", "Gui", "Widgets", "XcbQpa", "DBus", "Svg", "OpenGL", "PrintSupport")
DLOPENED = {"libdbus-1-3"}
"""Loaded with dlopen (QtDBus), so ldd does not list it; the desktop portal and accessibility use it."""

pytestmark = [pytest.mark.needs_qt,
              pytest.mark.skipif(not all(shutil.which(t) for t in ("ldd", "dpkg", "apt-cache")),
                                 reason="needs ldd, dpkg and apt-cache (Debian or Ubuntu)")]


def _readme_packages() -> set[str]:
    line = next(x for x in README.read_text(encoding="utf-8").splitlines() if "apt-get install -y" in x)
    words = re.search(r"apt-get install -y (.*?) &&", line).group(1).split()  # type: ignore[union-attr]
    return set(words) - {"python3-venv"}


def _qt_binaries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [qt / "plugins" / "platforms" / "libqxcb.so",
            *(qt / "lib" / f"libQt6{name}.so.6" for name in QT_LIBS)]


def _packages_qt_loads() -> set[str]:
    paths: set[str] = set()
    for binary in _qt_binaries():
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in out, out
        paths |= {m for m in re.findall(r"=> (/\S+)", out) if "PySide6" not in m}
    owners = subprocess.run(["dpkg", "-S", *sorted(str(Path(p).resolve()) for p in paths)],
                            capture_output=True, text=True).stdout
    return {line.split(":")[0] for line in owners.splitlines() if ":" in line}


def _closure(packages: set[str]) -> set[str]:
    only_depends = ["--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces",
                    "--no-enhances"]
    out = subprocess.run(["apt-cache", "depends", "--recurse", *only_depends, *sorted(packages)],
                         capture_output=True, text=True).stdout
    return {line.split(":")[0] for line in out.splitlines() if line and not line.startswith(" ")}


def test_every_package_on_the_install_line_is_one_qt_loads() -> None:
    unneeded = _readme_packages() - _packages_qt_loads() - DLOPENED
    assert unneeded == set(), f"Qt links no library of {sorted(unneeded)}"


def test_the_install_line_brings_every_library_qt_loads() -> None:
    listed = _readme_packages()
    missing = _packages_qt_loads() - _closure(listed)
    assert missing == set(), f"the install line does not bring {sorted(missing)}"
