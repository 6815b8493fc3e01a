"""Forms found by a second blind round of made-up listing pages (names with particles and
suffixes, non-English books, working papers, data sets, web pages, document symbols): a city's
name shortened before its region (`Wash., DC`), a document symbol with its year in brackets
(`MRO/Inf(2021)12`), a document's kind printed first (`Working paper, 2022.`), a link after the
date and a web page's retrieval statement (`Retrieved from https://…`). Every line is made up."""

from __future__ import annotations

import pytest

from kg.records import Record
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of


def _one(imprint: str) -> Record:
    """The one record of a page printing a title, a byline, an abstract and `imprint`."""
    page = PAGE_HEAD + "\n\n".join(
        [
            "Probation Caseloads in Rural Counties",
            "By Tessa Imrie",
            "Rural officers supervise people spread across large distances. This study asks why.",
            imprint,
        ]
    )
    (got,) = parse_page_text(page + "\n", LEX)
    return got


# --- a city's name shortened before its region, as older imprints print it

_SHORT_CITIES = [
    ("Wash., DC: Westvale Justice Research Center, 2019. 28p.", "Washington, DC"),
    ("Wash., D.C.: Harbour Institute, 2020. 12p.", "Washington, D.C."),
    ("Camb., Mass.: Charles River University Press, 2017. 300p.", "Cambridge, Mass."),
    ("Phila., PA: Liberty Bell Press, 2018. 210p.", "Philadelphia, PA"),
    ("Phila.: Liberty Bell Press, 2018. 210p.", "Philadelphia"),
    ("Balt., Md.: Harbour Press, 2018. 40p.", "Baltimore, Md."),
]


@pytest.mark.parametrize(("line", "place"), _SHORT_CITIES)
def test_a_city_shortened_before_its_region_is_read_in_full(line: str, place: str) -> None:
    got = imprint_of(line)
    assert got.places == [place]
    assert len(got.publishers) == 1
    assert (got.year, got.page_count) != (None, None)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Washington, DC: Westvale Justice Research Center, 2019. 28p.", "Washington, DC"),
        ("Cambridge, MA: Charles River University Press, 2017. 300p.", "Cambridge, MA"),
        ("Santa Monica, Calif.: Harbour Corporation, 2020. 80p.", "Santa Monica, Calif."),
    ],
)
def test_a_city_printed_whole_stays_as_printed(line: str, place: str) -> None:
    assert imprint_of(line).places == [place]


# --- a document symbol with its year in brackets (as the Council of Europe prints them)

_SYMBOLS = [
    ("Strasbourg: Mediterranean Rights Observatory, 2021. 44p. (MRO/Inf(2021)12)",
     "MRO/Inf(2021)12"),
    ("Strasbourg: Mediterranean Rights Observatory, 2021. 44p. (HRB/Inf (2021) 12)",
     "HRB/Inf (2021) 12"),
    ("Strasbourg: Harbour Committee of Ministers, 2018. 20p. HCM/Rec(2018)8", "HCM/Rec(2018)8"),
    ("Strasbourg: Harbour Rights Office, 2021. 30p. HarbDH(2021)5", "HarbDH(2021)5"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "symbol"), _SYMBOLS)
def test_a_document_symbol_with_its_year_in_brackets_is_the_report_number(
    line: str, symbol: str
) -> None:
    got = imprint_of(line)
    assert got.report_id == symbol
    assert got.places == ["Strasbourg"]
    assert len(got.publishers) == 1 and "(" not in got.publishers[0]
    assert got.page_count is not None and got.series is None


def test_a_series_and_a_body_with_its_year_in_brackets_stay_as_they_were() -> None:
    series = imprint_of("London: Harbour Institute, 2019. 30p. (Research Series 7)")
    assert series.series is not None and series.report_id in (None, "7")
    author_date = imprint_of("Harbour Institute (2021). Washington, DC. 45p.")
    assert (author_date.publishers, author_date.year, author_date.report_id) == (
        ["Harbour Institute"], 2021, None,
    )  # fmt: skip
    paper = imprint_of("Brussels: Coastal Commission, 2021. 12p. COM(2021) 123 final")
    assert paper.report_id == "COM(2021) 123 final"
