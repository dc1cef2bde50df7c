"""Remembered state, in one INI file: window geometry and docks, splitters, grouping, filters,
recent stores, the centre tab, the charts' choices and the export dialog's choices.

The file is ``<user config dir>/inspector-gui/inspector-gui.ini`` (``$XDG_CONFIG_HOME`` on Linux,
so tests redirect it); pass a path to use another. Values are stored as JSON so that every type
reads back as it was written, and a value that does not match its default's type falls back to
the default instead of breaking the window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from inspector_gui.store.default import APP_NAME

T = TypeVar("T")
MAX_RECENT = 8


@dataclass(frozen=True)
class Key(Generic[T]):
    """A setting's name and typed default."""

    name: str
    default: T


GROUPING = Key("providers/grouping", "type_region")
SELECTION = Key("providers/selection", "all")
TRAVEL_FILTER = Key("providers/travel_filter", [False, 0])
EVERY_INSPECTION = Key("matrix/every_inspection", False)
MATRIX_FILTERS = Key("matrix/filters", {"provider_type": "", "framework_id": "", "round": "", "year": ""})
MATRIX_SORT = Key("matrix/sort", ["Provider", 0])
FINDINGS_DOMAIN = Key("findings/domain", None)
FINDINGS_KINDS = Key("findings/kinds", ["strength", "improvement", "recommendation"])
FINDINGS_SCOPE = Key("findings/follow_selection", True)
RECENT_STORES = Key("stores/recent", [])
CENTRE_TAB = Key("window/centre_tab", "")
CHARTS = Key("charts/state", {})
BENCHMARK_PEERS = Key("benchmark/peers", {})
"""Peers the user chose, per provider id: ``{provider_id: [peer ids]}``."""
EXPORT_FORMAT = Key("export/format", "pdf")
EXPORT_FOLDER = Key("export/folder", "")
EXPORT_REVEAL = Key("export/reveal", True)
EXPORT_CHART = Key("export/chart", True)


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / f"{APP_NAME}.ini"


class Settings:
    """Typed access to the app's QSettings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: Key[T]) -> T:
        raw = self._qt.value(key.name)
        if raw is None:
            return key.default
        try:
            value = json.loads(str(raw))
        except ValueError:
            return key.default
        return value if _same_kind(value, key.default) else key.default

    def set(self, key: Key[T], value: T) -> None:
        self._qt.setValue(key.name, json.dumps(value))

    def get_bytes(self, name: str) -> QByteArray | None:
        """A Qt state blob (geometry, dock layout, header, splitter), or None when absent."""
        raw = self._qt.value(f"state/{name}")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_bytes(self, name: str, value: QByteArray) -> None:
        self._qt.setValue(f"state/{name}", value)

    def recent_stores(self) -> list[str]:
        return [p for p in self.get(RECENT_STORES) if isinstance(p, str)]

    def add_recent_store(self, path: Path) -> list[str]:
        """Put ``path`` first in the recent list (without duplicates) and return the list."""
        text = str(path.resolve())
        self.set_recent_stores([text] + [p for p in self.recent_stores() if p != text])
        return self.recent_stores()

    def set_recent_stores(self, stores: list[str]) -> None:
        self.set(RECENT_STORES, stores[:MAX_RECENT])

    def sync(self) -> None:
        self._qt.sync()


def _same_kind(value: Any, default: Any) -> bool:
    if default is None:
        return value is None or isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    return isinstance(value, type(default))
