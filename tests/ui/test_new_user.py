"""What a new user tripped over in the window (issue 13): a finished export is announced, Save chart
works from the keyboard whenever the Charts tab is up, a drill-down shows all of its cell's
findings and then follows the tree again, one selection drives every panel, text is not cut off,
and F1 is a two-column table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector_gui.domain.records import FindingQuery
from inspector_gui.store import Store
from inspector_gui.ui.charts_panel import ChartsPanel
from inspector_gui.ui.dialogs.help import ShortcutsDialog
from inspector_gui.ui.export_dialog import ExportDialog
from inspector_gui.ui.extensions import open_export
from inspector_gui.ui.main_window import MainWindow
from inspector_gui.ui.shortcuts import SHORTCUTS
from inspector_gui.ui.status import home_relative
from inspector_gui.ui.views import saved_notice
from inspector_gui.ui.views.path_edit import PathEdit

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

WEST_YORKSHIRE = "west-yorkshire-crc"
WIGAN = "wigan-pdu"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _matrix_row(window: MainWindow, provider_id: str) -> int:
    model = window.matrix.model
    return next(r for r in range(model.rowCount()) if model.row_at(r).provider.provider_id == provider_id)


def _click_matrix(qtbot: QtBot, window: MainWindow, row: int, column: int, double: bool = False) -> None:
    table = window.matrix.table
    index = table.model().index(row, column)
    table.scrollTo(index)
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    click(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


class Desktop:
    """Stands in for QDesktopServices: records what was opened; ``works`` says whether a program
    was found to open it."""

    def __init__(self, works: bool) -> None:
        self.works, self.opened = works, []

    def openUrl(self, url: QUrl) -> bool:  # noqa: N802 - Qt's name
        self.opened.append(url.toLocalFile())
        return self.works


def _export_md(qtbot: QtBot, window: MainWindow, output: Path, reveal: bool) -> None:
    dialog = open_export(window)
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(output))
    dialog.reveal.setChecked(reveal)
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.saved.isVisible()


def _visible_box(window: MainWindow) -> QMessageBox:
    return next(box for box in window.findChildren(QMessageBox) if box.isVisible())


# 1. A finished export is announced ---------------------------------------------------------------

def test_a_finished_export_is_announced_with_ways_to_open_it(qtbot, window, click_key, tmp_path, monkeypatch):
    desktop = Desktop(works=True)
    monkeypatch.setattr(saved_notice, "QDesktopServices", desktop)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    output = tmp_path / "wy.md"
    _export_md(qtbot, window, output, reveal=False)
    assert output.read_text(encoding="utf-8").startswith("# West Yorkshire CRC")
    notice = window.saved
    where = home_relative(tmp_path)
    assert notice.label.text() == f"Saved the summary of West Yorkshire CRC as wy.md in {where}"
    assert notice.label.toolTip() and str(output) in notice.label.toolTip()
    assert desktop.opened == []
    qtbot.mouseClick(notice.open_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(notice.open_folder, Qt.MouseButton.LeftButton)
    assert desktop.opened == [str(output), str(tmp_path)]
    qtbot.mouseClick(notice.dismiss, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


def test_when_no_program_opens_the_folder_a_plain_message_says_so(qtbot, window, click_key, tmp_path,
                                                                  monkeypatch):
    desktop = Desktop(works=False)
    monkeypatch.setattr(saved_notice, "QDesktopServices", desktop)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    _export_md(qtbot, window, tmp_path / "wy.md", reveal=True)
    assert desktop.opened == [str(tmp_path)]
    box = _visible_box(window)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.windowTitle() == "Cannot open the folder"
    assert box.text() == f"No program to open folders was found. The file was saved in {tmp_path}."
    assert window.saved.isVisible()


def test_enter_in_the_export_dialog_exports_rather_than_cancels(qtbot, window, click_key, tmp_path):
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    dialog = open_export(window)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.format.hasFocus)  # the first field has the focus
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(tmp_path / "wy.md"))
    dialog.reveal.setChecked(False)
    with qtbot.waitSignal(dialog.finished, timeout=20_000) as finished:
        qtbot.keyClick(dialog.format, Qt.Key.Key_Return)
    assert finished.args == [1] and (tmp_path / "wy.md").is_file() and window.saved.isVisible()


# 2. Save chart from the keyboard and the File menu ------------------------------------------------

def _charts(window: MainWindow) -> ChartsPanel:
    panel = window.findChild(ChartsPanel)
    assert panel is not None
    return panel


def _file_menu_save(window: MainWindow):
    return next(a for a in window.commands.file_menu.actions() if a.text() == "&Save chart…")


@pytest.mark.parametrize("clicked", ["window tab", "history tab"])
def test_ctrl_shift_s_saves_the_chart_after_clicking_a_tab(qtbot, window, click_key, tmp_path, monkeypatch,
                                                           clicked):
    target = tmp_path / "chart.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel = _charts(window)
    assert not _file_menu_save(window).isEnabled(), "greyed while the matrix is shown"
    bar = window.tabs.tabBar() if clicked == "window tab" else panel.tabs.tabBar()
    index = window.tabs.indexOf(panel) if clicked == "window tab" else 0
    if clicked == "history tab":
        window.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: panel.current_figure() is not None and panel.current_figure().isVisible(),
                    timeout=10_000)
    focused = QApplication.focusWidget()
    assert focused is not None and not panel.current_figure().isAncestorOf(focused)  # not the chart
    assert _file_menu_save(window).isEnabled()
    qtbot.keyClick(focused, Qt.Key.Key_S, CTRL_SHIFT)
    assert target.read_bytes().startswith(b"\x89PNG")


def test_save_chart_is_in_the_file_menu_and_greyed_without_a_chart(qtbot, window, settle):
    panel = _charts(window)
    action = _file_menu_save(window)
    assert action is panel.save_action and action.shortcut().toString() == "Ctrl+Shift+S"
    window.tabs.setCurrentWidget(panel)
    settle(window)
    assert panel.current_tab() == "history" and panel.current_figure() is None  # no provider selected
    assert not action.isEnabled()


# 3. Drill-down ------------------------------------------------------------------------------------

def test_a_drill_down_shows_every_finding_of_the_cell_whatever_the_search(qtbot, window, store, click_key,
                                                                         settle):
    filters = window.findings.filters
    qtbot.keyClicks(filters.search, "risk of harm")
    qtbot.mouseClick(filters.kinds["strength"], Qt.MouseButton.LeftButton)
    settle(window)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    inspection = store.inspections(WEST_YORKSHIRE)[0]
    model = window.matrix.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).inspection == inspection)
    column = next(c for c in range(model.columnCount())
                  if model.standard_at(c) is not None and model.standard_at(c).title.startswith("2.1 "))
    _click_matrix(qtbot, window, row, column, double=True)
    settle(window)
    expected = store.count_findings(FindingQuery(inspection_ids=(inspection.inspection_id,),
                                                 standard_code="2.1"))
    narrowed = store.count_findings(FindingQuery(inspection_ids=(inspection.inspection_id,),
                                                 standard_code="2.1", search="risk of harm",
                                                 kinds=("improvement", "recommendation")))
    assert expected > narrowed
    assert window.findings.model.total == expected and filters.count.text() == f"{expected} findings"
    assert filters.search.text() == "" and filters.kinds_chosen() is None
    title = window.findings_dock.windowTitle()
    assert title.startswith("Findings: West Yorkshire CRC, ") and title.endswith(" · 2.1 Assessment")
    assert window.findings.focus_bar.isVisible()
    assert "Selecting in the provider tree shows its findings again" in window.findings.focus_bar.label.text()


def test_after_a_drill_down_selecting_another_provider_follows_the_tree(qtbot, window, store, click_key,
                                                                         settle):
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    _click_matrix(qtbot, window, 0, window.matrix.model.columnCount() - 3, double=True)
    settle(window)
    assert window.findings.focus_bar.isVisible()
    click_key(window, f"provider:{WIGAN}")
    assert not window.findings.focus_bar.isVisible()
    assert window.findings.model.total == store.count_findings(FindingQuery(provider_ids=(WIGAN,)))
    assert window.findings_dock.windowTitle() == "Findings: Wigan PDU"


# 4. One selection drives every panel --------------------------------------------------------------

def test_a_matrix_row_drives_the_detail_the_charts_and_the_export(qtbot, window, click_key, settle):
    charts = _charts(window)
    window.tabs.setCurrentWidget(charts)
    settle(window)
    window.tabs.setCurrentWidget(window.matrix)
    click_key(window, "all")
    _click_matrix(qtbot, window, _matrix_row(window, WIGAN), 0)
    settle(window)
    assert window.detail.title.text() == "Wigan PDU"
    assert window.current_provider_id() == WIGAN
    window.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: charts.current_figure() is not None, timeout=10_000)
    assert charts.pages["history"].message.isHidden()
    dialog = open_export(window)
    assert dialog is not None and dialog.provider.name == "Wigan PDU"
    dialog.reject()


def test_a_provider_filtered_out_of_the_tree_is_said_to_be_still_shown(qtbot, window, click_key, settle):
    click_key(window, "all")
    _click_matrix(qtbot, window, _matrix_row(window, WIGAN), 0)
    settle(window)
    qtbot.keyClicks(window.providers.filter, "West Yorkshire")
    settle(window)
    note = window.providers.hidden_note
    assert note.isVisible() and window.detail.title.text() == "Wigan PDU"
    assert note.label.text() == "Wigan PDU is hidden by the filter; the other panels still show it."
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    assert not note.isVisible() and window.detail.title.text() == "West Yorkshire CRC"
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)  # "Clear the filters" (hidden, still wired)
    settle(window)
    assert window.providers.filter.text() == ""


def test_a_selected_provider_hidden_by_the_filter_is_noted_and_the_note_clears_it(qtbot, window, click_key,
                                                                                  settle):
    click_key(window, f"provider:{WIGAN}")
    qtbot.keyClicks(window.providers.filter, "West Yorkshire")
    settle(window)
    note = window.providers.hidden_note
    assert note.isVisible() and note.label.text().startswith("Wigan PDU is hidden by the filter")
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    settle(window)
    assert not note.isVisible() and window.providers.filter.text() == ""


def test_picking_a_provider_the_filter_shows_clears_the_hidden_note(qtbot, window, click_key, settle):
    click_key(window, f"provider:{WIGAN}")
    qtbot.keyClicks(window.providers.filter, "West Yorkshire")
    settle(window)
    note = window.providers.hidden_note
    assert note.isVisible()
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    assert not note.isVisible() and window.detail.title.text() == "West Yorkshire CRC"


def test_a_group_the_filter_hides_is_noted_as_hidden_not_dropped(qtbot, window, click_key, settle):
    click_key(window, "group:CRCs/North West")
    qtbot.keyClicks(window.providers.filter, "Wigan")
    settle(window)
    assert window.providers.selected_key() == "group:CRCs/North West"
    assert window.providers.hidden_note.label.text().startswith("North West is hidden by the filter")


def test_another_store_without_the_filtered_selection_shows_all_providers(qtbot, window, click_key, settle,
                                                                          ofsted_store):
    qtbot.keyClicks(window.providers.filter, "West Yorkshire")
    settle(window)
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    with qtbot.waitSignal(window.store_changed, timeout=10_000):
        window.open_store(ofsted_store)
    settle(window)
    assert window.providers.filter.text() == "West Yorkshire"
    assert window.providers.selected_key() == "all" and window.current_provider_id() is None
    assert window.providers.hidden_note.label.text().startswith("The filter narrows this list only")
    assert window.findings_dock.windowTitle() == "Findings: all providers"


# 5. Cut-off text ----------------------------------------------------------------------------------

def test_the_export_path_is_elided_in_the_middle(qtbot, window, click_key):
    click_key(window, f"provider:{WEST_YORKSHIRE}")
    dialog = open_export(window)
    assert dialog is not None
    edit = dialog.path
    assert isinstance(edit, PathEdit)
    long_path = "/tmp/" + "/".join(["a-rather-long-folder-name"] * 8) + "/west-yorkshire-crc-summary.pdf"
    edit.setText(long_path)
    dialog.export_button.setFocus()
    shown = edit.shown_text()
    assert shown != long_path and shown.startswith("/tmp/a-rather") and shown.endswith("crc-summary.pdf")
    assert "…" in shown and edit.toolTip() and long_path in edit.toolTip()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    assert edit.shown_text() == long_path  # editing shows the whole text
    dialog.reject()


def test_tree_names_are_not_cut_by_the_badges_at_the_default_size(qtbot, window, settle):
    window.providers.grouping.set_value("owner")
    settle(window)
    tree, model = window.providers.tree, window.providers.model
    index = model.index_for_key("provider:hampshire-and-isle-of-wight-crc")
    tree.scrollTo(index)
    room = tree.visualRect(index).width()
    assert tree.fontMetrics().horizontalAdvance(index.data()) + 8 <= room
    assert "Latest rating:" in model.index_for_key(f"provider:{WIGAN}").data(Qt.ItemDataRole.ToolTipRole)
    window.resize(1900, 900)
    window.resizeDocks([window.providers_dock], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: tree.header().sectionSize(1) > 100)  # room for the word again


def test_findings_domain_standard_and_provider_wrap_instead_of_eliding(window):
    from inspector_gui.ui.delegates import FindingTextDelegate
    from inspector_gui.ui.models.findings import DOMAIN, PROVIDER, STANDARD

    table = window.findings.table
    for column in (DOMAIN, STANDARD, PROVIDER):
        assert isinstance(table.itemDelegateForColumn(column), FindingTextDelegate)
    index = table.model().index(0, DOMAIN)
    assert index.data(Qt.ItemDataRole.ToolTipRole)


def test_findings_text_keeps_its_room_and_kinds_are_whole_at_the_default_size(qtbot, window, settle):
    from inspector_gui.ui.models.findings import KIND, TEXT

    table = window.findings.table
    assert table.columnWidth(TEXT) >= 240
    assert table.columnWidth(KIND) >= table.fontMetrics().horizontalAdvance("Recommendation") + 8
    assert table.horizontalScrollBar().maximum() == 0


def test_a_smaller_window_keeps_each_dock_s_share_and_gives_the_findings_the_width(qtbot, window):
    from inspector_gui.ui.models.findings import TEXT

    providers = window.providers_dock.width() / window.width()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.waitUntil(lambda: abs(window.providers_dock.width() / 1024 - providers) < 0.03)
    findings = window.findings_dock.geometry()
    assert findings.left() < window.providers_dock.geometry().right()  # under the tree too
    assert window.findings.table.columnWidth(TEXT) >= 200
    matrix = window.matrix.table
    assert matrix.viewport().height() >= 2 * matrix.rowHeight(0)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: abs(window.providers_dock.width() / 1400 - providers) < 0.03)
    assert window.findings_dock.geometry().left() > window.providers_dock.geometry().right()


# 6. F1 -------------------------------------------------------------------------------------------

def test_f1_is_a_two_column_table_of_every_shortcut(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
    table = dialog.table
    assert table.columnCount() == 2
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["Keys", "Action"]
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert rows[:len(SHORTCUTS)] == [(s.keys, s.description) for s in SHORTCUTS]
    assert table.wordWrap() and table.verticalScrollBar().maximum() == 0  # every row in view
    right = table.columnViewportPosition(1)
    assert all(table.visualItemRect(table.item(r, 1)).left() == right for r in range(table.rowCount()))
    assert table.viewport().mapTo(dialog, QPoint(0, 0)).x() >= 0
    dialog.close()


def test_the_readme_shortcut_table_is_the_f1_table() -> None:
    from inspector_gui.ui.shortcuts import markdown

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert markdown() in readme


def test_store_fixture_is_the_bundled_data(store: Store) -> None:
    assert store.find_provider("west yorkshire").provider_id == WEST_YORKSHIRE


def test_ctrl_e_without_a_provider_says_what_to_select(qtbot, window):
    from inspector_gui.ui.extensions import NO_PROVIDER

    assert window.current_provider_id() is None  # "All providers"
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.status.currentMessage() == NO_PROVIDER)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog) and w.isVisible()]


def test_a_tree_filter_that_leaves_every_provider_selected_says_so_and_down_enters_the_tree(qtbot, window):
    panel = window.providers
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "West Yorkshire")
    qtbot.waitUntil(lambda: panel.model.index_for_key("provider:wigan-pdu").isValid() is False)
    qtbot.waitUntil(lambda: not panel.hidden_note.isHidden())
    assert "the other panels show every provider" in panel.hidden_note.label.text()
    assert window.matrix.model.rowCount() == 93
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert panel.tree.hasFocus()
    panel.select_key("provider:west-yorkshire-crc")
    qtbot.waitUntil(lambda: panel.hidden_note.isHidden())
    window.findings.filters.search.setFocus()
    qtbot.keyClick(window.findings.filters.search, Qt.Key.Key_Down)
    assert window.findings.table.hasFocus()


def test_the_worse_filter_shows_its_providers_and_says_the_other_panels_show_every_one(qtbot, window):
    panel = window.providers
    panel.travel.worse.click()
    qtbot.waitUntil(lambda: not panel.hidden_note.isHidden())
    assert "the other panels show every provider" in panel.hidden_note.label.text()
    worse = [panel.model.index(r, 0, panel.model.index(0, 0, panel.model.index(1, 0)))
             for r in range(panel.model.rowCount(panel.model.index(0, 0, panel.model.index(1, 0))))]
    assert worse and all(panel.tree.isVisible() and panel.tree.visualRect(i).isValid() for i in worse)
    assert window.matrix.model.rowCount() == 93
    qtbot.mouseClick(panel.hidden_note.button, Qt.MouseButton.LeftButton)  # "Clear the filters"
    qtbot.waitUntil(lambda: panel.hidden_note.isHidden())
    assert not panel.travel.worse.isChecked()
    assert panel.model.index_for_key("provider:wigan-pdu").isValid()
