"""What the status bar says after an export: "Saved west-yorkshire-….pdf in ~/Documents" with
buttons to open the file or its folder. The export dialog closes the moment the file is written,
so its own status line is never seen; this stays until the next one (or Close).

Opening goes through the desktop (``QDesktopServices``); where no program can open the file or
folder (no file manager, a bare window manager), a plain-text message says so and where the file
is, instead of a Qt line on stderr only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from inspector_gui.ui.dialogs.errors import error_box
from inspector_gui.ui.status import home_relative
from inspector_gui.ui.text import plain_label, plain_tooltip

Opener = Callable[[QUrl], bool]


def open_with_desktop(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class SavedNotice(QWidget):
    """A status-bar widget naming the last file saved, with Open file / Open folder / close."""

    def __init__(self, parent: QWidget | None = None, opener: Opener = open_with_desktop) -> None:
        super().__init__(parent)
        self._opener = opener
        self.path: Path | None = None
        self.label = plain_label(parent=self)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(80)  # its whole text where there is room; never a wider window
        self.open_file = self._button("Open file", lambda: self._open(self.path))
        self.open_folder = self._button("Open folder", lambda: self._open(self.path and self.path.parent))
        self.dismiss = self._button("×", self.hide)
        self.dismiss.setToolTip("Hide this message")
        self.dismiss.setAccessibleName("Hide the saved-file message")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for button in (self.open_file, self.open_folder, self.dismiss):
            row.addWidget(button)
        self.hide()

    def _button(self, text: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def show_saved(self, path: Path, what: str = "", reveal: bool = False) -> None:
        """Announce ``path`` (``what`` describes it: "the summary of …"); open its folder at once
        when the user asked for that."""
        self.path = path
        where = home_relative(path.parent)
        self.label.setText(f"Saved {what + ' as ' if what else ''}{path.name} in {where}")
        self.label.setToolTip(plain_tooltip(str(path)))
        self.setAccessibleName(self.label.text())
        self.show()
        if reveal:
            self._open(path.parent)

    def _open(self, target: Path | None) -> None:
        if target is None or self._opener(QUrl.fromLocalFile(str(target))):
            return
        if target.is_dir():
            error_box(self.window(), "Cannot open the folder",
                      f"No program to open folders was found. The file was saved in {target}.")
        else:
            error_box(self.window(), "Cannot open the file",
                      f"No program to open {target.name} was found. It was saved in {target.parent}.")
