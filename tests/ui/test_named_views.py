"""Named views: saved, exported, imported in a fresh settings folder and opened with --view,
they restore the same findings page; Reset view clears every filter; bad view files are refused."""

from __future__ import annotations

import json

import pytest

from inspector_gui.ui.app import main, parse_args
from inspector_gui.ui.extensions import build_window
from inspector_gui.ui.named_views import open_when_loaded, view_problem

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
