"""A provider summary as an A4 PDF, laid out by Qt's rich text engine (QTextDocument) and written
by QPdfWriter: headings, the matrix as tables whose header row repeats on each page, a footer with
the page number. Qt is imported here only, when a PDF is asked for.

The document refuses every resource that is not embedded in it (a ``data:`` URL), so nothing in a
summary can make the PDF writer read a local file or the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inspector_gui.domain.summary import ProviderSummary
from inspector_gui.errors import ExportError
from inspector_gui.exchange.writers import wording
from inspector_gui.exchange.writers.html_doc import QT_CSS, render_html

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QPainter, QPdfWriter, QTextBlock, QTextDocument

DPI = 96
MARGINS_MM = (15.0, 14.0, 15.0, 12.0)
FOOTER_PX = 26
KEEP_PX = 40
BODY_PT = 9.0


def write_pdf(summary: ProviderSummary, path: str | Path, chart_png: bytes | None = None) -> int:
    """Write the summary to ``path``; returns the number of pages."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPainter

    from inspector_gui.offscreen import ensure_application

    ensure_application()
    writer = _writer(Path(path), summary)
    page = writer.pageLayout().paintRectPixels(DPI)
    body = page.height() - FOOTER_PX
    document = offline_document(render_html(summary, chart_png, stylesheet=QT_CSS,
                                            chart_width=page.width()))
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(page.width(), body))
    keep_headings_with_next(document, body)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("cannot be written (Qt could not start the PDF)")
    try:
        return _paint(painter, document, writer, summary, body)
    finally:
        painter.end()


def offline_document(html: str) -> QTextDocument:
    """A QTextDocument that loads nothing from outside the HTML it is given."""
    from PySide6.QtGui import QFont, QTextDocument

    class OfflineDocument(QTextDocument):
        def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 - Qt's name
            return super().loadResource(kind, url) if url.scheme() == "data" else None

    document = OfflineDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(BODY_PT)  # Qt sizes headings from this (h1 2x, h2 1.5x, h3 1.2x), not from CSS
    for feature in ("liga", "clig"):  # "fi" stays two letters when text is copied from the PDF
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    document.setHtml(html)
    return document


def keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when what it introduces starts there: Qt's rich text has
    no ``break-after: avoid``, and a heading alone at the foot of a page looks careless."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            top = layout.blockBoundingRect(block).top()
            end = _first_content_end(block, page_height)
            if end is not None and top // page_height != end // page_height:
                breaking = QTextBlockFormat()
                breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(breaking)
        block = block.next()


def _first_content_end(heading: QTextBlock, page_height: float) -> float | None:
    """Where the part a heading must share a page with ends: a whole table when it fits on a
    page, else the first lines of what follows. An introductory paragraph followed by a
    subheading (the matrix key, the findings filter line) carries on to what that one introduces."""
    from PySide6.QtGui import QTextCursor

    layout = heading.document().documentLayout()
    level = heading.blockFormat().headingLevel()
    content = _skip_headings(heading.next())
    following = content.next()
    if QTextCursor(content).currentTable() is None and following.blockFormat().headingLevel() > level:
        content = _skip_headings(following)
    if not content.isValid():
        return None
    rect = layout.blockBoundingRect(content)
    table = QTextCursor(content).currentTable()
    if table is not None:
        frame = layout.frameBoundingRect(table)
        if frame.height() < page_height * 0.8:
            return frame.bottom() - 1
    return rect.top() + min(rect.height(), KEEP_PX)


def _skip_headings(block: QTextBlock) -> QTextBlock:
    while block.isValid() and block.blockFormat().headingLevel():
        block = block.next()
    return block


def _writer(path: Path, summary: ProviderSummary) -> QPdfWriter:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    left, top, right, bottom = MARGINS_MM
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter))
    writer.setTitle(wording.title(summary))
    writer.setCreator(summary.generated_by)
    return writer


def _paint(painter: QPainter, document: QTextDocument, writer: QPdfWriter, summary: ProviderSummary,
           body: int) -> int:
    pages = document.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        _paint_page(painter, document, index, body)
        _paint_footer(painter, summary, index + 1, pages, body)
    return pages


def _paint_page(painter: QPainter, document: QTextDocument, index: int, body: int) -> None:
    from PySide6.QtCore import QRectF

    width = document.pageSize().width()
    painter.save()
    painter.translate(0, -index * body)
    document.drawContents(painter, QRectF(0, index * body, width, body))
    painter.restore()


def _paint_footer(painter: QPainter, summary: ProviderSummary, number: int, pages: int, body: int) -> None:
    from PySide6.QtCore import QLineF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

    width = painter.viewport().width()
    painter.save()
    painter.setPen(QPen(QColor("#c9d1d9"), 0.75))
    painter.drawLine(QLineF(0, body + 8, width, body + 8))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7)
    painter.setFont(font)
    painter.setPen(QColor("#5b6670"))
    area = QRectF(0, body + 11, width, FOOTER_PX - 11)
    page_label = f"Page {number} of {pages}"
    metrics = QFontMetricsF(font, painter.device())
    room = width - metrics.horizontalAdvance(page_label) - 24
    left = f"{summary.provider.name}: inspection summary, data as at {summary.as_at.display()}"
    left = metrics.elidedText(left, Qt.TextElideMode.ElideMiddle, room)
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, page_label)
    painter.restore()
