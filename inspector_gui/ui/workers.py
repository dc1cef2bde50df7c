"""Background queries: the GUI thread never waits on disk.

:class:`QueryRunner` runs a function in a ``QRunnable`` on its own thread pool. Each query reads
the store through its thread's own connection, made by the thread's first query and reused
(:class:`~inspector_gui.store.per_thread.ThreadStores`); the pool's threads live as long as the
runner, and their connections are closed when it shuts down. Results come back by a queued
signal to the GUI thread. Each submission has a *key* ("matrix", "findings/page" …): a new
submission under a key makes every older one under that key stale, and stale results are dropped,
so a slow query can never overwrite a newer one.
Background work (priority below :data:`NORMAL`: an integrity check, every inspection of a store)
waits until no other query is pending: the workers hold Python's GIL while they build objects,
and would slow the GUI thread painting what the user is waiting for.
Long tasks with their own progress signals (an export) run on the same pool, so shutting down
stops and waits for them too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector_gui.errors import InspectorError
from inspector_gui.store import Store
from inspector_gui.store.per_thread import ThreadStores

OnDone = Callable[[Any], None]
OnError = Callable[[InspectorError], None]

FIRST, NORMAL, LATER, LAST = 1, 0, -1, -2
"""Pool priorities: a queued job of higher priority starts first (what the user is waiting to
see first); below NORMAL is background work, started once the rest is done."""


@dataclass(frozen=True)
class _Ticket:
    key: str
    generation: int
    on_done: OnDone
    on_error: OnError | None
    background: bool = False


class _Bridge(QObject):
    """Lives in the GUI thread; workers emit on it, so delivery is queued to that thread."""

    finished = Signal(object, str, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], ticket: _Ticket, bridge: _Bridge) -> None:
        super().__init__()
        self.fn, self.ticket, self.bridge = fn, ticket, bridge

    def run(self) -> None:
        try:
            outcome, value = "ok", self.fn()
        except InspectorError as exc:
            outcome, value = "error", exc
        except Exception:
            outcome, value = "crash", sys.exc_info()
        self.bridge.finished.emit(self.ticket, outcome, value)


class QueryRunner(QObject):
    """Runs queries off the GUI thread and delivers only the newest result per key.

    ``failed`` carries an :class:`InspectorError` that had no ``on_error``; unexpected exceptions
    go to ``sys.excepthook`` in the GUI thread (the app's error dialog). ``idle`` fires when the
    last pending query has been delivered.
    """

    failed = Signal(object)
    idle = Signal()
    busy_changed = Signal(bool)
    stopping = Signal()
    """:meth:`shutdown` has begun: long tasks should stop at their next step."""

    def __init__(self, parent: QObject | None = None, threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pool.setExpiryTimeout(-1)  # a thread keeps its store connection until shutdown
        self._stores = ThreadStores()
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._generations: dict[str, int] = {}
        self._pending = 0
        self._foreground = 0
        self._held: list[tuple[_Job, int]] = []

    def submit(self, key: str, fn: Callable[[], Any], on_done: OnDone,
               on_error: OnError | None = None, priority: int = NORMAL) -> None:
        """Run ``fn()`` in the pool; ``on_done(result)`` runs in the GUI thread unless stale.
        Background work (``priority`` below NORMAL) starts once no other query is pending."""
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._start(_Job(fn, _Ticket(key, generation, on_done, on_error, priority < NORMAL), self._bridge),
                    priority)

    def _start(self, job: _Job, priority: int) -> None:
        """Start a job in the pool, or hold background work while other queries are pending."""
        if not job.ticket.background:
            self._foreground += 1
        elif self._foreground:
            self._held.append((job, priority))
            return
        self._pool.start(job, priority)

    def query(self, key: str, path: Path, fn: Callable[[Store], Any], on_done: OnDone,
              on_error: OnError | None = None, priority: int = NORMAL) -> None:
        """:meth:`submit` a function of the store at ``path``, run with the worker thread's own
        read-only connection to it."""
        self.submit(key, lambda: self._stores.run(path, fn), on_done, on_error, priority)

    def start_task(self, task: QRunnable) -> None:
        """Run a long task that reports through its own signals (an export) on this pool, so
        that :meth:`shutdown` waits for it; the task should stop on :attr:`stopping`."""
        self._pool.start(task)

    def cancel(self, key: str) -> None:
        """Make every pending query under ``key`` stale."""
        self._generations[key] = self._generations.get(key, 0) + 1

    def cancel_all(self) -> None:
        for key in list(self._generations):
            self.cancel(key)

    def pending(self) -> int:
        return self._pending

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Drop every pending result, ask long tasks to stop, wait for the pool's work, then close
        the workers' connections (left open if the work did not finish in time)."""
        self.stopping.emit()
        self.cancel_all()
        if self._pool.waitForDone(timeout_ms):
            self._stores.close_all()

    def _release_background(self) -> None:
        """Start the held background work; work gone stale meanwhile is dropped unstarted."""
        held, self._held = self._held, []
        for job, priority in held:
            if self._generations.get(job.ticket.key) == job.ticket.generation:
                self._pool.start(job, priority)
            else:
                self._deliver(job.ticket, "stale", None)

    def _deliver(self, ticket: _Ticket, outcome: str, value: Any) -> None:
        self._pending -= 1
        if not ticket.background:
            self._foreground -= 1
        try:
            if self._generations.get(ticket.key) == ticket.generation:
                self._dispatch(ticket, outcome, value)
        finally:
            if self._foreground == 0 and self._held:
                self._release_background()
            if self._pending == 0:
                self.busy_changed.emit(False)
                self.idle.emit()

    def _dispatch(self, ticket: _Ticket, outcome: str, value: Any) -> None:
        if outcome == "ok":
            ticket.on_done(value)
        elif outcome == "error" and ticket.on_error is not None:
            ticket.on_error(value)
        elif outcome == "error":
            self.failed.emit(value)
        else:
            sys.excepthook(*value)
