"""Remembered state, in one INI file: window geometry and docks, splitters, grouping, filters,
recent stores, the centre tab, the charts' choices and the export dialog's choices.

The file is ``<user config dir>/inspector-gui/inspector-gui.ini`` (``$XDG_CONFIG_HOME`` on Linux,
so tests redirect it); pass a path to use another. Values are stored as JSON so that every type
reads back as it was written. Every value read is validated: one that is not the shape of its
default (a list of two where a pair is expected, a word where a number is) or fails its key's own
check falls back to the default instead of breaking the window, and is logged once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from inspector_gui.store.default import APP_NAME

T = TypeVar("T")
MAX_RECENT = 8
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Key(Generic[T]):
    """A setting's name and typed default; ``check`` is what a value of the right shape must
    also satisfy."""

    name: str
    default: T
    check: Callable[[Any], bool] | None = None

    def valid(self, value: Any) -> bool:
        return same_shape(value, self.default) and (self.check is None or bool(self.check(value)))


GROUPING = Key("providers/grouping", "type_region")
SELECTION = Key("providers/selection", "all")
TRAVEL_FILTER = Key("providers/travel_filter", [False, 0], lambda v: 0 <= v[1] <= 50)
"""The tree's Worse filter and the years of Older than (0: off)."""
EVERY_INSPECTION = Key("matrix/every_inspection", False)
MATRIX_FILTERS = Key("matrix/filters", {"provider_type": "", "framework_id": "", "round": "", "year": ""})
MATRIX_SORT = Key("matrix/sort", ["Provider", 0], lambda v: v[1] in (0, 1))
FINDINGS_DOMAIN = Key("findings/domain", None)
FINDINGS_KINDS = Key("findings/kinds", ["strength", "improvement", "recommendation"])
FINDINGS_SCOPE = Key("findings/follow_selection", True)
RECENT_STORES = Key("stores/recent", [])
CENTRE_TAB = Key("window/centre_tab", "")
CHARTS = Key("charts/state", {})
BENCHMARK_PEERS = Key("benchmark/peers", {}, lambda v: all(
    isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in v.values()))
"""Peers the user chose, per provider id: ``{provider_id: [peer ids]}``."""
EXPORT_FORMAT = Key("export/format", "pdf")
EXPORT_FOLDER = Key("export/folder", "")
EXPORT_REVEAL = Key("export/reveal", True)
EXPORT_CHART = Key("export/chart", True)
IMPORT_FOLDER = Key("import/folder", "")
"""The folder a spreadsheet or mapping was last chosen in or saved to."""


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / f"{APP_NAME}.ini"


class Settings:
    """Typed access to the app's QSettings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._logged: set[str] = set()

    def get(self, key: Key[T]) -> T:
        """The saved value, or the default when there is none or it is malformed."""
        raw = self._qt.value(key.name)
        if raw is None:
            return key.default
        try:
            value = json.loads(str(raw))
        except (ValueError, RecursionError):
            value = _MALFORMED
        if value is not _MALFORMED and key.valid(value):
            return value
        self._log_once(key, raw)
        return key.default

    def _log_once(self, key: Key[Any], raw: object) -> None:
        if key.name not in self._logged:
            self._logged.add(key.name)
            log.warning("%s: the setting %s holds %.80r, which is not a value it can have; "
                        "using its default", self.path, key.name, raw)

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


_MALFORMED = object()


def same_shape(value: Any, default: Any) -> bool:
    """Whether ``value`` has the shape of ``default``: the same kind of scalar; for a list, a
    pair or tuple of the same kinds when the default mixes kinds, else items of the default's
    kind; for a dict, some of the default's keys with values of their shapes (any text keys
    when the default is empty). ``None`` as a default allows text."""
    if default is None:
        return value is None or isinstance(value, str)
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, list):
        return isinstance(value, list) and _same_list(value, default)
    if isinstance(default, dict):
        return isinstance(value, dict) and _same_dict(value, default)
    return isinstance(value, type(default))


def _same_list(value: list[Any], default: list[Any]) -> bool:
    if not default:
        return True
    if len({type(d) for d in default}) > 1:
        return len(value) == len(default) and all(map(same_shape, value, default))
    return all(same_shape(v, default[0]) for v in value)


def _same_dict(value: dict[Any, Any], default: dict[Any, Any]) -> bool:
    if not default:
        return all(isinstance(k, str) for k in value)
    return set(value) <= set(default) and all(same_shape(value[k], default[k]) for k in value)
