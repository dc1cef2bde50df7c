"""The export's work, run as :meth:`QueryRunner.task` jobs: build the summary (reading the store
through the worker's own connection), then write the file; each reports progress, and stops at
its next step when cancelled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.exchange.writers import write_summary
from inspector_gui.reports.summary import DomainKey, build_summary
from inspector_gui.store import Store
from inspector_gui.ui.workers import Report

T = TypeVar("T")

Work = Callable[[Report], object]
WithStore = Callable[[Path, Callable[[Store], Any]], Any]


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog asks for; plain data, so it crosses threads safely."""

    store_path: Path
    provider_id: str
    fmt: str
    output: Path
    domains: tuple[DomainKey, ...] | None
    kinds: tuple[str, ...] | None
    force: bool = False
    chart: bool = False


def build_work(request: ExportRequest, with_store: WithStore) -> Work:
    """Read the store into a summary, a step at a time, through ``with_store`` (the runner's
    :meth:`~inspector_gui.ui.workers.QueryRunner.with_store`: the worker thread's connection)."""

    def work(report: Report) -> ProviderSummary:
        return with_store(request.store_path, lambda store: build_summary(
            store, request.provider_id, domains=request.domains, kinds=request.kinds, progress=report))

    return work


def write_work(request: ExportRequest, summary: ProviderSummary, chart_png: bytes | None) -> Work:
    """Write the file through a temporary file; nothing is left behind if it fails, and a Cancel
    that comes while it is written stops it taking its name, so Cancel always means no file."""

    def work(report: Report) -> Path:
        report(0, 0)
        return write_summary(summary, request.fmt, request.output, force=request.force,
                             chart_png=chart_png, keep=lambda: report(1, 1))

    return work


def chosen(values: Sequence[T], every: Sequence[T]) -> tuple[T, ...] | None:
    """A filter from ticked values: None (no filter) when every value is ticked."""
    return None if set(values) >= set(every) else tuple(values)
