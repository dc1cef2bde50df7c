"""Custom item-data roles shared by every model, delegate and view: one name per meaning."""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

ItemRole = _USER + 1
"""The domain object behind an index: a Provider, Inspection, MatrixRow or Finding."""
RatingRole = _USER + 2
"""The :class:`~inspector_gui.domain.ratings.Rating` a delegate paints as a badge or cell."""
SortRole = _USER + 3
"""A Python sort key ``(missing, value)``; missing values sort last in either direction."""
CellRole = _USER + 4
"""The :class:`~inspector_gui.domain.matrix.Cell` of a standard column."""
DomainRole = _USER + 5
"""Header data: ``(framework_id, code, name)`` of the domain a standard column belongs to."""
HighlightRole = _USER + 6
"""The search (:class:`inspector_gui.domain.search.Search`) whose matches a cell's text marks."""
TitleRole = _USER + 7
"""Header data: the full column title used when copying (``1.1 Leadership``)."""
FrameworkRole = _USER + 8
"""Header data: ``(framework_id, name)`` of the framework a standard column belongs to."""
NameRole = _USER + 9
"""Header data: the standard's name, shown under its code."""
