"""Reading exported files back (HTML, Markdown, PDF text) and what the store says they must hold,
shared by the export tests."""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader

from inspector_gui.domain.records import FindingQuery, Inspection
from inspector_gui.domain.summary import split_urls
from inspector_gui.store import Store

RATING_TOKEN = re.compile(r"Outstanding|Good|Requires improvement|Inadequate|Not rated|Not recorded|–")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


class Page(HTMLParser):
    """An HTML document as its start tags, its text, and the cell texts of each table row."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._title: list[str] | None = None
        self.title = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "title":
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "title" and self._title is not None:
            self.title = "".join(self._title)
            self._title = None

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        for sink in (self._cell, self._title):
            if sink is not None:
                sink.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def markdown_text(source: str) -> str:
    """What a Markdown renderer shows of escaped characters: the characters themselves."""
    return _MD_ESCAPE.sub(r"\1", source)


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, whitespace (pypdf gives tabs and line breaks) made single spaces."""
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in PdfReader(path).pages]


def squeeze(text: str) -> str:
    """Text without whitespace, so line wrapping in a PDF cannot hide a match."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def matrix_tokens(text: str) -> list[str]:
    """Rating words in reading order, from the matrix heading to the findings heading."""
    start = text.index("Rating matrix")
    region = text[text.index("Standard", start):text.index("Findings", start)]
    return RATING_TOKEN.findall(region)


def expected_matrix_tokens(store: Store, provider_id: str, per_table: int = 4) -> list[str]:
    """The matrix the store implies: per framework (newest first), tables of up to four
    inspections, the overall row then each standard's rating or "–"."""
    provider = store.provider(provider_id)
    inspections = store.inspections(provider_id)
    ratings = store.ratings_for([i.inspection_id for i in inspections])
    groups: dict[str, list[Inspection]] = {}
    for inspection in inspections:
        groups.setdefault(inspection.framework_id, []).append(inspection)
    tokens: list[str] = []
    for framework_id, group in groups.items():
        framework = store.frameworks()[framework_id]
        codes = [s.code for s in framework.standards if s.applies(provider.provider_type)
                 or any(s.code in ratings.get(i.inspection_id, {}) for i in group)]
        for start in range(0, len(group), per_table):
            chunk = group[start:start + per_table]
            tokens += [i.overall.label for i in chunk]
            for code in codes:
                tokens += [ratings[i.inspection_id][code].rating.label
                           if code in ratings.get(i.inspection_id, {}) else "–" for i in chunk]
    return tokens


def store_findings(store: Store, provider_id: str) -> list[str]:
    return [f.text for f in store.findings(FindingQuery(provider_ids=(provider_id,), limit=100_000))]


def store_urls(store: Store, provider_id: str) -> set[str]:
    """Every source URL of the provider's inspections, ratings and findings."""
    inspections = store.inspections(provider_id)
    urls = {u for i in inspections for u in i.source_urls}
    for cells in store.ratings_for([i.inspection_id for i in inspections]).values():
        urls |= {u for cell in cells.values() for u in split_urls(cell.source_url)}
    for finding in store.findings(FindingQuery(provider_ids=(provider_id,), limit=100_000)):
        urls |= set(split_urls(finding.source_url))
    return urls


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid PNG made without Qt, to stand in for the history chart."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + b"\x00\x72\xb2" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))
            + chunk(b"IEND", b""))
