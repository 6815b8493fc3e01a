"""The reader's shortcuts answer what the plain code they spare answers.

Each test builds text from the characters and words that matter to one shortcut (and the traps
next to them) and compares the shortcut with the plain code: the pattern run everywhere.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import (
    authority,
    byline,
    byline_text,
    catalogue_forms,
    citation_marks,
    glued,
    plain_names,
    review,
    series,
    tail,
)
from tests.test_ingest_prechecks import _plain_looks_like_byline  # BY_PREFIX on every line

IDENTIFIER_TOKENS = [
    "Jane Roe",
    "Ann Lee-Smith",
    " - ",
    "-",
    ", ",
    " ",
    "(",
    ")",
    "<",
    "[",
    "0000-0002-1825-0097",
    "0000-0002-1825-009X",
    "1825-",
    "2021",
    "12",
    "ORCID",
    "orcid iD: ",
    "https://orcid.org/",
    "http://",
    "https://example.org/a",
    "://",
    "www.",
    "www.example.org",
    "WWW.",
    "/",
    "@",
    "jroe@example.org",
    "ann.lee",
    "٣٤٥٦-",  # digits beyond ASCII are digits to `\d`
]


def _plain_without_identifiers(text: str) -> str:
    return byline_text._IDENTIFIER.sub("", text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(IDENTIFIER_TOKENS), min_size=1, max_size=8).map("".join))
@example("Jane Roe 0000-0002-1825-0097")
@example("Jane Roe, https://orcid.org/0000-0002-1825-0097")
@example("Jane Roe (jroe@example.org)")
@example("Jane Roe www.example.org")
def test_identifiers_are_taken_off_only_where_the_pattern_finds_one(text: str) -> None:
    assert byline_text.without_identifiers(text) == _plain_without_identifiers(text)


SENTENCE_TOKENS = [
    "practitioners",
    "alone",
    "2021",
    "p",
    ".",
    "!",
    "?",
    ". ",
    " ",
    "”",
    '"',
    "’",
    ")",
    "(",
    ".”",
    '."',
    ".’",
    ".)",
    ".(",
    "Geneva: ",
    "Perth",
    "A",
    "a",
    "É",
    "1",
    ", ",
]


@settings(max_examples=800)
@given(
    st.lists(st.sampled_from(SENTENCE_TOKENS), min_size=1, max_size=30).map("".join),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=-5, max_value=80),
)
@example("It works.Geneva: UN, 2021. 30p.", 0, 20)
@example("It works.(Perth: Trust, 2021)", 0, 16)
@example("a.A", 0, 3)
@example("It works.”Geneva: UN, 2021.", 0, 22)
@example("a.A", 0, 2)
@example("a.A", 1, 3)
def test_a_glued_sentence_is_looked_for_only_where_its_stop_and_capital_are(
    text: str, start: int, stop: int
) -> None:
    found = glued._SENTENCE_GLUED.search(text, start, stop) is not None
    assert found <= glued._may_glue_a_sentence(text, start, stop)


GLUED_LINE_TOKENS = [
    "This report looks at how the courts of the region heard their cases",
    " and why",
    ".",
    "!",
    ". ",
    "”",
    ")",
    "(",
    "Geneva: United Nations, 2021. 30p.",
    "Perth: Coastal Trust, 2020",
    "Forthcoming",
    "2021",
    ",",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(GLUED_LINE_TOKENS), min_size=1, max_size=10).map("".join))
@example("This report looks at how the courts of the region heard their cases.Geneva: United "
         "Nations, 2021. 30p.")  # fmt: skip
@example("This report looks at how the courts of the region heard their cases.”(Perth: Coastal "
         "Trust, 2020)")  # fmt: skip
def test_an_imprint_glued_to_running_text_is_split_as_without_the_cheap_test(text: str) -> None:
    found = glued._abstract_and_imprint(text)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(glued, "_STOP_BEFORE_CAPITAL", re.compile(""))  # found everywhere
        assert found == glued._abstract_and_imprint(text)


BY_TOKENS = [
    "By",
    "BY",
    "by",
    "By ",
    " ",
    "\t",
    "\u00a0",
    ":",
    "Jane",
    "Roe",
    "the ",
    "The ",
    "the",
    "Edited",
    "and",
    "É",
    "ſ",
    "1",
    '"',
    "“",
    ".",
    "Authors:",
]


def _plain_strip_by(line: str) -> tuple[str, str | None]:
    m = byline.BY_PREFIX.match(line)
    if m is None:
        return line, None
    if m["label"]:
        label = m["label"].casefold().removesuffix("(s)").removesuffix("s")
        return line[m.end() :], byline._LABEL_ROLES.get(label)
    role = m["role"].split()[0].casefold() if m["role"] else None
    return line[m.end() :], byline._PREFIX_ROLES.get(role) if role else None


@settings(max_examples=600)
@given(st.lists(st.sampled_from(BY_TOKENS), min_size=1, max_size=8).map("".join))
@example("By Jane Roe")
@example("By the U.S. Commission")
@example("By the end of 2020")
@example("By ſelma")
@example("By É. Roe")
@example("By \tJane")
@example("By :Jane")
def test_a_by_line_is_read_without_its_pattern_as_with_it(text: str) -> None:
    assert byline.strip_by(text) == _plain_strip_by(text)
    assert byline.looks_like_byline(text) == _plain_looks_like_byline(text)


REVIEW_KEYS = st.text(alphabet="abc ", max_size=16)


@settings(max_examples=600)
@given(REVIEW_KEYS, st.lists(REVIEW_KEYS, max_size=8))
@example("a" * 11, ["a" * 14])  # lengths whose best ratio is SIMILARITY exactly
@example("a" * 11, ["a" * 15])
@example("", [""])
def test_a_name_close_to_a_known_one_is_found_as_difflib_finds_it(
    key: str, keys: list[str]
) -> None:
    plain = difflib.get_close_matches(key, keys, n=1, cutoff=review.SIMILARITY)
    assert review.closest(key, keys) == (plain[0] if plain else None)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


YEAR_TOKENS = ["19", "20", "2021", "1999", "0", "5", "a", "_", " ", ".", "é", "٣", "(", "x"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(YEAR_TOKENS), min_size=1, max_size=10).map("".join))
@example("in 2021.")
@example("x2021 _1999 é2000 ٣2001 2021")
def test_a_year_is_found_where_its_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"\b(?:19|20)\d\d\b")
    assert _spans(citation_marks._YEAR, text) == _spans(plain, text)


INITIAL_TOKENS = ["A", "M", "C", ".", "Kagawa", "Ed", "Phil", "Sc", "a", " ", "É", "é", "_", "1"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(INITIAL_TOKENS), min_size=1, max_size=10).map("".join))
@example("Rose M. C.Kagawa")
@example("Ann Lee, M.Ed.")
@example("éC.Kagawa _C.Kagawa 1C.Kagawa")
def test_an_initial_glued_to_a_name_is_found_where_its_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])(?!(?:Ed|Phil|Sc)\b)")
    assert _spans(byline._INITIAL_GLUED, text) == _spans(plain, text)


NUMBER_TOKENS = [
    "Research",
    "Report",
    "no.",
    "12",
    "٣",
    "IV",
    "iv",
    "civic",
    "x",
    "xi",
    "ı",
    "_",
    " ",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(NUMBER_TOKENS), max_size=8).map("".join))
@example("Research Report IV")
@example("Research Report")
def test_a_series_number_is_told_as_its_plain_pattern_tells_it(text: str) -> None:
    assert series._has_number(text) == (series._NUMBER_HINT.search(text) is not None)


YEAR_TAIL_TOKENS = ["(", ")", "2021", "1999", "1499", "20", "15", "-", "–", "/", " ", ".", ",", ":",
                    "3", "45p", "x", "c"]  # fmt: skip


@settings(max_examples=800)
@given(st.lists(st.sampled_from(YEAR_TAIL_TOKENS), min_size=1, max_size=10).map("".join))
@example("Canberra: AIC, (2021).")
@example("Canberra: AIC, 2019–20.")
@example("(1499) 2021")
def test_a_year_ending_a_line_is_found_where_its_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(
        r"\(?(?:1[5-9]|20)\d\d(?:\s?[-–/]\s?(?:(?:1[5-9]|20)\d\d|\d\d))?\)?"
        r"(?:\s*[:,]\s*\d{1,4}\))?[\s.,;:]*$"
    )
    for start in range(len(text) + 1):
        assert _spans(tail._YEAR_TAIL, text[start:]) == _spans(plain, text[start:])


THE_NAMES = ["The ", "the ", "THE\t", "Thé ", "Theory ", "the", "Harbour", " ", "&", "Ð", "ﬁ"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(THE_NAMES), min_size=1, max_size=5).map("".join))
@example("The Harbour Trust")
@example("Theatre Trust")
def test_a_name_key_is_made_as_with_the_plain_pattern(name: str) -> None:
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = text.translate(authority._DROP_MARKS)
    text = re.sub(r"^the\s+", "", text.casefold().strip())
    assert authority.name_key(name) == " ".join(
        re.findall(r"[a-z0-9]+", text.replace("&", " and "))
    )


PLAIN_NAME_TOKENS = ["Jane", "Roe", " ", ",", ".", ";", "&", "|", "·", "-", "'", "et", "al", "by",
                     "ed", "eds", "editor", "Editors", "ET", "Al", "bY", "é", "ſ", "ı", "K", "1",
                     "(", ". ", ".;", "x", "ÿ", "ß", "Ed"]  # fmt: skip


@settings(max_examples=800)
@given(st.lists(st.sampled_from(PLAIN_NAME_TOKENS), min_size=1, max_size=8).map("".join))
@example("Jane Roe et al")
@example("Jane Roe (ed.)")
@example("Alfred Roe, Ed Byrne")
@example("Jane Roe eds")
@example("ſ")
@example("Jane.;Roe")
def test_a_byline_of_plain_names_is_told_as_its_plain_pattern_tells_it(text: str) -> None:
    assert plain_names._not_plain(text) == (plain_names._NOT_PLAIN.search(text) is not None)


APPROXIMATE_TOKENS = [
    "c.",
    "ca.",
    "circa",
    "c",
    "ca",
    " ",
    ",",
    "2020",
    "1999",
    "x",
    "abc",
    "(",
    ".",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(APPROXIMATE_TOKENS), min_size=1, max_size=8).map("".join))
@example("London: Trust, ca. 2020. 30p.")
@example("c.2020")
@example("abc.2020")
def test_an_approximate_year_is_found_where_its_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"(?:(?<=[\s,])|^)(?:ca?\.|circa)\s?(?P<year>(?:1[5-9]|20)\d\d)\b")
    assert _spans(catalogue_forms._APPROXIMATE_YEAR, text) == _spans(plain, text)
