"""The whole of one finding: its kind, domain and standard, the inspection it comes from, its
full text and its source link (which opens in the browser). Every string is plain text."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from inspector_gui.domain.records import KIND_LABELS, Finding, split_urls
from inspector_gui.ui.text import heading_label, link_label, plain_label, plain_tooltip, source_links_html


class FindingDetail(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Finding detail")
        self.heading = heading_label()
        self.where = plain_label(wrap=True, selectable=True)
        self.text = plain_label(wrap=True, selectable=True)
        self.inspection = plain_label(wrap=True, selectable=True)
        self.source = link_label()
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.where, self.text, self.inspection, self.source):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_finding(None)

    def show_finding(self, finding: Finding | None) -> None:
        if finding is None:
            self.heading.setText("No finding selected")
            for label in (self.where, self.text, self.inspection, self.source):
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


def _where(finding: Finding) -> str:
    """Domain (or "whole inspection") and standard of a finding, one per line."""
    lines = [f"Domain {finding.domain_code} {finding.domain_name}" if finding.domain_code
             else "About the whole inspection"]
    if finding.standard_code:
        lines.append(f"Standard {finding.standard_code} {finding.standard_name}")
    return "\n".join(lines)
