"""Which imported source values are links, the address a link points to, and its shortened text.

A source URL is imported text: Qt's PDF writer copies a link's address into the PDF as a literal
string without escaping ``(``, ``)`` or ``\\``, so an address holding them could add PDF actions
of its own; HTML, Markdown and Qt's rich text have their own delimiters. Every writer and the
window therefore ask this module whether a value is a link and use :func:`encode_url`'s address,
in which nothing but unreserved characters, ``%XX`` escapes and URL delimiters remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from inspector_gui.domain.records import split_urls

WEB_SCHEMES = ("http", "https")
URL_SAFE = "/:?#[]@!$&+,;=%-._~"
"""Characters an encoded address keeps as they are: RFC 3986's reserved delimiters, except the
sub-delimiters ``'``, ``(``, ``)`` and ``*``, which are string or markup syntax somewhere."""
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Link:
    """One source value: ``href`` is the encoded address when it is a web link, else None."""

    text: str
    href: str | None

    @property
    def is_link(self) -> bool:
        return self.href is not None


def encode_url(url: str) -> str:
    """``url`` with every character outside :data:`URL_SAFE` and the unreserved set written as
    ``%XX`` of its UTF-8 bytes; a ``%`` that starts no escape is itself escaped. Existing escapes
    are kept, so encoding twice changes nothing."""
    text = _BAD_ESCAPE.sub("%25", url.strip())
    return quote(text, safe=URL_SAFE, encoding="utf-8", errors="surrogatepass")


def web_address(value: str) -> str | None:
    """The encoded address when ``value`` is an absolute http(s) URL with a host; None for
    anything else (``javascript:``, ``file:``, scheme-relative ``//host/x``, a path, words)."""
    value = value.strip()
    if not value or not value.isprintable() or " " in value:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return encode_url(value)


def is_web_link(value: str) -> bool:
    return web_address(value) is not None


def source_links(field: str | None) -> tuple[Link, ...]:
    """Each value of a source field (one or more, separated by `` ; ``), as a link or text."""
    return tuple(Link(value, web_address(value)) for value in split_urls(field))


def short_link_text(url: str, limit: int = 48) -> str:
    """``host/…/last-part`` for a narrow pane. The whole host is always shown (it says where the
    link goes), so only the path is shortened; a value that is not a web link is shown whole."""
    if not is_web_link(url):
        return url
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if parts.port:
        host += f":{parts.port}"
    path = [p for p in parts.path.split("/") if p]
    if not path:
        return host
    tail = path[-1] if len(path) == 1 else f"{_ELLIPSIS}/{path[-1]}"
    room = max(limit - len(host) - 1, 2)
    if len(tail) > room:
        tail = tail[: room - 1] + _ELLIPSIS
    return f"{host}/{tail}"
