"""Tabs whose panel is made when first needed, so that importing and building it is not part of
the app's start: the tab bar shows every tab from the first paint, each holding a placeholder
that makes its panel (and puts it inside itself) when the tab is first shown or :meth:`LazyTab.panel`
is first asked for (a menu action, a shortcut, a named view). Once the store has loaded,
:func:`build_when_idle` imports the panels' modules in a worker thread and then builds one panel
per event-loop turn, so a tab's first showing is not slow either.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from inspector_gui.ui.workers import LATER, QueryRunner

IDLE_DELAY_MS = 100
"""After the signal that the store has loaded, before the worker imports the panels' modules."""


class LazyTab(QWidget):
    """A tab's placeholder; ``make()`` returns the panel, which this widget then holds."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._panel: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        return self._panel is not None

    def panel(self) -> QWidget:
        """The panel, made now if it was not yet (shown at once when the tab is shown)."""
        if self._panel is None:
            self._panel = self._make()
            self.layout().addWidget(self._panel)
            self.setFocusProxy(self._panel)
            if self.isVisible():  # Qt would show it only in the next event-loop turn: a blank paint
                self._panel.show()
                self.layout().activate()
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        self.panel()
        super().showEvent(event)


def build_when_idle(runner: QueryRunner, loaded: SignalInstance, modules: Sequence[str],
                    tabs: Sequence[LazyTab], owner: QWidget) -> Callable[[], bool]:
    """Each time ``loaded`` (a signal) fires while a tab is not yet built, import ``modules`` in
    a worker thread, then build the tabs not yet built, one per event-loop turn (each takes
    under 5 ms of the GUI thread's CPU). Each load tries again, so an import dropped with the
    rest of a store's work (a damaged store's ``cancel_all``) is not the end of it. The timers
    belong to ``owner``, so nothing runs once it is gone. Returns whether a step is still to
    come (the import itself is one of the runner's pending jobs), for the window's ``is_busy``.

    The window passes ``inspections_loaded``: it follows the first findings page (the runner holds
    background reads, every inspection among them, until that page is delivered), and the
    catalogue is then frozen out of the collector. Started at the first page instead, the GUI
    thread's longest wait while the 1M store opened grew by ~40 ms with no more CPU of its own
    (waiting for the GIL: most likely full collections, set off by the import's allocations, over
    the catalogue still arriving)."""
    builder = QTimer(owner)
    builder.setSingleShot(True)

    def build_next() -> None:
        waiting = [tab for tab in tabs if not tab.is_built()]
        if waiting:
            waiting[0].panel()
            builder.start(0)

    def start() -> None:
        if not all(tab.is_built() for tab in tabs):
            runner.submit("lazy-tabs/import", lambda: [importlib.import_module(name) for name in modules],
                          lambda _modules: build_next(), priority=LATER, owner=owner)

    builder.timeout.connect(build_next)
    delay = QTimer(owner)
    delay.setSingleShot(True)
    delay.setInterval(IDLE_DELAY_MS)
    delay.timeout.connect(start)
    loaded.connect(lambda *_: delay.start())
    return lambda: delay.isActive() or builder.isActive()
