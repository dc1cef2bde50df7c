"""The Compare tab: two inspections of the selected provider side by side — by default its latest
and the one before, or the inspection selected in the tree and the one before it, or the two
inspections selected in the tree ("Compare these two inspections"); "From" and "To" pick any two.
Sections: overall and score, standards (with their change; "mapped, not identical"
across frameworks), recurring findings with their match strength, new ones, those no longer
mentioned, and each earlier recommendation with the later findings that speak to it.

The comparison is computed by :mod:`inspector_gui.reports.compare` in the background worker;
every cell is plain text (findings are imported text). :attr:`ComparePanel.export_action` (a
button beside From/To and the tree's context menu) is enabled while a comparison is shown:
:mod:`inspector_gui.ui.compare_export` writes it as a workbook.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_gui.domain.records import KIND_LABELS, Finding, Inspection, Provider
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.reports.compare import (
    MAPPED,
    NO_FINDINGS,
    CompareError,
    Comparison,
    compare_inspections,
    pick_inspections,
)
from inspector_gui.ui.text import plain_tooltip
from inspector_gui.ui.views.choices import ChoiceBox
from inspector_gui.ui.workers import QueryRunner

COLUMNS = ("", "Earlier", "Later", "Change or match")


class ComparePanel(QWidget):
    def __init__(self, runner: QueryRunner, export_action: QAction, parent: QWidget | None = None) -> None:
        """``export_action`` exports the comparison (the window's File menu holds it from the start,
        before this panel is made); the panel enables it while a comparison is shown."""
        super().__init__(parent)
        self.runner = runner
        self._catalogue: Catalogue | None = None
        self._provider: Provider | None = None
        self._inspections: list[Inspection] = []
        self.result: Comparison | None = None
        """The comparison shown, once computed; None while there is none."""
        self.export_action = export_action
        self.export_action.setEnabled(False)
        self.start = ChoiceBox(None, "Compare from (earlier inspection)", self)
        self.end = ChoiceBox(None, "Compare to (later inspection)", self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.tree = self._make_tree()
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("The selected line in full")
        self.tree.currentItemChanged.connect(self._current_changed)
        self._lay_out()
        self.start.value_changed.connect(lambda _: self.refresh())
        self.end.value_changed.connect(lambda _: self.refresh())

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(len(COLUMNS))
        tree.setHeaderLabels(list(COLUMNS))
        tree.setAccessibleName("Comparison of two inspections")
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.addAction(self.export_action)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Interactive)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(0, 190)
        header.resizeSection(3, 150)
        return tree

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for text, box in (("Fr&om:", self.start), ("&To:", self.end)):
            label = QLabel(text, self)
            label.setBuddy(box)
            box.setMaximumWidth(320)
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        export = QToolButton(self)
        export.setDefaultAction(self.export_action)
        export.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        export.setAccessibleName("Export this comparison as an Excel workbook")
        row.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue

    def follow(self, provider_id: str | None, inspection_id: str | None) -> None:
        """The tree's selection: its provider, and the inspection to compare with its previous."""
        self._set_provider(provider_id)
        try:
            earlier, later = pick_inspections(self._inspections, None, inspection_id or None)
        except CompareError:  # fewer than two inspections, or a first one: refresh says so
            earlier = later = None
        self._choose(earlier, later)

    def compare_pair(self, provider_id: str, first_id: str, second_id: str) -> None:
        """Two inspections selected in the tree, as From and To: earlier → later, whatever the
        order they were selected in."""
        self._set_provider(provider_id)
        found = {i.inspection_id: i for i in self._inspections}
        pair = sorted((found[i] for i in (first_id, second_id) if i in found),
                      key=self._inspections.index, reverse=True)
        earlier, later = pair if len(pair) == 2 else (None, None)
        self._choose(earlier, later)

    def _set_provider(self, provider_id: str | None) -> None:
        catalogue = self._catalogue
        provider = catalogue.provider(provider_id) if catalogue and provider_id else None
        inspections = (catalogue.inspections_of(provider_id) or []) if catalogue and provider_id else []
        self._provider, self._inspections = provider, inspections
        choices = [(_label(i), i.inspection_id) for i in inspections]
        for box in (self.start, self.end):
            box.set_choices(choices)

    def _choose(self, earlier: Inspection | None, later: Inspection | None) -> None:
        if earlier is not None and later is not None:
            self.start.set_value(earlier.inspection_id)
            self.end.set_value(later.inspection_id)
        self.refresh()

    def refresh(self) -> None:
        catalogue, provider = self._catalogue, self._provider
        self.tree.clear()
        self.result = None
        self.export_action.setEnabled(False)
        if catalogue is None or provider is None:
            self._say("Select a provider (or one of its inspections) to compare its inspections.")
            return
        if len(self._inspections) < 2:
            self._say(f"{provider.name} has only one inspection in the store: nothing to compare.")
            return
        found = {i.inspection_id: i for i in self._inspections}
        first, second = found.get(self.start.value()), found.get(self.end.value())
        if first is None or second is None or first == second:
            self._say("Choose two different inspections.")
            return
        earlier, later = sorted((first, second), key=self._inspections.index, reverse=True)
        self._say(f"Comparing {provider.name}, {_label(earlier)} with {_label(later)}…")
        self.runner.query("compare", catalogue.path,
                          lambda store: compare_inspections(store, provider, earlier, later), self._show,
                          owner=self)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        """The selected line in full below the tree: finding texts are too long for a cell."""
        if current is None:
            self.detail.clear()
            return
        parts = [(title, current.text(column)) for column, title in enumerate(COLUMNS)]
        self.detail.setText("\n".join(f"{title}: {text}" if title else text for title, text in parts if text))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _show(self, result: Comparison) -> None:
        self.tree.clear()
        self.result = result
        self.export_action.setEnabled(True)
        frameworks = ("same framework" if result.same_framework else
                      f"frameworks differ: standards matched through their concept, {MAPPED}")
        pair = f"{_label(result.earlier)} → {_label(result.later)}"
        pairing = (" Pairings of findings are suggestions: the match strength (0 to 1) is shown."
                   if result.has_findings else "")
        self._say(f"{result.provider.name}: {pair} ({frameworks}).{pairing}")
        for item in _sections(result):
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            item.setFirstColumnSpanned(False)
        if not result.has_findings:  # the one note across the row, not cut to a column
            self.tree.topLevelItem(self.tree.topLevelItemCount() - 1).child(0).setFirstColumnSpanned(True)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))


def _label(inspection: Inspection) -> str:
    return f"{inspection.published.display()} · {inspection.overall.label}"


def _item(texts: tuple[str, str, str, str], children: list[QTreeWidgetItem] = ()) -> QTreeWidgetItem:
    item = QTreeWidgetItem(list(texts))
    for column, text in enumerate(texts):
        item.setToolTip(column, plain_tooltip(text))
    item.addChildren(list(children))
    return item


def _finding(finding: Finding) -> str:
    subject = finding.standard_code or (f"domain {finding.domain_code}" if finding.domain_code else "")
    return f"{KIND_LABELS[finding.kind]}{f' ({subject})' if subject else ''}: {finding.text}"


def _sections(c: Comparison) -> list[QTreeWidgetItem]:
    overall = _item(("Overall rating", c.earlier.overall.label, c.later.overall.label, c.overall_change))
    score = _item(("Score or coverage", c.earlier_score.label, c.later_score.label, ""))
    standards = _item((f"Standards ({len(c.standards)})", "", "", ""), [
        _item((s.title, s.before.label + (f" ({s.earlier.title})" if s.mapped and s.earlier else ""),
               s.after.label, s.change + (f"; {MAPPED}" if s.mapped else ""))) for s in c.standards])
    if not c.has_findings:
        return [overall, score, standards, _item(("Findings", "", "", "none recorded"),
                                                 [_item((NO_FINDINGS, "", "", ""))])]
    recurring = _item((f"Recurring findings ({len(c.recurring)})", "", "", ""), [
        _item(("Recurring", _finding(p.earlier), _finding(p.later),
               f"match {p.strength:.2f}" + (f"; {MAPPED}" if p.mapped else ""))) for p in c.recurring])
    new = _item((f"New findings ({len(c.new)})", "", "", ""),
                [_item(("New", "", _finding(f), "new")) for f in c.new])
    gone = _item((f"No longer mentioned ({len(c.no_longer)})", "", "", ""),
                 [_item(("No longer mentioned", _finding(f), "", "not mentioned")) for f in c.no_longer])
    follow = _item((f"Earlier recommendations ({len(c.recommendations)})", "", "", ""), [
        _item(("Recommendation", r.recommendation.text,
               "" if r.answers else "no later finding speaks to it", ""),
              [_item(("Speaks to it", "", _finding(a.later), f"match {a.strength:.2f}")) for a in r.answers])
        for r in c.recommendations])
    return [overall, score, standards, recurring, new, gone, follow]
