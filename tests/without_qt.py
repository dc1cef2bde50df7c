"""A pytest plugin that makes Qt unimportable (``-p without_qt``), as napari's headless test
environment has no Qt: the Qt-free part of the suite (``-m "not needs_qt"``) then proves that the
domain, the store, the readers, the application layer and the CLI start and work without PySide6
or pyqtgraph. Loaded before any conftest, so nothing of ours has been imported yet."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph")


def _qt_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)


class QtBlocker:
    """A meta path finder that refuses Qt as a missing package would (ImportError, as the CLI's
    chart and PDF commands expect when Qt is not installed)."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (Qt is blocked in this run)", name=name)
        return None


if _qt_modules():
    raise pytest.UsageError(f"Qt was imported before the blocker: {', '.join(_qt_modules())}")
sys.meta_path.insert(0, QtBlocker())

