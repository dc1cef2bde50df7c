"""Tags and notes from the window: keyboard and detail pane, the Tags column, the tag filter with
counts; the store's bytes never change."""

from __future__ import annotations

import pytest
from badinput import sha256
from PySide6.QtCore import QItemSelectionModel, Qt

from inspector_gui.store.notebook import Notebook, notebook_path
from inspector_gui.ui.models.findings import TAGS

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _select_rows(window, rows):
    table = window.findings.table
    table.setFocus()
    table.setCurrentIndex(window.findings.model.index(rows[0], 0))
    selection = table.selectionModel()
    for row in rows:
        selection.select(window.findings.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_ctrl_t_tags_the_selected_findings_and_the_tag_filter_shows_them(qtbot, window, store_path, settle):
    before = sha256(store_path)
    panel = window.findings
    panel.tagging.ask = lambda title, label, choices: "evidence"
    _select_rows(window, [0, 2])
    qtbot.keyClick(panel.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    model = panel.model
    assert [model.index(r, TAGS).data() for r in range(3)] == ["evidence", "", "evidence"]
    assert panel.detail.tags.text() == "Tags: evidence"
    box = panel.filters.tag
    assert [box.itemText(i) for i in range(box.count())] == ["Any tag", "evidence (2)"]
    box.set_value("evidence")
    box.value_changed.emit("evidence")
    settle(window)
    assert model.total == 2 and model.rowCount() == 2
    with Notebook.open(notebook_path(), create=False) as notebook:
        assert sorted(r.text for _, r in notebook.tagged("evidence")) == sorted(
            model.finding(r).text for r in range(2))
    assert sha256(store_path) == before


def test_removing_the_filtered_tag_takes_the_finding_out_of_the_list(qtbot, window, store_path, settle):
    before = sha256(store_path)
    panel = window.findings
    panel.tagging.ask = lambda title, label, choices: "risk"
    _select_rows(window, [1, 3])
    panel.tagging.add_tag.trigger()
    settle(window)
    panel.filters.tag.set_value("risk")
    panel.refresh()
    settle(window)
    assert panel.model.total == 2
    _select_rows(window, [0])
    asked = []
    panel.tagging.ask = lambda title, label, choices: asked.append(choices) or "risk"
    qtbot.keyClick(panel.table, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    assert asked == [["risk"]]
    assert panel.model.total == 1
    box = panel.filters.tag
    assert [box.itemText(i) for i in range(box.count())] == ["Any tag", "risk (1)"]
    assert sha256(store_path) == before


def test_a_note_from_the_detail_pane_is_shown_there(qtbot, window, settle):
    panel = window.findings
    panel.tagging.ask = lambda title, label, choices: "Quote in the briefing <b>x</b>"
    _select_rows(window, [0])
    settle(window)
    buttons = [panel.detail.buttons.itemAt(i).widget() for i in range(panel.detail.buttons.count())]
    note_button = next(b for b in buttons if b is not None and "note" in b.text().lower())
    assert note_button.isEnabled()
    qtbot.mouseClick(note_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert "Quote in the briefing <b>x</b>" in panel.detail.notes.text()
    assert panel.detail.notes.textFormat() == Qt.TextFormat.PlainText
    _select_rows(window, [1])
    settle(window)
    assert panel.detail.notes.text() == ""
    _select_rows(window, [0])
    settle(window)
    assert "Quote in the briefing" in panel.detail.notes.text()


def test_the_inspection_pane_tags_and_notes_the_inspection_shown(qtbot, window, store_path, settle):
    before = sha256(store_path)
    window.providers.select_key("provider:merseyside-crc")
    settle(window)
    pane = window.detail
    assert pane.fields["Your tags"].text() == "none (Ctrl+T adds one)"
    pane.tagging.ask = lambda title, label, choices: "follow up"
    pane.tagging.add_tag.trigger()
    settle(window)
    assert pane.fields["Your tags"].text() == "follow up"
    pane.tagging.ask = lambda title, label, choices: "Ask about staffing"
    pane.tagging.add_note.trigger()
    settle(window)
    assert "Ask about staffing" in pane.fields["Your notes"].text()
    with Notebook.open(notebook_path(), create=False) as notebook:
        assert [(t, r.target, r.provider) for t, r in notebook.tagged()] == [
            ("follow up", "inspection", "Merseyside CRC")]
    window.providers.select_key("provider:essex-crc")
    settle(window)
    assert pane.fields["Your tags"].text() == "none (Ctrl+T adds one)"
    assert sha256(store_path) == before


def test_the_tag_commands_are_enabled_only_with_a_finding_to_act_on(qtbot, window, settle):
    from inspector_gui.ui.extensions import build_window

    actions = window.findings.tagging.actions()
    assert not any(a.isEnabled() for a in actions), "no finding is current yet"
    window.findings.table.selectRow(0)
    qtbot.waitUntil(lambda: all(a.isEnabled() for a in actions))
    window.findings.filters.search.setText("zzzzqqqq-no-such-word")
    settle(window)
    qtbot.waitUntil(lambda: not any(a.isEnabled() for a in actions))
    empty = build_window()  # no store at all
    qtbot.addWidget(empty)
    empty.show()
    assert not any(a.isEnabled() for a in empty.findings.tagging.actions())
