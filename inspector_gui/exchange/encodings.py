"""Turning an import file's bytes into text the way a spreadsheet user expects: UTF-8 with or
without a BOM ("CSV UTF-8"), UTF-16 with a BOM (Excel's "Unicode text") and cp1252 (Excel's
plain "CSV" on Windows in Western Europe). Anything else is refused, never guessed at."""

from __future__ import annotations

import codecs
import re
import unicodedata

from inspector_gui.errors import ImportFailed, Problem

# C0 and C1 control characters other than tab, line feed and carriage return: never text a
# person typed, and harmful when echoed to a terminal.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What an XML 1.0 document cannot hold (SVG, XLSX, HTML treat them as errors): C0 controls but tab,
# line feed and carriage return, U+FFFE/U+FFFF and lone surrogates.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Unicode's noncharacters: U+FDD0-U+FDEF and the last two code points of every plane.
NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")
UNREADABLE = ("the text is neither UTF-8 nor an encoding Excel saves (cp1252, UTF-16); "
              "save it as 'CSV UTF-8'")


_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zs", "Zl", "Zp"})


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, zero-width and format characters
    (U+200B, U+FEFF, bidi marks) or combining marks with nothing to combine with."""
    return any(unicodedata.category(c) not in _INVISIBLE_CATEGORIES for c in text)


def decode(name: str, data: bytes) -> str:
    """The file's text; raises ImportFailed naming the first line that cannot be read."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(name, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not text or CONTROL.search(text):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ImportFailed([Problem(name, line, None, UNREADABLE)])
    return text


def _decode_utf16(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise ImportFailed([Problem(name, None, None, "starts with a UTF-16 mark but is not "
                                    "UTF-16 text; save it as 'CSV UTF-8'")]) from None


def control_character(value: str) -> str | None:
    """A description of the first control character or noncharacter in a field, or None."""
    if found := CONTROL.search(value):
        return f"contains the control character U+{ord(found.group()):04X}"
    if found := NONCHARACTER.search(value):
        return f"contains U+{ord(found.group()):04X}, which Unicode reserves as a noncharacter"
    return None


def xml_text(text: str) -> str:
    """``text`` with each character XML cannot hold written as its visible escape (``\\x1b``,
    ``\\uffff``), so an SVG, a workbook or a web page of imported text always parses."""
    return XML_INVALID.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def markup(text: str, quote: bool = True) -> str:
    """``text`` as HTML/XML character data: :func:`xml_text`, then ``&``, ``<``, ``>`` and quotes
    escaped."""
    import html  # with its entity tables, only for HTML and XML output

    return html.escape(xml_text(text), quote)


def delimiter(first_line: str) -> str:
    """The separator a header row uses: Excel writes ``;`` where ``,`` is the decimal mark."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
