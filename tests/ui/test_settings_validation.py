"""A settings file with malformed values (written by hand, by an older or newer version, or
damaged) never stops the window from starting: each bad value falls back to its default and is
logged once (issue 11, item 9)."""

from __future__ import annotations

import logging

import pytest

from inspector_gui.ui import settings as keys
from inspector_gui.ui.settings import Settings

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

MALFORMED = {
    "sort-three-items": (keys.MATRIX_SORT, "[1, 2, 3]"),
    "sort-order-word": (keys.MATRIX_SORT, '["Provider", "up"]'),
    "sort-order-out-of-range": (keys.MATRIX_SORT, '["Provider", 7]'),
    "sort-empty": (keys.MATRIX_SORT, "[]"),
    "sort-object": (keys.MATRIX_SORT, '{"title": "Provider"}'),
    "filters-list": (keys.MATRIX_FILTERS, '["CRC"]'),
    "filters-nested": (keys.MATRIX_FILTERS, '{"provider_type": {"a": 1}}'),
    "kinds-numbers": (keys.FINDINGS_KINDS, "[1, 2]"),
    "grouping-number": (keys.GROUPING, "5"),
    "domain-list": (keys.FINDINGS_DOMAIN, "[2]"),
    "charts-list": (keys.CHARTS, "[1]"),
    "every-inspection-number": (keys.EVERY_INSPECTION, "1"),
    "not-json": (keys.MATRIX_SORT, "[Provider"),
    "deeply-nested": (keys.CHARTS, "[" * 100_000 + "]" * 100_000),
}


@pytest.mark.parametrize("case", MALFORMED, ids=str)
def test_a_malformed_value_falls_back_to_its_default_and_is_logged_once(case: str, tmp_path,
                                                                        caplog) -> None:
    key, raw = MALFORMED[case]
    settings = Settings(tmp_path / "settings.ini")
    settings._qt.setValue(key.name, raw)
    with caplog.at_level(logging.WARNING, logger="inspector_gui.ui.settings"):
        assert settings.get(key) == key.default
        assert settings.get(key) == key.default
    assert len(caplog.records) == 1 and key.name in caplog.records[0].getMessage()


@pytest.mark.parametrize("case", [c for c in MALFORMED if c != "deeply-nested"], ids=str)
def test_the_window_starts_with_a_malformed_settings_file(case: str, open_window, store_path) -> None:
    key, raw = MALFORMED[case]
    settings = Settings()
    settings._qt.setValue(key.name, raw)
    settings.sync()
    window = open_window(store_path, restore=True)
    assert window.matrix.model.rowCount() > 0
    assert window.isVisible()


def test_good_values_still_read_back() -> None:
    settings = Settings()
    settings.set(keys.MATRIX_SORT, ["Overall", 1])
    settings.set(keys.MATRIX_FILTERS, {"provider_type": "CRC"})
    assert settings.get(keys.MATRIX_SORT) == ["Overall", 1]
    assert settings.get(keys.MATRIX_FILTERS) == {"provider_type": "CRC"}
