"""Delegates that paint ratings and search matches.

Ratings are drawn as coloured chips that always carry a label too (``RI``, or the whole word when
it fits), so colour is never the only cue; "not recorded" is an empty cell with a dash and "not
applicable" is hatched, so the two can never be confused. A rating whose basis is not "stated"
(news report, press-release wording) gets a corner mark.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QPolygon,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inspector_gui.domain.matrix import Cell, CellState
from inspector_gui.domain.ratings import Rating
from inspector_gui.domain.search import Search, match_spans
from inspector_gui.store.terms import stems
from inspector_gui.ui.models import Index
from inspector_gui.ui.palette import not_applicable_brush, rating_fill, rating_text
from inspector_gui.ui.roles import CellRole, HighlightRole, RatingRole

WORD_SCALE = 0.9
"""Chips that spell the rating's word use a slightly smaller font, to fit a narrow column."""
MATCH_FILL = QColor("#ffd54f")
MATCH_TEXT = QColor("#111111")
SELECTED = QStyle.StateFlag.State_Selected.value
HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value


def paint_chip(painter: QPainter, rect: QRect, rating: Rating, palette: QPalette, *,
               full_word: bool = True, stated: bool = True) -> None:
    """A rating chip: fill, label (the word if it fits and is wanted, else the short form) and,
    for a rating not stated by the inspectorate, a mark in the top-right corner."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text, font, fill = _chip_look(painter.font(), rating, rect.width() if full_word else 0)
    painter.setPen(Qt.PenStyle.NoPen if fill else palette.color(QPalette.ColorRole.Mid))
    painter.setBrush(fill if fill else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setFont(font)
    painter.setPen(rating_text(rating, palette))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    if not stated:
        _corner_mark(painter, rect, rating_text(rating, palette))
    painter.restore()


_CHIP_LOOKS: dict[tuple[str, Rating, int], tuple[str, QFont, QColor | None]] = {}
CHIP_LOOKS_KEPT = 4096
"""Looks remembered (a font, a rating, a width each): a screen of chips then makes no font,
metrics or colour objects, which were most of a matrix repaint's GUI-thread time."""


def _chip_look(base: QFont, rating: Rating, width: int) -> tuple[str, QFont, QColor | None]:
    """The label, its font and the fill of a chip ``width`` wide in ``base``'s font."""
    key = (base.key(), rating, width)
    look = _CHIP_LOOKS.get(key)
    if look is None:
        if len(_CHIP_LOOKS) >= CHIP_LOOKS_KEPT:
            _CHIP_LOOKS.clear()
        look = _CHIP_LOOKS[key] = (*_chip_label(base, rating, width), rating_fill(rating))
    return look


def _chip_label(base: QFont, rating: Rating, width: int) -> tuple[str, QFont]:
    """The rating's word in a slightly smaller font when it fits ``width``, else its short form
    in bold."""
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * WORD_SCALE)
    if QFontMetrics(font).horizontalAdvance(rating.label) + 8 <= width:
        return rating.label, font
    short = QFont(base)
    short.setBold(rating.is_graded)
    return rating.short, short


def _corner_mark(painter: QPainter, rect: QRect, colour: QColor) -> None:
    size = max(5, rect.height() // 3)
    corner = rect.topRight()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygon([corner, corner - QPoint(size, 0), corner + QPoint(0, size)]))


def paint_not_applicable(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    painter.save()
    painter.fillRect(rect, not_applicable_brush(palette))
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "n/a")
    painter.restore()


def paint_not_recorded(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    painter.save()
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, Rating.NOT_RECORDED.short)
    painter.restore()


class RatingDelegate(QStyledItemDelegate):
    """Paints matrix cells that carry a rating (:data:`RatingRole`) or a :data:`CellRole`.

    Each look (state, rating, basis, size, font, palette) is drawn once into a pixmap and copied
    from then on: a matrix repaint draws hundreds of chips, and drawing each from Python (a
    rounded rectangle, fonts, metrics, colours, text) was most of its GUI-thread time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drawn: dict[tuple[object, ...], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell: Cell | None = index.data(CellRole)
        if cell is None:
            rating: Rating | None = index.data(RatingRole)
        else:
            rating = cell.rating if cell.state is CellState.RATED else None
        if cell is None and rating is None:
            super().paint(painter, option, index)
            return
        state = option.state.value  # one read: each flag test on the enum runs Python code
        if state & SELECTED:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        inner = option.rect.adjusted(3, 3, -3, -3)
        if cell is None or cell.state is not CellState.OTHER_FRAMEWORK:  # another framework's: blank
            painter.drawPixmap(inner.topLeft(), self._look(painter, option, inner.size(), cell, rating))
        if state & HAS_FOCUS:
            self._focus(painter, option)

    def _look(self, painter: QPainter, option: QStyleOptionViewItem, size: QSize, cell: Cell | None,
              rating: Rating | None) -> QPixmap:
        ratio = painter.device().devicePixelRatioF()
        key = (cell.state if cell else None, rating, cell.stated if cell else True, size.width(),
               size.height(), option.font.key(), option.palette.cacheKey(), ratio)
        pixmap = self._drawn.get(key)
        if pixmap is None:
            if len(self._drawn) >= LOOKS_KEPT:
                self._drawn.clear()
            pixmap = self._drawn[key] = _draw_look(option, size, ratio, cell, rating)
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 40), max(hint.height(), 26))

    @staticmethod
    def _focus(painter: QPainter, option: QStyleOptionViewItem) -> None:
        painter.save()
        pen = painter.pen()
        pen.setColor(option.palette.color(QPalette.ColorRole.Text))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
        painter.restore()


LOOKS_KEPT = 1024


def _draw_look(option: QStyleOptionViewItem, size: QSize, ratio: float, cell: Cell | None,
               rating: Rating | None) -> QPixmap:
    """A cell's rating drawn on a transparent pixmap of ``size`` (device pixels × ``ratio``)."""
    pixmap = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setFont(option.font)
    rect = QRect(QPoint(0, 0), size)
    if cell is not None and cell.state is CellState.NOT_APPLICABLE:
        paint_not_applicable(painter, rect, option.palette)
    elif cell is not None and cell.state is CellState.NOT_RECORDED:
        paint_not_recorded(painter, rect, option.palette)
    else:
        paint_chip(painter, rect, rating or Rating.NOT_RECORDED, option.palette,
                   stated=cell.stated if cell is not None else True, full_word=cell is None)
    painter.end()
    return pixmap


class BadgeDelegate(QStyledItemDelegate):
    """The provider tree's rating column: a coloured badge with the rating's word, or its short
    label when the column is too narrow for the word."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rating: Rating | None = index.data(RatingRole)
        _item_background(self, painter, option, index)
        if rating is None:
            return
        height = min(option.rect.height() - 4, option.fontMetrics.height() + 4)
        rect = QRect(option.rect.left() + 2, option.rect.center().y() - height // 2 + 1,
                     option.rect.width() - 6, height)
        paint_chip(painter, rect, rating, option.palette)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(self.badge_width(option.font), hint.height() + 4)

    @staticmethod
    def badge_width(font: QFont) -> int:
        """Room for the longest word, so the column can have a fixed width (measuring every row
        of a large tree to size it would stall the window)."""
        smaller = QFont(font)
        smaller.setPointSizeF(smaller.pointSizeF() * WORD_SCALE)
        return QFontMetrics(smaller).horizontalAdvance(Rating.REQUIRES_IMPROVEMENT.label) + 16

    @staticmethod
    def short_width(font: QFont) -> int:
        """Room for the longest short label (``RI``) in bold, as :func:`paint_chip` draws it."""
        bold = QFont(font)
        bold.setBold(True)
        return QFontMetrics(bold).horizontalAdvance(Rating.REQUIRES_IMPROVEMENT.short) + 16


class FindingTextDelegate(QStyledItemDelegate):
    """Finding text wrapped to as many lines as the row holds, the last one elided, with the words
    a search matched marked (bold on amber, so not by colour alone).

    Each cell's layout and marks are remembered (by text, width, lines, font and search): laying
    out, eliding and finding the matched words again on every repaint was most of the GUI
    thread's time when a selection repainted the findings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._laid_out: dict[tuple[str, int, int, str, Search], _LaidOut] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt, text, rect = _item_background(self, painter, option, index)
        rect.adjust(3, 2, -3, -2)
        max_lines = max(1, rect.height() // opt.fontMetrics.lineSpacing())
        search: Search = index.data(HighlightRole) or Search()
        layout, marks = self._layout(text, opt, rect.width(), max_lines, search)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                         else QPalette.ColorRole.Text))
        top = rect.top() + max(0.0, (rect.height() - layout.boundingRect().height()) / 2)
        layout.draw(painter, QPointF(rect.left(), top), marks)
        painter.restore()

    def _layout(self, text: str, opt: QStyleOptionViewItem, width: int, max_lines: int,
                search: Search) -> _LaidOut:
        key = (text, width, max_lines, opt.font.key(), search)
        laid_out = self._laid_out.get(key)
        if laid_out is None:
            if len(self._laid_out) >= LAYOUTS_KEPT:
                self._laid_out.clear()
            layout = _wrapped(text, opt, width, max_lines)
            spans = match_spans(layout.text(), search, stems)
            laid_out = self._laid_out[key] = (layout, [_match_range(s, n) for s, n in spans])
        return laid_out


_LaidOut = tuple[QTextLayout, list[QTextLayout.FormatRange]]
LAYOUTS_KEPT = 2000
"""Cells whose layout is remembered: a few screens of findings at a few widths."""


def _item_background(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
                     index: Index) -> tuple[QStyleOptionViewItem, str, QRect]:
    """Let the style draw the item without its text (background, selection, focus); returns the
    option, the text and the rectangle the text would have had, for the caller to draw into."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text, opt.text = opt.text, ""
    style = opt.widget.style() if opt.widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return opt, text, style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)


def _wrapped(text: str, opt: QStyleOptionViewItem, width: int, max_lines: int) -> QTextLayout:
    """A layout of ``text`` in at most ``max_lines`` lines of ``width``; the last line elided."""
    layout = _layout(text, opt, width, max_lines)
    last = layout.lineAt(layout.lineCount() - 1)
    end = last.textStart() + last.textLength()
    if end >= len(text):
        return layout
    tail = opt.fontMetrics.elidedText(text[last.textStart():], Qt.TextElideMode.ElideRight, width)
    return _layout(text[:last.textStart()] + tail, opt, width, max_lines)


def _layout(text: str, opt: QStyleOptionViewItem, width: int, max_lines: int) -> QTextLayout:
    layout = QTextLayout(text, opt.font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long word in a narrow column
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    for _ in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def _match_range(start: int, length: int) -> QTextLayout.FormatRange:
    fmt = QTextCharFormat()
    fmt.setBackground(MATCH_FILL)
    fmt.setForeground(MATCH_TEXT)
    fmt.setFontWeight(QFont.Weight.Bold)
    match = QTextLayout.FormatRange()
    match.start, match.length, match.format = start, length, fmt
    return match
