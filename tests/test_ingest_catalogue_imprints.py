"""Imprints as library catalogues print them (ISBD and AACR2 habits): supplied years in
brackets, a physical description after the page count, a series in parentheses, the ISBD dash,
and a publisher before its place without a colon."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.imprint import parse_imprint
from tests.conftest import fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


def _read(text: str) -> tuple[list[str], list[str], int | None, int | None]:
    got = parse_imprint(text, LEX.authority, LEX.places)
    return got.places, got.publishers, got.year, got.page_count


@pytest.mark.parametrize(
    ("imprint", "year"),
    [
        ("London: Routledge, [2019]. 300p.", 2019),
        ("London: Routledge, [c2019]. 300p.", 2019),
        ("London: Routledge, 2019 [2020]. 300p.", 2019),
        ("London: Routledge, 2019 [i.e. 2020]. 300p.", 2020),
        ("London: Routledge, [2019?]. 300p.", 2019),
    ],
)
def test_years_in_brackets(imprint: str, year: int) -> None:
    assert _read(imprint) == (["London"], ["Routledge"], year, 300)


@pytest.mark.parametrize(
    "imprint",
    [
        "London: Routledge, 2019, c2018. 300p.",
        "London: Routledge, 2019 c2018. 300p.",
        "London: Routledge, 2019, ©2018. 300p.",
        "London: Routledge, 2019, copyright 2018. 300p.",
        "London: Routledge, 2019 [c2018]. 300p.",
    ],
)
def test_a_copyright_year_after_the_year_of_publication(imprint: str) -> None:
    # AACR2 prints the copyright year after the year of publication when they differ: the
    # record's year is the year the work was published.
    assert _read(imprint) == (["London"], ["Routledge"], 2019, 300)


@pytest.mark.parametrize(
    "imprint",
    [
        "London: Routledge, 2019. 300 p. : ill.",
        "London: Routledge, 2019. 300 p. ; 24 cm.",
        "London: Routledge, 2019. 300 p. : ill., maps ; 24 cm.",
        "London: Routledge, 2019. 300 p. : col. ill.",
        "London : Routledge, 2019. - 300 p.",
        "London: Routledge, 2019. [300] p.",
        "London: Routledge, 2019. 300, [4] p.",
        "London: Routledge, 2019. xii, 300 p. : ill. ; 23 cm.",
    ],
)
def test_a_physical_description_after_the_year(imprint: str) -> None:
    assert _read(imprint) == (["London"], ["Routledge"], 2019, 300)


def test_a_series_in_parentheses_after_the_page_count() -> None:
    got = parse_imprint(
        "London: Routledge, 2019. 300p. (Routledge Studies in Criminal Justice)",
        LEX.authority,
        LEX.places,
    )
    assert (got.publishers, got.year, got.page_count) == (["Routledge"], 2019, 300)
    assert got.series is not None
    assert (got.series.name, got.series.number) == ("Routledge Studies in Criminal Justice", None)


@pytest.mark.parametrize(
    ("imprint", "place", "publisher"),
    [
        ("Routledge, London, 2019. 300p.", "London", "Routledge"),
        ("Brill, Leiden, 2019. 300p.", "Leiden", "Brill"),
    ],
)
def test_a_publisher_then_its_place_without_a_colon(
    imprint: str, place: str, publisher: str
) -> None:
    assert _read(imprint) == ([place], [publisher], 2019, 300)


def test_two_places_stay_two_places() -> None:
    # Read right before: pins that a publisher before its place does not take the first place.
    assert _read("Leiden, Boston: Brill, 2019. 300p.") == (
        ["Leiden", "Boston"],
        ["Brill"],
        2019,
        300,
    )


@pytest.mark.parametrize(
    ("imprint", "series"),
    [
        ("London: Routledge, 2019. 300 p. : ill. (Routledge Studies in Crime)",
         ("Routledge Studies in Crime", None)),
        ("London: Home Office, 2019. 300p. (Home Office Research Study 299)",
         ("Home Office Research Study", "299")),
        ("London: Routledge, 2019. (In Focus)", ("In Focus", None)),
        ("London: Routledge, 2019. 300p. (Briefing Paper)", ("Briefing Paper", None)),
        ("London: Routledge, 2019. 300p. (2nd edition)", None),
    ],
)  # fmt: skip
def test_what_is_in_brackets_after_the_count_or_year_is_no_publisher(
    imprint: str, series: tuple[str, str | None] | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.year) == (["London"], 2019)
    assert got.publishers in (["Routledge"], ["Home Office"])
    assert ((got.series.name, got.series.number) if got.series else None) == series


def test_a_year_range_with_spaces_is_no_isbd_dash() -> None:
    got = parse_imprint("London: Routledge, 2019 - 2020. 300p.", LEX.authority, LEX.places)
    assert (got.publishers, got.year, got.year_as_printed) == (["Routledge"], 2019, "2019 - 2020")


_PAGE_HEAD = "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC. Northland Press, 2020. 75p : ill., maps ; 23 cm.",
        "Brussels: Harbour Press, 2020. [75] p.",
        "Harbour Press, New York, Forthcoming. (Routledge Studies in Crime and Society)",
        "Brussels: Harbour Press, 2020. 75p. : ill. ; 23 cm. ISBN 978-1-31117-856-1 (Studies X)",
        "Brussels: Harbour Press, 1996. 103, [4] p. : ill. (Critical Criminological Perspectives)",
    ],
)
def test_an_imprint_in_catalogue_forms_glued_to_the_abstract_ends_its_record(
    imprint: str,
) -> None:
    page = (
        f"{_PAGE_HEAD}Policing the Harbour\n\nBy Ann Lee\n\n"
        f"Policy makers should invest in prevention rather than enforcement alone.{imprint}\n\n"
        "Courts in Crisis\n\nJane Roe and John Doe\n\n"
        "An abstract about the courts and the backlog of cases after the pandemic.\n\n"
        "London: Home Office, 2019. 30p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.publishers in (("Northland Press",), ("Harbour Press",))
    assert first.abstract == (
        "Policy makers should invest in prevention rather than enforcement alone."
    )
    assert (second.title, [c.name for c in second.contributors]) == (
        "Courts in Crisis",
        ["Jane Roe", "John Doe"],
    )


@pytest.mark.parametrize(
    ("imprint", "places", "publishers"),
    [
        ("London, 2019. 300p.", ["London"], []),
        ("Washington, DC, 2019. 40p.", ["Washington, DC"], []),
        ("Leiden, Boston, 2019. 300p.", ["Leiden", "Boston"], []),
        ("Brookings, 2019. 300p.", [], ["Brookings"]),  # also a town: the publisher
        ("Chatham House, 2019. 300p.", [], ["Chatham House"]),
    ],
)
def test_a_place_alone_before_the_year_is_no_publisher(
    imprint: str, places: list[str], publishers: list[str]
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers) == (places, publishers)
