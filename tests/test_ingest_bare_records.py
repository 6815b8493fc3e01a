"""Records that lack a byline and an imprint, or an abstract, between whole records, as a listing
prints them: a title and its abstract alone on a page printing each abstract after its imprint,
or followed by a junk line on a page printing each byline after its abstract; a title that is a
place and a year (`Warsaw: 1944`) above an abstract of one sentence. Every line is made up."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.generate import _title_case
from bench.variants import SITE, make_record
from kg.ingest.inside_abstract import _HEADING_LABEL, heading_label
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX

_GLUED_ABSTRACT = (
    "The briefing sums up what the trial found in four towns. It was written for officers and"
    " for the public who asked."
)
_BARE_ABSTRACT = "This note describes how small ports were policed. It ends with lessons."


def _whole_records(*order: str) -> tuple[str, str]:
    """Two whole records (before and after the one under test), their fields in `order`."""
    before = {
        "title": "Remand in Rural Courts",
        "byline": "By Nora Quist",
        "imprint": "Perth: Westmark Law, 2022. 28p.",
        "abstract": _GLUED_ABSTRACT,
    }
    after = {
        **before,
        "title": "Bail Hostels Reconsidered",
        "byline": "By Ivo Marsh",
        "imprint": "Leeds: Harbour Trust, 2020. 40p.",
    }
    return "".join(f"{before[o]}\n\n" for o in order), "".join(f"{after[o]}\n\n" for o in order)


# Pages printing each abstract after its imprint.
_LATE_BEFORE, _LATE_AFTER = _whole_records("title", "byline", "imprint", "abstract")


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Night Courts in Port Towns", _BARE_ABSTRACT),
        ("Restorative Circles", "A brief overview of restorative circles in schools and clubs."),
        ("WHO WATCHES THE WARDENS", _BARE_ABSTRACT),
    ],
)
def test_a_bare_record_on_a_page_printing_abstracts_last_is_its_own(
    title: str, abstract: str
) -> None:
    page = f"{PAGE_HEAD}{_LATE_BEFORE}{title}\n\n{abstract}\n\n{_LATE_AFTER}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        (title, abstract, None),
        ("Bail Hostels Reconsidered", _GLUED_ABSTRACT, 2020),
    ]


@pytest.mark.parametrize(
    "heading", ["Key findings", "Key points", "Methods", "RESULTS:", "Summary"]
)
def test_a_headed_abstract_on_a_page_printing_abstracts_last_stays_whole(heading: str) -> None:
    points = "  • Arrests fell.\n\n  • Trust rose."
    page = f"{PAGE_HEAD}{_LATE_BEFORE}{heading}\n\n{points}\n\n{_LATE_AFTER}"
    got = parse_page_text(page, LEX)
    assert [r.title for r in got] == ["Remand in Rural Courts", "Bail Hostels Reconsidered"]
    assert heading in (got[0].abstract or "")


def test_a_sentences_end_wrapped_onto_its_own_line_is_no_title() -> None:
    page = (
        f"{PAGE_HEAD}Harbour Gangs and Their Rivals\n\nBy Harbour Crisis Group\n\n"
        "What is new? The older gang has gained ground on its rival and named a new\n\n"
        "leader in 2021.\n\nWhy does it matter? The towns of the coast pay for the feud.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert "leader in 2021." in (got.abstract or "")


_BARE_TITLES = ["Night Courts in Port Towns", "Restorative Circles", "WHO WATCHES THE WARDENS",
                "Quiet Streets", "The Bail Ladder", "Harbour Patrols After Dark"]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), bare=st.sampled_from(_BARE_TITLES), count=st.integers(2, 5))
def test_a_bare_record_among_generated_records_printing_abstracts_last_is_its_own(
    seed: int, bare: str, count: int
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        if i == at:
            lines += [bare, "", _BARE_ABSTRACT, ""]
            titles.append(_title_case(bare) if bare.isupper() else bare)
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", late=True)
        titles.append(truth["title"])
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles


# Pages printing each byline after its abstract.
_BYLINE_LATE_BEFORE, _BYLINE_LATE_AFTER = _whole_records("title", "abstract", "byline", "imprint")


@pytest.mark.parametrize("junk", ["download", "Guest User", "USED BOOK", "Read More"])
@pytest.mark.parametrize(
    "next_title",
    ["Bail Hostels Reconsidered", "Bail hostels reconsidered: a review of the evidence"],
)
def test_a_bare_record_then_junk_on_a_page_printing_bylines_last_keeps_the_next_title(
    junk: str, next_title: str
) -> None:
    after = _BYLINE_LATE_AFTER.replace("Bail Hostels Reconsidered", next_title)
    page = f"{PAGE_HEAD}{_BYLINE_LATE_BEFORE}Quiet Streets\n\n{_BARE_ABSTRACT}\n\n{junk}\n\n{after}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        ("Quiet Streets", _BARE_ABSTRACT, None),
        (next_title, _GLUED_ABSTRACT, 2020),
    ]


@pytest.mark.parametrize("junk", ["MAY CONTAIN MARKUP", "download"])
def test_junk_between_abstract_paragraphs_on_a_page_printing_bylines_last_stays_inside(
    junk: str,
) -> None:
    abstract = _second_record_s_abstract(junk)
    assert abstract is not None and abstract.endswith(_GLUED_ABSTRACT)


def _second_record_s_abstract(line: str) -> str | None:
    """A whole record, then `Quiet Streets` with `line` between its two abstract paragraphs on
    a page printing bylines last: both records read whole (titles, years); the second's
    abstract."""
    page = (
        f"{PAGE_HEAD}{_BYLINE_LATE_BEFORE}Quiet Streets\n\n{_BARE_ABSTRACT}\n\n{line}\n\n"
        f"{_GLUED_ABSTRACT}\n\nBy Ada Brook\n\nLeeds: Harbour Trust, 2021. 12p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2022),
        ("Quiet Streets", 2021),
    ]
    return got[1].abstract


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    bare=st.sampled_from(_BARE_TITLES),
    junk=st.sampled_from(["download", "Guest User", "USED BOOK", "Read More"]),
    count=st.integers(2, 5),
)
# the next title wrapped onto a second line that starts in lower case (`…: courts` / `children
# review`)
@example(seed=271, bare="Night Courts in Port Towns", junk="download", count=3)
def test_a_bare_record_and_junk_among_generated_records_printing_bylines_last_is_its_own(
    seed: int, bare: str, junk: str, count: int
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        if i == at:
            lines += [bare, "", _BARE_ABSTRACT, "", junk, ""]
            titles.append(_title_case(bare) if bare.isupper() else bare)
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", byline_late=True)
        titles.append(truth["title"])
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles


_WHOLE_BEFORE = (
    f"Remand in Rural Courts\n\nBy Nora Quist\n\n{_GLUED_ABSTRACT}\n\n"
    "Perth: Westmark Law, 2022. 28p.\n\n"
)
_WHOLE_AFTER = (
    f"Bail Hostels Reconsidered\n\nBy Ivo Marsh\n\n{_GLUED_ABSTRACT}\n\n"
    "Leeds: Harbour Trust, 2020. 40p.\n"
)


@pytest.mark.parametrize("title", ["Warsaw: 1944", "Lisbon: 1974.", "Glen Ora, NSW: 1931"])
@pytest.mark.parametrize(
    "sentence",
    [
        "This paper traces the uprising's courts over nine weeks of street fighting.",
        "A short account of how the city's police changed sides in a single night.",
    ],
)
def test_a_place_and_year_title_above_one_sentence_is_the_records_title(
    title: str, sentence: str
) -> None:
    page = (
        f"{PAGE_HEAD}{_WHOLE_BEFORE}{title}\n\n{sentence}\n\n"
        f"Wellington: Harbour History Trust, 2021. 36p.\n\n{_WHOLE_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        (title, sentence, 2021),
        ("Bail Hostels Reconsidered", _GLUED_ABSTRACT, 2020),
    ]
    assert got[0].places == ("Perth",)


@pytest.mark.parametrize(
    "imprint",
    ["Harbour Research Council.\n\nLondon: 2019.", "Harbour Research Council\n\nLondon: 2019"],
)
def test_a_place_and_year_line_ending_an_imprint_stays_the_imprints(imprint: str) -> None:
    page = (
        f"{PAGE_HEAD}Remand in Rural Courts\n\nBy Nora Quist\n\n{_GLUED_ABSTRACT}\n\n"
        f"{imprint}\n\n{_WHOLE_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2019),
        ("Bail Hostels Reconsidered", 2020),
    ]


_HEADINGS = ["Background", "Methods", "Methodology", "Key findings", "Findings", "Results",
             "Conclusions", "Implications", "Table of contents", "Key points", "Key messages",
             "Highlights", "Executive summary", "Summary", "Abstract", "Acknowledgements",
             "Keywords", "JEL codes", "Photo credits", "Note"]  # fmt: skip


@given(
    heading=st.sampled_from(_HEADINGS),
    case=st.sampled_from([str, str.upper, str.lower, str.title]),
    colon=st.booleans(),
)
def test_the_headings_cheap_test_refuses_no_heading(
    heading: str, case: Callable[[str], str], colon: bool
) -> None:
    text = case(heading) + (":" if colon else "")
    assert _HEADING_LABEL.fullmatch(text) is not None
    assert heading_label(text)


@pytest.mark.parametrize(
    "next_title",
    [
        "Bail Hostels Reconsidered",
        "Harbour Patrols: A Review of the Evidence",
        "Bail hostels and night shelters in three port towns: a review of the evidence",
    ],
)
@pytest.mark.parametrize("bare", ["Quiet Streets", "Night Courts in Port Towns"])
def test_a_bare_record_right_before_a_title_on_a_page_printing_bylines_last_is_its_own(
    bare: str, next_title: str
) -> None:
    after = _BYLINE_LATE_AFTER.replace("Bail Hostels Reconsidered", next_title)
    page = f"{PAGE_HEAD}{_BYLINE_LATE_BEFORE}{bare}\n\n{_BARE_ABSTRACT}\n\n{after}"
    got = parse_page_text(page, LEX)
    assert [(r.as_printed.title, r.abstract, r.year) for r in got] == [
        ("Remand in Rural Courts", _GLUED_ABSTRACT, 2022),
        (bare, _BARE_ABSTRACT, None),
        (next_title, _GLUED_ABSTRACT, 2020),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Key findings",  # a structured abstract's heading
        "Methods",
        "RESULTS:",
        "The review found gaps in three areas:",  # a paragraph leading into a list
        "It makes four recommendations, as follows -",
    ],
)
def test_a_heading_or_a_lead_into_a_list_on_a_page_printing_bylines_last_stays_inside(
    line: str,
) -> None:
    assert line in (_second_record_s_abstract(line) or "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    bare=st.sampled_from(_BARE_TITLES),
    count=st.integers(2, 5),
    title_cased=st.booleans(),
)
# a generated title with a note after it (`… [Revised July 2023]`), over 100 characters
@example(seed=7617234, bare="Night Courts in Port Towns", count=5, title_cased=False)
def test_a_bare_record_right_before_a_generated_title_printing_bylines_last_is_its_own(
    seed: int, bare: str, count: int, title_cased: bool
) -> None:
    rng = random.Random(seed)
    at = rng.randint(1, count - 1)
    lines, titles = [SITE, "", "04-punishment.jpg", "", "PUNISHMENT", ""], []
    for i in range(count):
        if i == at:
            lines += [bare, "", _BARE_ABSTRACT, ""]
            titles.append(_title_case(bare) if bare.isupper() else bare)
        paragraphs, truth = make_record(rng, i + 1, "PUNISHMENT", byline_late=True)
        if title_cased:  # the generated title line as printed, or in title case
            paragraphs = [_title_case(truth["title"]), *paragraphs[1:]]
            truth["title"] = paragraphs[0]
        titles.append(truth["title"])
        lines += [line for p in paragraphs for line in (*p.split("\n"), "")]
    got = parse_page_text("\n".join(lines) + "\n", LEX)
    assert [r.title for r in got] == titles


@pytest.mark.parametrize(
    ("title", "imprint"),
    [
        ("Gdansk: 1980", "Warsaw: Harbour Press, 1981. 200p."),
        ("Lisbon: 1974.", "Porto: Northland Books, 1999. 96p."),
        ("Part 2: Victims and Witnesses", "Toronto: Harbour Press, 2019. 80p."),
        ("Chapter 4: Night Courts", "Leeds: Harbour Trust, 2018. 64p."),
    ],
)
def test_a_numbered_title_and_its_imprint_alone_after_a_whole_record_are_a_record(
    title: str, imprint: str
) -> None:
    page = f"{PAGE_HEAD}{_WHOLE_BEFORE}{title}\n\n{imprint}\n\n{_WHOLE_AFTER}"
    got = parse_page_text(page, LEX)
    year = int(imprint.rpartition(", ")[2][:4])
    assert [(r.as_printed.title, r.year) for r in got] == [
        ("Remand in Rural Courts", 2022),
        (title, year),
        ("Bail Hostels Reconsidered", 2020),
    ]
    assert got[0].places == ("Perth",)


@pytest.mark.parametrize(
    "series", ["Harbour Policy Papers 12", "Library of Ethics and Law Book 21", "No. 4"]
)
def test_a_series_line_between_two_citations_stays_the_imprints(series: str) -> None:
    page = (
        f"{PAGE_HEAD}Remand in Rural Courts\n\nBy Nora Quist\n\n{_GLUED_ABSTRACT}\n\n"
        f"Perth: Westmark Law, 2022. 28p.\n\n{series}\n\nISBN 978-1-00000-000-0.\n\n"
        f"{_WHOLE_AFTER}"
    )
    got = parse_page_text(page, LEX)
    assert [r.title for r in got] == ["Remand in Rural Courts", "Bail Hostels Reconsidered"]
