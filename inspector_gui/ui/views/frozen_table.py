"""A table view whose first column stays in place while the rest scroll sideways, as Qt's "Frozen
Column" example does it: a second view over the left edge shows only that column, sharing the
model and the selection, scrolled vertically with the main view. Keyboard focus stays with the
main view; a click on the frozen column selects there and sorts from its header (only sorts: Qt's
table view would also select the whole column, and its own header's press does not, since sorting
is enabled there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from inspector_gui.ui.views.domain_header import DomainHeaderView

FROZEN = 0


class FrozenColumnTable(QTableView):
    def __init__(self, header: DomainHeaderView, frozen_header: QHeaderView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(header)
        self.frozen = QTableView(self)
        self.frozen.setHorizontalHeader(frozen_header)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView { border: none; }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header.sectionResized.connect(self._section_resized)
        header.sortIndicatorChanged.connect(frozen_header.setSortIndicator)
        frozen_header.setSortIndicatorShown(True)
        self._sort_on_click = SortOnClick(frozen_header, self._frozen_clicked)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)

    def setModel(self, model) -> None:  # noqa: ANN001 - Qt's signature
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._show_frozen_only)
        model.layoutChanged.connect(self._show_frozen_only)
        self._show_frozen_only()

    def lay_out_now(self) -> None:
        """Lay both views out now (rows, scroll bars, the frozen column's place) rather than in
        the layout Qt delays after new rows: else the first paint is followed by another of the
        whole viewport, the two often served back to back with the result that brought the rows."""
        self.executeDelayedItemsLayout()
        self.frozen.executeDelayedItemsLayout()

    def setItemDelegate(self, delegate) -> None:  # noqa: ANN001 - Qt's signature
        super().setItemDelegate(delegate)
        self.frozen.setItemDelegate(delegate)

    def _show_frozen_only(self) -> None:
        model = self.model()
        for column in range(model.columnCount() if model else 0):
            self.frozen.setColumnHidden(column, column != FROZEN)
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self._place()

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == FROZEN:
            self.frozen.setColumnWidth(FROZEN, new)
            self._place()

    def _frozen_clicked(self, section: int) -> None:
        header = self.horizontalHeader()
        same = header.sortIndicatorSection() == section
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        self.sortByColumn(section, Qt.SortOrder.DescendingOrder if same and ascending
                          else Qt.SortOrder.AscendingOrder)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    def _place(self) -> None:
        frame = self.frameWidth()
        header = self.horizontalHeader()
        if isinstance(header, DomainHeaderView) and header.covered != self.columnWidth(FROZEN):
            header.covered = self.columnWidth(FROZEN)
            header.viewport().update()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        self.frozen.setGeometry(frame + self.verticalHeader().width(), frame, self.columnWidth(FROZEN),
                                self.viewport().height() + self.horizontalHeader().height())

    def scrollTo(self, index: QModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll as usual, then far enough left that a cell is not hidden under the frozen one."""
        super().scrollTo(index, hint)
        if index.isValid() and index.column() != FROZEN:
            hidden = self.columnWidth(FROZEN) - self.visualRect(index).left()
            if hidden > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - hidden)


class SortOnClick(QObject):
    """Takes a header's mouse presses and releases so that a click on a section only calls
    ``clicked(section)``: Qt's table view connects a header's press to selecting its column
    (undone only by enabling sorting on that view, which the frozen view must not do, since the
    main view sorts the shared model)."""

    def __init__(self, header: QHeaderView, clicked: Callable[[int], None]) -> None:
        super().__init__(header)
        self._header, self._clicked = header, clicked
        self._pressed: int | None = None
        header.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick) or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        section = self._header.logicalIndexAt(event.position().toPoint())
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed = section
        elif kind == QEvent.Type.MouseButtonRelease:
            if section >= 0 and section == self._pressed:
                self._clicked(section)
            self._pressed = None
        return True
