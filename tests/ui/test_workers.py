"""Background queries: newest result per key wins, errors take the one route to the user."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time

import pytest
import shiboken6

from inspector_gui.errors import StoreError
from inspector_gui.ui.workers import LAST, LATER, QueryRunner

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def test_a_newer_query_under_the_same_key_makes_the_older_one_stale(qtbot):
    runner = QueryRunner()
    release = threading.Event()
    got: list[str] = []
    runner.submit("matrix", lambda: release.wait(5) and "old", got.append, owner=None)
    runner.submit("matrix", lambda: "new", got.append, owner=None)
    runner.submit("other", lambda: "independent", got.append, owner=None)
    release.set()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert sorted(got) == ["independent", "new"]


def test_cancel_drops_a_pending_result(qtbot):
    runner = QueryRunner()
    got: list[str] = []
    release = threading.Event()
    runner.submit("detail", lambda: release.wait(5) and "late", got.append, owner=None)
    runner.cancel("detail")
    release.set()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert got == []


def test_typed_errors_go_to_on_error_or_to_the_failed_signal(qtbot):
    runner = QueryRunner()
    problems: list[StoreError] = []

    def fail() -> None:
        raise StoreError("is locked", "x.db")

    runner.submit("a", fail, lambda _: None, problems.append, owner=None)
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.submit("b", fail, lambda _: None, owner=None)
    qtbot.waitUntil(lambda: runner.pending() == 0)
    assert [str(p) for p in problems] == ["x.db: is locked"]
    assert str(failed.args[0]) == "x.db: is locked"


def test_a_bug_in_a_query_reaches_the_excepthook_in_the_gui_thread(qtbot):
    runner = QueryRunner()
    seen: list[tuple[type, threading.Thread]] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: seen.append((kind, threading.current_thread()))
    try:
        runner.submit("a", lambda: 1 / 0, lambda _: None, owner=None)
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    finally:
        sys.excepthook = previous
    assert seen == [(ZeroDivisionError, threading.main_thread())]


def test_queries_reuse_their_threads_store_connection_until_shutdown(qtbot, store_path):
    runner = QueryRunner(threads=1)
    got: list[int] = []
    for _ in range(2):
        runner.query("count", store_path, lambda store: (store.counts()["findings"], store.conn),
                     got.append, owner=None)
        qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    (first, conn), (second, again) = got
    assert first == second == 538 and conn is again
    runner.shutdown()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        conn.execute("SELECT 1")


def test_a_task_reports_progress_and_stops_at_its_next_step_when_cancelled(qtbot):
    runner = QueryRunner()
    progress: list[int] = []
    aborted: list[str] = []

    def work(report):
        for step in range(1000):
            report(step, 1000)
            time.sleep(0.005)
        return "finished"

    runner.task("export", work, aborted.append, aborted.append, lambda done, _: progress.append(done),
                aborted.append, owner=None)
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=5000)
    runner.cancel("export")
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert aborted == ["cancelled"] and progress == sorted(progress) and len(progress) < 1000


def test_a_typed_error_in_a_task_reaches_its_handler(qtbot):
    runner = QueryRunner()
    problems: list[StoreError] = []

    def work(report):
        report(0, 1)
        raise StoreError("is damaged", "x.db")

    runner.task("export", work, problems.append, problems.append, lambda *_: None, problems.append,
                owner=None)
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert [str(p) for p in problems] == ["x.db: is damaged"]


def test_background_work_starts_once_the_other_queries_are_done(qtbot):
    """An integrity check or the whole inspection list must not compete with the queries whose
    results the user is waiting to see (the workers share Python's GIL with the GUI thread)."""
    runner = QueryRunner()
    release = threading.Event()
    order: list[str] = []
    runner.submit("page", lambda: release.wait(5) and order.append("page"), lambda _: None, owner=None)
    runner.submit("check", lambda: order.append("check"), lambda _: None, priority=LAST, owner=None)
    runner.submit("stale", lambda: order.append("stale"), lambda _: None, priority=LATER, owner=None)
    runner.cancel("stale")
    qtbot.wait(100)
    assert order == [] and runner.pending() == 3
    release.set()
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)
    assert order == ["page", "check"], "background work after, and stale work never started"


def test_a_result_for_a_deleted_owner_is_dropped_and_a_bug_still_reported(qtbot):
    """A panel torn down while its query runs must not be handed the result: its callbacks would
    touch a deleted C++ object (a RuntimeError in the event loop). A crash is still reported."""
    from PySide6.QtWidgets import QLabel

    runner = QueryRunner()
    owner = QLabel()
    release = threading.Event()
    got: list[str] = []
    seen: list[type] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: seen.append(kind)
    try:
        runner.submit("chart", lambda: release.wait(5) and "late",
                      lambda text: (owner.setText(text), got.append(text)), owner=owner)
        runner.task("export", lambda report: (release.wait(5), report(1, 2), 1 / 0),
                    got.append, got.append, lambda *_: got.append("progress"), got.append, owner=owner)
        owner.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=5000)
        release.set()
        with qtbot.waitSignal(runner.idle, timeout=5000):
            pass
    finally:
        sys.excepthook = previous
    assert got == [] and seen == [ZeroDivisionError]
