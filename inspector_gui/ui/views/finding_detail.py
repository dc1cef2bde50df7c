"""The whole of one finding: its kind, domain and standard, the inspection it comes from, its
full text and its source link (which opens in the browser). Every string is plain text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QVBoxLayout, QWidget

from inspector_gui.domain.records import KIND_LABELS, Finding, split_urls
from inspector_gui.store.notebook import Note
from inspector_gui.ui.text import heading_label, link_label, plain_label, plain_tooltip, source_links_html
from inspector_gui.ui.views.flow_layout import FlowLayout


class FindingDetail(QScrollArea):
    """Scrolls when the pane is short: a long finding, its tags and notes stay readable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Finding detail")
        self.heading = heading_label()
        self.where = plain_label(wrap=True, selectable=True)
        self.text = plain_label(wrap=True, selectable=True)
        self.inspection = plain_label(wrap=True, selectable=True)
        self.source = link_label()
        self.tags = plain_label(wrap=True, selectable=True)
        self.notes = plain_label(wrap=True, selectable=True)
        self._button_strip = QWidget(self)
        self.buttons = FlowLayout(self._button_strip)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        for widget in (self.heading, self.where, self.text, self.inspection, self.source, self.tags,
                       self.notes, self._button_strip):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(inner)
        self.show_finding(None)

    def add_buttons(self, actions: Sequence[QAction]) -> None:
        """Buttons for the notebook commands (their shortcuts work in the pane too)."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            action.setEnabled(self._finding is not None)
            self.buttons.addWidget(button)

    def show_finding(self, finding: Finding | None, tags: Sequence[str] = ()) -> None:
        self._finding = finding
        for button in (self.buttons.itemAt(i).widget() for i in range(self.buttons.count())):
            if isinstance(button, QToolButton) and button.defaultAction():
                # the action, not the button: a button follows its action's state whenever that
                # action changes, and the action's shortcut would act on no finding
                button.defaultAction().setEnabled(finding is not None)
        self.show_tags(tags)
        self.show_notes([])
        if finding is None:
            self.heading.setText("No finding selected")
            for label in (self.where, self.text, self.inspection, self.source, self.tags):
                label.setText("")
            return
        self.heading.setText(KIND_LABELS.get(finding.kind, finding.kind))
        self.where.setText(_where(finding))
        self.text.setText(finding.text)
        self.inspection.setText(f"{finding.provider_name}, published {finding.published.display()}\n"
                                f"Inspection {finding.inspection_id}")
        urls = split_urls(finding.source_url)
        self.source.setText("Source: " + source_links_html(urls, "; ") if urls else "Source: not recorded")
        self.source.setToolTip(plain_tooltip("\n".join(urls)))

    def show_tags(self, tags: Sequence[str]) -> None:
        self.tags.setText("Tags: " + ", ".join(tags) if tags else "No tags (Ctrl+T adds one)")

    def show_notes(self, notes: Sequence[Note]) -> None:
        """Your notes on the finding, oldest first, each with its date."""
        self.notes.setText("\n".join(f"Note ({n.added[:10]}): {n.text}" for n in notes))
        self.notes.setVisible(bool(notes))


def _where(finding: Finding) -> str:
    """Domain (or "whole inspection") and standard of a finding, one per line."""
    lines = [f"Domain {finding.domain_code} {finding.domain_name}" if finding.domain_code
             else "About the whole inspection"]
    if finding.standard_code:
        lines.append(f"Standard {finding.standard_code} {finding.standard_name}")
    return "\n".join(lines)
