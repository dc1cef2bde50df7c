"""The status bar (store path, counts, a busy indicator, a marker on synthetic data) and the
window title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QStatusBar, QWidget

from inspector_gui.domain.wording import counted
from inspector_gui.errors import one_line
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui.text import plain_label, plain_tooltip
from inspector_gui.ui.workers import QueryRunner

APP_TITLE = "Inspector GUI"
SYNTHETIC = "SYNTHETIC DATA"
SYNTHETIC_NOTE = f"{SYNTHETIC} — not real inspections"
SYNTHETIC_STYLE = ("QLabel { background: #b3261e; color: white; font-weight: bold; "
                   "border-radius: 3px; padding: 0 6px; }")


def window_title(path: Path | None, synthetic: bool = False) -> str:
    """``hmip.db — Inspector GUI`` (``synth.db (SYNTHETIC DATA) — Inspector GUI`` for generated
    data). Qt reads ``[*]`` in a title as the "modified" marker and ``[*][*]`` as a literal
    ``[*]``, so a file name's ``[*]`` is doubled; controls, bidi overrides and undecodable
    bytes in it are shown as escapes (``\u202e``), so a name cannot reorder the title."""
    if path is None:
        return APP_TITLE
    marker = f" ({SYNTHETIC})" if synthetic else ""
    return f"{one_line(path.name).replace('[*]', '[*][*]')}{marker} — {APP_TITLE}"


def home_relative(path: Path) -> str:
    """``~/…`` for a path in the user's home folder, else the path as it is."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


class StatusBar(QStatusBar):
    def __init__(self, window: QMainWindow, runner: QueryRunner) -> None:
        super().__init__(window)
        self.busy = plain_label("Working…", self)
        self.busy.hide()
        self.synthetic = plain_label(SYNTHETIC_NOTE, self)
        self.synthetic.setStyleSheet(SYNTHETIC_STYLE)
        self.synthetic.setToolTip("This store was generated for testing (inspector synth): "
                                  "its providers, ratings and findings are made up.")
        self.synthetic.hide()
        self.counts = plain_label(parent=self)
        self.path = plain_label(parent=self)
        for label in (self.counts, self.path):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addPermanentWidget(self.synthetic)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.counts, 3)
        self.addPermanentWidget(self.path, 2)
        self._notices: list[QWidget] = []
        runner.busy_changed.connect(self.busy.setVisible)
        self.messageChanged.connect(self._make_room)
        window.setStatusBar(self)

    def add_notice(self, notice: QWidget) -> None:
        """A widget on the left that stays until it hides itself (the saved-file message): the
        store's counts and path give way while it shows, as they do for a message."""
        self._notices.append(notice)
        self.addWidget(notice, 1)
        notice.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._notices and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._make_room(self.currentMessage())
        return super().eventFilter(watched, event)

    def _make_room(self, message: str) -> None:
        """A message is drawn left of the permanent widgets, where the stretching counts and path
        would leave it no room: they give way while it or a notice shows (the synthetic marker
        stays)."""
        noticed = any(notice.isVisibleTo(self) for notice in self._notices)
        for label in (self.counts, self.path):
            label.setHidden(bool(message) or noticed)

    def show_store(self, catalogue: Catalogue | None) -> None:
        """The open store's counts and path (None: no store)."""
        self.synthetic.setVisible(catalogue is not None and catalogue.info.synthetic)
        self.counts.setText(_counts(catalogue) if catalogue else "")
        attribution = catalogue.info.attribution if catalogue else ""
        self.counts.setToolTip(plain_tooltip(attribution) if attribution else "")
        self.path.setText(f"{home_relative(catalogue.path)} (read-only)" if catalogue else "")
        self.path.setToolTip(plain_tooltip(str(catalogue.path)) if catalogue else "")
        self.clearMessage()


def _counts(catalogue: Catalogue) -> str:
    info = catalogue.info
    counts = info.counts
    text = (f"{counted(counts['providers'], 'provider')} · {counted(counts['inspections'], 'inspection')} · "
            f"{counted(counts['findings'], 'finding')} · data as at {info.as_at or 'unknown'}")
    return f"{text} · {info.attribution}" if info.attribution else text
