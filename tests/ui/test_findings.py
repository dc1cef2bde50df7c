"""The findings panel: domain filters, kinds, search and hostile text, against the store."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from inspector_gui.domain.domains import domain_groups
from inspector_gui.domain.frameworks import Framework, Standard
from inspector_gui.domain.records import FindingQuery
from inspector_gui.domain.search import Search
from inspector_gui.reports.catalogue import load_catalogue
from inspector_gui.store import Store
from inspector_gui.ui import settings as keys
from inspector_gui.ui.models.findings import TEXT
from inspector_gui.ui.roles import HighlightRole
from inspector_gui.ui.settings import Settings
from inspector_gui.ui.views.finding_filters import FindingFilters

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _ids(store: Store, **where) -> list[int]:
    return [f.finding_id for f in store.findings(FindingQuery(limit=10_000, **where))]


def _groups(store: Store):
    return domain_groups(store.frameworks())


@pytest.mark.parametrize("number", range(1, 12))
def test_each_domain_button_shows_exactly_the_findings_of_the_domains_it_names(
        qtbot, window, store, settle, all_findings, number):
    """Done when: a domain button shows only findings of the domains so named, and its label
    and tooltip say which frameworks' domains those are."""
    filters = window.findings.filters
    groups = _groups(store)
    button = filters.domains.button(number)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(window)
    if number <= len(groups):
        group = groups[number - 1]
        expected = _ids(store, domains=group.keys)
        assert button.text() == group.label(store.frameworks()).replace("&", "&&")
        assert all(f"of {store.frameworks()[m.framework_id].name}" in button.toolTip() for m in group.members)
        names = {group.name}
    else:
        assert button.text() == "Whole inspection"
        expected, names = _ids(store, domain_codes=("",)), {""}
    assert expected or number == 1, "every domain but the national one has findings"
    assert all_findings(window) == expected
    assert window.findings.model.total == len(expected)
    shown = {window.findings.model.finding(r).domain_name for r in range(len(expected))}
    assert not expected or shown == names


def test_case_supervision_leaves_out_the_other_frameworks_domain_2(qtbot, window, store, settle,
                                                                 all_findings):
    number = 1 + [g.name for g in _groups(store)].index("Case supervision")
    qtbot.mouseClick(window.findings.filters.domains.button(number), Qt.MouseButton.LeftButton)
    settle(window)
    shown = all_findings(window)
    assert shown and len(shown) < len(_ids(store, domain_codes=("2",)))
    assert window.findings.query().domains == (("crc-nps-2018", "2"),)


def test_ctrl_digit_picks_a_domain_and_ctrl_0_all_of_them(qtbot, window, store, settle):
    group = _groups(store)[1]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.findings.filters.domain() == group.name
    assert window.findings.model.total == store.count_findings(FindingQuery(domains=group.keys))
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.findings.filters.domain() is None
    assert window.findings.model.total == 538


def test_unticking_a_kind_leaves_the_other_two(qtbot, window, store, settle, all_findings):
    qtbot.mouseClick(window.findings.filters.kinds["recommendation"], Qt.MouseButton.LeftButton)
    settle(window)
    assert all_findings(window) == _ids(store, kinds=("strength", "improvement"))


def test_search_is_debounced_then_matches_the_store_and_is_highlighted(qtbot, window, store, settle,
                                                                        all_findings):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.findings.filters.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "risk of harm")
    assert window.findings.model.query.search == "", "typing alone runs no query"
    assert window.is_busy()
    settle(window)
    expected = _ids(store, search="risk of harm")
    assert expected
    assert all_findings(window) == expected
    index = window.findings.model.index(0, TEXT)
    assert index.data(HighlightRole) == Search.parse("risk of harm")


@pytest.mark.parametrize("text", ['"risk', "risk AND (", "NEAR(risk harm", "-risk:", "*", "'"])
def test_search_syntax_is_plain_words_and_never_fails(qtbot, window, store, settle, text):
    qtbot.keyClicks(window.findings.filters.search, text)
    settle(window)
    assert window.findings.model.total == store.count_findings(FindingQuery(search=text))


def test_a_selected_finding_fills_the_detail_pane(qtbot, window, settle):
    table = window.findings.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    finding = window.findings.model.finding(table.currentIndex().row())
    detail = window.findings.detail
    assert detail.text.text() == finding.text
    assert finding.provider_name in detail.inspection.text()
    assert finding.source_url in detail.source.text()  # the href keeps the whole address


def test_hostile_text_shows_literally_everywhere(qtbot, open_window, hostile, settle, all_findings):
    window = open_window(hostile.path)
    provider = window.providers.model.index_for_key("provider:hostile-pdu")
    assert provider.data() == hostile.name
    assert "&lt;img src=x.png&gt; Hostile &amp;" in provider.data(Qt.ItemDataRole.ToolTipRole)
    window.providers.select_key("provider:hostile-pdu")
    with Store.open(hostile.path) as opened:
        number = 1 + [g.name for g in _groups(opened)].index("Organisational arrangements and delivery")
    qtbot.mouseClick(window.findings.filters.domains.button(number), Qt.MouseButton.LeftButton)
    settle(window)
    all_findings(window)
    model = window.findings.model
    row = next(r for r in range(model.rowCount()) if model.finding(r).text == hostile.text)
    assert model.index(row, TEXT).data() == hostile.text
    assert model.index(row, TEXT).data(Qt.ItemDataRole.ToolTipRole) == \
        "<qt>&lt;img src=x.png&gt;&lt;b&gt;bold&lt;/b&gt;</qt>"
    window.findings.table.selectRow(row)
    detail = window.findings.detail
    assert detail.text.text() == hostile.text
    assert detail.text.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;i&gt;" in detail.source.text(), "the link's text is escaped"
    assert 'href="https://example.org/%3Ci%3E"' in detail.source.text(), "its address encoded"
    assert window.detail.title.text() == hostile.name
    # the dock's title bar reads "&" as a mnemonic (it dropped the "&" of "Bath & Wells"): doubled
    assert window.findings_dock.windowTitle() == f"Findings: {hostile.name}".replace("&", "&&")
    notes = window.detail.fields["Notes"]
    assert notes.text() == 'Note with <i>markup</i> & "quotes"'
    assert notes.textFormat() == Qt.TextFormat.PlainText
    assert 'href="https://example.org/report?a=1&amp;b=%3C2%3E"' in window.detail.fields["Reports"].text()


def test_a_remembered_domain_the_store_lacks_falls_back_to_all_domains(qtbot, open_window, store_path,
                                                                        store):
    settings = Settings()
    settings.set(keys.FINDINGS_DOMAIN, "9")
    settings.sync()
    window = open_window(store_path)
    filters = window.findings.filters
    assert filters.domain() is None
    assert filters.domains.checkedId() == 0
    assert window.findings.query().domain_codes is None and window.findings.query().domains is None
    assert window.findings.model.total == store.count_findings(FindingQuery())


def test_an_ampersand_in_a_domain_name_is_shown_not_taken_as_a_mnemonic(qtbot, store_path):
    filters = FindingFilters()
    qtbot.addWidget(filters)
    framework = Framework("fw", "Test", in_use="2023", standards=(Standard("fw", "1", "R&D", "1.1", "S"),))
    filters.set_catalogue(replace(load_catalogue(store_path), frameworks={"fw": framework}))
    button = filters.domains.button(1)
    assert button.text() == "R&&D (2023)"
    assert button.accessibleName() == "R&D (2023)"


def test_the_standard_box_offers_each_framework_standard_and_filters_on_both(qtbot, window, store,
                                                                            settle, all_findings):
    """A standard is (framework, code): one entry per pair, labelled with its framework."""
    box = window.findings.filters.standard
    labels = [box.itemText(i) for i in range(box.count())]
    pairs = [(s.framework_id, s.code) for f in store.frameworks().values() for s in f.standards]
    assert len(labels) == 1 + len(pairs)
    assert "2.1 Assessment (2018)" in labels and not any(" / " in label for label in labels)
    box.setCurrentIndex(labels.index("2.1 Assessment (2018)"))
    box.activated.emit(box.currentIndex())
    settle(window)
    assert window.findings.query().standard == ("crc-nps-2018", "2.1")
    expected = _ids(store, standard=("crc-nps-2018", "2.1"))
    assert expected and all_findings(window) == expected
    assert len(expected) < len(_ids(store, standard_code="2.1"))


def _shown_domains(window) -> list[str]:
    filters = window.findings.filters
    return [filters.domains.button(i).text() for i in range(len(filters.domains.buttons()))
            if not filters.domains.button(i).isHidden()]


def test_domain_buttons_follow_the_frameworks_of_the_selection(qtbot, window, settle):
    every = _shown_domains(window)
    window.providers.select_key("provider:west-yorkshire-crc")
    settle(window)
    shown = _shown_domains(window)
    assert shown == ["All domains", "Organisational delivery (2021, 2018)", "Case supervision (2018)",
                     "NPS-specific work (2018)", "CRC-specific work (2018)", "Whole inspection"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the first one shown
    settle(window)
    assert window.findings.filters.domain() == "Organisational delivery"
    model = window.findings.model
    assert {model.finding(r).domain_code for r in range(model.rowCount())} == {"1"}
    window.providers.select_key("provider:wigan-pdu")
    settle(window)
    assert "Organisational delivery (2021, 2018)" in _shown_domains(window), "the chosen one stays"
    window.providers.select_key("all")
    settle(window)
    assert _shown_domains(window) == every
