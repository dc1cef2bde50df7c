"""``inspector-gui [STORE]``: the desktop app; ``--screenshot FILE.png [--size WxH]`` renders the
window offscreen with the store loaded, saves a PNG and exits (the README's screenshot);
``--print-state`` likewise prints what the window shows as one JSON line (scripts and tests use
it to check what ``--view NAME`` restored). Both use default settings, neither reading nor
changing the user's; views and tags come from the user's notebook.

Without STORE the app opens ``$INSPECTOR_STORE`` or the store built from the bundled data.
Ctrl+C in the terminal and SIGTERM close the window the normal way (state is saved).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from inspector_gui import __version__
from inspector_gui.exchange import partial
from inspector_gui.imagesize import parse_size
from inspector_gui.ui import settings as keys
from inspector_gui.ui.dialogs.errors import install_excepthook
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.focus_return import FocusReturn
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.named_views import open_when_loaded, view_problem, window_state
from inspector_gui.ui.preload import preload_charts_later
from inspector_gui.ui.settings import Settings

EXIT_BAD_INPUT = 2
SETTLE_SECONDS = 0.3
SCREENSHOT_TIMEOUT = 60.0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line and exit code 2, as every command of the app does."""
        self.exit(EXIT_BAD_INPUT, f"inspector-gui: {message} (see --help)\n")


def size_argument(text: str) -> tuple[int, int]:
    """``--size``, as argparse wants its errors."""
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="inspector-gui", description=(
        "Inspector GUI: read, compare and report on probation inspections in England and Wales. "
        "Opens STORE, or $INSPECTOR_STORE, or the store built from the bundled data."))
    parser.add_argument("store", nargs="?", type=Path, help="store file to open (default: the bundled data)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the window offscreen with the store loaded, save a PNG and exit")
    parser.add_argument("--size", type=size_argument, default=(1400, 900), metavar="WxH",
                        help="window size for --screenshot (default 1400x900)")
    parser.add_argument("--domain", metavar="NAME",
                        help="with --screenshot: show the findings of the domains of this name")
    parser.add_argument("--view", metavar="NAME",
                        help="show this named view (View → Views) once the store is loaded")
    parser.add_argument("--print-state", action="store_true",
                        help="like --screenshot, render offscreen with the store loaded (and --view "
                             "shown), then print what the window shows as one JSON line (the view's "
                             "filters, the findings query, total and the loaded page's ids) and exit")
    parser.add_argument("--version", action="version", version=f"inspector-gui {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    problem = view_problem(args.view) if args.view is not None else ""
    if problem:
        print(f"inspector-gui: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    offscreen = bool(args.screenshot or args.print_state)
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    if offscreen:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="inspector-gui-") as fresh:
            settings = Settings(Path(fresh) / "settings.ini")
            if args.domain:
                settings.set(keys.FINDINGS_DOMAIN, args.domain)
            window = build_window(settings)
            if args.view is not None:
                open_when_loaded(window, args.view)
            window.open_store(args.store)
            return _render(app, window, args.screenshot, args.size, args.print_state)
    partial.remove_abandoned()  # exports a killed run of the app left half-written
    window = build_window()
    install_excepthook(lambda: window)
    if args.view is not None:
        open_when_loaded(window, args.view)
    window.open_store(args.store)
    window.show()
    preload_charts_later()
    _close_on_signals(window)
    return app.exec()


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0]])
    app.setApplicationName("inspector-gui")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("inspector-gui")
    if app.platformName() == "offscreen":
        qInstallMessageHandler(_offscreen_messages)
    FocusReturn(app)
    return app


_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _offscreen_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform (used for --screenshot) prints a note each time a window's size
    hints change, which it cannot pass on to a window system; every other message goes to stderr
    as Qt would print it."""
    if message == _OFFSCREEN_NOISE:
        return
    category = context.category if context.category and context.category != "default" else ""
    sys.stderr.write(f"{category}: {message}\n" if category else f"{message}\n")


def _close_on_signals(window: MainWindow) -> None:
    """SIGINT/SIGTERM close the window normally. A timer lets Python run the handlers while Qt's
    event loop has control; the handler only queues the close, because Python may run it in the
    middle of any callback (a delegate's paint, say) where closing a window is unsafe."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: QTimer.singleShot(0, window.close))
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(200)


def _render(app: QApplication, window: MainWindow, path: Path | None, size: tuple[int, int],
            print_state: bool) -> int:
    """Show the window at ``size`` until it has settled, then save a PNG to ``path`` (if given)
    and print the window's state (if asked)."""
    errors: list[object] = []
    window.store_failed.connect(errors.append)
    window.resize(*size)
    window.show()
    settled = wait_until_settled(app, window, SCREENSHOT_TIMEOUT)
    if errors:
        print(f"inspector-gui: {errors[0]}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not settled:
        print(f"inspector-gui: the window did not finish loading in {SCREENSHOT_TIMEOUT:.0f} s",
              file=sys.stderr)
        return 1
    if path is not None and not window.grab().save(str(path), "PNG"):
        print(f"inspector-gui: {path}: cannot write the PNG there", file=sys.stderr)
        return EXIT_BAD_INPUT
    if print_state:
        print(json.dumps(window_state(window), ensure_ascii=False), flush=True)
    window.close()
    return 0


def wait_until_settled(app: QApplication, window: MainWindow, timeout: float) -> bool:
    """Run the event loop until no query or debounce has been pending for a moment."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if window.is_busy():
            quiet_since = None
            time.sleep(0.01)
            continue
        quiet_since = quiet_since or time.monotonic()
        if time.monotonic() - quiet_since >= SETTLE_SECONDS:
            return True
    return False
