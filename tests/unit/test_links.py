"""What is a link, the address it points to and its shortened text: one module decides for the
window and every export (issue 11, items 1 and 11)."""

from __future__ import annotations

import pytest

from inspector_gui.domain.links import encode_url, short_link_text, source_links, web_address

# What no encoded address may hold: PDF string delimiters and escape, markup and Markdown
# delimiters, quotes, whitespace and control characters.
FORBIDDEN = set("()\\<>\"'` \t\r\n\x00\x0c*") | {chr(c) for c in range(0x20)} | {"\x7f"}


@pytest.mark.parametrize("url", [
    "https://evil.example/x)/S/JavaScript/JS(app.alert(1)",
    "https://evil.example/x)>>/A<</S/Launch/F(calc.exe)",
    "https://evil.example/x\\",
    "https://evil.example/a\\)(b",
    "https://evil.example/q?a='1'&b=\"2\"&c=`3`",
    "https://evil.example/<script>*</script>",
    "https://evil.example/ünïcødé/€",
    "https://evil.example/100%/done%2F%zz",
])
def test_encoded_addresses_hold_nothing_a_writer_could_read_as_syntax(url: str) -> None:
    encoded = encode_url(url)
    assert not FORBIDDEN & set(encoded), encoded
    assert encoded.isascii()
    assert encode_url(encoded) == encoded, "encoding twice changes nothing"
    assert web_address(url) == encoded


def test_text_that_cannot_be_encoded_as_utf8_is_still_encoded_safely() -> None:
    assert encode_url("https://evil.example/\udcff)") == "https://evil.example/%ED%B3%BF%29"


def test_ordinary_addresses_are_unchanged() -> None:
    for url in ("https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/x/",
                "https://example.org/report?a=1&b=2#part-3", "http://[::1]:8080/a;b=c"):
        assert encode_url(url) == url


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", "file:///etc/passwd", "//evil.example/scheme-relative", "/path/only",
    "example.org/no-scheme", "https://", "https:///no-host", "http://[::1/unbalanced",
    "data:text/html,<b>x</b>", "https://a.org/with space", "https://a.org/\u202eexe.pdf",
    "https://a.org/\x1b]52;c;SGVsbG8=\x07", "https://evil.example/\udcff-surrogate",
    "mailto:someone@example.org", "",
])
def test_only_absolute_web_addresses_with_a_host_are_links(value: str) -> None:
    assert web_address(value) is None
    assert short_link_text(value) == value


def test_a_source_field_is_split_into_its_values() -> None:
    links = source_links("https://a.org/1 ; //b.org/2 ; https://c.org/3 ; words")
    assert [(link.text, link.is_link) for link in links] == [
        ("https://a.org/1", True), ("//b.org/2", False), ("https://c.org/3", True), ("words", False)]


@pytest.mark.parametrize("url,host", [
    ("https://justiceinspectorates.gov.uk.evil.example/hmiprobation/a/b/c/report.pdf",
     "justiceinspectorates.gov.uk.evil.example"),
    ("https://www.justiceinspectorates.gov.uk@evil.example/" + "x" * 80, "evil.example"),
    ("https://a-very-long-host-name-that-is-longer-than-the-limit.evil.example:8443/p/q",
     "a-very-long-host-name-that-is-longer-than-the-limit.evil.example:8443"),
])
def test_shortened_text_always_shows_the_whole_host(url: str, host: str) -> None:
    text = short_link_text(url, limit=40)
    assert text == host or text.startswith(host + "/"), text
    assert "gov.uk" not in text.removeprefix(host) or "evil" in host


def test_shortened_text_keeps_the_last_part() -> None:
    assert short_link_text("https://www.example.org/a/b/c/report.pdf") == "example.org/…/report.pdf"
    assert short_link_text("https://example.org/report/") == "example.org/report"
    assert short_link_text("https://example.org/" + "x" * 80) == "example.org/" + "x" * 35 + "…"
