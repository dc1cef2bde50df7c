"""The pinned PySide6 does not leak references to None (6.12.0 on Python 3.11 did, and aborted the
interpreter). Which layers may import Qt is a contract (pyproject.toml, test_import_contract.py),
and test_headless.py runs the Qt-free suite with Qt unimportable."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.needs_qt


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i}")
    assert sys.getrefcount(None) >= before - 10
