"""Findings matching a query, loaded a page at a time in the background.

Qt contract: a read-only ``QAbstractTableModel`` with lazy population: ``canFetchMore`` is true
while the store may hold more rows and no page is in flight; ``fetchMore`` asks a worker for the
next page and the rows are inserted (``beginInsertRows``) when it arrives. The total number of
matches is counted by a separate query, so the first page never waits for the count.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt, Signal

from inspector_gui.domain.records import KIND_LABELS, Finding, FindingQuery
from inspector_gui.domain.search import Search
from inspector_gui.store.notebook import notebook_path, tagged_page, tagged_query
from inspector_gui.ui.models import NO_PARENT, Index, column_title, read_only_flags
from inspector_gui.ui.roles import HighlightRole, ItemRole
from inspector_gui.ui.text import plain_tooltip
from inspector_gui.ui.workers import FIRST, QueryRunner

COLUMNS = ("Kind", "Domain", "Standard", "Provider", "Published", "Tags", "Finding")
KIND, DOMAIN, STANDARD, PROVIDER, PUBLISHED, TAGS, TEXT = range(len(COLUMNS))
PAGE_SIZE = 100


class FindingsModel(QAbstractTableModel):
    count_changed = Signal(object)
    """The number of matches (int), or None while it is being counted."""
    page_loaded = Signal()

    def __init__(self, runner: QueryRunner, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._path: Path | None = None
        self._query = FindingQuery()
        self._tag = ""
        self.notebook: Path = notebook_path()
        """The user's notebook, whose tags the Tags column shows and the tag filter reads."""
        self._rows: list[Finding] = []
        self._tags: dict[str, list[str]] = {}
        self._search = Search()
        self._complete = True
        self._fetching = False
        self.total: int | None = None

    def set_query(self, path: Path | None, query: FindingQuery, tag: str = "") -> None:
        """Start over with a new query: drop the rows, load the first page, count the matches.
        ``tag`` narrows to the findings carrying it in the notebook (read by the workers)."""
        self.beginResetModel()
        self._path, self._query = path, replace(query, limit=self._page_size, offset=0)
        self._tag = tag
        self._rows, self._tags, self._search = [], {}, self._query.parsed_search
        self._complete, self._fetching, self.total = path is None, False, None
        self.endResetModel()
        self._runner.cancel("findings/page")
        if path is None:
            self.total = 0
            self.count_changed.emit(0)
            return
        self.count_changed.emit(None)
        self._request_page()
        tagged, notebook = self._tag, self.notebook
        self._runner.query("findings/count", path,
                           lambda s, q=self._query: s.count_findings(tagged_query(q, tagged, notebook)),
                           self._on_count, owner=self)

    @property
    def query(self) -> FindingQuery:
        return self._query

    @property
    def tag(self) -> str:
        return self._tag

    def tags_of(self, finding: Finding) -> list[str]:
        return self._tags.get(finding.natural_key, [])

    def set_tags(self, tags: dict[str, list[str]]) -> None:
        """New tags for some findings (after the user tagged them): repaint their Tags cells."""
        self._tags.update(tags)
        for row, finding in enumerate(self._rows):
            if finding.natural_key in tags:
                self.dataChanged.emit(self.index(row, TAGS), self.index(row, TAGS))

    @property
    def complete(self) -> bool:
        """True once every matching finding has been loaded."""
        return self._complete

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and not self._complete and not self._fetching

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if self.canFetchMore(parent):
            self._request_page()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return ", ".join(self.tags_of(finding)) if column == TAGS else _text(finding, column)
        if role == ItemRole:
            return finding
        if role == HighlightRole:
            return self._search if column == TEXT else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = ", ".join(self.tags_of(finding)) if column == TAGS else _tip(finding, column)
            return plain_tooltip(finding.text if column == TEXT else tip)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = ", ".join(self.tags_of(finding)) if column == TAGS else _text(finding, column)
            return f"{COLUMNS[column]}: {text or 'none'}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_title(COLUMNS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def _request_page(self) -> None:
        assert self._path is not None
        self._fetching = True
        page = replace(self._query, offset=len(self._rows))
        tag, notebook = self._tag, self.notebook
        self._runner.query("findings/page", self._path, lambda s: tagged_page(s, page, tag, notebook),
                           self._on_page, priority=FIRST, owner=self)

    def _on_page(self, page: tuple[list[Finding], dict[str, list[str]]]) -> None:
        """Insert a page; ``_fetching`` stays set until the rows are in, because views (and the
        model tester) may call ``fetchMore`` from inside ``beginInsertRows``."""
        rows, tags = page
        self._tags.update(tags)
        if rows:
            start = len(self._rows)
            self.beginInsertRows(NO_PARENT, start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._fetching, self._complete = False, len(rows) < self._page_size
        self.page_loaded.emit()

    def _on_count(self, total: int) -> None:
        self.total = total
        self.count_changed.emit(total)


def _text(finding: Finding, column: int) -> str:
    if column == KIND:
        return finding.kind.capitalize()
    if column == DOMAIN:
        return f"{finding.domain_code} {finding.domain_name}".strip()
    if column == STANDARD:
        return f"{finding.standard_code} {finding.standard_name}".strip()
    if column == PROVIDER:
        return finding.provider_name
    if column == PUBLISHED:
        return finding.published.iso() or "—"
    return finding.text if column == TEXT else ""


def _tip(finding: Finding, column: int) -> str:
    if column == KIND:
        return KIND_LABELS.get(finding.kind, finding.kind)
    if column == PUBLISHED:
        return finding.published.display()
    if column == PROVIDER:
        return f"{finding.provider_name}\nInspection {finding.inspection_id}"
    return _text(finding, column)
