"""Titles and records on a page: titles over two lines, titles that start with `By` or end in
their year, subtitles in a paragraph of their own, records without a byline, a listing's summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import Lexicon, read_source
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()


def _read_with(byline: str) -> Record:
    """The one record of a page whose record prints `byline`."""
    return record_with_byline(byline, LEX)


def test_a_byline_of_others_and_its_role_keeps_its_record_apart_from_the_one_before() -> None:
    page = (
        f"{PAGE_HEAD}Drugs Offenders in Context\n\nBy Lucía Doe | Anna Brown\n\n"
        "An abstract about drugs. This publication examines the question in detail.\n\n"
        "Research Report no. 201.\n\nLakeside Justice Institute, 2012. 395 p.\n\n"
        "Drugs Courts Reform in Context 2060\n\nJohn Novak and others (Ed.)\n\n"
        "An abstract about courts. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (list(first.publishers), first.year, first.page_count) == (
        ["Lakeside Justice Institute"],
        2012,
        395,
    )
    assert second.title == "Drugs Courts Reform in Context 2060"
    assert [(c.name, c.role) for c in second.contributors] == [("John Novak", "editor")]


@pytest.mark.parametrize(
    "imprint",
    ["Riverside Books, London, c1980.", "Harbour Policy Centre. 1982-1983.",
     "New York: Harbour Crime Commission 1989-1990.", "Bantam House, 2022-2023.",
     "Bantam House Forthcoming.", "NY. Harbour Press, Forthcoming."],
)  # fmt: skip
def test_an_imprint_without_a_page_count_ends_its_record_before_one_without_a_byline(
    imprint: str,
) -> None:
    page = (
        f"{PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        f"{imprint}\n\nEvidence Risk in Context: A Review\n\n"
        "An abstract about risk. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.publishers and first.abstract.endswith("detail.")
    assert second.title == "Evidence Risk in Context: A Review"


def test_titles_that_start_with_by_are_titles_when_a_byline_follows() -> None:
    page = (
        f"{PAGE_HEAD}By the Numbers: Crime in Northland, 2020\n\nBy Ann Lee\n\n"
        "An abstract about numbers. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2021. 25p.\n\n"
        "By Design or By Default? Prison Architecture\n\nBy Bo Chan and Cy Diaz\n\n"
        "An abstract about architecture. This publication examines the question in detail.\n\n"
        "Oxford: Hart Publishing, 2020. 310p.\n\nBy Any Means Necessary\n\nDi Evans\n\n"
        "An abstract about means. This publication examines the question in detail.\n\n"
        "Bristol: Policy Press, 2018. 256p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, [c.name for c in r.contributors]) for r in got] == [
        ("By the Numbers: Crime in Northland, 2020", ["Ann Lee"]),
        ("By Design or By Default? Prison Architecture", ["Bo Chan", "Cy Diaz"]),
        ("By Any Means Necessary", ["Di Evans"]),
    ]


def test_a_wrapped_first_title_right_under_the_posts_line_is_one_title() -> None:
    page = (
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Posts in punishment\nMaking the Rounds: Illicit\nAmmunition in Ukraine\n\n"
        "By Ann Lee\n\nAn abstract about arms. This publication examines the question in "
        "detail.\n\nGeneva: Small Arms Survey, 2021. 68p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.title == "Making the Rounds: Illicit Ammunition in Ukraine"


@pytest.mark.parametrize(
    ("printed", "title", "names"),
    [
        # a wrapped title whose last word is glued to the byline
        ("Risk in context\n10By Ann Lee and Bo Chan", "Risk in context 10", ["Ann Lee", "Bo Chan"]),
        ("Risk in context\n5By Ann Lee and Bo Chan", "Risk in context 5", ["Ann Lee", "Bo Chan"]),
        ("Risk in context\nReformBy Ann Lee", "Risk in context Reform", ["Ann Lee"]),
        # a title in capitals glued to `BY`, one name and `AND OTHERS`
        ("EVIDENCE SURVEILLANCE REFORMBY JANE MÜLLER AND OTHERS", "Evidence Surveillance Reform",
         ["Jane Müller"]),
    ],
)  # fmt: skip
def test_a_byline_glued_to_a_title_s_last_word(printed: str, title: str, names: list[str]) -> None:
    page = (
        f"{PAGE_HEAD}{printed}\n\nAn abstract about risk. This publication examines the "
        "question in detail.\n\nLondon: Home Office, 2019. 45p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == (title, names)


@pytest.mark.parametrize(
    "sentence",
    ["The study covers the period 2010-2020.", "Data were collected in 2019.",
     "This report presents the figures for 2021."],
)  # fmt: skip
def test_an_abstract_of_one_short_sentence_ending_in_a_year_is_no_imprint(sentence: str) -> None:
    page = (
        f"{PAGE_HEAD}Prisons Today\n\nBy Ann Lee\n\n{sentence}\n\n"
        "London: Home Office, 2019. 45p.\n\nCourts Today\n\nBy Bo Chan\n\n"
        "An abstract about courts. This publication examines the question in detail.\n\n"
        "Perth: Coastal Trust, 2021. 30p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.places, first.publishers, first.year) == (("London",), ("Home Office",), 2019)
    assert (second.title, second.places) == ("Courts Today", ("Perth",))


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("COVID-19 AND PRISONS IN THE USA: LESSONS FROM THE PANDEMIC",
         "COVID-19 and Prisons in the USA: Lessons from the Pandemic"),
        ("THE FBI AND DHS: IMMIGRATION ENFORCEMENT IN THE U.S.",
         "The FBI and DHS: Immigration Enforcement in the U.S."),
        ("WHAT WORKS? A REVIEW OF EVIDENCE ON REOFFENDING IN THE UK",
         "What Works? A Review of Evidence on Reoffending in the UK"),
        ("HIV/AIDS AND LGBTQ+ YOUTH IN CUSTODY", "HIV/AIDS and LGBTQ+ Youth in Custody"),
        ("POLICING IN THE 21ST CENTURY, PART II", "Policing in the 21st Century, Part II"),
        ("WHAT IT MEANS FOR US", "What It Means for Us"),
        ("MCDONALD'S, O'BRIEN AND I'LL", "McDonald's, O'Brien and I'll"),
    ],
)  # fmt: skip
def test_a_title_in_capitals_keeps_its_acronyms(printed: str, title: str) -> None:
    page = (
        f"{PAGE_HEAD}{printed}\n\nBy Ann Lee\n\nAn abstract about the subject. This "
        "publication examines the question in detail.\n\nLondon: Home Office, 2019. 45p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, record.as_printed.title) == (title, printed)


@pytest.mark.parametrize(
    "title",
    ["Criminal Victimization, 2022", "Recorded Crime – Victims, 2022",
     "Hate crime, England and Wales, 2022 to 2023", "Trafficking in Persons Report, June 2023",
     "Crime in England and Wales, year ending March 2023"],
)  # fmt: skip
def test_a_title_that_ends_in_its_year_after_a_comma_starts_a_record_without_a_byline(
    title: str,
) -> None:
    # Statistical series name their year so (`Criminal Victimization, 2022`); a publisher and
    # a year (`Home Office, 2023.`) is an imprint only where it ends with a stop.
    page = (
        f"{PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        "Washington, DC: Bureau of Justice Statistics, 2023. 30p.\n\n"
        f"{title}\n\n"
        "This report presents the latest figures, drawing on surveys and records.\n\n"
        "London: Home Office, 2023. 38p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert list(first.publishers) == ["Bureau of Justice Statistics"]
    assert second.title == title
    assert list(second.publishers) == ["Home Office"]


def test_a_title_wrapped_on_a_page_of_one_record_without_a_byline_is_one_title() -> None:
    # Four lines, one of them right under the line before: blank lines still part the fields.
    page = (
        f"{PAGE_HEAD}VIOLENCE\nIN CONTEXT: A POLICING REVIEW, 1990-2021\n\n"
        "This report examines how local services respond to reports of harm.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.title == "Violence in Context: A Policing Review, 1990-2021"
    assert list(record.publishers) == ["Harbour Press"]


@pytest.mark.parametrize("line", ["Recent Posts", "Latest publications", "New Arrivals"])
def test_an_unknown_line_above_the_first_title_and_its_byline_is_no_title(line: str) -> None:
    # `Recent Posts` / `Knife Crime` / `By Ann Lee`: two short lines, then a byline. Read as a
    # title and a byline without `By`, the record's title became one of its authors.
    page = (
        f"{PAGE_HEAD}{line}\n\nKnife Crime\n\nBy Ann Lee\n\n"
        "An abstract about knife crime. This publication examines the question in detail.\n\n"
        "London: Home Office, 2020. 30p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == ("Knife Crime", ["Ann Lee"])


def test_a_subtitle_in_a_paragraph_of_its_own_goes_on_the_title_not_the_imprint_before() -> None:
    # `Knife Crime` / `A Review of the Evidence` / `By Ann Lee`: two plain short paragraphs and
    # a byline after a whole record. The first was read as the end of the imprint before it
    # (and dropped from every field); it is the title's first part.
    page = (
        f"{PAGE_HEAD}Prisons Today\n\nBy Bo Chan\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "London: Home Office, 2020. 30p.\n\nKnife Crime\n\nA Review of the Evidence\n\n"
        "By Ann Lee\n\nAn abstract about knife crime. This publication examines it in detail.\n\n"
        "London: Home Office, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.as_printed.imprint == "London: Home Office, 2020. 30p."
    assert second.title == "Knife Crime: A Review of the Evidence"
    assert [c.name for c in second.contributors] == ["Ann Lee"]


def test_a_place_and_its_country_under_a_title_is_no_byline() -> None:
    assert _read_with("Geneva, Switzerland").contributors == ()


def test_two_cities_alone_between_abstract_and_imprint_are_no_byline() -> None:
    # `Leiden, Boston` has the shape of `Sergi, Anna`; read as a byline it gave the record an
    # author `Boston Leiden` and turned the page's order, splitting the next record in two.
    page = (
        f"{PAGE_HEAD}Captivity in Medieval Europe\n\nBy Jean Dunbabin\n\n"
        "A history of imprisonment. This publication examines the question in detail.\n\n"
        "Leiden, Boston\n\nBrill, 2020. 300p.\n\nPrisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Geneva, Switzerland\n\nSmall Arms Survey, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert [c.name for c in first.contributors] == ["Jean Dunbabin"]
    assert (second.title, list(second.publishers)) == (
        "Prisons of the North",
        ["Small Arms Survey"],
    )


def test_the_end_of_a_sentence_wrapped_onto_its_own_line_is_no_imprint() -> None:
    page = (
        f"{PAGE_HEAD}Splinters at War\n\nBy International Harbour Group\n\n"
        "What happened? The two groups fought after the death of the first group's\n\n"
        "leader in 2021.\n\nWhy does it matter? In the last two years the groups have done more "
        "damage to each other than the army has done to either of them.\n\n"
        "Prisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.title, first.publishers, first.year) == ("Splinters at War", (), None)
    assert second.title == "Prisons of the North"


def test_a_listing_summary_of_a_title_and_its_abstract_is_a_record_said_twice() -> None:
    # A listing in summary view prints a post's title and the start of its abstract only; the
    # record is read (without authors, place, publisher and year) and both gaps are said.

    page = (
        f"{PAGE_HEAD}Homeless Encampments\n\nThis guide addresses homeless encampments, also "
        "known as transient camps. It begins by describing the problem and the factors that "
        "contribute to it.\n\nPrisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2021. 40p.\n"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.txt"
        path.write_text(page, encoding="utf-8")
        said: list[str] = []
        first, second = read_source(path, LEX, said.append)
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.title, first.contributors, first.publishers) == ("Homeless Encampments", (), ())
    assert second.title == "Prisons of the North"
    assert [m.split(": ", 1)[1][:28] for m in said] == [
        "a record with no byline — it",
        "a record with no imprint lin",
    ]
