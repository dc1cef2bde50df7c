"""Named views as plain data: what a view holds (scope, filters, search, matrix mode, chart
choices), its defaults (what *Reset view* shows), and the small JSON file a view is exported to
and imported from. A view file is untrusted: every value is checked against the type of its
default and anything else is dropped, so a colleague's file can only choose among filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inspector_gui.errors import InspectorError
from inspector_gui.store.notebook import clean_view_name

VIEW_FORMAT = "inspector-gui/view"
VIEW_VERSION = 1
MAX_VIEW_FILE = 256 * 1024
DEFAULT_STATE: dict[str, Any] = {
    "selection": "all",
    "grouping": "type_region",
    "every_inspection": False,
    "matrix_filters": {"provider_type": "", "framework_id": "", "round": "", "year": ""},
    "domain": None,
    "kinds": ["strength", "improvement", "recommendation"],
    "follow_selection": True,
    "standard": "",
    "search": "",
    "tag": "",
    "tab": "Rating matrix",
    "charts": {},
}


class ViewFileError(InspectorError):
    """A view file that cannot be read or is not a view."""


def clean_state(state: object) -> dict[str, Any]:
    """The view's values that have their default's type (strings within them kept short), the
    defaults for the rest."""
    given = state if isinstance(state, dict) else {}
    clean: dict[str, Any] = {}
    for key, default in DEFAULT_STATE.items():
        value = given.get(key, default)
        clean[key] = value if _fits(value, default) else default
    clean["matrix_filters"] = {k: str(v) for k, v in clean["matrix_filters"].items()
                               if k in DEFAULT_STATE["matrix_filters"] and isinstance(v, str)}
    clean["kinds"] = [k for k in clean["kinds"] if k in DEFAULT_STATE["kinds"]]
    clean["charts"] = {k: v for k, v in clean["charts"].items() if isinstance(k, str) and _scalar(v)}
    return clean


def _fits(value: object, default: object) -> bool:
    if default is None:
        return value is None or (isinstance(value, str) and len(value) <= 200)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str) and len(value) <= 2000
    return isinstance(value, type(default))


def _scalar(value: object) -> bool:
    return value is None or (isinstance(value, str | int | float | bool) and len(str(value)) <= 2000)


def view_file_bytes(name: str, state: dict[str, Any]) -> bytes:
    """A view as the JSON file a colleague can import."""
    document = {"format": VIEW_FORMAT, "format_version": VIEW_VERSION, "name": clean_view_name(name),
                "state": clean_state(state)}
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def read_view_file(path: Path) -> tuple[str, dict[str, Any]]:
    """The name and state of a view file; a file that is not one says why in one line."""
    try:
        if path.stat().st_size > MAX_VIEW_FILE:
            raise ViewFileError(f"is too large for a view file (over {MAX_VIEW_FILE // 1024} KB)", path)
        document = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ViewFileError(f"cannot be read ({exc.strerror})", path) from None
    except (UnicodeDecodeError, ValueError):
        raise ViewFileError("is not a view file (not JSON text)", path) from None
    if not isinstance(document, dict) or document.get("format") != VIEW_FORMAT:
        raise ViewFileError(f"is not a view file (no \"format\": \"{VIEW_FORMAT}\")", path)
    version = document.get("format_version")
    if not isinstance(version, int) or version > VIEW_VERSION:
        raise ViewFileError("was written by a newer Inspector GUI; update the app", path)
    try:
        name = clean_view_name(str(document.get("name", "")))
    except InspectorError as exc:
        raise ViewFileError(exc.message, path) from None
    return name, clean_state(document.get("state"))
