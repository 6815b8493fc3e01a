"""Statements an imprint prints after its date or its page count (a price, a format, a count
of slides, a grant, a parliamentary paper), alone or glued to the abstract: the citation stays
a citation and ends its record. Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest import citation_marks as citation_marks_module
from kg.ingest import imprint_notes
from kg.ingest.citation_marks import citation_marks
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of, main_fields


@pytest.mark.parametrize(
    ("imprint", "count", "report_id"),
    [
        # the generator's independent draws: a statement after counts and dates in every form
        ("Vienna: Harbour Books, 2001. 72, [4] p. Grant no. 2019-IJ-CX-0001.", 72, None),
        ("Perth: Harbour Books, 2001. 12 Seiten Updated June 2002", 12, None),
        ("Nairobi, Kenya: Harbour Books, September 2001. [258] p. 12 slides.", 258, None),
        ("London: Harbour Books, 2000 [i.e. 2001]. Cm 3210. 41 p.", 41, "Cm 3210"),
        ("London. Harbour Books. November 2001. Cm 4370. xii + 42p,", 42, "Cm 4370"),
        ("(Perth: Harbour Books, 2001. Cm 5510)", None, "Cm 5510"),
        ("Perth: Harbour Books, 3/2001; Cm 3610", None, "Cm 3610"),
        ("Harbour Books 2001. 203p, 12 slides.", 203, None),
        ("Harbour Books, 2001-2002. 296 pages $25.00", 296, None),
        ("Harbour Books. 2001. Cm 5457", None, "Cm 5457"),
    ],
)
def test_statements_after_dates_and_counts_in_every_form(
    imprint: str, count: int | None, report_id: str | None
) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.year, got.page_count) == (["Harbour Books"], 2001, count)
    assert got.report_id == report_id
    assert got.series is None


@pytest.mark.parametrize(
    "imprint",
    [
        "Geneva, Switzerland. Harbour Books January 2002. 76 pages $25.00",
        "Geneva, Switzerland: Harbour Books, 2002. 76 pages Grant no. 2019-IJ-CX-0001.",
        "Geneva, Switzerland: Harbour Books, 2002. 76p. 12 slides.",
        "Geneva, Switzerland: Harbour Books, 2002. Cm 1369. 76p.",
    ],
)
def test_an_imprint_with_a_statement_after_its_count_glued_to_the_abstract(imprint: str) -> None:
    page = (
        f"{PAGE_HEAD}\nFraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        f"A study of fraud on the coast, with a survey of victims.{imprint}\n\n"
        "Policing the Northern Shore\n\nBy Carl Dee\n\nA review of policing on the shore.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    records = parse_page_text(page, LEX)
    assert [r.title for r in records] == [
        "Fraud on the Harbour Coast",
        "Policing the Northern Shore",
    ]
    assert records[0].abstract == "A study of fraud on the coast, with a survey of victims."
    assert list(records[0].publishers) == ["Harbour Books"]
    assert records[0].page_count == 76


_STATEMENTS = ["$25.00", "PDF.", "Grant no. 2019-IJ-CX-0001.", "12 slides.", "Online only.",
               "JournalRead-Me.Org classic reprint.", "Free download."]  # fmt: skip


@given(
    st.sampled_from(
        [
            "Geneva: Harbour Books, 2002.",
            "Harbour Books. January 2002.",
            "London: Harbour Books, 2002 [i.e. 2003].",
        ]
    ),
    st.sampled_from(["76p.", "76 pages", "76 p.", "[76] p.", "vi, 76p."]),
    st.sampled_from(_STATEMENTS),
)
def test_a_short_statement_after_the_count_leaves_the_citation_a_citation(
    head: str, count: str, statement: str
) -> None:
    assert citation_marks(f"{head} {count}", False) == 2
    assert citation_marks(f"{head} {count} {statement}", False) == 2


@pytest.mark.parametrize(
    ("imprint", "count", "report_id"),
    [
        ("Brussels: Harbour Books. 2000 [i.e. 2001]. Free download.", None, None),
        ("London: Harbour Books, 2001. 241 S. 12 slides.", 241, None),
        ("Harbour Books, 2001. Cm 1327. (Harbour Studies in Crime and Society)", None, "Cm 1327"),
    ],
)
def test_more_statements_the_generator_drew(
    imprint: str, count: int | None, report_id: str | None
) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.year, got.page_count) == (["Harbour Books"], 2001, count)
    assert got.report_id == report_id


@pytest.mark.parametrize(
    "imprint",
    [
        "London: Harbour Books, 2001. 363 p. : ill. 12 slides",
        "London: Harbour Books, 2001. 363p. : ill. PDF",
        "London: Harbour Books, 2001. 363p. : ill., maps ; 23 cm. $25.00",
        "London: Harbour Books, 2001. 363 str. 12 slides.",
    ],
)
def test_a_statement_after_a_catalogue_s_physical_details(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (["Harbour Books"], ["London"], 2001, 363)


def test_a_parliamentary_paper_ends_an_imprint_glued_to_the_abstract() -> None:
    page = (
        f"{PAGE_HEAD}\nFraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "A study of fraud on the coast, with a survey of victims.Harbour Books, 2002. Cm 1369.\n\n"
        "Policing the Northern Shore\n\nBy Carl Dee\n\nA review of policing on the shore.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    records = parse_page_text(page, LEX)
    assert records[0].abstract == "A study of fraud on the coast, with a survey of victims."
    assert (list(records[0].publishers), records[0].report_id) == (["Harbour Books"], "Cm 1369")


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("Oslo: Harbour Books, 2001. 212 sider. (Harbour Rapport 2001:3)", 212),
        ("Den Haag: Harbour Books, 2001. 88 blz. + bijlagen", 88),
        ("Washington, DC: Harbour Books, 2001 (48 pp.). $15.00", 48),
    ],
)
def test_counts_before_brackets_appendices_and_prices(imprint: str, count: int) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.year, got.page_count) == (["Harbour Books"], 2001, count)


@pytest.mark.parametrize(
    ("imprint", "glued"),
    [
        ("Harbour Books, 2001. 5p. ; 24 cm. Free download.", False),
        ("Toronto. Harbour Books. 2001. 40 p. ; 24 cm. Free download.", False),
        ("Harbour Books, 2001. 5p. : ill. ; 24 cm. Free download.", True),
        ("Canberra: Harbour Books. FY2001.", True),
        ("Washington, DC: Harbour Books, Revised edition, 2001. PDF.", True),
    ],
)
def test_a_citation_after_physical_details_or_with_a_fiscal_year_ends_its_record(
    imprint: str, glued: bool
) -> None:
    abstract = "A study of fraud on the coast, with a survey of victims."
    page = (
        f"{PAGE_HEAD}\nFraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        + (f"{abstract}{imprint}\n\n" if glued else f"{abstract}\n\n{imprint}\n\n")
        + "Policing the Northern Shore\n\nBy Carl Dee\n\nA review of policing on the shore.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    records = parse_page_text(page, LEX)
    assert [r.title for r in records] == [
        "Fraud on the Harbour Coast",
        "Policing the Northern Shore",
    ]
    assert (records[0].abstract, list(records[0].publishers)) == (abstract, ["Harbour Books"])
    assert records[0].year == 2001


_PIECES = st.sampled_from(
    ["Harbour Books", ", ", ". ", "2001", "1999", "2020", "45p", "45 pages", "[4] p.", " ", ".",
     "$25.00", "PDF", "Free download", "12 slides", ": ill.", "; 24 cm.", "Cm 1369", "HC 12",
     "cm", "C", "x"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12).map("".join))
@example("Harbour Books, 2001. 45p PDF")
@example("Harbour Books, 2020. 45 pages $25.00")
@example("Harbour Books. 1999. Cm 1369")
@example("Harbour Books, 1999. 45p PDF")
@example("2001, $25.00")  # a price after a year without a stop: found by a draw
def test_the_cheap_tests_before_the_statement_patterns_refuse_nothing(text: str) -> None:
    plain = text
    for pattern, hint in imprint_notes._END_FORMS:
        if hint(plain):
            found = pattern.search(plain)
            if found is not None and imprint_notes._keeps_a_year(pattern, plain, found):
                plain = plain[: found.start()].rstrip(" ,;")
    statement = imprint_notes._STATEMENT_AFTER_COUNT.search(plain, max(0, len(plain) - 90))
    if statement is None and (
        plain[-1:] == "."
        or "$" in plain[-12:]  # a price after the year (`2002. 76 pages $25.00`)
        or (
            imprint_notes._count_before_last_word(plain)
            and imprint_notes._COUNT_AT_END.search(plain, len(plain) - 20)
        )
    ):
        statement = imprint_notes._WORD_AFTER_YEAR.search(plain, max(0, len(plain) - 40))
    plain = plain[: statement.start("statement")] if statement else plain
    assert imprint_notes.without_notes_at_end(text) == plain
    end = text[-16:]
    paper = citation_marks_module._PAPER_HINT.search(end) is not None
    assert citation_marks_module._may_end_in_a_paper(end) == paper
