"""The reader's patterns rewritten for speed, and its cheap tests before a pattern, answer what
the plain pattern answers (the eighth session's shortcuts; `test_ingest_shortcuts.py` has the
earlier ones).

Each test builds text from the characters and words that matter to one shortcut (and the traps
next to them) and compares the shortcut with the plain pattern.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import (
    byline_text,
    catalogue_forms,
    evidence,
    imprint_statements,
    journal,
    junk,
    locators,
    occasions,
    series,
)
from kg.ingest.text import has_digit

# `journal._NAME_WORDS` as it was written before it started with each word's first letter.
_PLAIN_NAME_WORDS = re.compile(
    r"\b(?:Journal|Review|Quarterly|Annals|Proceedings|Letters|Bulletin of|Criminology|"
    r"Criminol|Law Review|Abuse & Neglect|Revista|Revue|Rivista|Zeitschrift|Tijdschrift|"
    r"Dergisi|Cadernos|Cuadernos|Cahiers)\b"
)
NAME_WORD_TOKENS = [
    "Journal",
    "Journals",
    "Review",
    "Law Review",
    "Bulletin of",
    "Bulletin",
    "Criminol",
    "Criminology",
    "Abuse & Neglect",
    "Revue",
    "Cahiers",
    "Cuadernos",
    "of",
    "x",
    "_",
    "1",
    "é",
    "٣",  # a digit beyond ASCII is a word character to `\b`
    " ",
    ", ",
    "(",
    "-",
]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(NAME_WORD_TOKENS), min_size=1, max_size=8).map("".join))
@example("European Journal of Criminology")
@example("xJournal")
@example("_Review")
@example("éRevue")
@example("Criminologyx")
def test_a_journal_name_word_is_found_where_its_plain_pattern_finds_it(text: str) -> None:
    found = journal._NAME_WORDS.search(text) is not None
    assert found == (_PLAIN_NAME_WORDS.search(text) is not None)


# `catalogue_forms._COUNT_WORD` as it was written before it started with the count's word, and
# searched from the first of the last 60 characters.
_PLAIN_COUNT_WORD = re.compile(r"\d\s?(?:[Ss]\.|Seiten|p[áa]g|blz|sider|sidor|str|stron|pagine)")
COUNT_WORD_TOKENS = [
    "300",
    "1",
    " ",
    "\t",
    "S.",
    "s.",
    "S",
    "Seiten",
    "págs.",
    "pag",
    "pagine",
    "páginas",
    "blz.",
    "sider",
    "sidor",
    "str.",
    "stron",
    "Berlin: Verlag, 2019. ",
    "x",
    ".",
    "٣",  # a digit beyond ASCII is a digit to `\d`
    "a" * 20,
    " (",
    " A",
    ";",
]


def _plain_count_words_as_p(text: str) -> str:
    """`count_words_as_p` with its cheap test as it was: the plain pattern searched from the
    window's start."""
    if _PLAIN_COUNT_WORD.search(text, max(0, len(text) - 60)) is None:
        return text
    m = catalogue_forms._OTHER_LANGUAGES_COUNT.search(text, max(0, len(text) - 60))
    return text if m is None else f"{text[: m.start()]}p.{text[m.end() :]}"


@settings(max_examples=800)
@given(st.lists(st.sampled_from(COUNT_WORD_TOKENS), min_size=1, max_size=10).map("".join))
@example("Berlin: Verlag, 2019. 300 S.")
@example("1 S." + "a" * 56)  # the digit is the 60th character from the end
@example("1 S." + "a" * 57)  # the digit is the 61st: outside the window
@example("1S." + "a" * 58)  # the word inside the window, its digit outside
@example("1 S." + "a" * 58)
@example("1 S. (" + "a" * 54)  # rewritten: the count's digit is the 60th character from the end
@example("1 S. (" + "a" * 55)  # not rewritten: the digit is the 61st
@example("1S. (" + "a" * 56)  # the word inside the window, its digit outside
def test_a_count_word_in_another_language_is_found_where_its_plain_pattern_finds_it(
    line: str,
) -> None:
    found = catalogue_forms._COUNT_WORD.search(line[-60:]) is not None
    plain = _PLAIN_COUNT_WORD.search(line, max(0, len(line) - 60)) is not None
    assert found == plain
    assert catalogue_forms.count_words_as_p(line) == _plain_count_words_as_p(line)


FURNITURE_TOKENS = [
    "Tags",
    "tagged",
    "Categories",
    "Filed under",
    "Labels",
    "Topics",
    "Subjects",
    "Posted",
    "posted by ",
    "Published",
    "Updated",
    "Last updated",
    "Date",
    "Showing 1-20 of 345",
    "Results 1-10 of 12",
    "Sort by",
    "Filter",
    "Ordered by",
    "Posts in ",
    "Monday, 3 March 2021",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Docket No. 19-1234",
    "No. 19-1234",
    "Nos. 19-1234 and 19-1240",
    ": ",
    ":",
    " ",
    "policing",
    "Trends",
    "Crime",
    "ſubjects",  # a long s is an `s` to the pattern's case folding
    "tK",
    "3 March 2021",
    "2021",
]


def _plain_is_furniture(text: str) -> bool:
    """`is_furniture` as it was before its test of the first two letters."""
    return (
        len(text) <= junk.FURNITURE_MAX
        and text[:1] in junk._FURNITURE_STARTS
        and junk._FURNITURE.match(text) is not None
    )


# One whole furniture line for each of the pattern's phrases.
FURNITURE_LINES = [
    "Tags: policing", "Tag: x", "Tagged: x", "Category: x", "Categories: x", "Filed under: x",
    "Label: x", "Labels: x", "Topic: x", "Topics: x", "Subject: x", "Subjects: x", "Posted: x",
    "Posted by Ann Lee", "Posted on 3 March", "Posted in Crime", "Published: 3 March 2021",
    "Updated: March 3rd, 2021", "Last updated: 3 March 2021", "Date: 3 March 2021",
    "Showing 1-20 of 345", "Results 1-10 of 12 results", "Result 1-1 of 1", "Sort by: Newest",
    "Sorted by: date", "Filter by: x", "Filtered by: x", "Order by: x", "Ordered by: x",
    "Posts in Crime", "Posts tagged x", "Posts by Ann", "Monday, 3 March 2021",
    "Tuesday 3 March 2021", "Wednesday, March 3, 2021", "Thursday, 3 March 2021",
    "Friday, 3 March 2021", "Saturday, 3 March 2021", "Sunday, 3 March 2021",
    "Docket No. 19-1234", "Docket Nos. 19-1234 and 19-1240", "No. 19-1234", "Nos. 19-1234, 19-12",
    "Fıled under: x",  # a dotless i is an `i` to the pattern's case folding
]  # fmt: skip


def test_each_furniture_phrase_is_told_by_its_first_letters_as_by_its_pattern() -> None:
    for line in FURNITURE_LINES:
        for variant in (line, line.upper(), line.lower(), line.swapcase()):
            assert junk.is_furniture(variant) == _plain_is_furniture(variant), variant
    assert all(junk.is_furniture(line) for line in FURNITURE_LINES)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(FURNITURE_TOKENS), min_size=1, max_size=6).map("".join))
@example("Tags: policing")
@example("Showing 1-20 of 345")
def test_furniture_is_told_by_its_first_letters_as_by_its_pattern(text: str) -> None:
    assert junk.is_furniture(text) == _plain_is_furniture(text)


def test_every_shape_scores_as_worked_out() -> None:
    # Each shape twice, in two orders: the remembered scores are the worked-out ones.
    evidence._SCORES.clear()
    shapes = [
        evidence.Shape(by, names, prose, bullet, junk_, cite, long)
        for by, names, prose, bullet, junk_, cite, long in itertools.product(
            (False, True), (0, 1, 2), (False, True), (False, True), (False, True), (0, 1, 2),
            (False, True),
        )
    ]  # fmt: skip
    for shape in [*shapes, *reversed(shapes)]:
        assert evidence.scores(shape) == evidence._scores(shape)


DIGIT_TEXT = st.text(
    st.sampled_from([*"0123456789", "a", " ", "/", ":", "é", "٣", "²", "①", "Ⅻ", "𝟙", "x", "९"]),
    max_size=12,
)


@settings(max_examples=600)
@given(DIGIT_TEXT)
@example("٣")  # an Arabic-Indic digit: a decimal digit to `\d`
@example("²")  # a superscript two: a digit to `str.isdigit`, not to `\d`
@example("no digit")
@example("2021")
@example("no. 7")  # each ASCII digit alone (the fast test names all ten)
@example("8 a")
@example("p. 6")
def test_a_digit_is_found_where_the_plain_pattern_finds_one(line: str) -> None:
    assert has_digit(line) == (re.search(r"\d", line) is not None)


DATE_NAME_TOKENS = [
    "Harbour Institute",
    ", ",
    ". ",
    " ",
    "2021",
    "1999",
    "1850",
    "20",
    "19",
    "12/",
    "March ",
    "Jan. 3, ",
    "FY",
    "c",
    "[",
    "]",
    "-22",
    "–2022",
    " [i.e. 2022]",
    " (",
    ".",
    ";",
    "45p.",
    "٢٠٢١",  # digits beyond ASCII are no year's
]


@settings(max_examples=800)
@given(st.lists(st.lists(st.sampled_from(DATE_NAME_TOKENS), max_size=6).map("".join), max_size=3))
@example(["Harbour Institute, 2021. 45p. $25.00"])
@example(["Harbour Institute", "March 2021"])
@example(["2021"])
@example(["Harbour Institute, 1850"])
def test_a_date_swallowed_by_a_name_is_found_where_the_plain_pattern_finds_it(
    names: list[str],
) -> None:
    plain = any(imprint_statements._DATE_INSIDE.search(name) for name in names)
    assert imprint_statements.swallowed_a_date(names) == plain


# One statement for each word `_OCCASION` can start with.
OCCASION_LINES = [
    "Paper presented at the Annual Meeting, Chicago, 2019", "Poster presented at X",
    "Presentation given at X", "Keynote address delivered at X", "Keynote delivered to X",
    "Talk given at X", "Lecture delivered at X", "Address delivered before X", "Presented at X",
    "Delivered to X", "Given at X", "Read before X", "Written testimony before X",
    "Oral evidence to X", "Prepared statement before X", "Testimony before X",
    "Statement submitted to X", "Remarks delivered to X", "Submission to X",
    "Written evidence to X", "Keynote speech given to X", "Keynote lecture presented at X",
]  # fmt: skip
OCCASION_TOKENS = [
    *OCCASION_LINES,
    "London: Home Office, 2019",
    "Paper",
    "presented",
    " at ",
    " ",
    "G\u0131ven at X",  # a dotless i is an `i` to the pattern's case folding
    "\u212aeynote given to X",  # a Kelvin sign is a `k`
    "Written",
    "X",
]


def _plain_presents_an_occasion(line: str) -> bool:
    return line[:1].isupper() and occasions._OCCASION.match(line) is not None


def test_each_occasion_is_told_by_its_first_letters_as_by_its_pattern() -> None:
    for line in OCCASION_LINES:
        for variant in (line, line.upper(), line.swapcase()):
            assert occasions.presents_an_occasion(variant) == _plain_presents_an_occasion(variant)
    assert all(occasions.presents_an_occasion(line) for line in OCCASION_LINES)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(OCCASION_TOKENS), min_size=1, max_size=4).map("".join))
@example("G\u0131ven at X")
@example("\u212aeynote address given at X")
def test_an_occasion_is_told_by_its_first_letters_as_by_its_pattern(line: str) -> None:
    assert occasions.presents_an_occasion(line) == _plain_presents_an_occasion(line)


# Patterns as they were written before they started with a letter, and text for each.
_PLAIN_PATTERNS = {
    "page word": (
        locators._PAGE_WORD,
        re.compile(r"\b(?:pp?|S)\.\s*\d"),
        ["p", "pp", "ppp", "S", "s", ".", ". ", " ", "1", "x", "_", "é", "٣", "Vol. 3, "],
    ),
    "roman number": (
        series._ROMAN_NUMBER,
        re.compile(r"\b[IVXLC]{1,6}\b", re.IGNORECASE),
        ["I", "V", "X", "L", "C", "i", "v", "x", "l", "c", "\u0130", "\u0131", "IVXLCI", "M", " ",
         "x1", "_", "é", "Part ", ", "],
    ),
    "family name first": (
        byline_text._FAMILY_NAME_FIRST,
        re.compile(r"(?:^|(?<=[,;&] )|(?<=and ))[A-Z]{3,} [A-Z][a-z]+\b(?! [A-Z])"),
        ["ROSSI", "ROE", "LI", "A", " ", "Jane", "Ann", "Anna", "and ", ", ", "; ", "& ", ",", "x",
         "é", "Roe", "band ", " B"],
    ),
}  # fmt: skip


@settings(max_examples=1500)
@given(
    st.sampled_from(sorted(_PLAIN_PATTERNS)).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.lists(st.sampled_from(_PLAIN_PATTERNS[name][2]), min_size=1, max_size=8).map(
                "".join
            ),
        )
    )
)
@example(("page word", "pp. 45"))
@example(("page word", "xpp. 45"))
@example(("page word", "S. 4"))
@example(("page word", "xS. 4"))
@example(("roman number", "Part XII"))
@example(("roman number", "\u0131v"))
@example(("roman number", "xiv1"))
@example(("family name first", "ROSSI Anna"))
@example(("family name first", "ROE Jane"))
@example(("family name first", "LI Ann"))
@example(("family name first", "Jane Roe and ROSSI Anna"))
@example(("family name first", "Jane Roe, ROSSI Anna B"))
@example(("family name first", "xROSSI Anna"))
def test_a_pattern_that_starts_with_its_letter_finds_what_its_plain_form_finds(
    named: tuple[str, str],
) -> None:
    name, line = named
    rewritten, plain, _tokens = _PLAIN_PATTERNS[name]
    assert (rewritten.search(line) is not None) == (plain.search(line) is not None)
