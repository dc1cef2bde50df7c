"""Source URLs that try to break out of a link: every writer points each link at the encoded
address, and the PDF holds no action but those links (issue 11, item 1)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from badinput import INSPECTION
from export_readback import Page, tiny_png
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from inspector_gui.domain.links import encode_url, web_address
from inspector_gui.exchange.writers import write_summary
from inspector_gui.reports.summary import build_summary
from inspector_gui.store import Store

PROVIDER = "merseyside-crc"
HOSTILE_URLS = [
    "https://evil.example/a)/S/JavaScript/JS(app.alert(1)",
    "https://evil.example/b)>>/A<</S/Launch/F(calc.exe)>>",
    "https://evil.example/c\\",
    "https://evil.example/d\\)(e",
    "https://evil.example/f?q='1'&r=\"2\"<x>",
    "https://evil.example/ü/%zz/(g)",
]
# Written into the store by another program: the importer refuses control characters.
RAW_URLS = ["https://evil.example/h\r)/S/Launch(\n", "https://evil.example/i\x00)"]


@pytest.fixture
def hostile_links_store(store_path: Path, tmp_path: Path) -> Path:
    """The bundled store plus findings of one inspection whose source URLs attack link syntax,
    two of them joined in one source field, and an inspection source that does too."""
    findings = [{"inspection_id": INSPECTION, "domain_code": "2", "standard_code": "2.1",
                 "kind": "strength", "text": f"Hostile link finding {n}", "source_url": url}
                for n, url in enumerate(HOSTILE_URLS)]
    findings.append({"inspection_id": INSPECTION, "domain_code": "1", "standard_code": "",
                     "kind": "improvement", "text": "Two hostile links in one field",
                     "source_url": f"{HOSTILE_URLS[0]} ; https://evil.example/j)(k"})
    source = tmp_path / "findings.json"
    source.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    with Store.open(store_path, readonly=False) as store:
        store.import_files([source])
    conn = sqlite3.connect(store_path)
    with conn:
        conn.executemany("UPDATE findings SET source_url = ? WHERE text = ?",
                         [(url, f"Hostile link finding {n}") for n, url in enumerate(RAW_URLS)])
        conn.execute("UPDATE inspections SET source_url = ? WHERE inspection_id = ?",
                     (HOSTILE_URLS[1], INSPECTION))
    conn.close()
    return store_path


def _summary_urls(store_path: Path) -> tuple[object, set[str]]:
    with Store.open(store_path) as store:
        summary = build_summary(store, PROVIDER)
    return summary, {web_address(u) for u in summary.sources()} - {None}


def _link_actions(path: Path) -> list[dict]:
    """Every annotation's action but links within the document, read strictly (a broken string
    would fail to parse)."""
    reader = PdfReader(path, strict=True)
    assert "/OpenAction" not in reader.trailer["/Root"] and "/AA" not in reader.trailer["/Root"]
    names = reader.trailer["/Root"].get("/Names")
    assert names is None or "/JavaScript" not in names.get_object(), "no document-level script"
    actions = []
    for page in reader.pages:
        assert "/AA" not in page
        for ref in page.get("/Annots") or []:
            annot = ref.get_object() if isinstance(ref, IndirectObject) else ref
            assert annot["/Subtype"] == "/Link" and "/AA" not in annot
            if "/Dest" in annot:  # a reference number, pointing at its entry in the Sources list
                assert "/A" not in annot and re.fullmatch(r"source-\d+", str(annot["/Dest"]))
            else:
                actions.append(dict(annot["/A"]))
    return actions


@pytest.mark.needs_qt
def test_pdf_links_are_the_encoded_urls_and_nothing_else(hostile_links_store: Path, tmp_path: Path) -> None:
    summary, expected = _summary_urls(hostile_links_store)
    assert {encode_url(u) for u in HOSTILE_URLS} <= expected
    pdf = write_summary(summary, "pdf", tmp_path / "out.pdf", chart_png=tiny_png())
    actions = _link_actions(pdf)
    for action in actions:
        assert set(action) <= {"/Type", "/S", "/URI"}, action
        assert action["/S"] == "/URI" and "/Next" not in action
    uris = {str(action["/URI"]) for action in actions}
    assert uris == expected
    assert not any(url in uris for url in HOSTILE_URLS + RAW_URLS)


def test_html_and_markdown_links_are_the_encoded_urls(hostile_links_store: Path, tmp_path: Path) -> None:
    summary, expected = _summary_urls(hostile_links_store)
    html = write_summary(summary, "html", tmp_path / "out.html").read_text("utf-8")
    hrefs = {attrs["href"] for tag, attrs in Page(html).tags if tag == "a" and attrs.get("href")}
    assert {h for h in hrefs if not h.startswith("#")} == expected
    markdown = write_summary(summary, "md", tmp_path / "out.md").read_text("utf-8")
    targets = set(re.findall(r"<(https?://[^>\s]*)>", markdown))
    assert targets == expected
    shown = Page(html).text
    assert all(url in shown for url in HOSTILE_URLS), "the text as imported is still shown"
