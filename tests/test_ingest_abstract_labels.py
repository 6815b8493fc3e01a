"""An abstract's last paragraph shaped like `Label: text` (a structured abstract's
`Conclusions: …`, a photo credit, a note, a funding statement) stays in the abstract: its colon
is no place's, so it never joins the imprint under it. Every line is made up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import Lexicon
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


def _page(last_paragraph: str) -> str:
    return (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee and Bo Chan\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        f"{last_paragraph}\n\n"
        "Washington, DC: Harbour Institute, 2021. 45p.\n\n"
        "Policing the Northern Shore\n\nBy Carl Dee\n\n"
        "A review of policing on the shore, with twelve case studies.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        # a structured abstract's parts
        "Conclusions: Police presence reduced crime in the treated areas.",
        "Conclusion: Hot spots policing works.",
        "Results: Arrests fell by 12% between 2015 and 2020.",
        "Background: Crime fell by 20% in 2020.",
        "Methods: A survey of 1,200 residents in 2019.",
        "Objectives: To measure fraud on the coast.",
        "Implications: Courts should fund diversion.",
        # credits, notes and statements after the abstract
        "Note: This report was updated in 2022.",
        "Photo: Harbour Police Department",
        "Image: Harbour Police Department, 2021",
        "Photo credit: Ann Lee, 2020.",
        "Funding: This work was funded by the Harbour Foundation.",
        "Key findings: most prisons are full.",
        "Chapter 1: Introduction",
        # a journal article's key words and an economics paper's classification
        "Keywords: fraud; coast; policing",
        "Key words: fraud, coast, policing.",
        "JEL Codes: K42, H76",
        "JEL classification: K14; K42.",
        # a place's name before a colon, then a sentence
        "Washington: a city divided by crime and policing.",
    ],
)
def test_a_labelled_last_paragraph_stays_in_the_abstract(paragraph: str) -> None:
    first, second = parse_page_text(_page(paragraph), LEX)
    assert (list(first.publishers), list(first.places), first.year, first.page_count) == (
        ["Harbour Institute"],
        ["Washington, DC"],
        2021,
        45,
    )
    assert paragraph.rstrip(".") in (first.abstract or ""), first.abstract
    assert (second.title, list(second.publishers)) == (
        "Policing the Northern Shore",
        ["Coastal Press"],
    )


@pytest.mark.parametrize(
    ("imprint", "publisher", "place"),
    [
        # guards: imprints of two lines, the place and its colon on the first
        ("Den Haag:\nHarbour Centre, 2020. 140p.", "Harbour Centre", "Den Haag"),
        ("Source: Harbour Institute, 2021. 45p.", "Harbour Institute", None),
    ],
)
def test_imprints_with_a_colon_still_read(imprint: str, publisher: str, place: str | None) -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        f"{imprint}\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert list(got.publishers) == [publisher]
    assert (got.year, got.page_count) in ((2020, 140), (2021, 45))
    if place:
        assert list(got.places) == [place]


_LABEL = st.sampled_from(["Conclusions", "Results", "Note", "Funding", "Background", "Methods"])
_WORD = st.sampled_from(["crime", "fell", "in", "the", "coast", "after", "police", "arrived"])
# A paragraph that stops on `in` or `the` goes on onto the next line (a field wrapped there),
# so the drawn sentence ends on a word that can end one.
_LAST = st.sampled_from(["crime", "fell", "coast", "police", "arrived"])


@settings(max_examples=60, deadline=None)
@given(_LABEL, st.lists(_WORD, min_size=2, max_size=11), _LAST, st.booleans())
def test_a_labelled_sentence_never_changes_the_imprint(
    label: str, words: list[str], last: str, stop: bool
) -> None:
    paragraph = f"{label}: {' '.join([*words, last]).capitalize()}{'.' if stop else ''}"
    first, _second = parse_page_text(_page(paragraph), LEX)
    assert (list(first.publishers), list(first.places)) == (
        ["Harbour Institute"],
        ["Washington, DC"],
    )


def test_a_labelled_line_is_never_a_title_on_pages_that_print_the_abstract_last() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "Washington, DC: Harbour Institute, 2021. 45p.\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        "Keywords: fraud; coast; policing\n\n"
        "Policing the Northern Shore\n\nBy Carl Dee\n\n"
        "London: Coastal Press, 2019. 120p.\n\n"
        "A review of policing on the shore, with twelve case studies.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert "Keywords" in (first.abstract or "")
    assert (second.title, [c.name for c in second.contributors]) == (
        "Policing the Northern Shore",
        ["Carl Dee"],
    )


def test_a_labelled_sentence_glued_to_the_imprint_is_split_from_it() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        "Results: Arrests fell by 12% in 2020.Perth: Harbour Press, 2000.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (list(got.publishers), list(got.places), got.year) == (
        ["Harbour Press"],
        ["Perth"],
        2000,
    )
    assert "Arrests fell" in (got.abstract or "")


@pytest.mark.parametrize(
    "imprint",
    [
        "Perth: Harbour Press, 2000. 45p. Licence: CC BY 4.0.",
        "Perth. Harbour Press 2000. 45 p. Licence: CC BY 4.0.",
        "Perth: Harbour Press, 2000. 45p. Updated June 2001",
        "Perth: Harbour Press, 2000. 45p + 12p. appendix",
    ],
)
def test_a_note_after_the_count_still_ends_the_record(imprint: str) -> None:
    """A guard: the notes taken off before a line is scored leave its citation marks."""
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        f"{imprint}\n\n"
        "Policing the Northern Shore\n\n"  # a record without a byline
        "A review of policing on the shore, with twelve case studies.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (list(first.publishers), first.year, first.page_count) == (["Harbour Press"], 2000, 45)
    assert (second.title, list(second.publishers)) == (
        "Policing the Northern Shore",
        ["Coastal Press"],
    )


def test_an_imprint_ending_in_lower_case_words_is_no_labelled_sentence() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        "Vienna: Harbour Foundation, 1993. vi, 230 pages, appendices\n\n"
        "POLICING THE NORTHERN SHORE\n\n"  # a record without a byline
        "A review of policing on the shore, with twelve case studies.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (list(first.publishers), first.page_count) == (["Harbour Foundation"], 230)
    assert second.title == "Policing the Northern Shore"


def test_a_licence_after_the_physical_details_of_an_imprint_glued_to_the_abstract() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes with "
        "the seasons.Harbour Institute, c2008. 119p : ill., maps ; 23 cm. Licence: CC BY 4.0.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (list(got.publishers), got.year, got.page_count) == (["Harbour Institute"], 2008, 119)


def test_an_imprint_of_over_200_characters_glued_to_the_abstract_is_split_from_it() -> None:
    imprint = (
        "Source: DOI: 10.1000/hr.1. Geneva, Switzerland: Harbour University Press / Les Presses "
        "de l’Université Harbour, Forthcoming. - 5p. : ill. ISBN 978-1-10000-100-1 (Harbour "
        "Studies in Crime, Justice and Society)"
    )
    assert len(imprint) > 200
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        f"This study looks at fraud on the coast over ten years and finds that it changes.{imprint}"
        "\n\nPolicing the Northern Shore\n\nA review of policing on the shore.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert list(first.publishers) == [
        "Harbour University Press / Les Presses de l’Université Harbour"
    ]
    assert second.title == "Policing the Northern Shore"


def test_an_imprint_in_brackets_with_appendices_ends_its_record() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Harbour Coast\n\nBy Ann Lee\n\n"
        "This study looks at fraud on the coast over ten years and finds that it changes.\n\n"
        "(Harbour Law Society, 2014. 160p. + 12p. appendix)\n\nMarch 12, 2024\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (list(got.publishers), got.year, got.page_count) == (["Harbour Law Society"], 2014, 160)
