"""The only package that talks to SQLite."""

from inspector_gui.store.store import Store

__all__ = ["Store"]
