"""What the window looks like: rating colours shared with charts and exports, the rest from the
system palette (so dark mode works), and the resources it ships."""

from __future__ import annotations

import configparser

import pytest
from PySide6.QtGui import QColor, QPalette

from inspector_gui import paths
from inspector_gui.domain.palette import swatch
from inspector_gui.domain.ratings import GRADED, Rating
from inspector_gui.ui.actions import icon
from inspector_gui.ui.palette import rating_fill, rating_text

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def _dark() -> QPalette:
    palette, role = QPalette(), QPalette.ColorRole
    for which, colour in ((role.Window, "#202124"), (role.Base, "#17181a"), (role.Text, "#e8eaed"),
                          (role.PlaceholderText, "#9aa0a6")):
        palette.setColor(which, QColor(colour))
    return palette


def test_grades_use_the_shared_palette_in_light_and_dark(qapp):
    for rating in GRADED:
        assert rating_fill(rating).name() == swatch(rating).fill.lower()
        assert rating_text(rating, _dark()).name() == swatch(rating).text.lower()


def test_not_recorded_has_no_fill_and_takes_its_colour_from_the_system(qapp):
    assert rating_fill(Rating.NOT_RECORDED) is None
    assert rating_text(Rating.NOT_RECORDED, _dark()).name() == "#9aa0a6"


@pytest.mark.parametrize("name", ["inspector-gui", "open", "reload", "copy", "search", "quit", "about"])
def test_every_icon_is_bundled_and_loads(qapp, name):
    assert (paths.resources_dir() / "icons" / f"{name}.svg").is_file()
    assert not icon(name).pixmap(32, 32).isNull()


def test_the_desktop_entry_launches_the_app_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(paths.resources_dir() / "inspector-gui.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Type"], section["Exec"], section["Icon"]) == ("Application", "inspector-gui %f",
                                                                   "inspector-gui")
