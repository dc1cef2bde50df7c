"""Imported text with markup, quotes, formulas and ``javascript:`` URLs appears literally in every
export format, and never becomes markup, a link or a formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import HOSTILE_TEXT
from export_readback import Page, markdown_text, pdf_pages, tiny_png

from inspector_gui.exchange.writers import FORMATS, render_summary, write_summary
from inspector_gui.exchange.writers.pdf_doc import offline_document
from inspector_gui.reports.summary import build_summary
from inspector_gui.store import Store

HOSTILE_NAME = '<img src=x.png> Hostile & "Co" PDU'


@pytest.fixture(params=["hostile-pdu", "west-yorkshire-crc"])
def exported(request: pytest.FixtureRequest, hostile_store_path: Path, tmp_path: Path) -> dict[str, Path]:
    """Every format written for a provider whose findings include the hostile one."""
    with Store.open(hostile_store_path) as store:
        summary = build_summary(store, str(request.param))
    return {fmt: write_summary(summary, fmt, tmp_path / f"out.{fmt}", chart_png=tiny_png())
            for fmt in FORMATS}


@pytest.mark.needs_qt
def test_hostile_finding_is_literal_in_every_format(exported: dict[str, Path]) -> None:
    texts = {
        "md": markdown_text(exported["md"].read_text("utf-8")),
        "html": Page(exported["html"].read_text("utf-8")).text,
        "pdf": " ".join(pdf_pages(exported["pdf"])),
        "json": "\n".join(f["text"] for f in json.loads(exported["json"].read_text("utf-8"))["findings"]),
        "csv": "\n".join(r["text"] for r in csv.DictReader(
            io.StringIO(exported["csv"].read_text("utf-8-sig")))),
        "xlsx": "\n".join(str(r[9]) for r in openpyxl.load_workbook(exported["xlsx"])["Findings"].iter_rows(
            min_row=3, values_only=True)),
    }
    assert {fmt: HOSTILE_TEXT in text for fmt, text in texts.items()} == dict.fromkeys(FORMATS, True)


@pytest.mark.needs_qt
def test_hostile_text_never_becomes_markup_in_html(exported: dict[str, Path]) -> None:
    source = exported["html"].read_text("utf-8")
    page = Page(source)
    allowed = {"html", "head", "meta", "title", "style", "body", "p", "h1", "h2", "h3", "h4", "table",
               "thead", "tbody", "tr", "th", "td", "span", "a", "ul", "ol", "li", "br", "img"}
    assert {tag for tag, _ in page.tags} <= allowed
    assert [a["src"][:22] for t, a in page.tags if t == "img"] == ["data:image/png;base64,"]
    hrefs = [a.get("href") or "" for t, a in page.tags if t == "a" and "href" in a]
    assert hrefs and all(h.startswith(("#source-", "https://", "http://")) for h in hrefs)
    assert "<script>" not in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in source


@pytest.mark.needs_qt
def test_hostile_provider_name_is_literal_everywhere(hostile_store_path: Path, tmp_path: Path) -> None:
    with Store.open(hostile_store_path) as store:
        summary = build_summary(store, "hostile-pdu")
    page = Page(render_summary(summary, "html").decode())
    assert page.title == f"{HOSTILE_NAME}: inspection summary"
    assert "<b>Nowhere</b>" in page.text and 'Note with <i>markup</i> & "quotes"' in page.text
    assert markdown_text(render_summary(summary, "md").decode()).startswith(f"# {HOSTILE_NAME}:")
    assert not re.search(r"(?<!\\)<(img|b|i|script)\b", render_summary(summary, "md").decode())
    pdf = write_summary(summary, "pdf", tmp_path / "hostile.pdf")
    assert HOSTILE_NAME in pdf_pages(pdf)[0]


def test_javascript_urls_stay_text(hostile_store_path: Path) -> None:
    with Store.open(hostile_store_path) as store:
        summary = build_summary(store, "hostile-pdu")
    page = Page(render_summary(summary, "html").decode())
    assert "javascript:alert(3)" in page.text
    assert not [a for t, a in page.tags if t == "a" and "javascript" in (a.get("href") or "")]
    markdown = render_summary(summary, "md").decode()
    assert "javascript:alert(3)" in markdown and "<javascript:" not in markdown


def test_csv_defuses_formulas_but_keeps_the_text(hostile_store_path: Path) -> None:
    with Store.open(hostile_store_path) as store:
        summary = build_summary(store, "hostile-pdu")
    rows = list(csv.DictReader(io.StringIO(render_summary(summary, "csv").decode("utf-8-sig"))))
    formula = [r["text"] for r in rows if "HYPERLINK" in r["text"]]
    assert formula == ["'=HYPERLINK(\"http://evil.example/\",\"click\") is a cell a spreadsheet must not run"]


@pytest.mark.needs_qt
def test_pdf_document_loads_nothing_from_outside(tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from inspector_gui.offscreen import ensure_application

    ensure_application()
    image = tmp_path / "x.png"
    image.write_bytes(tiny_png())
    document = offline_document(f'<p><img src="{image.as_uri()}"><img src="http://example.org/x.png"></p>')
    kind = QTextDocument.ResourceType.ImageResource.value
    assert document.loadResource(kind, QUrl(image.as_uri())) is None
    assert document.loadResource(kind, QUrl("http://example.org/x.png")) is None
    assert document.loadResource(kind, QUrl("data:image/png;base64,iVBORw0KGgo=")) is not None
