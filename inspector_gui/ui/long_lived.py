"""Python's cyclic garbage collector kept from stalling the window.

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


def keep_long_lived() -> None:
    """Leave every object that exists now out of later collections (the app's modules after
    they are imported; a store's catalogue once it is complete)."""
    gc.freeze()
