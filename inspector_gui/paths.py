"""Where bundled files live: inside the wheel (``inspector_gui/data``) or, in a source checkout
and an editable install, at the top of the repository."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def data_dir() -> Path:
    """The bundled inspection data (the interchange files of ``data/``)."""
    return _bundled("data")


def resources_dir() -> Path:
    """Icons, the stylesheet and the desktop entry."""
    return _bundled("resources")
