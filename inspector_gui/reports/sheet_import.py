"""Importing a spreadsheet with its mapping into a store the user chose, created (all or nothing,
:func:`~inspector_gui.store.creation.create_store`) when new, so a refused import leaves no file
behind; the window's import dialog runs it in a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from inspector_gui.errors import StoreError
from inspector_gui.exchange.sheet_import import SheetBatch
from inspector_gui.store import Store
from inspector_gui.store.creation import create_store
from inspector_gui.store.imports import ImportReport


def import_sheet(target: Path, sheet: Path, mapping: Path, *, refuse: Path | None = None,
                 progress: Callable[[int, int], None] | None = None) -> tuple[ImportReport, SheetBatch]:
    """Import ``sheet`` as ``mapping`` says into ``target``; ``refuse`` is a store that must not be
    written (the one the window has open, read-only)."""
    if refuse is not None and target.exists() and target.resolve() == refuse.resolve():
        raise StoreError("is the store the window has open read-only; choose another store to "
                         "import into", target)
    if not target.exists():
        return create_store(target, lambda store: store.import_spreadsheet(sheet, mapping, progress))
    with Store.open(target, readonly=False) as store:
        return store.import_spreadsheet(sheet, mapping, progress)
