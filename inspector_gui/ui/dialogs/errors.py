"""One route for errors in the GUI: a dialog with a one-line message and a Details section.

Typed errors (:class:`~inspector_gui.errors.InspectorError`) say what is wrong with which file;
anything else is a bug, caught by :func:`install_excepthook` so that no traceback ever reaches a
user as a crash — it goes into the dialog's Details, where it can be copied into a bug report.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_gui.errors import InspectorError
from inspector_gui.ui.dialogs.message import plain_message

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_box(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    return plain_message(parent, QMessageBox.Icon.Warning, title, message, details)


def notice_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Something the user must know that stopped nothing (a damaged store was set aside)."""
    return plain_message(parent, QMessageBox.Icon.Information, title, message)


def show_store_error(parent: QWidget | None, error: InspectorError,
                     title: str = "Cannot open store") -> QMessageBox:
    """A store that cannot be opened or read: name the file and the problem."""
    where = f"File: {error.path}\nProblem: {error.message}" if error.path else error.message
    return error_box(parent, title, str(error),
                     where + "\n\nThe file was not changed. Use File → Open store… to choose another.")


def show_unexpected(parent: QWidget | None, exc: BaseException, tb: TracebackType | None) -> QMessageBox:
    """An unexpected exception: a short message, the traceback under Details."""
    details = "".join(traceback.format_exception(type(exc), exc, tb))
    message = f"Something went wrong: {type(exc).__name__}: {exc}".strip()
    return error_box(parent, "Inspector GUI — unexpected error",
                     message + "\n\nYour data is unchanged. The details below help us fix it.", details)


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Route uncaught exceptions to :func:`show_unexpected`; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            previous(kind, exc, tb)
            return
        if isinstance(exc, InspectorError):
            error_box(parent(), "Inspector GUI", str(exc))
            return
        show_unexpected(parent(), exc, tb)

    sys.excepthook = hook
    return previous
