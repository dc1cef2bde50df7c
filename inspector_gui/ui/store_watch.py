"""Noticing when another program changes the open store file — ``inspector import`` run in a
terminal while the window shows the store — so the window can show the new data.

The viewer itself never writes the file, so any change is someone else's. An import commits in
a burst of writes; ``changed`` is emitted once the burst has settled. A file replaced by a new one
(a rebuilt store) stops being watched by the operating system, so it is watched again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 400


class StoreWatcher(QObject):
    """Emits ``changed(path)`` when the watched store file was written, replaced or removed."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._settle.timeout.connect(self._settled)

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` from now on (None: nothing); a pending notice for another file is dropped."""
        self._settle.stop()
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._path = path
        if path is not None:
            self._watcher.addPath(str(path))

    def pending(self) -> bool:
        """True while a change is waiting for its burst of writes to settle."""
        return self._settle.isActive()

    def _settled(self) -> None:
        if self._path is None:
            return
        if not self._watcher.files() and self._path.exists():
            self._watcher.addPath(str(self._path))
        self.changed.emit(self._path)
