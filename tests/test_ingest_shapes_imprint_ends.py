"""What an imprint prints after its year or page count: year ranges, volumes, ISBNs, ISSNs and
DOIs, report numbers, series and their numbers, updates, labels and file notes."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.imprint import parse_imprint
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


@pytest.mark.parametrize(
    ("end", "year", "year_as_printed", "pages", "note"),
    [
        ("2020-2021. 64p.", 2020, "2020-2021", 64, None),  # a range: its first year
        ("2019–20. 64p.", 2019, "2019–20", 64, None),
        ("2017. vi, 45p.", 2017, "2017", 45, None),  # front matter in roman numerals
        ("2017. xii + 230 pp.", 2017, "2017", 230, None),
        ("2022. 1 vol.", 2022, "2022", None, "1 vol"),
        ("2019. 6 vols.", 2019, "2019", None, "6 vols"),
        ("2015. 288p. ISBN 978-0-253-01234-5", 2015, "2015", 288, "ISBN 978-0-253-01234-5"),
    ],
)
def test_imprint_ends_with_ranges_volumes_and_isbns(
    end: str, year: int, year_as_printed: str, pages: int | None, note: str | None
) -> None:
    got = parse_imprint(f"Cardiff: Harbour Press, {end}", LEX.authority, LEX.places)
    assert (got.places, got.publishers) == (["Cardiff"], ["Harbour Press"])
    assert (got.year, got.year_as_printed, got.page_count, got.note) == (
        year,
        year_as_printed,
        pages,
        note,
    )


@pytest.mark.parametrize(
    ("imprint", "publishers", "year", "pages", "report_id"),
    [
        ("New York: Columbia University Press, c2019. 300p.", ["Columbia University Press"],
         2019, 300, None),
        ("Washington, DC: U.S. Government Accountability Office, 2021. GAO-21-123. 60p.",
         ["U.S. Government Accountability Office"], 2021, 60, "GAO-21-123"),
    ],
)  # fmt: skip
def test_imprints_with_copyright_years_and_report_numbers_after_the_year(
    imprint: str, publishers: list[str], year: int, pages: int, report_id: str | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.publishers, got.year, got.page_count, got.report_id) == (
        publishers,
        year,
        pages,
        report_id,
    )


@pytest.mark.parametrize(
    ("imprint", "report_id", "pages"),
    [
        ("London: Central Policy Centre. 2011. GAO-11-106. vi, 180p", "GAO-11-106", 180),
        ("Canberra: Northland Policy Centre. c2011. GAO-11-469. 392p. ISBN 978-1-92063-240-1",
         "GAO-11-469", 392),
        ("London: Central Policy Centre, 2011. GAO-11-108.", "GAO-11-108", None),
    ],
)  # fmt: skip
def test_report_numbers_after_the_year_with_other_ends(
    imprint: str, report_id: str, pages: int | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.year, got.report_id, got.page_count) == (2011, report_id, pages)
    assert len(got.places) == 1 and len(got.publishers) == 1


@pytest.mark.parametrize(
    ("imprint", "publishers", "series"),
    [
        ("Washington, DC: The National Academies Press, 2018. 350p. "
         "https://doi.org/10.17226/25000", ["National Academies Press"], None),
        ("Canberra: Australian Institute of Criminology, 2018. Statistical Report no. 45. 350p.",
         ["Australian Institute of Criminology"], ("Statistical Report", "45")),
    ],
)  # fmt: skip
def test_a_doi_after_the_page_count_and_a_series_after_the_year(
    imprint: str, publishers: list[str], series: tuple[str, str] | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.publishers, got.year, got.page_count) == (publishers, 2018, 350)
    assert ((got.series.name, got.series.number) if got.series else None) == series


@pytest.mark.parametrize(
    ("imprint", "year", "pages"),
    [
        ("Geneva: Small Arms Survey, 2021-05-12. 68p.", 2021, 68),
        ("Geneva: Small Arms Survey, 2021-05-12.", 2021, None),
        ("Geneva: Small Arms Survey, 2021. pp. 68", 2021, 68),
        ("Geneva: Small Arms Survey, 2021. p. 68.", 2021, 68),
        ("Geneva: Small Arms Survey, 2015-2016. 68p.", 2015, 68),  # a range, not a date
    ],
)
def test_an_iso_date_or_a_count_after_pp(imprint: str, year: int, pages: int | None) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.publishers, got.places, got.year, got.page_count) == (
        ["Small Arms Survey"],
        ["Geneva"],
        year,
        pages,
    )


@pytest.mark.parametrize(
    ("imprint", "places", "report_id"),
    [
        ("Santa Monica, CA: RAND Corporation, 2019. RR-2889-OSD. 120p.", ["Santa Monica, CA"],
         "RR-2889-OSD"),
        ("Santa Monica, CA: RAND Corporation, 2019. RR-A1234-1. 120p.", ["Santa Monica, CA"],
         "RR-A1234-1"),
        ("Washington, D.C.: RAND Corporation, 2019. 120p.", ["Washington, D.C."], None),
    ],
)  # fmt: skip
def test_report_numbers_ending_in_letters_and_places_ending_in_an_initial(
    imprint: str, places: list[str], report_id: str | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count, got.report_id) == (
        places,
        ["RAND Corporation"],
        2019,
        120,
        report_id,
    )


@pytest.mark.parametrize(
    ("imprint", "publisher", "report_id"),
    [
        ("Washington, DC: Bureau of Justice Statistics, 2020. 17p. NCJ 255115",
         "Bureau of Justice Statistics", "NCJ 255115"),
        ("Washington, DC: Government Accountability Office, 2020. 17p. GAO-20-104512.",
         "Government Accountability Office", "GAO-20-104512"),
        ("Washington, DC: Congressional Research Service, 2020. 17 pp. R46711",
         "Congressional Research Service", "R46711"),
    ],
)  # fmt: skip
def test_a_report_number_after_the_page_count(imprint: str, publisher: str, report_id: str) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count, got.report_id) == (
        ["Washington, DC"],
        [publisher],
        2020,
        17,
        report_id,
    )
    page = (
        f"{PAGE_HEAD}Courts in Crisis\n\nBy Jane Roe\n\nAn abstract about the "
        f"courts.\n\n{imprint}\n\nPrisons Today\n\nBy John Doe\n\nAn abstract.\n\n"
        "London: Home Office, 2019. 45p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.title, first.publishers, first.report_id) == (
        "Courts in Crisis",
        (publisher,),
        report_id,
    )
    assert (second.title, second.publishers) == ("Prisons Today", ("Home Office",))


@pytest.mark.parametrize(
    ("title", "byline", "imprint"),
    [
        ("Guns in America (PDF)", "By Ann Lee", "Santa Barbara, CA: ABC-CLIO, 2012. 400p."),
        ("Guns in America [PDF, 2.3 MB]", "By Ann Lee", "Santa Barbara, CA: ABC-CLIO, 2012. 400p."),
        ("Title: Guns in America", "Author(s): Ann Lee", "Publisher: ABC-CLIO, 2012. 400p."),
        ("Guns in America", "Author(s): Ann Lee", "Source: ABC-CLIO, 2012. 400p."),
        ("Guns in America", "By Ann Lee", "(Santa Barbara, CA: ABC-CLIO, 2012. 400p.)"),
        ("Guns in America", "By Ann Lee", "(Santa Barbara, CA: ABC-CLIO, c2012. 400p)"),
    ],
)
def test_labels_and_file_notes_are_no_part_of_a_field(
    title: str, byline: str, imprint: str
) -> None:
    page = (
        f"{PAGE_HEAD}{title}\n\n{byline}\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"{imprint}\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, [c.name for c in got.contributors]) == ("Guns in America", ["Ann Lee"])
    assert (got.publishers, got.year, got.page_count, got.edition_note) == (
        ("ABC-CLIO",),
        2012,
        400,
        None,
    )


@pytest.mark.parametrize(
    ("end", "note"),
    [("30p. ISSN 1759-7005", "ISSN 1759-7005"),
     ("30p. eISBN 978-1-78655-123-4", "eISBN 978-1-78655-123-4"),
     ("30p. e-ISBN: 978-1-78655-123-4", "e-ISBN: 978-1-78655-123-4"),
     ("30p. DOI: 10.1234/abcd.2020", None)],
)  # fmt: skip
def test_an_issn_an_ebook_isbn_or_a_doi_after_the_page_count(end: str, note: str | None) -> None:
    got = parse_imprint(f"London: Home Office, 2020. {end}", LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count) == (
        ["London"],
        ["Home Office"],
        2020,
        30,
    )
    assert got.note == note


@pytest.mark.parametrize(
    ("printed", "name", "number"),
    [("London: Home Office, 2020. Research Report 120. 30p.", "Research Report", "120"),
     ("London: Home Office, 2020. Home Office Research Study 120. 30p.",
      "Home Office Research Study", "120"),
     ("Canberra: AIC, 2021. Research and Public Policy Series 12. 80p.",
      "Research and Public Policy Series", "12")],
)  # fmt: skip
def test_a_series_and_its_number_without_no_between_year_and_count(
    printed: str, name: str, number: str
) -> None:
    got = parse_imprint(printed, LEX.authority, LEX.places)
    assert got.series is not None and (got.series.name, got.series.number) == (name, number)
    assert (got.places, got.year, got.page_count) == (
        [printed.split(":")[0]],
        int(printed.split(", ")[1][:4]),
        int(printed.split()[-1].rstrip("p.")),
    )


@pytest.mark.parametrize(
    ("printed", "series"),
    [("London: Home Office, 2020 (updated 2022). 30p.", None),
     ("London: Home Office, 2020 [revised March 2022]. 30p.", None),
     ("London: Home Office, 2020. 30p. Research Report 120.", ("Research Report", "120")),
     ("London: Home Office, 2020. 30p. Home Office Research Study no. 120",
      ("Home Office Research Study", "120"))],
)  # fmt: skip
def test_an_update_after_the_year_or_a_series_after_the_page_count(
    printed: str, series: tuple[str, str] | None
) -> None:
    got = parse_imprint(printed, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count) == (
        ["London"],
        ["Home Office"],
        2020,
        30,
    )
    assert (got.series.name, got.series.number) == series if series else got.series is None


def test_a_series_after_the_place_and_publisher_each_after_a_stop() -> None:
    imprint = (
        "Melbourne. University of Melbourne. Harbour Institute Working Paper No. 17/08. 2008. 29p."
    )
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, got.publishers, got.year, got.page_count) == (
        ["Melbourne"],
        ["University of Melbourne"],
        2008,
        29,
    )
    assert got.series is not None and (got.series.name, got.series.number) == (
        "Harbour Institute Working Paper",
        "17/08",
    )
