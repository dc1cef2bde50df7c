"""Alt+letter mnemonics of a window: the letters its labels, buttons, tabs and menu bar take."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabWidget, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter(text: str) -> str | None:
    """The mnemonic letter of ``text`` ("&&" is a literal ampersand), lower case."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def taken(window: QWidget) -> dict[str, list[str]]:
    """Each letter with the texts that take it, among the widgets a user can reach in ``window``
    as it shows now (hidden widgets and other tab pages' widgets are left out: Qt skips them)."""
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, (QAbstractButton, QGroupBox)):
            texts.append(widget.text() if isinstance(widget, QAbstractButton) else widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions()]
    letters: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        if (found := letter(text)) is not None:
            letters[found].append(text)
    return dict(letters)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The letters more than one reachable text takes (Alt+letter then only moves the focus
    between them, and presses none)."""
    return {key: texts for key, texts in taken(window).items() if len(texts) > 1}


def dead_labels(window: QWidget) -> list[str]:
    """Labels whose Alt+letter gives the focus to nothing. QLabel focuses its buddy only when the
    buddy's own policy takes focus (a container of a field and its buttons does not, even with
    the field as its focus proxy); the focus then goes to the end of the proxy chain."""
    dead = []
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.isVisibleTo(window) or letter(label.text()) is None:
            continue
        target = buddy
        while target.focusProxy() is not None:
            target = target.focusProxy()
        if Qt.FocusPolicy.NoFocus in (buddy.focusPolicy(), target.focusPolicy()):
            dead.append(label.text())
    return dead
