"""The export's work off the GUI thread: build the summary with its own store connection, then
write the file, reporting progress by signal and stopping at the next step when cancelled."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.errors import InspectorError
from inspector_gui.exchange.writers import write_summary
from inspector_gui.reports.summary import build_summary
from inspector_gui.store import Store


class ExportCancelled(Exception):
    """Raised inside the worker at the next progress step after the user cancelled."""


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog asks for; plain data, so it crosses threads safely."""

    store_path: Path
    provider_id: str
    fmt: str
    output: Path
    domains: tuple[str, ...] | None
    kinds: tuple[str, ...] | None
    force: bool = False
    chart: bool = False


class TaskSignals(QObject):
    """Signals of a task; the receiver lives in the GUI thread, so they arrive queued."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)


class Task(QRunnable):
    """Runs ``work(report)`` in the thread pool; ``report(done, total)`` raises when cancelled."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self.cancelled = False
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except ExportCancelled:
            self.signals.failed.emit("", "")
        except InspectorError as exc:
            self.signals.failed.emit(str(exc), "")
        except Exception as exc:  # a bug reaches the user as a dialog with details, not a crash
            self.signals.failed.emit(f"The export failed unexpectedly: {exc}", traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)

    def _report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise ExportCancelled
        self.signals.progress.emit(done, total)


def build_task(request: ExportRequest) -> Task:
    """Read the store (own connection, this thread only) into a summary."""

    def work(report: Callable[[int, int], None]) -> ProviderSummary:
        with Store.open(request.store_path, check=False) as store:
            return build_summary(store, request.provider_id, domains=request.domains,
                                 kinds=request.kinds, progress=report)

    return Task(work)


def write_task(request: ExportRequest, summary: ProviderSummary, chart_png: bytes | None) -> Task:
    """Write the file through a temporary file; nothing is left behind if it fails."""

    def work(report: Callable[[int, int], None]) -> Path:
        report(0, 0)
        return write_summary(summary, request.fmt, request.output, force=request.force,
                             chart_png=chart_png)

    return Task(work)


def chosen(values: Sequence[str], every: Sequence[str]) -> tuple[str, ...] | None:
    """A filter from ticked values: None (no filter) when every value is ticked."""
    return None if set(values) >= set(every) else tuple(values)
