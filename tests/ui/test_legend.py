"""The matrix legend reads the scales of the frameworks shown: five grades with the middle
colour, scores 1-4 beside a four-word overall scale (one captioned line each), and the four words
on the bundled probation store (one line, no caption)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mapping_choices import scale_store
from PySide6.QtGui import QColor

from inspector_gui.domain.palette import ROLE_FILLS
from inspector_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.needs_qt
def _texts(window: MainWindow) -> list[str]:
    return [e.text for e in window.matrix.legend.entries]


def _colours(window: MainWindow) -> set[str]:
    legend = window.matrix.legend
    image = legend.grab().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)}


def test_five_levels_show_their_words_and_the_middle_colour(open_window: Callable[..., MainWindow],
                                                            tmp_path: Path) -> None:
    window = open_window(scale_store(tmp_path, "peel"))
    assert _texts(window)[:5] == ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
    assert [e.rating.short for e in window.matrix.legend.entries[:5]] == ["O", "G", "A", "RI", "I"]
    assert "Adequate" in window.matrix.legend.accessibleName()
    assert ROLE_FILLS["middle"] in _colours(window)


def test_scores_and_the_overall_scale_each_have_a_captioned_line(open_window: Callable[..., MainWindow],
                                                                 tmp_path: Path) -> None:
    window = open_window(scale_store(tmp_path, "cqc"))
    texts = _texts(window)
    standards = texts.index("CQC local authority assessment 2023 (standards):")
    overall = texts.index("CQC local authority assessment 2023 (overall):")
    assert texts[standards + 1:overall] == ["4", "3", "2", "1"]
    assert texts[overall + 1:overall + 5] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    places = window.matrix.legend._places(10**6)
    assert places[overall].top() > places[standards].top()  # a caption starts its own line


def test_probation_shows_the_four_words_on_one_uncaptioned_line(window: MainWindow) -> None:
    texts = _texts(window)
    assert texts[:4] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    assert not any(t.endswith(":") for t in texts)
    assert ROLE_FILLS["middle"] not in _colours(window)
