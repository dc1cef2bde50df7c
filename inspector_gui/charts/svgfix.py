"""Make pyqtgraph 0.14's SVG exporter work with the SVG that Qt 6.10+ writes.

Qt now closes paths with a bare ``Z`` (rectangles, bar segments, round markers), which
``pyqtgraph.exporters.SVGExporter.correctCoordinates`` cannot parse: it expects every token of a
path to be a coordinate pair and raises ValueError (pyqtgraph issue 3495). :func:`install` wraps
that function: it takes the ``Z`` tokens out of every path, lets pyqtgraph transform the
coordinates, then puts them back in place. Paths without ``Z`` pass through untouched, so the
wrapper is harmless once pyqtgraph handles them itself.
"""

from __future__ import annotations

import re
import sys
import xml.dom.minidom as minidom
from collections.abc import Callable
from typing import Any

import pyqtgraph.exporters  # noqa: F401  (loads the SVGExporter module patched below)

from inspector_gui.exchange.encodings import xml_text

_MODULE = sys.modules["pyqtgraph.exporters.SVGExporter"]
_CLOSE = ("Z", "z")


def split_closes(path: str) -> tuple[str, list[int]]:
    """``path`` without its close commands, and after how many coordinate tokens each stood."""
    tokens: list[str] = []
    closes: list[int] = []
    for token in path.split():
        if token in _CLOSE:
            closes.append(len(tokens))
        else:
            tokens.append(token)
    return " ".join(tokens), closes


def join_closes(path: str, closes: list[int]) -> str:
    """Put the close commands back after the same coordinate tokens."""
    tokens = path.split()
    for position in reversed(closes):
        tokens.insert(position, "Z")
    return " ".join(tokens)


def _tolerant(original: Callable[..., Any]) -> Callable[..., Any]:
    def correct_coordinates(node: minidom.Element, defs: Any, item: Any, options: Any) -> Any:
        closed = []
        for element in node.getElementsByTagName("path"):
            stripped, closes = split_closes(element.getAttribute("d"))
            if closes:
                element.setAttribute("d", stripped)
                closed.append((element, closes))
        result = original(node, defs, item, options)
        for element, closes in closed:
            element.setAttribute("d", join_closes(element.getAttribute("d"), closes))
        return result

    correct_coordinates.tolerant = True
    return correct_coordinates


class _ParsesAnyText:
    """pyqtgraph's ``xml`` (xml.dom.minidom) for the SVG exporter, except that ``parseString``
    first writes each character XML cannot hold (an ESC or U+FFFF in an imported name, which Qt's
    SVG generator copies as it is) as its visible escape, so such a chart exports instead of
    raising ExpatError."""

    def __getattr__(self, name: str) -> Any:
        return getattr(minidom, name)

    @staticmethod
    def parseString(data: str | bytes) -> minidom.Document:  # noqa: N802 (minidom's name)
        text = data.decode("utf-8", "surrogatepass") if isinstance(data, bytes) else data
        text = _INVALID_REFERENCE.sub(lambda m: xml_text(chr(int(m[1] or m[2], 16 if m[2] else 10))),
                                      text)
        return minidom.parseString(xml_text(text))


# A character reference (&#27; or &#x1B;) to a character XML cannot hold, as Qt may write one.
_INVALID_REFERENCE = re.compile("&#(?:([0-9]+)|x([0-9a-fA-F]+));")


def install() -> None:
    """Wrap pyqtgraph's coordinate correction and its XML parsing once."""
    if not getattr(_MODULE.correctCoordinates, "tolerant", False):
        _MODULE.correctCoordinates = _tolerant(_MODULE.correctCoordinates)
    if not isinstance(_MODULE.xml, _ParsesAnyText):
        _MODULE.xml = _ParsesAnyText()
