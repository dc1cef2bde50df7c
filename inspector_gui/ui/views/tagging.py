"""Tags and notes on the selected records — findings (from the findings table, its context menu
and the detail pane) or the inspection shown in the inspection pane: Ctrl+T adds a tag,
Ctrl+Shift+T removes one, Ctrl+Shift+N adds a note, with the focus in that view. They are written
to the user's notebook in a worker, never to the store; the views are updated from what the
notebook holds afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from inspector_gui.domain.wording import counted
from inspector_gui.store.notebook import Note, Notebook, Record
from inspector_gui.ui.shortcuts import keys_for
from inspector_gui.ui.workers import QueryRunner

Ask = Callable[[str, str, list[str]], str | None]
"""(title, label, choices) → the text chosen or typed, None when cancelled."""


def ask_with_dialog(parent: QWidget) -> Ask:
    def ask(title: str, label: str, choices: list[str]) -> str | None:
        if choices:
            text, ok = QInputDialog.getItem(parent, title, label, choices, 0, True)
        else:
            text, ok = QInputDialog.getText(parent, title, label)
        return text if ok and text.strip() else None

    return ask


class Tagging(QObject):
    """The notebook commands for a view; ``selected()`` gives the records they act on."""

    tags_changed = Signal(object, object)
    """``({natural_key: tags}, [(tag, count)] of findings)`` after a write, or on loading."""
    notes_changed = Signal(object)
    """The notes (list of :class:`Note`) of the current record."""

    def __init__(self, host: QWidget, runner: QueryRunner, selected: Callable[[], list[Record]],
                 notebook: Callable[[], Path], what: str = "finding") -> None:
        super().__init__(host)
        self._runner, self._selected, self._notebook, self._what = runner, selected, notebook, what
        self.ask: Ask = ask_with_dialog(host)
        self.known_tags: list[str] = []
        self.current_tags: Callable[[], list[str]] = lambda: []
        self.add_tag = self._action(host, "Add &tag…", "add_tag", self._add_tag)
        self.remove_tag = self._action(host, "&Remove tag…", "remove_tag", self._remove_tag)
        self.add_note = self._action(host, "Add &note…", "add_note", self._add_note)

    def _action(self, host: QWidget, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, host)
        action.setShortcut(QKeySequence(keys_for(shortcut)))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        host.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.add_tag, self.remove_tag, self.add_note]

    def _add_tag(self) -> None:
        chosen = self._selected()
        if chosen:
            tag = self.ask("Add tag", self._label("Tag for", chosen), self.known_tags)
            if tag:
                self._write(chosen, lambda nb, records: nb.add_tag(records, tag))

    def _remove_tag(self) -> None:
        chosen = self._selected()
        on_them = sorted(set(self.current_tags()), key=str.casefold)
        if chosen and on_them:
            tag = self.ask("Remove tag", self._label("Remove from", chosen), on_them)
            if tag:
                self._write(chosen, lambda nb, records: nb.remove_tag(records, tag))

    def _add_note(self) -> None:
        chosen = self._selected()[:1]
        if chosen:
            text = self.ask("Add note", f"Note on this {self._what} (kept in your notebook):", [])
            if text:
                self._write(chosen, lambda nb, records: nb.add_note(records[0], text))

    def _write(self, records: list[Record], change: Callable[[Notebook, list[Record]], object]) -> None:
        path, target = self._notebook(), records[0].target

        def job() -> tuple[dict[str, list[str]], list[tuple[str, int]], list[Note]]:
            with Notebook.open(path) as notebook:
                change(notebook, records)
                keys = [r.key for r in records]
                tags = {key: [] for key in keys} | notebook.tags_of(target, keys)
                return tags, notebook.tag_counts("finding"), notebook.notes(target, keys[:1])

        self._runner.submit(f"notebook/{self._what}/write", job, self._written, owner=self)

    def _written(self, result: tuple[dict[str, list[str]], list[tuple[str, int]], list[Note]]) -> None:
        tags, counts, notes = result
        self.known_tags = [t for t, _ in counts]
        self.tags_changed.emit(tags, counts)
        self.notes_changed.emit(notes)

    def load_counts(self) -> None:
        """Read the notebook's tags with their counts (on opening a store)."""
        path = self._notebook()

        def job() -> list[tuple[str, int]]:
            with Notebook.open(path, create=False) as notebook:
                return notebook.tag_counts("finding")

        self._runner.submit("notebook/counts", job, self._counted, owner=self)

    def _counted(self, counts: list[tuple[str, int]]) -> None:
        self.known_tags = [t for t, _ in counts]
        self.tags_changed.emit({}, counts)

    def load(self, record: Record | None) -> None:
        """The tags and notes of the record now shown in a detail pane."""
        key = f"notebook/{self._what}/shown"
        if record is None:
            self._runner.cancel(key)
            self.notes_changed.emit([])
            return
        path = self._notebook()

        def job() -> tuple[dict[str, list[str]], list[Note]]:
            with Notebook.open(path, create=False) as notebook:
                tags = {record.key: []} | notebook.tags_of(record.target, [record.key])
                return tags, notebook.notes(record.target, [record.key])

        self._runner.submit(key, job, self._loaded, owner=self)

    def _loaded(self, result: tuple[dict[str, list[str]], list[Note]]) -> None:
        tags, notes = result
        self.tags_changed.emit(tags, None)
        self.notes_changed.emit(notes)

    def _label(self, verb: str, records: list[Record]) -> str:
        return f"{verb} {counted(len(records), self._what)}:"
