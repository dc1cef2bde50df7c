"""Opening a store in background steps, so the window paints at once and shows a large store's
providers and findings without waiting for the rest:

1. the catalogue: facts, frameworks, every provider with its newest inspection (``opened``; the
   window shows it and asks for its first findings page);
2. every inspection, indexed in the worker (``completed``);
3. the integrity check (``PRAGMA quick_check``, 0.4 s warm at 1M findings, seconds from a cold
   disk), the first time a file is opened in a session (``trusted`` once it passes; ``warned``
   as well when its search index does not match its findings).

A store that fails its check, or a query while its check is pending, did not open: its pending
results are dropped, the window goes back to the last store known intact (or to none), and
``failed`` carries the error, as for a store that could not be opened at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector_gui.errors import InspectorError
from inspector_gui.reports.catalogue import (
    Catalogue,
    Inspections,
    check_store,
    load_inspections,
    open_catalogue,
)
from inspector_gui.ui.workers import FIRST, LAST, LATER, QueryRunner


class StoreOpener(QObject):
    opened = Signal(object, str)
    """``(catalogue, note)``: show this store (the note in the status bar once shown)."""
    completed = Signal()
    """Every inspection of the shown store has been added to its catalogue."""
    trusted = Signal(object)
    """The ``Path`` of the shown store, now known intact."""
    failed = Signal(object)
    """The :class:`InspectorError` of a store that did not open."""
    warned = Signal(object)
    """The :class:`InspectorError` of a store that opened but whose search cannot be trusted."""
    closed = Signal()
    """The store shown was damaged and no other is left to show."""

    def __init__(self, runner: QueryRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._checked: set[Path] = set()  # resolved paths whose integrity check passed this session
        self._shown: Catalogue | None = None
        self._trusted: Catalogue | None = None

    def open(self, path: Path | None, selected: str = "", note: str = "", dataset: str = "") -> None:
        """Read ``path`` (None: the default store, or that of the bundled data set ``dataset``,
        built on first use) in the background, with the inspections of the provider the tree key
        ``selected`` names."""
        self._runner.submit("open", lambda: open_catalogue(path, selected, dataset),
                            lambda catalogue: self._show(catalogue, note), self.failed.emit, FIRST,
                            owner=self)

    def checking(self) -> bool:
        """True while the shown store's integrity check is pending."""
        return self._shown is not None and self._shown.path.resolve() not in self._checked

    def fail(self, error: InspectorError) -> None:
        """The shown store turned out damaged: drop its results and go back."""
        self._runner.cancel_all()
        previous = self._trusted
        if previous is not None and self._shown is not None and previous.path != self._shown.path:
            self._show(previous, "")
        else:
            self._shown = self._trusted = None
            self.closed.emit()
        self.failed.emit(error)

    def _show(self, catalogue: Catalogue, note: str) -> None:
        self._shown = catalogue
        self.opened.emit(catalogue, note)
        if not catalogue.complete:
            self._runner.submit("inspections", lambda: load_inspections(catalogue.path),
                                lambda inspections: self._complete(catalogue, inspections), priority=LATER,
                                owner=self)
        self._runner.cancel("check")
        if self.checking():
            self._runner.submit("check", lambda: check_store(catalogue.path),
                                lambda problem: self._trust(catalogue, problem), self.fail, priority=LAST,
                                owner=self)
        else:
            self._trust(catalogue)

    def _complete(self, catalogue: Catalogue, inspections: Inspections) -> None:
        catalogue.add_inspections(inspections)
        self.completed.emit()

    def _trust(self, catalogue: Catalogue, problem: str | None = None) -> None:
        self._checked.add(catalogue.path.resolve())
        self._trusted = catalogue
        self.trusted.emit(catalogue.path)
        if problem:
            self.warned.emit(InspectorError(problem, catalogue.path))
