"""The window's actions and menus. Shortcuts come from :mod:`inspector_gui.ui.shortcuts`, icons
from ``resources/icons`` (the desktop theme's icon of the same name wins when there is one).

The File menu has a marked place for actions other parts of the app add (the export dialog):
:meth:`Actions.add_file_action` inserts before the separator above Quit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from inspector_gui import paths
from inspector_gui.store.default import DATASETS
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.text import plain_tooltip

_THEME = {"open": "document-open", "reload": "view-refresh", "copy": "edit-copy", "search": "edit-find",
          "quit": "application-exit", "about": "help-about"}
DOMAIN_SHORTCUTS = 9


def icon(name: str) -> QIcon:
    """A bundled SVG icon, or the theme's icon of the same meaning when the desktop has one."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    fallback = QIcon(str(path)) if path.exists() else QIcon()
    return QIcon.fromTheme(_THEME[name], fallback) if name in _THEME else fallback


class Actions:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.open = self._action("&Open store…", "open", "open")
        self.reload = self._action("&Reload store", "reload", "reload")
        self.quit = self._action("&Quit", "quit", "quit")
        self.copy = self._action("&Copy with headers", "copy", "copy")
        self.find = self._action("&Search findings", "find", "search")
        self.filter_providers = self._action("&Filter providers", "filter_providers")
        self.all_domains = self._action("&All domains", "all_domains")
        self.domains = [self._action(f"Domain button {n}", keys=f"Ctrl+{n}") for n in
                        range(1, DOMAIN_SHORTCUTS + 1)]
        self.next_tab = self._action("&Next tab", "next_tab")
        self.previous_tab = self._action("&Previous tab", "previous_tab")
        self.shortcuts = self._action("&Keyboard shortcuts", "shortcuts")
        self.about = self._action("&About Inspector GUI", icon_name="about")
        self.recent_menu = QMenu("Open &recent", window)
        self.bundled_menu = QMenu("&Bundled data", window)
        self.datasets = {key: self.bundled_menu.addAction(dataset.title.replace("&", "&&"))
                         for key, dataset in DATASETS.items()}
        self.file_menu = window.menuBar().addMenu("&File")
        self._export_anchor = self._fill_file_menu()
        self.edit_menu = window.menuBar().addMenu("&Edit")
        self.edit_menu.addActions([self.copy, self.find, self.filter_providers])
        self.view_menu = window.menuBar().addMenu("&View")
        self.view_menu.addActions([self.next_tab, self.previous_tab])
        self.view_menu.addSeparator()
        self.help_menu = window.menuBar().addMenu("&Help")
        self.help_menu.addActions([self.shortcuts, self.about])

    def _action(self, text: str, shortcut: str | None = None, icon_name: str | None = None,
                keys: str | None = None) -> QAction:
        action = QAction(text, self._window)
        sequence = keys or (keys_for(shortcut) if shortcut else None)
        if sequence:
            action.setShortcut(QKeySequence(sequence))
        if icon_name:
            action.setIcon(icon(icon_name))
        self._window.addAction(action)
        return action

    def _fill_file_menu(self) -> QAction:
        menu = self.file_menu
        menu.addAction(self.open)
        menu.addMenu(self.recent_menu)
        menu.addMenu(self.bundled_menu)
        menu.addAction(self.reload)
        anchor = menu.addSeparator()
        menu.addAction(self.quit)
        return anchor

    def add_file_action(self, action: QAction) -> None:
        """Add an action to the File menu, above Quit (e.g. Export provider summary…, Ctrl+E)."""
        self.file_menu.insertAction(self._export_anchor, action)

    def set_recent(self, stores: list[str], open_store: Callable[[Path], None],
                   clear: Callable[[], None]) -> None:
        """Fill File → Open recent; each entry opens its store."""
        menu = self.recent_menu
        menu.clear()
        for number, store in enumerate(stores, start=1):
            text = store.replace("&", "&&")
            entry = menu.addAction(f"&{number} {text}" if number < 10 else text)
            entry.setToolTip(plain_tooltip(store))  # the default, the text, would be read as markup
            entry.triggered.connect(lambda _=False, p=Path(store): open_store(p))
        if stores:
            menu.addSeparator()
            menu.addAction("Clear menu", clear)
        menu.setEnabled(bool(stores))
