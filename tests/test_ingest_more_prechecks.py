"""The reader's cheap tests before a pattern (imprints, publishers, an abstract's labels), and
its patterns rewritten for speed, answer what the plain pattern answers (a sibling of
`test_ingest_rewritten_patterns.py`).

Each test builds text from the characters and words that matter to one shortcut (and the traps
next to them) and compares the shortcut with the plain pattern.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import citation_marks, imprint, inside_abstract, journal, locators, text
from kg.ingest.assemble import (
    _BACK_REFERENCE,
    _BULLET_SERIES,
    _THE_AUTHORS,
    _back_reference,
    _bullet_series,
    _the_authors,
)
from kg.ingest.text import clean
from kg.records import Series

COUNT_TOKENS = ["100", "18", "[", ".", "p", "p.", "[p.", ".p.", " ", "P.", "x", "Perth", "٣"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(COUNT_TOKENS), min_size=1, max_size=8).map("".join))
@example("100[p.")
@example("18.p.")
def test_a_count_typed_in_is_looked_for_only_where_its_letters_are(line: str) -> None:
    found = imprint._TYPED_IN_COUNT.search(line) is not None
    assert found <= imprint._may_have_a_typed_in_count(line)


STATUS_TOKENS = [
    "Forthcoming",
    "forthcoming",
    "FORTHCOMING",
    "In press",
    "in press",
    "Online first",
    "Preprint",
    "Pre-print",
    "\u0131n press",  # a dotless i is an `i` to the pattern's case folding
    "\u0130n press",  # a dotted capital I too
    "Fo",
    "On",
    "London",
    ". ",
    ", ",
    " ",
    "“Policing”",
    "x",
    "é",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(STATUS_TOKENS), min_size=1, max_size=5).map("".join))
@example("Forthcoming. “Policing the Coast.” Journal of X")
@example("In press")
@example("Online first")
@example("Preprint")
@example("\u0131n press")
def test_a_status_is_looked_for_only_where_its_first_letters_are(line: str) -> None:
    found = imprint._STATUS.match(line) is not None
    assert found <= imprint._may_start_with_a_status(line)


REPORT_TOKENS = ["GAO", "RR", "A", "NCJ", "-", "21", "123", " ", "OSD", "x", "2021", ". "]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(REPORT_TOKENS), min_size=1, max_size=6).map("".join))
@example("GAO-21-123")
@example("RR-2889-OSD")
def test_a_report_number_first_needs_its_dash(line: str) -> None:
    found = citation_marks._REPORT_START.match(line) is not None
    assert citation_marks._starts_with_a_report_number(line) == found


# `journal._FIRST_PART` as it was written before it started with a class of its first characters.
_PLAIN_FIRST_PART = re.compile(r"[,.(]\s|\s\(|\s(?:19|20)\d\d\b")
FIRST_PART_TOKENS = [
    ",",
    ".",
    "(",
    " ",
    "\t",
    "\u00a0",
    "19",
    "20",
    "2021",
    "1999x",
    "x",
    "Police Review",
    "_",
    "é",
    "٣",
]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(FIRST_PART_TOKENS), min_size=1, max_size=10).map("".join))
@example("Police Review, 12(3), 2021")
@example("Police Review (2021)")
@example("Police Review 2021, 12")
@example("Police Review.2021")
@example("Police Review 20211")
def test_the_first_part_of_an_imprint_ends_where_its_plain_pattern_ends_it(line: str) -> None:
    cut, plain = journal._FIRST_PART.search(line), _PLAIN_FIRST_PART.search(line)
    assert (cut and cut.start()) == (plain and plain.start())
    assert (cut is None) == (plain is None)


PUBLISHER_TOKENS = ["The ", "the ", "THE ", "Authors", "author", "Author(s)", " (s)", "Task Force",
                    "Commission", "Urban Institute", "A", "T", "x", " ", "é", "\u0131"]  # fmt: skip


@settings(max_examples=800)
@given(st.lists(st.sampled_from(PUBLISHER_TOKENS), max_size=4).map("".join))
@example("The Authors")
@example("Authors")
@example("author(s)")
@example("the Task Force")
@example("THE COMMISSION")
def test_a_publisher_that_names_the_authors_or_a_body_before_is_told_as_by_its_pattern(
    name: str,
) -> None:
    assert _the_authors(name) == (_THE_AUTHORS.match(name) is not None)
    assert _back_reference(name) == (_BACK_REFERENCE.match(name) is not None)


BULLET_TOKENS = ["• ", "- ", "* ", "•", "Research Report", "Policy Paper", " no. ", "no.", "12",
                 "A-7", " ", ".", "٣", "x", "Series", "The findings"]  # fmt: skip


@settings(max_examples=800)
@given(st.lists(st.sampled_from(BULLET_TOKENS), max_size=6).map("".join))
@example("• Research Report no. 12")
@example("• Research Report no.12")
@example("- Policy Paper A-7.")
@example("• Research Report ٣")
def test_a_bullet_series_is_read_as_by_its_pattern(line: str) -> None:
    m = _BULLET_SERIES.match(line)
    plain = Series(clean(m["name"]), m["number"]) if m else None
    assert _bullet_series(line) == plain


# One line for each label `_ABSTRACT_LABEL` knows.
LABEL_LINES = [
    "Background:", "Context:", "Objective:", "Objectives:", "Aim:", "Aims:", "Purpose:",
    "Design:", "Setting:", "Participants:", "Method:", "Methods:", "Methodology:",
    "Intervention:", "Interventions:", "Measures:", "Outcome:", "Outcomes:", "Result:",
    "Results:", "Findings:", "Key findings:", "Conclusion:", "Conclusions:", "Implications:",
    "Recommendations:", "Limitations:", "Discussion:", "Introduction:", "Note:", "Notes:",
    "Funding:", "Disclaimer:", "Acknowledgements:", "Acknowledgments:", "Acknowledgement:",
    "Photo:", "Photo credit:", "Image credits:", "Cover:", "Credit:", "Credits:", "Keywords:",
    "Key words:", "JEL:", "JEL codes:", "JEL classification:",
    "\u017fetting:",  # a long s is an `s` to the pattern's case folding
    "\u212aeywords:",  # a Kelvin sign is a `k`
    "F\u0131ndings:",  # a dotless i is an `i`
]  # fmt: skip
LABEL_TOKENS = [*LABEL_LINES, " : ", ": ", " ", "x", "Washington", "Crime", "é"]


def test_each_abstract_label_is_told_by_its_first_letters_as_by_its_pattern() -> None:
    for line in LABEL_LINES:
        for variant in (line, line.upper(), line.lower(), line.swapcase(), f"{line} Police"):
            found = inside_abstract._ABSTRACT_LABEL.match(variant) is not None
            assert inside_abstract.abstract_label(variant) == found, variant
    assert all(inside_abstract.abstract_label(line) for line in LABEL_LINES)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(LABEL_TOKENS), min_size=1, max_size=4).map("".join))
def test_an_abstract_label_is_told_by_its_first_letters_as_by_its_pattern(line: str) -> None:
    found = inside_abstract._ABSTRACT_LABEL.match(line) is not None
    assert inside_abstract.abstract_label(line) == found


def _plain_is_clean(line: str) -> bool:
    """`text.is_clean` with `isprintable` for every text."""
    if "  " in line or line[:1] == " " or line[-1:] == " ":
        return False
    if "&" in line and ";" in line and text._REFERENCE.search(line):
        return False
    return line.isprintable() and (line.isascii() or text._SPACING_ACUTE not in line)


ASCII_RUNS = st.sampled_from(["x" * 40, "Policing the harbour. ", " ", "&amp;", "a"])
ASCII_CHARACTERS = st.characters(max_codepoint=127)  # the control characters among them


@settings(max_examples=600)
@given(
    st.lists(st.one_of(ASCII_RUNS, ASCII_CHARACTERS, st.just("\u00b4e")), max_size=8).map("".join)
)
@example("x" * 100 + "\x7f")  # the delete character: no control code below 32, yet unprintable
@example("x" * 100 + "\x1f")
@example("\x00" + "x" * 100)
@example("x" * 79 + "\t")  # one character short of the bytes' test
def test_a_long_ascii_line_is_told_printable_as_isprintable_tells_it(line: str) -> None:
    assert text.is_clean(line) == _plain_is_clean(line)
    if line.isascii():
        assert text.printable_ascii(line) == line.isprintable()


HINT_TOKENS = ["(", ")", "/", "-", "–", "Vol", "vol.", "Issue", "Online First", "Online ahead",
               "Art", "Article", "Art.", "12", "2021", "1999", "٣", ":", ";", ",", ", ", " ",
               "\u2003", "\n", ".", "p.", "pp.", "Health ", "x", "London"]  # fmt: skip


@settings(max_examples=800)
@given(st.lists(st.sampled_from(HINT_TOKENS), max_size=10).map("".join))
@example("Health 2021, 18, 1234.\n")  # MDPI's numbers before a line's end
@example("Frontiers in X, 12, 654321")
@example("Journal of X 12 : 3")  # white space between the issue and its colon
@example(": Journal of X 12\u2003;")  # a colon first, then a digit before a semicolon
@example("Journal of X ٣:")  # a digit beyond ASCII
@example("Diritto X, 4/2020, pp. x")  # a slash is all the branch has of the marks
@example("Frontiers in X, 7, Article x")  # so is `Art`
def test_a_journal_s_hint_is_looked_for_only_where_its_marks_are(line: str) -> None:
    assert locators.hints_a_journal(line) == (locators.JOURNAL_HINT.search(line) is not None)
