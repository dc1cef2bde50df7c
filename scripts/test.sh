#!/usr/bin/env bash
# The README's test command: system libraries for Qt and Xvfb, a virtual environment with the
# test extra, ruff, the import contracts (lint-imports, pyproject.toml), then the whole suite (GUI
# tests offscreen, the smoke test on Xvfb, the Qt-free tests once more with Qt unimportable).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    python3-venv xvfb xauth xdotool libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 \
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
    libxcb-render-util0 libxcb-shape0 libxcb-randr0 libglib2.0-0 fonts-dejavu-core \
    poppler-utils >/dev/null
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test,bench]"
.venv/bin/ruff check inspector_gui tests
.venv/bin/lint-imports
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
