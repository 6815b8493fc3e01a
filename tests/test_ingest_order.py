"""Fields printed in an order the sample does not use (the abstract after the imprint), and
titles and bylines broken over two lines."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.evidence import left_open, line_scores
from tests.conftest import fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()
_PAGE_HEAD = "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
_ABSTRACT = (
    "Report tracing grenades, rockets and cartridges trafficked across the region from "
    "seized-item markings. It sets out findings for policymakers and practitioners."
)


def test_an_abstract_after_the_imprint_is_the_abstract() -> None:
    page = (
        f"{_PAGE_HEAD}Making the Rounds: Illicit Ammunition\n\nBy Matt Roe and Olena Doe\n\n"
        f"Geneva: Small Arms Survey, 2021. 68p.\n\n{_ABSTRACT}\n\n"
        "Policing the Harbour\n\nBy Ann Lee\n\nLondon: Home Office, 2019. 30p.\n\n"
        "A second abstract about how the harbour is policed, and by whom, in the years since "
        "the reform of the port authority.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.places, first.year, first.page_count) == (
        ("Small Arms Survey",),
        ("Geneva",),
        2021,
        68,
    )
    assert first.abstract == _ABSTRACT
    assert (second.title, second.publishers, second.year) == (
        "Policing the Harbour",
        ("Home Office",),
        2019,
    )
    assert second.abstract is not None and second.abstract.startswith("A second abstract")


def test_an_abstract_after_the_imprint_keeps_the_next_record_without_a_byline() -> None:
    page = (
        f"{_PAGE_HEAD}Making the Rounds: Illicit Ammunition\n\nBy Matt Roe\n\n"
        f"Geneva: Small Arms Survey, 2021. 68p.\n\n{_ABSTRACT}\n\n"
        "Online Safety: A Rapid Review\n\n"
        "London: Home Office, 2019. 30p.\n\n"
        "A review of what is known about keeping children safe online, drawing on surveys and "
        "interviews with parents and teachers.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.abstract) == (("Small Arms Survey",), _ABSTRACT)
    assert (second.title, second.contributors, second.publishers) == (
        "Online Safety: A Rapid Review",
        (),
        ("Home Office",),
    )


def test_an_imprint_broken_over_two_lines_stays_one_imprint() -> None:
    page = (
        f"{_PAGE_HEAD}Making the Rounds\n\nBy Matt Roe\n\n{_ABSTRACT}\n\n"
        "Geneva: Small Arms Survey,\n\n2021. 68p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.year, got.page_count, got.abstract) == (
        ("Small Arms Survey",),
        2021,
        68,
        _ABSTRACT,
    )


def test_titles_in_sentence_case_start_records_on_a_page_with_abstracts_after_imprints() -> None:
    page = (
        f"{_PAGE_HEAD}Victims' experiences of the criminal justice system in England and Wales\n\n"
        "By Ann Lee\n\nLondon: Home Office, 2019. 30p.\n\n"
        "A survey of victims of crime about how the police and the courts treated them. "
        "Most were satisfied with the police.\n\n"
        "Youth courts and the children who come before them in the north of England\n\n"
        "Jane Roe\n\nLeeds: Northern Policy Centre, 2020. 44p.\n\n"
        "A study of the youth courts of three cities. It finds long delays before trial.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.title.startswith("Victims' experiences") and first.year == 2019
    assert first.abstract is not None and first.abstract.endswith("with the police.")
    assert (second.title, [c.name for c in second.contributors], second.year) == (
        "Youth courts and the children who come before them in the north of England",
        ["Jane Roe"],
        2020,
    )


def test_a_lone_record_with_its_abstract_after_an_unusual_imprint() -> None:
    page = (
        f"{_PAGE_HEAD}Persecution and Intolerance\n\nBy Mandell Creighton\n\n"
        "London. Longmans Green. 1906. 152p. Read-Me.Org classic reprint.\n\n"
        "Lectures by a historian-bishop on why persecution arose in the Christian church and "
        "why it declined.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.year, got.page_count) == (("Longmans Green",), 1906, 152)
    assert got.abstract is not None and got.abstract.startswith("Lectures by")


def test_a_title_in_sentence_case_after_junk_and_before_names_without_by() -> None:
    page = (
        f"{_PAGE_HEAD}Policing the Harbour\n\nby Michael Roe\n\n"
        "Canberra: Southern Policy Centre, 1983. 199p.\n\n"
        "The study uses a mixed-methods design and a national survey of residents.\n\n"
        "Policy makers should invest in prevention rather than enforcement alone.\n\n"
        "Read-Me.Org\n\n"
        "Courts and communities and the justice given to children in the prisons of the north\n\n"
        "Sophie Brown\n\nPerth: Coastal Institute 2002. 276 pages\n\n"
        "Rates of reported offending fell by 12 per cent between 2015 and 2022.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.abstract is not None and first.abstract.endswith("enforcement alone.")
    assert second.title.startswith("Courts and communities")
    assert [c.name for c in second.contributors] == ["Sophie Brown"]


def test_titles_and_bylines_broken_over_two_lines_are_one_field() -> None:
    page = (
        f"{_PAGE_HEAD}Making the Rounds:\n\nIllicit Ammunition in Ukraine\n\n"
        "By Matt Roe, Olena Doe and\n\nAnn Lee\n\n"
        f"{_ABSTRACT}\n\nGeneva: Small Arms Survey, 2021. 68p.\n\n"
        "Policing the Harbour in the\nTwentieth Century\n\nBy Ann Lee and\nJohn Doe\n\n"
        "An abstract about how the harbour is policed, and by whom, in the years since the "
        "reform.\n\nLondon: Home Office, 2019. 30p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.title == "Making the Rounds: Illicit Ammunition in Ukraine"
    assert [c.name for c in first.contributors] == ["Matt Roe", "Olena Doe", "Ann Lee"]
    assert (first.publishers, first.year, first.abstract) == (
        ("Small Arms Survey",),
        2021,
        _ABSTRACT,
    )
    assert second.title == "Policing the Harbour in the Twentieth Century"
    assert [c.name for c in second.contributors] == ["Ann Lee", "John Doe"]


def test_a_byline_broken_after_a_comma_is_one_byline() -> None:
    # Read right before lines left open were joined (the second line is a list of names): this
    # pins that joining them keeps it so.
    page = (
        f"{_PAGE_HEAD}Policing the Harbour\n\nBy Ann Lee, John Doe,\n\nJane Roe and Ed Fox\n\n"
        f"{_ABSTRACT}\n\nLondon: Home Office, 2019. 30p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert [c.name for c in got.contributors] == ["Ann Lee", "John Doe", "Jane Roe", "Ed Fox"]


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        (
            "BY SMARRELLI, GABRIELA; WU,",
            "DONGYI; BAAGO-RASMUSSEN, LINE; HOOD, DANIEL",
            ["Gabriela Smarrelli", "Dongyi Wu", "Line Baago-Rasmussen", "Daniel Hood"],
        ),
        ("By Lee, Ann; Chan,", "Bo; Smith, John", ["Ann Lee", "Bo Chan", "John Smith"]),
    ],
)
def test_a_byline_broken_inside_a_name_is_one_byline(
    first: str, second: str, names: list[str]
) -> None:
    # The second line alone is no list of names (`DONGYI; …` starts with a name's other half):
    # read together with the open line before it, it is.
    page = (
        f"{_PAGE_HEAD}Policing the Harbour\n\n{first}\n{second}\n\n"
        f"{_ABSTRACT}\n\nLondon: Home Office, 2019. 30p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert [c.name for c in got.contributors] == names
    assert got.abstract == _ABSTRACT


@pytest.mark.parametrize(
    ("line", "open_"),
    [
        ("Policing the Harbour in the", True),
        ("POLICING THE HARBOUR IN THE", True),
        ("Making the Rounds:", True),
        ("By Ann Lee, John Doe,", True),
        ("By Ann Lee and", True),
        ("ROE P, TANAKA J, ROSSI A", False),  # an initial, not the article
        ("Edited by:", False),  # a lead alone: read with the names after it
        ("Giffords Law Center, 2021. 3 p,", False),  # a whole citation
        ("Policing the Harbour", False),
    ],
)
def test_a_line_left_open(line: str, open_: bool) -> None:
    assert left_open(line, line_scores(line)) is open_


@pytest.mark.parametrize(
    ("glued", "title", "names"),
    [
        (
            "El Salvador’s Politics of Perpetual ViolenceThe International Crisis Group",
            "El Salvador’s Politics of Perpetual Violence",
            ["International Crisis Group"],
        ),
        (
            "Student Protests Nearly Triple in AprilHO, BIANCA; DOYLE, KIERAN",
            "Student Protests Nearly Triple in April",
            ["Bianca Ho", "Kieran Doyle"],
        ),
        (
            "Policing Reformby Chen J. Brown; David Khan and Others",
            "Policing Reform",
            ["Chen J. Brown", "David Khan"],
        ),
        ("Policing Reformby: Ann Lee and Jo Roe", "Policing Reform", ["Ann Lee", "Jo Roe"]),
        (
            "POLICING REFORMBY CHEN J. BROWN; DAVID KHAN AND OTHERS",
            "Policing Reform",
            ["Chen J. Brown", "David Khan"],
        ),
        ("Crime and the Derby", "Crime and the Derby", []),
        ("ARMED ROBBERY IN THE CITY", "Armed Robbery in the City", []),
        ("PowerPoint Presentations in Court", "PowerPoint Presentations in Court", []),
        ("How the JavaScript Age Changed Policing", "How the JavaScript Age Changed Policing", []),
    ],
)
def test_a_title_glued_to_names_without_by_or_after_a_lower_case_by(
    glued: str, title: str, names: list[str]
) -> None:
    page = f"{_PAGE_HEAD}{glued}\n\n{_ABSTRACT}\n\nLondon: Home Office, 2019. 30p.\n"
    (got,) = parse_page_text(page, LEX)
    assert (got.title, [c.name for c in got.contributors]) == (title, names)


def test_a_byline_printed_after_the_abstract_is_the_byline() -> None:
    # Some listings print title, abstract, byline, imprint: the abstract is no title and the
    # byline starts no record.
    page = (
        f"{_PAGE_HEAD}Trends in Family Violence During the Pandemic\n\n{_ABSTRACT}\n\n"
        "By Jennifer Roe, Rebecca Doe and Jonathan Lee\n\n"
        "American Journal of Criminal Justice, 2022. 11p.\n\n"
        "Policing the Harbour\n\n"
        "An abstract about how the harbour is policed, and by whom, in the years since the "
        "reform of the port authority.\n\n"
        "By Ann Lee\n\nLondon: Home Office, 2019. 30p.\n\n"
        "Courts in Crisis\n\nAn abstract about the courts and the backlog of cases.\n\n"
        "Jane Roe and John Doe\n\nLondon: Ministry of Justice, 2021. 44p.\n"
    )
    first, second, third = parse_page_text(page, LEX)
    assert (first.title, first.abstract) == (
        "Trends in Family Violence During the Pandemic",
        _ABSTRACT,
    )
    assert [c.name for c in first.contributors] == ["Jennifer Roe", "Rebecca Doe", "Jonathan Lee"]
    assert (second.title, [c.name for c in second.contributors], second.publishers) == (
        "Policing the Harbour",
        ["Ann Lee"],
        ("Home Office",),
    )
    assert (third.title, [c.name for c in third.contributors], third.year) == (
        "Courts in Crisis",
        ["Jane Roe", "John Doe"],
        2021,
    )


def test_bylines_after_the_abstracts_outvote_records_without_one() -> None:
    # Found by the line-per-role property: one record's byline (a single name, no `By`) after
    # its abstract, the next record without a byline. A record without a byline reads the same
    # in both orders that print the abstract before the imprint, so it does not vote for either.
    page = (
        f"{_PAGE_HEAD}Violence in Context\n\n{_ABSTRACT}\n\n"
        "JANE A. ROE, PH.D. AND OTHERS, Editor\n\n"
        "Victims & Offenders, 1975. 5p.\n\n"
        "Violence in Context 2\n\n"
        "An abstract about how the harbour is policed, and by whom, in the years since the "
        "reform.\n\nVictims & Offenders, 1976. 5p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert ([c.name for c in first.contributors], first.abstract) == (["Jane A. Roe"], _ABSTRACT)
    assert (second.title, second.contributors, second.year) == ("Violence in Context 2", (), 1976)
