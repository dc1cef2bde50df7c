"""A chart's legend sits beside the plot while it takes a modest share of the figure, and goes
under the plot in two columns when it would squeeze the plot (a council's domains under two
frameworks at the window's width): the plot keeps most of the width and the legend stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from mapping_choices import ofsted_store

from inspector_gui.charts.figure import LEGEND_SHARE, LIGHT
from inspector_gui.charts.history import HistoryFigure
from inspector_gui.charts.national import NationalFigure
from inspector_gui.reports.national_charts import load_national
from inspector_gui.reports.provider_charts import load_history
from inspector_gui.store import Store

pytestmark = pytest.mark.needs_qt


@pytest.fixture(scope="module")
def ofsted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ofsted_store(tmp_path_factory.mktemp("ofsted"))


def _shown(qtbot, figure, width: int, height: int = 560):
    qtbot.addWidget(figure)
    figure.resize(width, height)
    figure.show()
    qtbot.waitExposed(figure)
    qtbot.waitUntil(lambda: figure.width() == width)
    return figure


def _inside(figure, item) -> bool:
    rect = item.sceneBoundingRect()
    return rect.left() >= 0 and rect.right() <= figure.width() and rect.bottom() <= figure.height()


def test_a_long_legend_goes_under_the_plot(qtbot, ofsted: Path) -> None:
    with Store.open(ofsted) as store:
        chart = load_history(store, "ofsted-80487")  # Barnet: domains under ILACS 2018 and 2022
    figure = _shown(qtbot, HistoryFigure(chart, LIGHT, mode="domain"), 660)
    assert figure.legend_below and figure.legend.columnCount >= 1
    plot = figure.plot.vb.sceneBoundingRect()
    assert plot.width() > 0.6 * figure.width()
    assert figure.legend.sceneBoundingRect().top() >= plot.bottom()
    assert _inside(figure, figure.legend)


def test_a_short_legend_stays_beside_and_moves_back_when_wide(qtbot, ofsted: Path) -> None:
    with Store.open(ofsted) as store:
        national = load_national(store)
        history = load_history(store, "ofsted-80487")
    figure = _shown(qtbot, NationalFigure(national, LIGHT), 620)
    assert not figure.legend_below
    assert figure.legend.sceneBoundingRect().left() >= figure.plot.vb.sceneBoundingRect().right()
    assert _inside(figure, figure.legend)
    wide = _shown(qtbot, HistoryFigure(history, LIGHT, mode="domain"), 660)
    assert wide.legend_below
    wide.resize(1800, 560)
    qtbot.waitUntil(lambda: not wide.legend_below)
    assert wide._legend_width() <= LEGEND_SHARE * 1800 and wide.legend.columnCount == 1
