"""Showing imported text safely: plain-text labels, escaped tooltips and links.

Qt guesses rich text from a string's content, so a finding such as ``<b>bold</b>`` would render as
markup; every string that can hold imported text goes through this module instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from inspector_gui.domain.links import short_link_text, web_address

_BREAK = "&#8203;"
"""A zero-width space: lets Qt wrap a long address without showing anything."""


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: escaped inside a ``<qt>`` wrapper."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def mnemonic_safe(text: str) -> str:
    """Imported text for a button or check box label, where ``&`` would mark a shortcut."""
    return text.replace("&", "&&")


def link_html(url: str, text: str | None = None) -> str:
    """An escaped link for a web address (:func:`~inspector_gui.domain.links.web_address`
    decides, and gives the encoded address); anything else is escaped text, never a link. The
    shown text may break after ``/`` and ``.`` so a long address wraps in a narrow pane."""
    shown = html.escape(text if text is not None else url)
    href = web_address(url)
    if href is None:
        return shown
    breakable = re.sub(r"([/.])", "\\1" + _BREAK, shown)
    return f'<a href="{html.escape(href, quote=True)}">{breakable}</a>'


def source_links_html(urls: Iterable[str], separator: str = "<br>") -> str:
    """Every value of a source field as its own link (or text), each shown shortened with its
    whole host."""
    return separator.join(link_html(u, short_link_text(u)) for u in urls)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False,
                selectable: bool = False) -> QLabel:
    """A QLabel that never interprets its text as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def heading_label(parent: QWidget | None = None, scale: float = 1.0) -> QLabel:
    """A bold, selectable, wrapping plain-text label for a pane's heading."""
    label = plain_label(parent=parent, wrap=True, selectable=True)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def link_label(parent: QWidget | None = None) -> QLabel:
    """A label for links built with :func:`link_html`; opens them in the browser."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label
