"""Background queries: the GUI thread never waits on disk.

:class:`QueryRunner` runs a function in a ``QRunnable`` on its own thread pool. Each query reads
the store through its thread's own connection, made by the thread's first query and reused
(:class:`~inspector_gui.store.per_thread.ThreadStores`); the pool's threads live as long as the
runner, and their connections are closed when it shuts down. Results come back by a queued
signal to the GUI thread. Each submission has a *key* ("matrix", "findings/page" …): a new
submission under a key makes every older one under that key stale, and stale results are dropped,
so a slow query can never overwrite a newer one. A submission names its *owner* (the widget whose
callbacks take the result; ``None`` only for plain callables): once Qt has deleted the owner — a
closed dialog, a panel torn down with its window — its results are dropped, never handed to a
dead widget.
Background work (priority below :data:`NORMAL`: an integrity check, every inspection of a store)
waits until no other query is pending: the workers hold Python's GIL while they build objects,
and would slow the GUI thread painting what the user is waiting for.
Long work that reports progress (an export) is the same kind of job (:meth:`QueryRunner.task`):
its progress comes back by the same signal, cancelling its key or shutting down stops it at its
next step, and its errors take the same route as every query's.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from inspector_gui.errors import InspectorError
from inspector_gui.store import Store
from inspector_gui.store.per_thread import ThreadStores

OnDone = Callable[[Any], None]
OnError = Callable[[InspectorError], None]
Report = Callable[[int, int], None]
"""``report(done, total)``: how far long work has got."""
OnAborted = Callable[[str], None]
"""Told ``"cancelled"`` or ``"crashed"`` (the excepthook has the bug) when work ends without a result."""

FIRST, NORMAL, LATER, LAST = 1, 0, -1, -2
"""Pool priorities: a queued job of higher priority starts first (what the user is waiting to
see first); below NORMAL is background work, started once the rest is done."""


class Cancelled(Exception):
    """Raised by a task's ``report`` once its key is cancelled or the runner stops."""


@dataclass(frozen=True)
class _Ticket:
    key: str
    generation: int
    on_done: OnDone
    on_error: OnError | None
    background: bool = False
    on_progress: Report | None = None
    on_aborted: OnAborted | None = None
    owner: QObject | None = None

    def receiver_alive(self) -> bool:
        """False once Qt has deleted the owner: its callbacks would touch a dead C++ object."""
        return self.owner is None or isValid(self.owner)


class _Bridge(QObject):
    """Lives in the GUI thread; workers emit on it, so delivery is queued to that thread."""

    finished = Signal(object, str, object)
    progress = Signal(object, int, int)


class _Job(QRunnable):
    """The one worker type: runs ``fn(report)`` and sends its outcome (``ok``, ``error`` for a
    typed error, ``crash`` for anything else, ``cancelled``) and its progress over the bridge."""

    def __init__(self, fn: Callable[[Report], Any], ticket: _Ticket, bridge: _Bridge,
                 stale: Callable[[], bool]) -> None:
        super().__init__()
        self.fn, self.ticket, self.bridge, self.stale = fn, ticket, bridge, stale

    def run(self) -> None:
        try:
            outcome, value = "ok", self.fn(self._report)
        except Cancelled:
            outcome, value = "cancelled", None
        except InspectorError as exc:
            outcome, value = "error", exc
        except Exception:
            outcome, value = "crash", sys.exc_info()
        self.bridge.finished.emit(self.ticket, outcome, value)

    def _report(self, done: int, total: int) -> None:
        if self.stale():
            raise Cancelled
        self.bridge.progress.emit(self.ticket, done, total)


class QueryRunner(QObject):
    """Runs queries off the GUI thread and delivers only the newest result per key.

    One route for errors: ``failed`` carries an :class:`InspectorError` that had no ``on_error``;
    unexpected exceptions go to ``sys.excepthook`` in the GUI thread (the app's error dialog).
    ``idle`` fires when the last pending query has been delivered.
    """

    failed = Signal(object)
    idle = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pool.setExpiryTimeout(-1)  # a thread keeps its store connection until shutdown
        self._stores = ThreadStores()
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._bridge.progress.connect(self._progress)
        self._generations: dict[str, int] = {}
        self._pending = 0
        self._foreground = 0
        self._held: list[tuple[_Job, int]] = []

    def submit(self, key: str, fn: Callable[[], Any], on_done: OnDone,
               on_error: OnError | None = None, priority: int = NORMAL, *,
               owner: QObject | None) -> None:
        """Run ``fn()`` in the pool; ``on_done(result)`` runs in the GUI thread unless stale or
        ``owner`` has been deleted. Background work (``priority`` below NORMAL) starts once no
        other query is pending."""
        self._enqueue(_Ticket(key, self._next(key), on_done, on_error, priority < NORMAL, owner=owner),
                      lambda _report: fn(), priority)

    def task(self, key: str, work: Callable[[Report], Any], on_done: OnDone, on_error: OnError,
             on_progress: Report, on_aborted: OnAborted, *, owner: QObject | None) -> None:
        """:meth:`submit` long work: ``work(report)``, whose ``report(done, total)`` reaches
        ``on_progress`` in the GUI thread and raises :class:`Cancelled` once :meth:`cancel` of
        ``key`` (or :meth:`shutdown`) has been called, ending the work at its next step.
        ``on_aborted`` hears when it ends without a result or a typed error."""
        self._enqueue(_Ticket(key, self._next(key), on_done, on_error, False, on_progress, on_aborted,
                              owner), work, NORMAL)

    def _next(self, key: str) -> int:
        """A new generation for ``key``: every older submission under it is now stale."""
        self._generations[key] = self._generations.get(key, 0) + 1
        return self._generations[key]

    def _enqueue(self, ticket: _Ticket, fn: Callable[[Report], Any], priority: int) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def stale() -> bool:
            return self._generations.get(ticket.key) != ticket.generation

        self._start(_Job(fn, ticket, self._bridge, stale), priority)

    def _start(self, job: _Job, priority: int) -> None:
        """Start a job in the pool, or hold background work while other queries are pending."""
        if not job.ticket.background:
            self._foreground += 1
        elif self._foreground:
            self._held.append((job, priority))
            return
        self._pool.start(job, priority)

    def query(self, key: str, path: Path, fn: Callable[[Store], Any], on_done: OnDone,
              on_error: OnError | None = None, priority: int = NORMAL, *,
              owner: QObject | None) -> None:
        """:meth:`submit` a function of the store at ``path``, run with the worker thread's own
        read-only connection to it."""
        self.submit(key, lambda: self.with_store(path, fn), on_done, on_error, priority, owner=owner)

    def with_store(self, path: Path, fn: Callable[[Store], Any]) -> Any:
        """``fn`` of this worker thread's store of ``path`` (call it from a job, never the GUI)."""
        return self._stores.run(path, fn)

    def cancel(self, key: str) -> None:
        """Make every pending query under ``key`` stale (a running task stops at its next step)."""
        self._next(key)

    def cancel_all(self) -> None:
        for key in list(self._generations):
            self.cancel(key)

    def pending(self) -> int:
        return self._pending

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Drop every pending result, stop running tasks, wait for the pool's work, then close
        the workers' connections (left open if the work did not finish in time)."""
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

    def _progress(self, ticket: _Ticket, done: int, total: int) -> None:
        if (ticket.on_progress is not None and ticket.receiver_alive()
                and self._generations.get(ticket.key) == ticket.generation):
            ticket.on_progress(done, total)

    def _deliver(self, ticket: _Ticket, outcome: str, value: Any) -> None:
        self._pending -= 1
        if not ticket.background:
            self._foreground -= 1
        try:
            if not ticket.receiver_alive():
                if outcome == "crash":  # a bug is a bug even when nobody waits for the result
                    sys.excepthook(*value)
                return
            current = self._generations.get(ticket.key) == ticket.generation
            if current and outcome != "cancelled":
                self._dispatch(ticket, outcome, value)
            elif ticket.on_aborted is not None:  # a task stopped, or its result dropped
                ticket.on_aborted("cancelled")
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
        elif outcome == "crash":
            sys.excepthook(*value)
            if ticket.on_aborted is not None:
                ticket.on_aborted("crashed")
