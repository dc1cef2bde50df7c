"""Search words as the FTS index holds them, so that a common word can be looked up one inspection
at a time.

FTS5 answers a prefix query (``"staff"*``, the last word while typing) by merging the whole
doclist of every matching term first, however narrow the rowid range asked for: about 10 ms for a
common prefix on a million findings, on every call. Expanded into the exact terms it stands for
(``"staff" OR "staffordshir"``), a call limited to one inspection's rows takes microseconds.
The terms come with the number of findings each is in (an estimate of the matches that tells a
common search from a rare one) from the store's term table (:mod:`term_table`), or from an
``fts5vocab`` table over the index where that table is not current.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, replace

from inspector_gui.domain.search import Search
from inspector_gui.store import term_table
from inspector_gui.store.search import fts_query

TOKENIZER = "porter"
MAX_TERMS = 5_000
STEM_CACHE_SIZE = 100_000
SUFFIXES = ("e", "s", "es", "ed", "ing", "y", "ion", "ation", "al", "ate", "ness", "ful", "ous", "ive")
VOCAB = "temp.findings_fts_terms"


@dataclass(frozen=True)
class Expansion:
    """A MATCH expression of exact terms equal to the user's search, and about how many findings
    it matches."""

    match: str
    estimate: int


_stems: dict[str, str] = {}

def stems(words: list[str]) -> list[str]:
    """Each word as the FTS tokenizer indexes it (``staffing`` → ``staf``), by SQLite itself;
    ``""`` for a word that is not exactly one token. Remembered, since asking costs 0.2 ms."""
    known = {word: _stems.get(word) for word in words}
    missing = [word for word, stem in known.items() if stem is None]
    if missing:
        computed = dict(zip(missing, _tokenize(missing), strict=True))
        known.update(computed)
        if len(_stems) > STEM_CACHE_SIZE:
            _stems.clear()
        _stems.update(computed)
    return [known[word] or "" for word in words]


def _tokenize(words: list[str]) -> list[str]:
    memory = _tokenizer()
    memory.execute("INSERT INTO t (t) VALUES ('delete-all')")
    memory.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", enumerate(words))
    found: dict[int, list[str]] = {}
    for doc, term in memory.execute("SELECT doc, term FROM v"):
        found.setdefault(doc, []).append(term)
    return [terms[0] if len(terms := found.get(i, [])) == 1 else "" for i in range(len(words))]


_local = threading.local()


def _tokenizer() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table for stemming: made once, since making it cost more
    than the rest of a first-typed search (1.7 of 2.8 ms for "clashing" on a million findings).
    Contentless, so it is emptied by ``'delete-all'`` instead of a delete that tokenizes every
    row again (stemming one word: 45 -> 30 us; ten: 326 -> 122 us)."""
    memory = getattr(_local, "memory", None)
    if memory is None:
        memory = sqlite3.connect(":memory:", isolation_level=None)
        memory.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}', content='')")
        memory.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        _local.memory = memory
    return memory


def forget() -> None:
    """Drop remembered stems (the benchmark measures a search typed for the first time)."""
    _stems.clear()


def expand(conn: sqlite3.Connection, search: Search) -> Expansion | None:
    """The search as exact terms, or None when it cannot be put so (no words, a stem that the
    tokenizer would change again, or a prefix standing for too many terms). Counting a common
    term takes milliseconds and every page of a scrolled list asks again, so the store remembers
    the answer (:meth:`~inspector_gui.store.Store.remembered`)."""
    words = list(search.words)
    if not words:
        return None
    roots = stems(words)
    if "" in roots:
        return None
    source = _source(conn)
    if not search.prefix:
        counts = [_doc_count(conn, source, r) for r in roots]
        return Expansion(fts_query(search) or "", _expected(conn, source, counts))
    terms = _prefix_terms(conn, source, roots[-1])
    if terms is None:
        return None
    counts = [_doc_count(conn, source, root) for root in roots[:-1]]
    if not terms:
        return Expansion(fts_query(replace(search, prefix=False)) or "", 0)
    alternatives = "(" + " OR ".join(f'"{word}"' for word in terms) + ")"
    head = fts_query(Search(search.terms[:-1]))
    match = f"{head} AND {alternatives}" if head else alternatives
    return Expansion(match, _expected(conn, source, [*counts, sum(terms.values())]))


def _expected(conn: sqlite3.Connection, source: str, counts: list[int]) -> int:
    """Findings expected to hold every word, taking the words as independent: "risk" (11%) and
    "harm" (10%) together in about 1% of a million findings, not in the 10% a bound would say.
    The total is the term table's count of findings; without it (another program changed the
    index) the findings are counted: ids sort by date and are no guide to how many there are."""
    total = (term_table.documents(conn) if source == term_table.TABLE else 0) or conn.execute(
        "SELECT count(*) FROM findings").fetchone()[0] or 1
    share = 1.0
    for count in counts:
        share *= min(1.0, count / total)
    return round(total * share)


def _source(conn: sqlite3.Connection) -> str:
    """Where terms and counts are read: the store's term table while it is current, else the
    index itself through ``fts5vocab``."""
    if term_table.current(conn):
        return term_table.TABLE
    _ensure_vocab(conn)
    return VOCAB


def _ensure_vocab(conn: sqlite3.Connection) -> None:
    """An ``fts5vocab`` over the store's index in the connection's own temp schema (memory), so a
    read-only store stays untouched; ``query_only`` is lifted for that one statement."""
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'findings_fts_terms'").fetchone():
        return
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    conn.execute("PRAGMA query_only = OFF")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE {VOCAB} USING fts5vocab(main, findings_fts, 'row')")
    finally:
        conn.execute(f"PRAGMA query_only = {int(query_only)}")


def _doc_count(conn: sqlite3.Connection, source: str, term: str) -> int:
    row = conn.execute(f"SELECT doc FROM {source} WHERE term = ?", (term,)).fetchone()
    return row[0] if row else 0


def _prefix_terms(conn: sqlite3.Connection, source: str, root: str) -> dict[str, int] | None:
    """Words that the tokenizer turns into each indexed term starting with ``root``, with the
    term's document count; None if too many terms, or one no word is found for."""
    upper = root[:-1] + chr(ord(root[-1]) + 1)
    rows = conn.execute(f"SELECT term, doc FROM {source} WHERE term >= ? AND term < ? LIMIT ?",
                        (root, upper, MAX_TERMS + 1)).fetchall()
    if len(rows) > MAX_TERMS:
        return None
    words = _words_for([term for term, _ in rows])
    if words is None:
        return None
    return {word: count for word, (_, count) in zip(words, rows, strict=True)}


def _words_for(terms: list[str]) -> list[str] | None:
    """For each term, a word the tokenizer turns into it: a query quotes words, and quoting the
    term itself fails where stemming it again changes it (``offens`` → ``offen``), so try the
    term, then the term with a suffix Porter strips (``offense`` → ``offens``)."""
    words = list(terms)
    missing = [i for i, stem in enumerate(stems(terms)) if stem != terms[i]]
    if not missing:
        return words
    candidates = [(i, _candidate(terms[i], suffix)) for i in missing for suffix in SUFFIXES]
    found: dict[int, str] = {}
    for (index, word), stem in zip(candidates, stems([w for _, w in candidates]), strict=True):
        if stem == terms[index]:
            found.setdefault(index, word)
    if len(found) < len(missing):
        return None
    for index, word in found.items():
        words[index] = word
    return words


def _candidate(term: str, suffix: str) -> str:
    """``happi`` + ``y`` is ``happy``; otherwise the suffix is added."""
    return term[:-1] + suffix if suffix == "y" and term.endswith("i") else term + suffix
