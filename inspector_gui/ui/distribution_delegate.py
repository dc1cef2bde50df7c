"""Paints a benchmark distribution: a bar of the four ratings' shares (each segment labelled
with its count when it fits, so colour is never the only cue) and, beside it, n and how many
are better, level and worse."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from inspector_gui.domain.ratings import GRADED
from inspector_gui.reports.benchmark import Distribution
from inspector_gui.ui.models import Index
from inspector_gui.ui.palette import rating_fill, rating_text
from inspector_gui.ui.roles import ItemRole

BAR_WIDTH = 130


class DistributionDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        distribution: Distribution | None = index.data(ItemRole)
        if distribution is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(3, 4, -3, -4)
        bar = QRect(rect.left(), rect.top(), min(BAR_WIDTH, rect.width() // 2), rect.height())
        self._bar(painter, bar, distribution, option.palette)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect.adjusted(bar.width() + 6, 0, 0, 0), align, summary_text(distribution))
        painter.restore()

    def _bar(self, painter: QPainter, rect: QRect, distribution: Distribution, palette: QPalette) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        total, left = distribution.n, rect.left()
        for rating in GRADED:
            count = distribution.counts.get(rating, 0)
            if not total or not count:
                continue
            width = round(rect.width() * count / total)
            segment = QRect(left, rect.top(), width, rect.height())
            painter.fillRect(segment, rating_fill(rating))
            label = f"{rating.short} {count}"
            if painter.fontMetrics().horizontalAdvance(label) + 4 <= width:
                painter.setPen(rating_text(rating, palette))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, label)
            left += width

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        distribution: Distribution | None = index.data(ItemRole)
        text = summary_text(distribution) if distribution else ""
        return QSize(BAR_WIDTH + option.fontMetrics.horizontalAdvance(text) + 16, hint.height() + 8)


def summary_text(distribution: Distribution) -> str:
    """``n 16: 3 better, 8 level, 5 worse``; ``n 0`` when there is nothing to compare with."""
    if distribution.better is None or not distribution.n:
        return f"n {distribution.n}"
    d = distribution
    return f"n {d.n}: {d.better} better, {d.level} level, {d.worse} worse"
