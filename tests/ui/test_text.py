"""Plain-text helpers: escaping and search highlights."""

from __future__ import annotations

import pytest

from inspector_gui.domain.links import short_link_text as short_url
from inspector_gui.ui.shortcuts import SHORTCUTS, keys_for, markdown
from inspector_gui.ui.text import link_html, plain_label, plain_tooltip, source_links_html

pytestmark = pytest.mark.qt_log_level_fail("WARNING")  # any Qt warning is a failure here


def test_tooltips_escape_markup_inside_a_rich_text_wrapper():
    assert plain_tooltip("<b>x</b> & y\nz") == "<qt>&lt;b&gt;x&lt;/b&gt; &amp; y<br>z</qt>"
    assert plain_tooltip("") == ""


def test_links_only_for_web_addresses_and_always_escaped():
    link = link_html('https://a.org/?q="<x>"')
    assert link.startswith('<a href="https://a.org/?q=%22%3Cx%3E%22">')
    assert link.replace("&#8203;", "").endswith('>https://a.org/?q=&quot;&lt;x&gt;&quot;</a>')
    assert "/&#8203;" in link, "a long address may wrap after a slash"
    assert link_html("javascript:alert(1)") == "javascript:alert(1)"
    assert link_html("file:///etc/passwd", "<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("url,href", [
    ("https://a.org/x)(/S/Launch", "https://a.org/x%29%28/S/Launch"),
    ("https://a.org/x\\", "https://a.org/x%5C"),
    ("https://a.org/caf\u00e9\u0007", None),  # a control character: text, not a link
])
def test_links_point_at_the_encoded_address(url: str, href: str | None) -> None:
    link = link_html(url)
    assert (f'href="{href}"' in link) if href else "<a" not in link


def test_a_source_field_with_several_urls_is_several_links() -> None:
    html = source_links_html(["https://a.org/one", "//b.org/two", "/three", "https://c.org/"])
    assert html.count("<a href=") == 2
    assert html.split("<br>")[1:3] == ["//b.org/two", "/three"]


def test_short_urls_keep_host_and_last_part():
    assert short_url("https://www.example.org/a/b/c/report.pdf") == "example.org/…/report.pdf"
    assert short_url("https://example.org/report/") == "example.org/report"
    assert short_url("https://example.org/" + "x" * 80) == "example.org/" + "x" * 35 + "…"
    assert short_url("not a url") == "not a url"


def test_plain_label_never_reads_markup(qtbot):
    label = plain_label("<img src=x.png>")
    qtbot.addWidget(label)
    assert label.text() == "<img src=x.png>"
    assert label.textFormat().name == "PlainText"


def test_every_shortcut_is_documented_once():
    names = [s.name for s in SHORTCUTS]
    assert len(names) == len(set(names))
    assert keys_for("copy") == "Ctrl+C"
    assert "| Ctrl+F |" in markdown()
