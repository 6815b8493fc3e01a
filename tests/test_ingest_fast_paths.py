"""The parser's fast paths give exactly what the plain code they stand in for gives.

Each shortcut (a cheap test before a regular expression, a cached table, a pruned search) is
compared with the straightforward version on generated text built from the characters that
matter to it.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest import byline, imprint, journal, page
from kg.ingest.authority import MEMO_SIZE, Agent, Authority, ascii_last_word, name_key
from kg.ingest.names import words
from kg.ingest.parse import parse_command
from kg.ingest.text import (
    clean,
    extend_led,
    page_count_start,
    search_end,
    search_end_count,
    search_end_led,
)
from tests.conftest import ROOT

IMPRINT_TOKENS = ["2021", "1999", "202", "40", "p", "pp", "pages", "P", "May", "March 3rd,",
                  "D.C.", "A.", "a.", ".", ",", ":", ";", " ", "  ", "(", ")", "(2020)",
                  "forthcoming", "in press", "n.d.", "n. d", "Perth", "ſ", "\u00a0", "12p.",
                  "g", "a", "٣", "²",
                  "x" * 70]  # fmt: skip


def _imprint_texts() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(IMPRINT_TOKENS), max_size=14).map("".join)


@given(text=_imprint_texts())
@example("Washington D.C. 2021. 40p.")
@example("Perth: X, 2023 . , 12 pages")
@example("x" * 70 + " , . 2021")  # separators from the first character searched
def test_led_search_finds_what_the_whole_pattern_finds(text: str) -> None:
    for pattern, core in (
        (imprint._YEAR_END, imprint._CORES[imprint._YEAR_END]),
        (imprint._NO_YEAR, imprint._CORES[imprint._NO_YEAR]),
    ):
        slow, fast = search_end(pattern, text), search_end_led(pattern, core, text)
        assert _same(slow, fast)
    core = search_end_count(imprint._PAGES_CORE, text)
    fast = extend_led(imprint._PAGES, core, text) if core else None
    assert _same(search_end(imprint._PAGES, text), fast)


@given(text=_imprint_texts())
@example("2021. 12 pageſ")
@example("x1 2 p.")
@example("2021Pg")  # `pg` ends in a g
def test_page_counts_are_found_where_their_number_starts(text: str) -> None:
    for pattern in (page._PAGE_COUNT_END, journal._COUNT_AT_END, imprint._PAGES_CORE):
        assert _same(search_end(pattern, text), search_end_count(pattern, text))
    if page._FULL_IMPRINT.search(text):
        assert page_count_start(text) >= 0


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})


@given(
    text=st.one_of(
        st.text(st.sampled_from(list("ab .é"))),  # printable: the shortcut's side
        st.text(st.sampled_from(list("ab .\t\n\x07\x7f\u00a0\u2007\u200b\ufeff\x85é"))),
    )
)
@example("a  b")
@example(" a")
@example("a\u200bb")
@example("a\x7fb")
def test_clean_is_split_and_join(text: str) -> None:
    assert clean(text) == " ".join(text.translate(_INVISIBLE).split())


def _plain_name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^the\s+", "", text.casefold().strip())
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("&", " and ")))


@given(name=st.text(st.sampled_from(list("Thé ACßİıﬁ&.-ø\u0301\u0308Kk1")), max_size=20))
def test_name_key_drops_combining_marks_like_the_plain_code(name: str) -> None:
    name_key.cache_clear()
    assert name_key(name) == _plain_name_key(name)


AUTHORITY = Authority(
    [
        Agent("organization/csa", "organization", "Centre of Expertise", ("CSA",)),
        Agent("person/jane-roe", "person", "Jane Roe", variants=("Roe, J.",)),
    ]
)
WORDS = ["The", "CSA", "-", "Centre", "of", "Expertise", "Jane", "Roe", "Roe,", "J.", "x"]


@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_may_end_never_refuses_a_known_ending(words: list[str]) -> None:
    text = " ".join(words)
    tails = [" ".join(words[cut:]) for cut in range(len(words))]
    if any(AUTHORITY.lookup(tail) is not None for tail in tails):
        assert AUTHORITY.may_end(text)


# The patterns as they were before a lookahead named the characters every match starts with.
PLAIN_LOCATOR = re.compile(
    r",?\s*\((?=(?:19|20)\d\d\)\s*\d)|,?\s*(?<=[A-Za-z,.\s])[Vv]ol(?:ume|\.)?\s*(?=\d)"
    r"|,?\s+(?=\d+\s*(?:\(\d+\))?\s*:\s*\d)|,\s*(?=\d+\s*\(\d+\)\s*,\s*\d)|,?\s+(?=Online First\b)"
)
PLAIN_IMPRINT_MARK = re.compile(
    r"\b(?:19|20)\d\d\b\.?$|\bforthcoming\b|Vol(?:ume|\.)\s*\d|\d+\s*:\s*\d|\bPages?\s+\d+"
    r"|\b(?:no|nr)\.?\s*[\w-]*\d[\w-]*\.?$|\bOnline First\b",
    re.IGNORECASE,
)
PLAIN_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\||·|\s-\s|\bwith\b)\s*")
PLAIN_SPLIT = re.compile(r"(\s*(?:\||·|;|\s-\s|,\s*and\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*)")
CITATION_TOKENS = ["Vol", "vol.", "Volume", " ", ",", "(2021)", "(3)", "12", ":", "and", "&", "|",
                   "·", ";", " - ", "with", "Online First", "FORTHCOMING", "no.", "NR", "Pages",
                   "Journal", "2020", "٣", "\u00a0", "ſ", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(CITATION_TOKENS), max_size=12).map(" ".join))
@example("Journal of X, Vol. 4 (2021), pp. 11-33")
@example("Jane Roe, John Doe and Ann Lee & Li Chen | Bo Ng · Al Day; Ed Poe - Jo Fox with Kim")
def test_patterns_with_a_first_character_test_match_like_the_plain_ones(text: str) -> None:
    assert _same(PLAIN_LOCATOR.search(text), journal._LOCATOR.search(text))
    assert _same(PLAIN_IMPRINT_MARK.search(text), page._IMPRINT_MARK.search(text))
    assert PLAIN_NAME_SEPARATORS.split(text) == page._NAME_SEPARATORS.split(text)
    assert PLAIN_SPLIT.split(text) == byline._SPLIT.split(text)
    assert words(text) == re.findall(r"[^\s]+", text)


def test_the_lookup_memo_answers_the_same_and_stays_bounded() -> None:
    authority = Authority(AUTHORITY.agents)
    names = ["The Centre of Expertise", "CSA", "Roe, J.", "John Doe", "csa", "Jane  Roe"]
    first = [authority.lookup(name) for name in names]
    assert first == [authority._by_name.get(name_key(name)) for name in names]
    for i in range(MEMO_SIZE + 10):
        authority.lookup(f"Name {i}")
    assert len(authority._found) <= MEMO_SIZE
    assert [authority.lookup(name) for name in names] == first


PLAIN_YEAR_END = re.compile(
    r"(?:\s|[,:;]|(?<!\b[A-Z])\.)*(?:\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
    r"June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|"
    r"Summer|Autumn|Fall|Winter)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\(?(?P<year>(?:19|20)\d\d)"
    r"\)?[\s.]*$"
)
SERIES_TOKENS = ["Research", "Report", "Paper", "Series", "Book", "Volume", "Notes", "no.", "No",
                 "NR", "number", "12", "WP-2020-01", ":", "(", ")", "(ACR)", "-", "–", "|", ",",
                 "Spring", "May", "3rd,", "2021", "(2021)", "June", " ", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(SERIES_TOKENS), max_size=10).map(" ".join))
@example("Research Report no. 12 Canberra: AIC")
@example("Alliance for Cities (ABC) Pacific Office")
def test_cheap_tests_before_imprint_patterns_never_refuse_a_match(text: str) -> None:
    assert _same(search_end(PLAIN_YEAR_END, text), search_end(imprint._YEAR_END, text))
    if imprint._SERIES_NO.match(text):
        assert imprint._NUMBER_WORD.search(text)
    if imprint._SERIES_WORD.match(text):
        assert any(word in text for word in imprint._SERIES_WORDS)
    if imprint._ACRONYM_PAREN.match(text):
        assert ")" in text
    if imprint._ACRONYM_DASH.match(text):
        assert "-" in text or "–" in text
    if journal._PAGE_RANGE.search(text):
        assert "Page" in text


def test_the_byte_writer_writes_what_the_text_writer_writes(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        (ROOT / "tests" / "fixtures" / "pages" / "bylines_people.txt").read_text(encoding="utf-8")
        + "\nA Very Long Report\n\nBy Jane Roe\n\nLondon: Harbour Press, 2021. "
        + "9" * 30  # a page count beyond 64 bits: orjson refuses it, json writes it
        + "p.\n",
        encoding="utf-8",
    )
    as_text, raw = io.StringIO(), io.BytesIO()
    as_bytes = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    for out in (as_text, as_bytes):
        parse_command([page], ROOT / "vocab", "http://kg.invalid/id/", out=out, err=io.StringIO())
    as_bytes.flush()
    assert raw.getvalue().decode("utf-8") == as_text.getvalue()
    rows = [json.loads(line) for line in as_text.getvalue().splitlines()]
    assert rows[-1]["page_count"] == int("9" * 30)


@given(st.lists(st.sampled_from(["The", "the", "&", "and", "X", "a1", "-", ".", " ", "(", ")",
                                 "\t", "9", "ab&", "Co."]), max_size=8).map("".join))  # fmt: skip
@example("The .")
@example("Smith &")
def test_the_last_word_of_an_ascii_key_is_found_without_the_key(text: str) -> None:
    key = name_key(text)
    if key:
        assert ascii_last_word(text) == key.rpartition(" ")[2]
