"""Tags and notes on the selected findings, from the findings table, its context menu and the
detail pane (Ctrl+T add a tag, Ctrl+Shift+T remove one, Ctrl+Shift+N add a note). They are
written to the user's notebook in a worker, never to the store; the table's Tags column, the tag
filter's counts and the detail pane are updated from what the notebook holds afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from inspector_gui.domain.records import Finding
from inspector_gui.store.notebook import Note, Notebook, Record, finding_record
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
    """The notebook commands for a findings view; ``selected()`` gives the findings they act on."""

    tags_changed = Signal(object, object)
    """``({natural_key: tags}, [(tag, count)])`` after a write."""
    notes_changed = Signal(object)
    """The notes (list of :class:`Note`) of the current finding."""

    def __init__(self, host: QWidget, runner: QueryRunner, selected: Callable[[], list[Finding]],
                 notebook: Callable[[], Path]) -> None:
        super().__init__(host)
        self._runner, self._selected, self._notebook = runner, selected, notebook
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
            tag = self.ask("Add tag", _label("Tag for", chosen), self.known_tags)
            if tag:
                self._write(chosen, lambda nb, records: nb.add_tag(records, tag))

    def _remove_tag(self) -> None:
        chosen = self._selected()
        on_them = sorted(set(self.current_tags()), key=str.casefold)
        if chosen and on_them:
            tag = self.ask("Remove tag", _label("Remove from", chosen), on_them)
            if tag:
                self._write(chosen, lambda nb, records: nb.remove_tag(records, tag))

    def _add_note(self) -> None:
        chosen = self._selected()[:1]
        if chosen:
            text = self.ask("Add note", "Note on this finding (kept in your notebook):", [])
            if text:
                self._write(chosen, lambda nb, records: nb.add_note(records[0], text))

    def _write(self, findings: list[Finding], change: Callable[[Notebook, list[Record]], object]) -> None:
        records, path = [finding_record(f) for f in findings], self._notebook()

        def job() -> tuple[dict[str, list[str]], list[tuple[str, int]], list[Note]]:
            with Notebook.open(path) as notebook:
                change(notebook, records)
                keys = [r.key for r in records]
                tags = {key: [] for key in keys} | notebook.tags_of("finding", keys)
                return tags, notebook.tag_counts("finding"), notebook.notes("finding", keys[:1])

        self._runner.submit("notebook/write", job, self._written)

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

        self._runner.submit("notebook/counts", job, self._counted)

    def _counted(self, counts: list[tuple[str, int]]) -> None:
        self.known_tags = [t for t, _ in counts]
        self.tags_changed.emit({}, counts)

    def load_notes(self, finding: Finding | None) -> None:
        """The notes of the finding now shown in the detail pane."""
        if finding is None:
            self._runner.cancel("notebook/notes")
            self.notes_changed.emit([])
            return
        path, key = self._notebook(), finding.natural_key

        def job() -> list[Note]:
            with Notebook.open(path, create=False) as notebook:
                return notebook.notes("finding", [key])

        self._runner.submit("notebook/notes", job, self.notes_changed.emit)


def _label(verb: str, findings: list[Finding]) -> str:
    return f"{verb} {len(findings)} finding" + ("" if len(findings) == 1 else "s") + ":"
