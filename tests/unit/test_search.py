"""One search value: the text parsed once into words and phrases, from which the store builds its
full-text query and the window its highlighting, both by the index's own stemmer; stop words are
never marked, and only the word the search treats as a prefix is marked as one."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_gui.domain.records import FindingQuery
from inspector_gui.domain.search import STOP_WORDS, Search, match_spans
from inspector_gui.store.search import fts_query
from inspector_gui.store.terms import TOKENIZER, stems

TEXT = ("Risk of harm was often not assessed, and offending behaviour was the focus. "
        "The risk-assessment of harm to others is weak; risks of harm were missed.")


def marked(text: str, typed: str) -> list[str]:
    return [text[start:start + length] for start, length in match_spans(text, Search.parse(typed), stems)]


@pytest.mark.parametrize(("typed", "terms", "prefix"), [
    ("risk of harm", (("risk",), ("of",), ("harm",)), True),
    ('"risk of harm"', (("risk", "of", "harm"),), False),
    ('staff "risk of harm" lead', (("staff",), ("risk", "of", "harm"), ("lead",)), True),
    ('“risk of harm”', (("risk", "of", "harm"),), False),
    ('"risk of harm', (("risk",), ("of",), ("harm",)), True),
    ('"risk"', (("risk",),), False),
    ("NEAR(risk -harm:*", (("NEAR",), ("risk",), ("harm",)), True),
    ('"" * ( ', (), False),
])
def test_text_parses_into_words_and_phrases(typed: str, terms: tuple, prefix: bool) -> None:
    search = Search.parse(typed)
    assert search.terms == terms and search.prefix is prefix
    assert bool(search) is bool(terms)


def test_a_query_parses_its_search_once() -> None:
    query = FindingQuery(search="risk of harm")
    assert query.parsed_search is query.parsed_search == Search.parse("risk of harm")


def test_the_fts_query_quotes_words_and_phrases() -> None:
    assert fts_query(Search.parse("risk of harm")) == '"risk" "of" "harm"*'
    assert fts_query(Search.parse('staff "risk of harm"')) == '"staff" "risk of harm"'
    assert fts_query(Search.parse("*")) is None


def test_no_stop_word_is_highlighted_and_only_the_last_word_is_a_prefix() -> None:
    found = marked(TEXT, "risk of harm")
    assert found == ["Risk", "harm", "risk", "harm", "risks", "harm"]
    assert not {w.casefold() for w in found} & STOP_WORDS
    assert "often" not in found and "offending" not in found
    assert marked(TEXT, "of risk") == ["Risk", "risk", "risks"]  # "of" exact, never marked


def test_the_prefix_word_marks_what_it_matches() -> None:
    assert marked(TEXT, "assessment") == ["assessed", "assessment"]
    assert marked(TEXT, "of") == ["often", "offending"]
    assert marked(TEXT, "ris") == ["Risk", "risk", "risks"]
    assert marked(TEXT, '"ris"') == []


def test_a_phrase_marks_its_words_only_where_they_stand_together() -> None:
    assert marked(TEXT, '"harm was"') == ["harm"]
    assert marked(TEXT, '"risks of harm"') == ["Risk", "harm", "risks", "harm"]
    assert marked("harm risk", '"risk harm"') == []


@pytest.mark.parametrize("typed", ["risk", "assess", "of", '"harm"', "offend", "the", "w"])
def test_what_is_highlighted_is_what_the_index_matches(typed: str) -> None:
    """Each word of the text as a row of an index like the store's: the words marked are the
    rows the search finds, less the stop words."""
    words = TEXT.replace("-", " ").split()
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
    conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", enumerate(words))
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_query(Search.parse(typed)),))
    found = [words[r[0]].strip(".,;") for r in rows]
    assert marked(" ".join(words), typed) == [w for w in found if w.casefold() not in STOP_WORDS]
