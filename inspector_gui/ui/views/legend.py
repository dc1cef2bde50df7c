"""The matrix legend: each chip the delegate paints, with what it means, read from the scales of
the frameworks the matrix shows (:func:`~inspector_gui.domain.frameworks.legend_scales`): one
line per distinct scale, labelled with its frameworks when there are several, then the states
outside every scale. Wraps onto more lines when the panel is narrow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from inspector_gui.domain.ratings import FOUR_WORD, Rating, Scale
from inspector_gui.ui.delegates import paint_chip, paint_not_applicable, paint_not_recorded
from inspector_gui.ui.text import plain_tooltip

_CHIP_WIDTH, _GAP, _SPACING = 30, 4, 14
NOT_STATED = "not stated by the inspectorate"


@dataclass(frozen=True)
class Entry:
    """One legend entry: a chip (``rating`` or a state's ``kind``) and its text, or (``kind``
    "label") a line's caption naming its frameworks, which starts a new line."""

    kind: str
    text: str
    rating: Rating | None = None


def legend_entries(scales: Sequence[tuple[str, Scale]]) -> list[Entry]:
    """The entries for these scales (``(frameworks, scale)``; an empty label for a lone scale)."""
    entries: list[Entry] = []
    for label, scale in scales:
        if label:
            entries.append(Entry("label", f"{label}:"))
        entries += [Entry("rating", r.label, r) for r in scale.levels]
    if len(scales) > 1:
        entries.append(Entry("label", "Also:"))
    return entries + [Entry("rating", "Not rated", Rating.NOT_RATED),
                      Entry("not_recorded", "not recorded"), Entry("not_applicable", "not applicable"),
                      Entry("not_stated", NOT_STATED)]


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.entries: list[Entry] = []
        self.set_scales([("", FOUR_WORD)])

    def set_scales(self, scales: Sequence[tuple[str, Scale]]) -> None:
        """Show these scales (the frameworks of the rows shown)."""
        self.entries = legend_entries(scales)
        self.setAccessibleName("Legend: " + ", ".join(self._spoken(e) for e in self.entries))
        self.setToolTip(plain_tooltip("A corner mark flags a rating taken from a news report or "
                                      "press-release wording rather than stated by the inspectorate."))
        self.updateGeometry()
        self.update()

    @staticmethod
    def _spoken(entry: Entry) -> str:
        """What a screen reader says for the entry: its chip's mark, then its text."""
        mark = {"not_recorded": "dash", "not_applicable": "hatched n/a", "not_stated": "corner mark",
                "label": ""}.get(entry.kind, entry.rating.short if entry.rating else "")
        return f"{mark} {entry.text}".strip()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _places(self, width: int) -> list[QRect]:
        """Where each entry (chip and text) goes, wrapping at ``width``; a caption starts a line."""
        places, x, y = [], 0, 0
        for entry in self.entries:
            chip = 0 if entry.kind == "label" else _CHIP_WIDTH + _GAP
            size = chip + self._metrics(entry).horizontalAdvance(entry.text)
            if x and (x + size > width or entry.kind == "label"):
                x, y = 0, y + self._row_height()
            places.append(QRect(x, y, size, self._row_height()))
            x += size + (_GAP if entry.kind == "label" else _SPACING)
        return places

    def _font(self, entry: Entry) -> QFont:
        font = QFont(self.font())
        font.setBold(entry.kind == "label")
        return font

    def _metrics(self, entry: Entry) -> QFontMetrics:
        return QFontMetrics(self._font(entry))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._places(width)[-1].bottom() + 1

    def sizeHint(self) -> QSize:
        width = max(p.right() for p in self._places(10**6))
        return QSize(width, self.heightForWidth(10**6))

    def minimumSizeHint(self) -> QSize:
        return QSize(_CHIP_WIDTH * 4, self._row_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        for entry, place in zip(self.entries, self._places(self.width()), strict=True):
            text_at = place
            if entry.kind != "label":
                chip = QRect(place.left(), place.top() + 3, _CHIP_WIDTH, place.height() - 6)
                self._chip(painter, chip, entry)
                text_at = place.adjusted(_CHIP_WIDTH + _GAP, 0, 0, 0)
            painter.setFont(self._font(entry))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(text_at, Qt.AlignmentFlag.AlignVCenter, entry.text)
        painter.end()

    def _chip(self, painter: QPainter, rect: QRect, entry: Entry) -> None:
        palette = self.palette()
        if entry.rating is not None:
            paint_chip(painter, rect, entry.rating, palette, full_word=False)
        elif entry.kind == "not_recorded":
            paint_not_recorded(painter, rect, palette)
        elif entry.kind == "not_applicable":
            paint_not_applicable(painter, rect, palette)
        else:
            paint_chip(painter, rect, Rating.GOOD, palette, full_word=False, stated=False)
