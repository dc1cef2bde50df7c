"""Named views: saved, exported, imported in a fresh settings folder and opened with --view (in
this process, and by a separate ``inspector-gui`` process), they restore the same findings page;
Reset view clears every filter; bad view files are refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from inspector_gui.ui.app import main, parse_args
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.named_views import capture, open_when_loaded, view_problem

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _narrow(window, settle) -> None:
    f = window.findings.filters
    f.set_domain("Case supervision")
    f.kinds["recommendation"].setChecked(False)
    f.follow.set_value("all")
    f.search.setText("risk")
    f.search.settle()
    window.matrix.every_action.setChecked(True)
    window.providers.select_key("provider:merseyside-crc")
    settle(window)


def test_a_view_saved_exported_imported_elsewhere_and_opened_with_view_restores_the_page(
        qtbot, window, store_path, settle, all_findings, tmp_path, monkeypatch):
    _narrow(window, settle)
    expected_query, expected_ids = window.findings.model.query, all_findings(window)
    assert 0 < len(expected_ids) < 538
    views = window.named_views
    views.ask_name = lambda title, label, text: "Weekly risk"
    views.save_current()
    assert views.names() == ["Weekly risk"]
    file = tmp_path / "weekly.json"
    views.pick = lambda title, label, names: names[0]
    views.choose_file = lambda save, suggested: str(file)
    views.export()
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["format"] == "inspector-gui/view" and document["state"]["search"] == "risk"

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "colleague-config"))  # a fresh settings folder
    assert view_problem("Weekly risk").startswith("no view called 'Weekly risk'")
    importer = build_window()
    qtbot.addWidget(importer)
    importer.named_views.choose_file = lambda save, suggested: str(file)
    importer.named_views.import_()
    assert importer.named_views.names() == ["Weekly risk"]
    assert view_problem("Weekly risk") == ""

    opened = build_window()  # what inspector-gui --view "Weekly risk" does
    qtbot.addWidget(opened)
    opened.resize(1400, 900)
    open_when_loaded(opened, "Weekly risk")
    opened.show()
    opened.open_store(store_path)
    settle(opened)
    assert opened.findings.model.query == expected_query
    assert all_findings(opened) == expected_ids
    assert opened.matrix.every_action.isChecked()
    assert opened.findings.filters.search.text() == "risk"


def test_reset_view_clears_every_filter_and_is_on_the_status_bar(qtbot, window, settle, all_findings):
    _narrow(window, settle)
    button = window.named_views.reset_button
    assert button.isVisible() and "Reset view" in button.text()
    button.click()
    settle(window)
    assert window.findings.filters.search.text() == "" and window.findings.filters.domain() is None
    assert not window.matrix.every_action.isChecked()
    assert len(all_findings(window)) == 538


def test_reset_view_clears_the_provider_lists_filters_too(qtbot, window, settle):
    qtbot.keyClicks(window.providers.filter, "Bedfordshire")
    window.providers.travel.worse.setChecked(True)
    settle(window)
    assert window.providers.narrowed()
    window.named_views.reset.trigger()
    settle(window)
    assert window.providers.filter.text() == "" and not window.providers.narrowed()
    assert window.providers.selected_key() == "all" and not window.providers.hidden_note.isVisible()


def test_views_menu_lists_views_with_keys_and_renames_and_deletes(qtbot, window, settle):
    views = window.named_views
    for name in ("Alpha", "Beta & co"):
        views.ask_name = lambda title, label, text, n=name: n
        views.save_current()
    views.refill()
    texts = [a.text() for a in views.menu.actions()]
    assert "&1 Alpha" in texts and "&2 Beta && co" in texts
    keyed = [a for a in views.menu.actions() if a.text() == "&1 Alpha"][0]
    assert keyed.shortcut().toString() == "Ctrl+Alt+1"
    views.pick = lambda title, label, names: "Alpha"
    views.ask_name = lambda title, label, text: "Gamma"
    views.rename()
    assert views.names() == ["Beta & co", "Gamma"]
    views.pick = lambda title, label, names: "Gamma"
    views.delete()
    assert views.names() == ["Beta & co"]


@pytest.mark.parametrize("content, message", [
    (b"not json", "is not a view file (not JSON text)"),
    (b'{"format": "something else"}', "is not a view file"),
    (b'{"format": "inspector-gui/view", "format_version": 99, "name": "x"}', "newer Inspector GUI"),
])
def test_a_bad_view_file_is_refused_in_one_line(qtbot, window, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    views = window.named_views
    views.choose_file = lambda save, suggested: str(path)
    views.import_()
    assert views.last_problem is not None and message in views.last_problem.text()
    assert views.names() == []


def test_a_hostile_view_file_can_only_choose_filters(qtbot, window, tmp_path, settle):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"format": "inspector-gui/view", "format_version": 1, "name": "Odd <b>",
                                "state": {"search": ["not", "text"], "kinds": ["strength", "evil"],
                                          "every_inspection": "yes", "domain": {"x": 1}}}))
    views = window.named_views
    views.choose_file = lambda save, suggested: str(path)
    views.import_()
    assert views.open("Odd <b>")
    settle(window)
    assert window.findings.filters.search.text() == ""
    assert window.findings.filters.kinds_chosen() == ("strength",)
    assert not window.matrix.every_action.isChecked()


def test_view_option_with_an_unknown_name_is_a_one_line_error(capsys) -> None:
    assert parse_args(["--view", "Nope"]).view == "Nope"
    assert main(["--view", "Nope"]) == 2
    assert capsys.readouterr().err.strip() == "inspector-gui: no view called 'Nope'; no view is saved yet"


APP = Path(sys.executable).with_name("inspector-gui")


def _gui(*args: str, runtime: Path) -> subprocess.CompletedProcess[str]:
    """A real ``inspector-gui`` process, offscreen, with this test's settings and notebook folders."""
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "INSPECTOR_"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    return subprocess.run([str(APP), *args], env=env, capture_output=True, text=True, timeout=180)


def test_inspector_gui_view_in_a_separate_process_restores_the_findings_page(
        qtbot, window, store_path, settle, tmp_path, monkeypatch):
    _narrow(window, settle)
    model = window.findings.model
    saved_query, saved_total = asdict(model.query), model.total
    saved_page = [model.finding(row).finding_id for row in range(model.rowCount())]
    saved_view = capture(window, window.named_views.charts)
    assert 0 < len(saved_page) == saved_total < 538
    views = window.named_views
    views.ask_name = lambda title, label, text: "Weekly risk"
    views.save_current()
    views.pick = lambda title, label, names: names[0]
    file = tmp_path / "weekly.json"
    views.choose_file = lambda save, suggested: str(file)
    views.export()

    colleague = tmp_path / "colleague-config"  # another fresh settings and notebook folder
    monkeypatch.setenv("XDG_CONFIG_HOME", str(colleague))
    importer = build_window()
    qtbot.addWidget(importer)
    importer.named_views.choose_file = lambda save, suggested: str(file)
    importer.named_views.import_()
    assert (colleague / "inspector-gui" / "notebook.db").exists()

    shown = _gui(str(store_path), "--view", "Weekly risk", "--print-state", runtime=tmp_path / "run")
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    state = json.loads(shown.stdout)
    assert state["findings"]["ids"] == saved_page and state["findings"]["total"] == saved_total
    assert state["findings"]["query"] == json.loads(json.dumps(saved_query))
    assert state["view"] == json.loads(json.dumps(saved_view))
    assert state["view"]["search"] == "risk" and state["view"]["selection"] == "provider:merseyside-crc"
    assert not (colleague / "inspector-gui" / "inspector-gui.ini").exists(), "the user's settings untouched"

    unknown = _gui(str(store_path), "--view", "Nope", runtime=tmp_path / "run")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr == "inspector-gui: no view called 'Nope'; the views are 'Weekly risk'\n"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nobody"))
    nothing = _gui(str(store_path), "--view", "Weekly risk", runtime=tmp_path / "run")
    assert nothing.returncode == 2 and len(nothing.stderr.splitlines()) == 1
    assert nothing.stderr.startswith("inspector-gui: ")
