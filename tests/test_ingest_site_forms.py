"""More forms of the site's own pages: journal citations with the issue's month, a journal's
name after its locator or after a place, series named after the body that issues them, bodies
named without an organisation word. Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon, load_lexicon
from kg.ingest.imprint import Imprint, parse_imprint
from tests.conftest import PAGE_HEAD, ROOT, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()
# The vocabularies of vocab/: what a new user's reading knows (real periodicals).
VOCAB: Lexicon = load_lexicon(ROOT / "vocab", "http://example.org/id/")


def _imprint(text: str, lex: Lexicon = LEX) -> Imprint:
    return parse_imprint(text, lex.authority, lex.places, lex.periodicals.lookup)


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # the issue's month and year before volume(issue), pages or not
        ("Harbour Crime Science, February 2022, 41(2)", "Harbour Crime Science", "41", "2",
         None, 2022),
        ("Harbour Crime Science, February 2022, 41(2), 100-120", "Harbour Crime Science", "41",
         "2", "100-120", 2022),
        ("Harbour Crime Science, Spring 2019, 12(1): 5-22", "Harbour Crime Science", "12", "1",
         "5-22", 2019),
        # the issue's month before `Vol.` and `Issue`
        ("Harbour Crime Science, March 2021, Vol. 12, Issue 3", "Harbour Crime Science", "12",
         "3", None, 2021),
        # the year in brackets, then volume(issue)
        ("Harbour Crime Science (2022) 41(2)", "Harbour Crime Science", "41", "2", None, 2022),
        # a name with a colon that no place starts, then `Volume`
        ("Forensic Harbour Studies: Animals and Environments. Volume 3, December 2023",
         "Forensic Harbour Studies: Animals and Environments", "3", None, None, 2023),
        # a season and year, then the pages, after a dash
        ("Northland Congress on Coastal Affairs (NCCA) — Fall 2020 . 289-295",
         "Northland Congress on Coastal Affairs (NCCA)", None, None, "289-295", 2020),
    ],
)  # fmt: skip
def test_journal_citations_with_the_issue_s_date(
    citation: str,
    name: str,
    volume: str | None,
    issue: str | None,
    pages: str | None,
    year: int,
) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    journal = (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages)
    assert journal == (name, volume, issue, pages)
    assert (got.year, got.places, got.publishers) == (year, [], [])


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "year", "pages"),
    [
        # a known journal's name after its locator
        ("February 2022 41:2 Health Affairs", "Health Affairs", "41", "2", 2022, None),
        ("Spring 2021 12(3) Geopolitics", "Geopolitics", "12", "3", 2021, None),
        # a place before a known journal, as if it were a publisher
        ("Brazil: Oñati Socio-Legal Series, 2021. 22p.", "Oñati Socio-Legal Series", None, None,
         2021, 22),
        # the article's type printed after the journal's name
        ("Cureus  Open Access Review Article 2021. 11p", "Cureus", None, None, 2021, 11),
        ("Cureus. Original Research Article, 2022. 9p.", "Cureus", None, None, 2022, 9),
    ],
)  # fmt: skip
def test_known_journals_after_their_locator_a_place_or_before_an_article_type(
    citation: str, name: str, volume: str | None, issue: str | None, year: int, pages: int | None
) -> None:
    got = _imprint(citation, VOCAB)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue) == (name, volume, issue)
    assert (got.year, got.page_count, got.places, got.publishers) == (year, pages, [], [])


@pytest.mark.parametrize(
    "citation",
    [
        "Zeitschrift für Harbourkunde, 2021. 22p.",
        "Revista Harbour de Criminología, 2021. 22p.",
        "Revue Harbour de Criminologie, 2021. 22p.",
        "Harbour Bilimleri Dergisi, 2021. 22p.",
        "Tijdschrift voor Harbourkunde, 2021. 22p.",
        "Rivista Harbour di Criminologia, 2021. 22p.",
        "Cadernos Harbour de Segurança, 2021. 22p.",
    ],
)
def test_journals_named_so_in_other_languages(citation: str) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    assert got.journal.name == citation.split(",")[0]
    assert (got.year, got.page_count, got.publishers) == (2021, 22, [])


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "series", "number"),
    [
        # the issuing body's name starts the series' name: it is the publisher
        ("Washington, DC: Harbour Institution Working Paper No. 17. 2022. 46p.",
         ["Washington, DC"], ["Harbour Institution"], "Harbour Institution Working Paper", "17"),
        ("Harbour Press Discussion Paper No. 17608. 2022. 46p.", [], ["Harbour Press"],
         "Harbour Press Discussion Paper", "17608"),
        ("Brussels: Harbour Crisis Group Asia Briefing N°183, 2020. 30p.", ["Brussels"],
         ["Harbour Crisis Group"], "Harbour Crisis Group Asia Briefing", "183"),
        # a series after the publisher and a comma
        ("Washington, DC: Harbour Institute, Research Report No. 5, 2020. 30p.",
         ["Washington, DC"], ["Harbour Institute"], "Research Report", "5"),
        # a series that names no body keeps the imprint without a publisher
        ("Research Report No. 5. 2020. 30p.", [], [], "Research Report", "5"),
    ],
)  # fmt: skip
def test_series_named_after_their_body_or_after_the_publisher(
    imprint: str, places: list[str], publishers: list[str], series: str, number: str
) -> None:
    got = _imprint(imprint)
    assert got.series is not None, got
    assert (got.places, got.publishers, got.series.name, got.series.number) == (
        places,
        publishers,
        series,
        number,
    )
    assert (got.journal, got.year) == (None, 2020 if "2020" in imprint else 2022)


@pytest.mark.parametrize(
    "byline",
    [
        "By Color Of Change and the Campaign for Smart Justice",
        "By Harbour Solutions and the Northland Retail Federation",
    ],
)
def test_bodies_named_with_of_or_solutions_are_organisations(byline: str) -> None:
    got = record_with_byline(byline, LEX)
    assert {c.kind for c in got.contributors} == {"organization"}, got
    assert len(got.contributors) == byline.count(",") + byline.count(" and ") + 1


def test_links_to_download_each_part_are_junk() -> None:
    page = (
        f"{PAGE_HEAD}Cyber Fraud Trends\n\nBy Ann Lee\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Oxford: Harbour Press, 1923. 240p.\n\n"
        "Read/Download Part 1\nRead/Download Part 2\n\nRead/Download Part 3\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.year, got.page_count) == (("Harbour Press",), 1923, 240)


@pytest.mark.parametrize(
    ("citation", "name"),
    [
        # volume (issue) after the name's colon
        ("Harbour Bilimleri Dergisi: 12 (3). 22p.", "Harbour Bilimleri Dergisi"),
        # the repository a copy was found in, before the journal
        ("Academia EDU. Harbour Bilimleri Dergisi: 12 (3). 22p.", "Harbour Bilimleri Dergisi"),
        ("ResearchGate: Harbour Studies Quarterly, 12 (3). 22p.", "Harbour Studies Quarterly"),
    ],
)
def test_volume_and_issue_after_a_colon_or_a_repository_s_name(citation: str, name: str) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue) == (name, "12", "3")
    assert (got.page_count, got.places, got.publishers) == (22, [], [])


def test_a_place_before_volume_and_issue_is_no_journal() -> None:
    got = _imprint("London: 12 (3)")
    assert (got.journal, got.places) == (None, ["London"])


@pytest.mark.parametrize(
    "imprint",
    [
        "Working Paper, 2022: 11 Mexico City: Harbour Bank 2022. 53p.",
        "Working Paper 2022: 11. Mexico City: Harbour Bank, 2022. 53p.",
        "Working Paper 2022/11. Mexico City: Harbour Bank, 2022. 53p.",
    ],
)
def test_a_paper_numbered_within_its_year_is_a_series_not_a_journal(imprint: str) -> None:
    got = _imprint(imprint)
    assert got.series is not None, got
    number = imprint.split("Paper")[1].strip(" ,").split(" Mexico")[0].rstrip(".")
    assert (got.series.name, got.series.number) == ("Working Paper", number)
    assert (got.journal, got.places, got.publishers) == (None, ["Mexico City"], ["Harbour Bank"])


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # MDPI: the year after the name, volume (issue), the article's number
        ("Int. J. Harbour Res. Public Health 2021, 18, 1234.",
         "Int. J. Harbour Res. Public Health", "18", None, "1234", 2021),
        ("Harbour Sciences 2021, 10(4), 123", "Harbour Sciences", "10", "4", "123", 2021),
        ("Harbour Laws 2022, 11(3), 45; https://doi.org/10.3390/laws11030045", "Harbour Laws",
         "11", "3", "45", 2022),
        # volume:issue, the year, then the pages
        ("Harbour Victims & Offenders, 17:3, 2022, 345-367", "Harbour Victims & Offenders",
         "17", "3", "345-367", 2022),
    ],
)  # fmt: skip
def test_journal_citations_as_mdpi_and_taylor_and_francis_print_them(
    citation: str, name: str, volume: str, issue: str | None, pages: str, year: int
) -> None:
    got = _imprint(citation)
    assert got.journal is not None, got
    journal = (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages)
    assert journal == (name, volume, issue, pages)
    assert (got.year, got.places, got.publishers) == (year, [], [])


def test_a_publisher_a_year_and_two_numbers_is_no_journal() -> None:
    got = _imprint("Harbour Press, 2021, 12, 30")
    assert got.journal is None


def test_a_european_parliament_document_number_after_the_count() -> None:
    imprint = "Brussels: Harbour Parliamentary Research Service, 2022. 12p. PE 729.123"
    got = _imprint(imprint)
    assert (got.publishers, got.year, got.page_count, got.report_id) == (
        ["Harbour Parliamentary Research Service"],
        2022,
        12,
        "PE 729.123",
    )


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "year"),
    [
        # the host book first (with `In`, its editors, `Chapter N in`), the chapter's pages last
        ("In: Ann Lee (ed.), Handbook of Harbour Policing. London: Harbour Press, 2021. "
         "pp. 35-62", ["London"], ["Harbour Press"], 2021),
        ("In Handbook of Harbour Policing, edited by Ann Lee, 35-62. London: Harbour Press, 2021.",
         ["London"], ["Harbour Press"], 2021),
        ("Chapter 3 in Handbook of Harbour Policing. London: Harbour Press, 2021. 20p.",
         ["London"], ["Harbour Press"], 2021),
        ("In: Harbour Justice, Vol. 3. Chicago: Harbour University Press, 2020. pp. 1-40",
         ["Chicago"], ["Harbour University Press"], 2020),
        # after the host, the chapter's range without `pp.`
        ("Chapter 4 in B. Roe (ed.), Shore Policing. Bristol: Harbour University Press, 2018, "
         "77-99.", ["Bristol"], ["Harbour University Press"], 2018),
        # the host's title and subtitle without `In`, stops doubled
        ("Pedagogies of Harbours: The Ethics of Discipline in Education.. Harbour Academic. "
         "2023. pp. 35-62", [], ["Harbour Academic"], 2023),
        # a chapter's range after an ordinary imprint
        ("London: Harbour Press, 2021. pp. 35-62", ["London"], ["Harbour Press"], 2021),
        ("Washington, DC: Harbour Institute. 2023. pp. 35-62", ["Washington, DC"],
         ["Harbour Institute"], 2023),
    ],
)  # fmt: skip
def test_a_book_chapter_s_host_and_pages_are_no_place_publisher_or_count(
    imprint: str, places: list[str], publishers: list[str], year: int
) -> None:
    got = _imprint(imprint)
    count = 20 if imprint.endswith("20p.") else None
    assert (got.places, got.publishers, got.year, got.page_count, got.journal) == (
        places,
        publishers,
        year,
        count,
        None,
    )


def test_a_journal_s_year_then_the_article_s_pages() -> None:
    got = _imprint("Journal of Harbours, 2021. pp. 35-62")
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.pages, got.year) == ("Journal of Harbours", "35-62", 2021)
