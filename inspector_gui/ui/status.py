"""The status bar (counts, the data's licence attribution, store path, a busy indicator, a marker
on synthetic data) and the window title. The counts are never cut; as the window narrows the
path gives way first (elided in the middle), then the attribution (elided; whole in its tooltip,
in About, on charts and in exports)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QStatusBar, QWidget

from inspector_gui.domain.wording import counted
from inspector_gui.errors import one_line
from inspector_gui.reports.catalogue import Catalogue
from inspector_gui.ui.text import plain_label
from inspector_gui.ui.views.elided_label import ElidedLabel
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
        self.counts.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.attribution = ElidedLabel(self)
        self.path = ElidedLabel(self, Qt.TextElideMode.ElideMiddle)
        self.path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.path.setContentsMargins(10, 0, 0, 0)  # apart from the attribution
        self.addPermanentWidget(self.synthetic)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.attribution)
        self.addPermanentWidget(self.path, 1)
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
        for label in (self.counts, self.attribution, self.path):
            label.setHidden(bool(message) or noticed or (label is self.attribution and not label.text()))

    def show_store(self, catalogue: Catalogue | None) -> None:
        """The open store's counts and path (None: no store)."""
        self.synthetic.setVisible(catalogue is not None and catalogue.info.synthetic)
        self.counts.setText(_counts(catalogue) if catalogue else "")
        self.attribution.set_text(catalogue.info.attribution if catalogue else "")
        self.path.set_text(f"{home_relative(catalogue.path)} (read-only)" if catalogue else "",
                           str(catalogue.path) if catalogue else "")
        self.clearMessage()
        self._make_room(self.currentMessage())


def _counts(catalogue: Catalogue) -> str:
    info = catalogue.info
    counts = info.counts
    text = (f"{counted(counts['providers'], 'provider')} · {counted(counts['inspections'], 'inspection')} · "
            f"{counted(counts['findings'], 'finding')} · data as at {info.as_at or 'unknown'}")
    return f"{text} ·" if info.attribution else text
