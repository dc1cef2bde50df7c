"""The main window: provider tree (left), rating matrix (centre), inspection detail (right) and
findings (bottom). It composes panels and actions; the panels and models do the work.

Public surface, for panels added by other parts of the app (the charts panel, the export dialog):

Signals
    ``provider_changed(object)``  the selected provider's id (``str``): the tree's provider, or the
                                  provider of the matrix row selected since; ``None`` when a group
                                  or "All providers" is selected and no row.
    ``store_changed(object)``     the ``Path`` of a store that was just opened (or reloaded), or
                                  ``None`` when a damaged store was closed and none is left.
    ``store_failed(object)``      the :class:`InspectorError` of a store that could not be opened
                                  (or failed its integrity check, run in the background).
    ``inspections_loaded()``      the catalogue now holds every inspection (providers and their
                                  newest inspections come first).
    ``saving_state(object)``      the window is saving its state (on close) into this
                                  :class:`Settings`: a panel added from outside saves its own.
Methods
    ``current_provider_id() -> str | None`` and ``current_store_path() -> Path | None``.
    ``current_scope() -> Scope``  the tree selection (all, a group, a provider or an inspection).
    ``catalogue``                 the open store's :class:`Catalogue` (frameworks, providers…), or None;
                                  ``catalogue.complete`` once every inspection has arrived.
    ``show_inspections(ids, label)``  narrow the matrix and the findings to these inspections
                                  (e.g. a clicked bar segment), with a banner to go back.
    ``add_panel(title, widget) -> int``  add a tab beside the matrix in the centre (made current
                                  when it was current at the last close).
    ``add_dock(title, widget, area) -> QDockWidget``  add a dock (listed in the View menu).
    ``add_file_action(action)``   add to the File menu above Quit (Export provider summary…, Ctrl+E).
    ``runner``                    a :class:`QueryRunner`: ``runner.query(key, current_store_path(),
                                  fn, on_done)`` runs ``fn(store)`` off the GUI thread.
    ``open_store(path)``, ``reload()``, ``is_busy()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from inspector_gui.domain.records import MatrixRow
from inspector_gui.errors import InspectorError
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.store.default import DATASETS
from inspector_gui.ui import settings as keys
from inspector_gui.ui.actions import Actions, icon
from inspector_gui.ui.dialogs.errors import notice_box, show_store_error
from inspector_gui.ui.dialogs.help import show_about, show_shortcuts
from inspector_gui.ui.long_lived import keep_long_lived
from inspector_gui.ui.models.rating_matrix import PROVIDER
from inspector_gui.ui.opening import StoreOpener
from inspector_gui.ui.scope import ALL, Scope
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.status import StatusBar, window_title
from inspector_gui.ui.store_watch import StoreWatcher
from inspector_gui.ui.text import mnemonic_safe
from inspector_gui.ui.views.copy import selection_tsv
from inspector_gui.ui.views.empty_state import EmptyState
from inspector_gui.ui.views.findings_panel import FindingsPanel
from inspector_gui.ui.views.inspection_detail import InspectionDetail
from inspector_gui.ui.views.matrix_panel import MatrixPanel
from inspector_gui.ui.views.provider_panel import ProviderPanel
from inspector_gui.ui.views.saved_notice import SavedNotice
from inspector_gui.ui.workers import QueryRunner

NARROW = 1200
_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
STORE_FILTER = "Inspector stores (*.db *.sqlite *.sqlite3);;All files (*)"


class MainWindow(QMainWindow):
    provider_changed = Signal(object)
    store_changed = Signal(object)
    store_failed = Signal(object)
    inspections_loaded = Signal()
    saving_state = Signal(object)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.runner = QueryRunner(self)
        self.watcher = StoreWatcher(self)
        self.opener = StoreOpener(self.runner, self)
        self.catalogue: Catalogue | None = None
        self._scope = ALL
        self._opening = False
        self._busy_checks: list[Callable[[], bool]] = []
        self._detail_wanted: str | None = None
        self._provider_id: str | None = None
        self._store_error: QMessageBox | None = None
        self.setWindowTitle(window_title(None))
        self.setWindowIcon(icon("inspector-gui"))
        self.setAcceptDrops(True)
        self.commands = Actions(self)
        self._build_panels()
        self._build_docks()
        self.status = StatusBar(self, self.runner)
        self.saved = SavedNotice(self)  # "Saved … in …  [Open file] [Open folder]" after an export
        self.status.add_notice(self.saved)
        self._tab_order()
        self._connect()
        self._restore()

    def _build_panels(self) -> None:
        self.providers = ProviderPanel(self)
        self.matrix = MatrixPanel(self.runner, self)
        self.findings = FindingsPanel(self.runner, self)
        self.detail = InspectionDetail(self.runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.matrix, "Rating matrix")
        self.empty = EmptyState(self.commands.open, self)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.empty)
        self.centre.addWidget(self.tabs)
        self.setCentralWidget(self.centre)

    def _build_docks(self) -> None:
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.providers_dock = self.add_dock("Providers", self.providers, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.detail_dock = self.add_dock("Inspection", self.detail, Qt.DockWidgetArea.RightDockWidgetArea)
        self.findings_dock = self.add_dock("Findings", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.matrix.every_action.setShortcut(QKeySequence(keys_for("every_inspection")))
        self.commands.view_menu.addAction(self.matrix.every_action)
        self.commands.view_menu.addSeparator()

    def _tab_order(self) -> None:
        """Tab walks the panels left to right, top to bottom; arrows work inside each view."""
        f = self.findings.filters
        chain = [self.providers.filter, self.providers.grouping, self.providers.tree, self.matrix.toggle,
                 *self.matrix.filters.values(), self.matrix.table, f.search, *f.kinds.values(), f.follow,
                 f.standard, self.findings.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        a = self.commands
        a.open.triggered.connect(self.choose_store)
        a.reload.triggered.connect(self.reload)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.copy_selection)
        a.find.triggered.connect(self.focus_search)
        a.filter_providers.triggered.connect(lambda: self._focus(self.providers_dock, self.providers.filter))
        a.all_domains.triggered.connect(lambda: self.findings.filters.select_domain(0))
        for number, action in enumerate(a.domains, start=1):
            action.triggered.connect(lambda _=False, n=number: self.findings.filters.select_domain(n))
        a.next_tab.triggered.connect(lambda: self._step_tab(1))
        a.previous_tab.triggered.connect(lambda: self._step_tab(-1))
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self))
        a.about.triggered.connect(lambda: show_about(self, self.catalogue))
        for key, action in a.datasets.items():
            action.triggered.connect(lambda _=False, k=key: self.open_dataset(k))
        self.providers.scope_changed.connect(self._scope_changed)
        self.matrix.row_selected.connect(self._row_selected)
        self.matrix.shown.connect(self._matrix_shown)
        self.matrix.findings_requested.connect(self._show_findings)
        self.findings.heading_changed.connect(self._findings_heading)
        self.runner.failed.connect(self._query_failed)
        self.watcher.changed.connect(self._changed_elsewhere)
        self.opener.opened.connect(self._show)
        self.opener.completed.connect(self._inspections_loaded)
        self.opener.trusted.connect(self._remember)
        self.opener.failed.connect(self._open_failed)
        self.opener.warned.connect(lambda error: notice_box(self, "Search index out of date", str(error)))
        self.opener.closed.connect(lambda: self._show(None))

    def _step_tab(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous centre tab, from wherever the focus is
        (the Charts tab's own tabs keep Ctrl+Tab); focus inside the tab left moves to the tab bar,
        where the arrow keys go on and Tab enters the tab."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.tabs.isAncestorOf(focus)
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        if inside:
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Public surface -------------------------------------------------------------------------

    def current_provider_id(self) -> str | None:
        return self._provider_id

    def current_store_path(self) -> Path | None:
        return self.catalogue.path if self.catalogue else None

    def current_scope(self) -> Scope:
        return self._scope

    def show_inspections(self, inspection_ids: Sequence[str], label: str) -> None:
        """Narrow the matrix and the findings to these inspections (a chart's bar segment)."""
        ids = tuple(inspection_ids)
        self.matrix.show_inspections(ids, label)
        self.findings.focus(ids, "", label)
        self.tabs.setCurrentWidget(self.matrix)

    def add_panel(self, title: str, widget: QWidget) -> int:
        """A tab in the centre, after the rating matrix; returns its index."""
        index = self.tabs.addTab(widget, title)
        if title == self.settings.get(keys.CENTRE_TAB):
            self.tabs.setCurrentIndex(index)
        return index

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower().replace(' ', '_')}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.commands.view_menu.addAction(dock.toggleViewAction())
        return dock

    def add_file_action(self, action: QAction) -> None:
        self.commands.add_file_action(action)

    def is_busy(self) -> bool:
        """True while a query, a debounce timer or an attached piece's step (:meth:`add_busy_check`)
        is pending (tests and --screenshot wait on it)."""
        return self.runner.pending() > 0 or self.findings.filters.search.pending() \
            or self.providers.filter.pending() or self.watcher.pending() \
            or any(check() for check in self._busy_checks)

    def add_busy_check(self, check: Callable[[], bool]) -> None:
        """Count the window as busy while ``check()`` is true (a tab's panels still to be made)."""
        self._busy_checks.append(check)

    # Stores ---------------------------------------------------------------------------------

    def open_store(self, path: str | Path | None = None, note: str = "") -> None:
        """Load a store in the background (None: the default store); the window keeps painting
        meanwhile, and checks the store's integrity in the background the first time this
        session. ``note`` is shown in the status bar once it has loaded. On failure a dialog
        names the file and the problem, and the current store (if any) stays open."""
        target = Path(path) if path is not None else None
        self._loading(target.name if target is not None else "the default store")
        self.opener.open(target, self.providers.selected_key(), note)

    def open_dataset(self, key: str) -> None:
        """Open a bundled data set's store (File → Bundled data), built on first use."""
        self._loading(DATASETS[key].title)
        self.opener.open(None, self.providers.selected_key(), "", key)

    def _loading(self, name: str) -> None:
        """Say what is loading; hide what exists now (the modules, the window) from the garbage
        collector first, so a full collection started by the store's reads in a worker, which
        holds the GIL the window paints with, walks only what the reads made."""
        self.status.showMessage(f"Loading {name}…")
        if self.catalogue is None:
            self.empty.show_loading(name)
        keep_long_lived()

    def choose_store(self) -> None:
        start = str(self.current_store_path().parent) if self.current_store_path() else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open store", start, STORE_FILTER)
        if path:
            self.open_store(path)

    def reload(self) -> None:
        if self.catalogue is not None:
            self.open_store(self.catalogue.path)

    def _changed_elsewhere(self, path: Path) -> None:
        """Another program changed the open store (``inspector import`` in a terminal): show its
        new contents, keeping the selection as F5 does."""
        if path == self.current_store_path():
            self.open_store(path, f"{path.name} was changed by another program; showing its new contents")

    def _show(self, catalogue: Catalogue | None, note: str = "") -> None:
        """Show a store in every panel; None when a damaged store was closed and no other is left."""
        self.catalogue = catalogue
        self.detail.set_catalogue(catalogue)
        self._opening = True
        try:
            self.providers.set_catalogue(catalogue)  # restores the selection: its scope is recorded
        finally:
            self._opening = False
        self.findings.set_catalogue(catalogue, self._scope)  # first: its first page is awaited most
        self.matrix.set_catalogue(catalogue, self._scope)
        self._want_detail(self._scope)
        self.empty.show_empty()
        self.centre.setCurrentWidget(self.tabs if catalogue else self.empty)
        path = catalogue.path if catalogue else None
        self.setWindowTitle(window_title(path, catalogue is not None and catalogue.info.synthetic))
        self.status.show_store(catalogue)
        keep_long_lived()  # the catalogue and the tree too, before the matrix and inspections are read
        if note:
            self.status.showMessage(note, 10000)
        if catalogue and catalogue.notice:
            notice_box(self, "Default store set aside", catalogue.notice)
            catalogue.notice = ""
        self.watcher.watch(path)
        self.store_changed.emit(path)

    def _inspections_loaded(self) -> None:
        self.providers.inspections_arrived()
        self.findings.narrow_domains()
        keep_long_lived()  # the catalogue and the tree, until another store is opened
        self.inspections_loaded.emit()

    def _open_failed(self, error: InspectorError) -> None:
        if self.catalogue is None:
            self.empty.show_empty()
        self.status.showMessage(str(error), 10000)
        self._store_problem(error, "Cannot open store")
        self.store_failed.emit(error)

    def _query_failed(self, error: InspectorError) -> None:
        """A query failed: the file was removed, locked or damaged while open. Before the store
        passed its integrity check, that means it did not open."""
        if self.opener.checking():
            self.opener.fail(error)
        else:
            self._store_problem(error)

    def _store_problem(self, error: InspectorError, title: str = "Cannot read the store") -> None:
        """One dialog at a time, not one per panel whose query failed at that moment."""
        if self._store_error is not None and self._store_error.isVisible():
            return
        self._store_error = show_store_error(self, error, title)
        self._store_error.destroyed.connect(lambda: setattr(self, "_store_error", None))

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_store(path)
        self._update_recent()

    def _update_recent(self) -> None:
        self.commands.set_recent(self.settings.recent_stores(), self.open_store, self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.set_recent_stores([])
        self._update_recent()

    # Selection and commands -----------------------------------------------------------------

    def _scope_changed(self, scope: Scope) -> None:
        """The tree's selection changed. While a store opens, the panels get it with the new
        catalogue instead, so that each query runs once."""
        self._scope = scope
        if not self._opening:
            self.matrix.set_scope(scope)
            self.findings.set_scope(scope)
            self._want_detail(scope)
        self._set_provider(scope.provider_id)

    def _set_provider(self, provider_id: str | None) -> None:
        """The provider the charts and the export follow: the tree's, or the matrix row's."""
        self.providers.set_subject(provider_id)
        if provider_id != self._provider_id:
            self._provider_id = provider_id
            self.provider_changed.emit(provider_id)

    def _want_detail(self, scope: Scope) -> None:
        """The detail pane shows the scope's inspection (a provider's newest), taken from the
        matrix's rows when they arrive, since the matrix reads the same row."""
        self._detail_wanted = self._detail_target(scope)
        if self._detail_wanted is None:
            self.detail.show_row(None)

    def _detail_target(self, scope: Scope) -> str | None:
        if scope.inspection_id or self.catalogue is None or scope.provider_id is None:
            return scope.inspection_id
        newest = self.catalogue.newest(scope.provider_id)
        return newest.inspection_id if newest else None

    def _matrix_shown(self) -> None:
        """Feed the detail pane the wanted row; query it only when the matrix filters it out."""
        target, self._detail_wanted = self._detail_wanted, None
        if target is None:
            return
        row = self.matrix.row_of(target)
        if row is not None:
            self.detail.show_row(row)
        else:
            self.detail.show_inspection(target)

    def _row_selected(self, row: MatrixRow | None) -> None:
        """A matrix row is the selection within the tree's: the detail pane, the charts and the
        export follow it too."""
        if row is not None:
            self.detail.show_row(row)
            self._set_provider(row.provider.provider_id)

    def _findings_heading(self, heading: str) -> None:
        """The dock's title says what the findings are of; its View-menu entry stays "Findings"
        (Qt would copy the title, which may quote an imported name, into the entry and its tooltip)."""
        self.findings_dock.setWindowTitle(mnemonic_safe(heading))  # its title bar takes "&" as a mnemonic
        self.findings_dock.toggleViewAction().setText("Findings")

    def _show_findings(self, inspection_ids: tuple[str, ...], standard_code: str, label: str) -> None:
        self.findings.focus(inspection_ids, standard_code, label)
        self.findings_dock.raise_()

    def copy_selection(self) -> None:
        """Ctrl+C: the focused view's selection, with headers, as TSV."""
        focused = QGuiApplication.focusObject()
        for view, key in ((self.matrix.table, PROVIDER), (self.findings.table, None),
                          (self.providers.tree, None)):
            if focused is view or (isinstance(focused, QWidget) and view.isAncestorOf(focused)):
                text = selection_tsv(view, key)
                if text:
                    QGuiApplication.clipboard().setText(text)
                    self.status.showMessage(f"Copied {text.count(chr(10)) - 1} rows with headers", 4000)
                return

    def focus_search(self) -> None:
        self._focus(self.findings_dock, self.findings.filters.search)
        self.findings.filters.search.selectAll()

    def _focus(self, dock: QDockWidget, widget: QWidget) -> None:
        dock.show()
        dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Drag and drop, state -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_store(urls[0].toLocalFile())

    def _restore(self) -> None:
        geometry = self.settings.get_bytes("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        for panel in (self.providers, self.matrix, self.findings):
            panel.restore_state(self.settings)
        state = self.settings.get_bytes("window")
        self._default_docks = state is None or not self.restoreState(state)
        self._update_recent()

    def showEvent(self, event: QShowEvent) -> None:
        """Docks can only be sized once the window has its size: on first show, without saved state."""
        super().showEvent(event)
        if self._default_docks:
            self._default_docks = False
            width, side = self.width(), max(170, self.width() * 16 // 100)
            self.resizeDocks([self.providers_dock, self.detail_dock], [max(200, width * 28 // 100), side],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.findings_dock], [self.height() * 2 // 5], Qt.Orientation.Vertical)
            self.findings.splitter.setSizes([width, side])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Docks keep their share of the window when it is resized (Qt gives every pixel to the
        centre), so a smaller window still shows matrix rows rather than a squeezed header."""
        old = event.oldSize()
        docked = [dock for dock in (self.providers_dock, self.detail_dock, self.findings_dock)
                  if dock.isVisible() and not dock.isFloating()]
        widths = [dock.width() for dock in docked]
        heights = [dock.height() for dock in docked]
        super().resizeEvent(event)
        self._fit_corner(event.size().width())
        if not self.isVisible() or self._default_docks or old.width() <= 0 or old.height() <= 0:
            return
        new = event.size()
        sideways = [d for d in docked if self.dockWidgetArea(d) in _SIDES]
        if sideways and new.width() != old.width():
            self.resizeDocks(sideways, [widths[docked.index(d)] * new.width() // old.width()
                                        for d in sideways], Qt.Orientation.Horizontal)
        stacked = [d for d in docked if d not in sideways]
        if stacked and new.height() != old.height():
            self.resizeDocks(stacked, [heights[docked.index(d)] * new.height() // old.height()
                                       for d in stacked], Qt.Orientation.Vertical)

    def _fit_corner(self, width: int) -> None:
        """Below ``NARROW`` px the findings take the whole bottom edge, under the tree too: their text
        needs the width more than the tree needs the height."""
        areas = Qt.DockWidgetArea
        area = areas.BottomDockWidgetArea if width < NARROW else areas.LeftDockWidgetArea
        if self.corner(Qt.Corner.BottomLeftCorner) != area:
            self.setCorner(Qt.Corner.BottomLeftCorner, area)

    def save_state(self) -> None:
        self.settings.set_bytes("geometry", self.saveGeometry())
        self.settings.set_bytes("window", self.saveState())
        for panel in (self.providers, self.matrix, self.findings):
            panel.save_state(self.settings)
        self.settings.set(keys.CENTRE_TAB, self.tabs.tabText(self.tabs.currentIndex()))
        self.saving_state.emit(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.runner.shutdown()
        super().closeEvent(event)
