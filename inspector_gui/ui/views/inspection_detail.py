"""The inspection detail pane: provider, type, region, owner, framework, dates, overall rating,
score or coverage, report links and notes — every imported string as plain text."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.records import MatrixRow
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.store.notebook import Note, Record, notebook_path
from inspector_gui.ui.delegates import paint_chip
from inspector_gui.ui.scores import explain_row
from inspector_gui.ui.text import heading_label, link_label, plain_label, plain_tooltip, source_links_html
from inspector_gui.ui.views.flow_layout import FlowLayout
from inspector_gui.ui.views.tagging import Tagging
from inspector_gui.ui.workers import QueryRunner

_FIELDS = ("Type", "Region", "Owner", "Framework", "Round", "Fieldwork", "Published", "Overall",
           "Score", "Reports", "Notes", "Your tags", "Your notes")


class RatingBadge(QWidget):
    """The overall rating as the same chip the matrix draws, with the word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating = Rating.NOT_RECORDED
        # As wide as the longest word, narrower in a narrow pane (the chip then shows the short label).
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_rating(self, rating: Rating) -> None:
        self.rating = rating
        self.setAccessibleName(f"Overall rating {rating.label}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(Rating.REQUIRES_IMPROVEMENT.label) + 20,
                     self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("WWW") + 12, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_chip(painter, QRect(0, 0, self.width() - 1, self.height() - 1), self.rating, self.palette())
        painter.end()


class InspectionDetail(QScrollArea):
    def __init__(self, runner: QueryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue: Catalogue | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Inspection detail")
        self.placeholder = plain_label("Select a provider, an inspection or a row of the matrix to see "
                                       "its inspection here.", wrap=True)
        self.title = heading_label(scale=1.15)
        self.badge = RatingBadge()
        self.fields: dict[str, QLabel] = {name: plain_label(wrap=True, selectable=True) for name in _FIELDS}
        self.fields["Reports"] = link_label()
        self._row: MatrixRow | None = None
        self._tags: list[str] = []
        self.tagging = Tagging(self, runner, self._records, notebook_path, what="inspection")
        self.tagging.current_tags = lambda: self._tags
        self.tagging.tags_changed.connect(self._show_tags)
        self.tagging.notes_changed.connect(self._show_notes)
        self.setWidget(self._body())
        self.show_row(None)

    def _body(self) -> QWidget:
        body = QWidget(self)
        self.form = QWidget(body)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in _FIELDS:
            form.addRow(name, self.badge if name == "Overall" else self.fields[name])
        self.buttons = QWidget(body)
        strip = FlowLayout(self.buttons)
        strip.setContentsMargins(0, 0, 0, 0)
        for action in self.tagging.actions():
            button = QToolButton(self.buttons)
            button.setDefaultAction(action)
            strip.addWidget(button)
        layout = QVBoxLayout(body)
        for widget in (self.placeholder, self.title, self.form, self.buttons):
            layout.addWidget(widget)
        layout.addStretch(1)
        return body

    def _records(self) -> list[Record]:
        row = self._row
        return [Record.inspection(row.inspection.inspection_id, row.provider.name)] if row else []

    def _show_tags(self, tags: dict[str, list[str]], _counts: object) -> None:
        if self._row is not None and self._row.inspection.inspection_id in tags:
            self._tags = tags[self._row.inspection.inspection_id]
            self.fields["Your tags"].setText(", ".join(self._tags) or "none (Ctrl+T adds one)")

    def _show_notes(self, notes: list[Note]) -> None:
        self.fields["Your notes"].setText("\n".join(f"{n.added[:10]}: {n.text}" for n in notes) or "none")

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self._catalogue = catalogue
        self.show_row(None)

    def show_inspection(self, inspection_id: str | None) -> None:
        """Load one inspection's row (with its ratings and score) in the background."""
        if self._catalogue is None or inspection_id is None:
            self._runner.cancel("detail")
            self.show_row(None)
            return
        self._runner.query("detail", self._catalogue.path,
                           lambda s: s.rating_matrix(inspection_ids=[inspection_id], latest_only=False),
                           lambda rows: self.show_row(rows[0] if rows else None), owner=self)

    def show_row(self, row: MatrixRow | None) -> None:
        self._runner.cancel("detail")
        for widget in (self.title, self.form, self.buttons):
            widget.setVisible(row is not None)
        self.placeholder.setVisible(row is None)
        self._row, self._tags = row, []
        self.tagging.load(self._records()[0] if row else None)
        if row is None:
            return
        self.title.setText(row.provider.name)
        self.badge.set_rating(row.inspection.overall)
        for name, value in self._values(row).items():
            self.fields[name].setText(value)
        urls = row.inspection.source_urls
        self.fields["Reports"].setText(source_links_html(urls) if urls
                                       else "not recorded")
        self.fields["Reports"].setToolTip(plain_tooltip("\n".join(urls)))

    def _values(self, row: MatrixRow) -> dict[str, str]:
        provider, inspection = row.provider, row.inspection
        framework = self._catalogue.framework_name(inspection.framework_id) if self._catalogue \
            else inspection.framework_id
        return {
            "Type": provider.provider_type, "Region": provider.region or "not recorded",
            "Owner": provider.owner or "not recorded", "Framework": framework,
            "Round": inspection.round or "—", "Fieldwork": inspection.fieldwork_start.display(),
            "Published": inspection.published.display(), "Score": explain_row(row),
            "Notes": inspection.notes, "Your tags": "…", "Your notes": "…",
        }
