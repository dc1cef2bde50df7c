"""Python's memory management kept from stalling the window: the cyclic garbage collector, and
freeing what a model replaced.

A full collection walks every object Python tracks while holding the GIL, in whichever thread
allocated past the threshold: on the 1M-finding store, with the chart modules imported and the
catalogue of 20,000 inspections read, that is 210,000 objects and 180 ms, and the GUI thread
waited for it (the benchmark's probe saw 140–380 ms stalls on tree selections, each a full
collection started by a query worker building its result).

What lives as long as the app (the imported modules) or the open store (its catalogue and the
provider tree) is moved out of the collector's sight with :func:`gc.freeze` once it exists. A
frozen object that is dropped later is still freed by reference counting; only objects in a
reference cycle would stay, so what exists at those moments keeps none (the catalogue's records
are plain values, and a tree node holds its parent by a weak reference; tested).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

RELEASE_MS = 250
"""How long what a model replaced is kept before it is dropped (see :func:`release_later`)."""


def keep_long_lived() -> None:
    """Leave every object that exists now out of later collections (the app's modules and window
    when a store is opened, the chart modules once imported, a store's catalogue when it is
    shown and once it is complete)."""
    gc.freeze()


def release_later(value: object) -> None:
    """Drop ``value`` (the rows a model has just replaced) a moment later, in an event of its own
    on the GUI thread: freeing All providers' matrix (25,000 objects) takes ~5 ms, which would
    otherwise be spent in the event that shows the new rows, just before their first paint."""
    QTimer.singleShot(RELEASE_MS, lambda: value)
