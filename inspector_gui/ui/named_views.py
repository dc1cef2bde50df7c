"""Named views: View → Views saves the window's scope, filters, search, matrix mode and chart
choices under a name in the user's notebook, switches between them (Ctrl+Alt+1 … 9), renames,
deletes, exports one to a JSON file and imports a colleague's; *Reset view* (Ctrl+Alt+0, and a
button in the status bar) goes back to every provider with no filter. Views are applied only
when asked: what the window restores on start is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QToolButton

from inspector_gui.errors import InspectorError
from inspector_gui.exchange.atomic import write_atomic
from inspector_gui.exchange.filenames import file_slug
from inspector_gui.reports.named_views import DEFAULT_STATE, clean_state, read_view_file, view_file_bytes
from inspector_gui.store.notebook import Notebook, notebook_path
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.dialogs.message import plain_message
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import keys_for

VIEW_KEYS = 9
VIEW_FILTER = "Inspector GUI views (*.json);;All files (*)"


def capture(window: MainWindow, charts: ChartsPanel | None) -> dict[str, Any]:
    """What the window shows now, as a view's state."""
    f, m = window.findings.filters, window.matrix
    return clean_state({
        "selection": window.providers.selected_key(), "grouping": window.providers.grouping.value(),
        "every_inspection": m.every_action.isChecked(),
        "matrix_filters": {n: b.value() for n, b in m.filters.items()}, "domain": f.domain(),
        "kinds": [k for k, b in f.kinds.items() if b.isChecked()], "follow_selection": f.follows_selection(),
        "standard": f.standard.value(), "search": f.search.text(), "tag": f.tag.value(),
        "tab": window.tabs.tabText(window.tabs.currentIndex()),
        "charts": charts.save_state() if charts else {}})


def window_state(window: MainWindow) -> dict[str, Any]:
    """What the window shows, as plain data (``inspector-gui --print-state``): the view's state as
    :func:`capture` records it, and the findings page — its query, the total and the ids of the
    rows loaded."""
    model = window.findings.model
    return {"view": capture(window, window.named_views.charts),  # type: ignore[attr-defined]
            "findings": {"query": asdict(model.query), "total": model.total,
                         "ids": [model.finding(row).finding_id for row in range(model.rowCount())]}}


def reset(window: MainWindow, charts: ChartsPanel | None) -> None:
    """Reset view: every provider, no filters (the provider list's text and direction-of-travel
    filters too, which a view does not keep), no search."""
    window.providers.clear_filters()
    apply(window, charts, DEFAULT_STATE)


def apply(window: MainWindow, charts: ChartsPanel | None, state: dict[str, Any]) -> None:
    """Show a view: set every filter quietly, select its scope, then query once."""
    state = clean_state(state)
    f, m = window.findings.filters, window.matrix
    for widget in (f.search, m.every_action, *f.kinds.values()):
        widget.blockSignals(True)
    f.search.setText(state["search"])
    m.every_action.setChecked(state["every_inspection"])
    for kind, button in f.kinds.items():
        button.setChecked(kind in state["kinds"])
    for widget in (f.search, m.every_action, *f.kinds.values()):
        widget.blockSignals(False)
    for name, box in m.filters.items():
        box.set_value(state["matrix_filters"].get(name, ""))
    f.set_domain(state["domain"])
    f.follow.set_value("selection" if state["follow_selection"] else "all")
    f.standard.set_value(state["standard"])
    f.tag.set_value(state["tag"])
    window.providers.grouping.set_value(state["grouping"])
    window.providers.select_key(state["selection"])
    window.providers.rebuild()
    if charts is not None:
        charts.restore_state(state["charts"])
    for index in range(window.tabs.count()):
        if window.tabs.tabText(index) == state["tab"]:
            window.tabs.setCurrentIndex(index)
    window.findings.clear_focus()
    window.matrix.refresh()


class NamedViews(QObject):
    """The Views menu and the Reset view button of a window; views live in the notebook."""

    def __init__(self, window: MainWindow, charts: ChartsPanel | None,
                 notebook: Callable[[], Path] = notebook_path) -> None:
        super().__init__(window)
        self.window, self.charts, self._notebook = window, charts, notebook
        self.ask_name: Callable[[str, str, str], str | None] = self._ask_name
        self.choose_file: Callable[[bool, str], str] = self._choose_file
        self.pick: Callable[[str, str, list[str]], str | None] = self._pick_with_dialog
        self.last_problem: QMessageBox | None = None
        self.menu = QMenu("Vie&ws", window)
        window.commands.view_menu.addMenu(self.menu)
        self.save = self._action("&Save view…", keys_for("save_view"), self.save_current)
        self.reset = self._action("R&eset view", keys_for("reset_view"), lambda: reset(window, charts))
        self.reset_button = QToolButton(window)
        self.reset_button.setDefaultAction(self.reset)
        self.reset_button.setToolTip("Every provider, no filters, no search (Ctrl+Alt+0)")
        window.statusBar().addPermanentWidget(self.reset_button)
        self._keyed = [self._action(f"&{n}", f"Ctrl+Alt+{n}", lambda _=False, n=n: self._open_number(n))
                       for n in range(1, VIEW_KEYS + 1)]
        self.menu.aboutToShow.connect(self.refill)
        self.refill()

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def names(self) -> list[str]:
        try:
            with Notebook.open(self._notebook(), create=False) as notebook:
                return notebook.view_names()
        except InspectorError:
            return []

    def refill(self) -> None:
        """The menu: save, each view (the first nine on Ctrl+Alt+1 … 9), then rename, delete,
        export, import and reset."""
        self.menu.clear()
        self.menu.addAction(self.save)
        self.menu.addSeparator()
        names = self.names()
        for number, action in enumerate(self._keyed, start=1):
            name = names[number - 1] if number <= len(names) else ""
            action.setText(f"&{number} {name.replace('&', '&&')}")
            action.setData(name)
            action.setEnabled(bool(name))
            if name:
                self.menu.addAction(action)
        for name in names[VIEW_KEYS:]:
            self.menu.addAction(name.replace("&", "&&"), lambda n=name: self.open(n))
        self.menu.addSeparator()
        for text, slot in (("&Rename view…", self.rename), ("&Delete view…", self.delete),
                           ("E&xport view…", self.export), ("&Import view…", self.import_)):
            entry = self.menu.addAction(text, slot)
            entry.setEnabled(bool(names) or slot == self.import_)
        self.menu.addSeparator()
        self.menu.addAction(self.reset)

    def _open_number(self, number: int) -> None:
        name = self._keyed[number - 1].data()
        if name:
            self.open(name)

    def open(self, name: str) -> bool:
        """Show the named view; False (and a message) when there is none."""
        try:
            with Notebook.open(self._notebook(), create=False) as notebook:
                state = notebook.view(name)
        except InspectorError as error:
            return self._problem(str(error))
        if state is None:
            return self._problem(f"There is no view called {name!r}.")
        apply(self.window, self.charts, state)
        self.window.status.showMessage(f"Showing the view {name!r}", 5000)
        return True

    def save_current(self) -> None:
        name = self.ask_name("Save view", "Name for what the window shows now:", "")
        if name:
            state = capture(self.window, self.charts)
            self._change(lambda nb: nb.save_view(name, state), f"Saved view {name!r}")

    def rename(self) -> None:
        old = self._pick("Rename view", "View to rename:")
        new = self.ask_name("Rename view", "New name for the view:", old) if old else None
        if old and new:
            self._change(lambda nb: nb.rename_view(old, new), f"Renamed {old!r} to {new!r}")

    def delete(self) -> None:
        name = self._pick("Delete view", "View to delete:")
        if name:
            self._change(lambda nb: nb.delete_view(name), f"Deleted view {name!r}")

    def export(self) -> None:
        name = self._pick("Export view", "View to export:")
        if not name:
            return
        path = self.choose_file(True, f"{file_slug(name)}.json")
        if path:
            try:
                with Notebook.open(self._notebook(), create=False) as notebook:
                    write_atomic(Path(path), view_file_bytes(name, notebook.view(name) or {}), force=True)
            except InspectorError as error:
                self._problem(str(error))
                return
            self.window.status.showMessage(f"Exported view {name!r} to {path}", 5000)

    def import_(self) -> None:
        path = self.choose_file(False, "")
        if not path:
            return
        try:
            name, state = read_view_file(Path(path))
        except InspectorError as error:
            self._problem(str(error))
            return
        self._change(lambda nb: nb.save_view(name, state), f"Imported view {name!r}")

    def _change(self, change: Callable[[Notebook], object], done: str) -> None:
        try:
            with Notebook.open(self._notebook()) as notebook:
                change(notebook)
        except InspectorError as error:
            self._problem(str(error))
            return
        self.refill()
        self.window.status.showMessage(done, 5000)

    def _pick(self, title: str, label: str) -> str | None:
        names = self.names()
        return self.pick(title, label, names) if names else None

    def _pick_with_dialog(self, title: str, label: str, names: list[str]) -> str | None:
        chosen, ok = QInputDialog.getItem(self.window, title, label, names, 0, False)
        return chosen if ok else None

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self.window, title, label, text=text)
        return name if ok and name.strip() else None

    def _choose_file(self, save: bool, suggested: str) -> str:
        if save:
            return QFileDialog.getSaveFileName(self.window, "Export view", suggested, VIEW_FILTER)[0]
        return QFileDialog.getOpenFileName(self.window, "Import view", "", VIEW_FILTER)[0]

    def _problem(self, text: str) -> bool:
        self.last_problem = plain_message(self.window, QMessageBox.Icon.Warning, "Views", text)
        return False


def view_problem(name: str, notebook: Path | None = None) -> str:
    """Why ``inspector-gui --view NAME`` cannot open the view (empty when it can)."""
    try:
        with Notebook.open(notebook or notebook_path(), create=False) as opened:
            if opened.view(name) is not None:
                return ""
            names = opened.view_names()
    except InspectorError as error:
        return str(error)
    known = f"; the views are {', '.join(repr(n) for n in names)}" if names else "; no view is saved yet"
    return f"no view called {name!r}{known}"


def open_when_loaded(window: MainWindow, name: str) -> None:
    """Show the view once the store has loaded (its scope needs the store's providers)."""
    views: NamedViews = window.named_views  # type: ignore[attr-defined]
    window.store_changed.connect(lambda _path: views.open(name), Qt.ConnectionType.SingleShotConnection)
