"""Imprint forms of report and book listings beyond the sample's: a report number in brackets,
a series numbered within its year, series named by acronyms, numeric dates, notes after the page
count, the year printed first (publishers: tests/test_ingest_imprint_bodies.py). Every line is
made up in the shape of a real one."""

from __future__ import annotations

import pytest

from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of, main_fields

# What most imprints of these tables print besides the form they test.
_HARBOUR_INSTITUTE_2021 = (["Harbour Institute"], ["Washington, DC"], 2021, 45)


@pytest.mark.parametrize(
    ("imprint", "report_id"),
    [
        ("Washington, DC: Harbour Accountability Office, 2021. 60p. (HAO-21-123)", "HAO-21-123"),
        ("Washington, DC: Harbour Institute of Justice, 2020. 20p. (NCJ 305102)", "NCJ 305102"),
        ("New York: United Harbours, 2021. 120p. (A/76/123)", "A/76/123"),
        ("New York: United Harbours, 2021. 120p. (S/2021/1040)", "S/2021/1040"),
        ("Brussels: Harbour Research Service, 2021. 40p. (PE 690.123)", "PE 690.123"),
        ("Washington, DC: Harbour Accountability Office, 2021. (HAO-21-123)", "HAO-21-123"),
    ],
)  # fmt: skip
def test_a_report_number_in_brackets_after_the_count_is_the_report_id(
    imprint: str, report_id: str
) -> None:
    got = imprint_of(imprint)
    assert (got.report_id, got.series, got.note) == (report_id, None, None)
    assert got.publishers == [imprint.split(": ")[1].split(",")[0]]
    assert got.year in (2020, 2021)


def test_an_edition_in_brackets_after_the_count_stays_a_note() -> None:
    got = imprint_of("London: Harbour Press, 2019. 300p. (2nd edition)")
    assert (got.note, got.report_id, got.series) == ("2nd edition", None, None)


@pytest.mark.parametrize(
    ("imprint", "name", "number"),
    [
        ("Stockholm: Harbour Council, 2021. 85p. (Report 2021:4)", "Report", "2021:4"),
        ("Oslo: Harbour Institute, 2020. 40p. (Harbour Report 2020:12)", "Harbour Report",
         "2020:12"),
        ("Tilburg: Harbour Centre, 2019. 60p. (Working Paper 2019/3)", "Working Paper", "2019/3"),
        ("Bonn: Harbour Institute, 2020. 40p. (Discussion Paper 2020-15)", "Discussion Paper",
         "2020-15"),
    ],
)  # fmt: skip
def test_a_series_numbered_within_its_year(imprint: str, name: str, number: str) -> None:
    got = imprint_of(imprint)
    assert got.series is not None, got
    assert (got.series.name, got.series.number, got.journal) == (name, number, None)


def test_a_series_numbered_within_its_year_on_a_line_of_its_own_is_no_journal() -> None:
    got = imprint_of("Report 2021:4")
    assert got.journal is None
    assert got.series is not None, got
    assert (got.series.name, got.series.number) == ("Report", "2021:4")


@pytest.mark.parametrize(
    ("imprint", "name"),
    [
        # a series named by acronyms keeps its capitals
        ("Bonn: Harbour Institute, 2020. 40p. (HLE DP No. 13200)", "HLE DP"),
        ("Cambridge, MA: Harbour Bureau, 2021. 55p. (HB WP No. 28765)", "HB WP"),
        # a series printed in capitals is title-cased as a title is
        ("London: Harbour Press, 2020. 30p. (RESEARCH REPORT NO. 12)", "Research Report"),
        ("Canberra: Harbour Institute, 2020. 30p. (TRENDS AND ISSUES IN HARBOURS NO. 12)",
         "Trends and Issues in Harbours"),
    ],
)  # fmt: skip
def test_the_case_of_a_series_printed_in_capitals(imprint: str, name: str) -> None:
    got = imprint_of(imprint)
    assert got.series is not None, got
    assert got.series.name == name


@pytest.mark.parametrize(
    "imprint",
    [
        "NCJ 305102",
        "NCJ 305102.",
        "HAO-21-123",
    ],
)
def test_a_report_number_alone_is_the_report_id_not_a_publisher(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.report_id) == ([], imprint.rstrip("."))


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 12/2021. 30p.",
        "Washington, DC: Harbour Institute, 12/2021.",
    ],
)
def test_a_month_and_year_in_numbers(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places, got.year) == (
        ["Harbour Institute"],
        ["Washington, DC"],
        2021,
    )


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("Washington, DC: Harbour Institute, 2021. 30p., appendices", 30),
        ("Washington, DC: Harbour Institute, 2021. 30p. + 12p. appendix", 30),
        ("Washington, DC: Harbour Institute, 2021. 30p. + appendices", 30),
        ("Washington, DC: Harbour Institute, 2021. 30p.; appendix", 30),
    ],
)
def test_appendices_after_the_page_count(imprint: str, count: int) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (*_HARBOUR_INSTITUTE_2021[:3], count)
    assert got.note is not None and "append" in got.note


@pytest.mark.parametrize(
    "imprint",
    [
        "2021. Washington, DC: Harbour Institute. 30p.",
        "2021. Washington, DC: Harbour Institute.",
    ],
)
def test_the_year_printed_first(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places, got.year) == (
        ["Harbour Institute"],
        ["Washington, DC"],
        2021,
    )


def test_a_report_number_on_a_line_of_its_own_after_the_imprint_joins_its_record() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Coast\n\nBy Ann Lee\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Washington, DC: Harbour Institute of Justice, 2020. 20p.\n\nNCJ 305102\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (list(record.publishers), record.report_id) == (
        ["Harbour Institute of Justice"],
        "NCJ 305102",
    )


@pytest.mark.parametrize(
    ("imprint", "note_word"),
    [
        ("Washington, DC: Harbour Institute, 2021. 45p. Updated June 2022", "Updated"),
        ("Washington, DC: Harbour Institute, 2021. 45p. Last updated 3 June 2022.", "updated"),
        ("Washington, DC: Harbour Institute, 2021. 45 p. Accessed March 3, 2022.", "Accessed"),
        ("Washington, DC: Harbour Institute, 2021. 45p. Revised 2023.", "Revised"),
        ("Washington, DC: Harbour Institute, 2021. 45p. Retrieved 12 May 2022", "Retrieved"),
    ],
)
def test_an_update_or_access_date_after_the_count_is_a_note(imprint: str, note_word: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.note is not None and note_word in got.note


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("Washington, DC: Harbour Institute, 2021. 1 online resource (45 pages)", 45),
        ("Washington, DC: Harbour Institute, 2021. 1 online resource (45 p.)", 45),
        ("Washington, DC: Harbour Institute, 2021. 45 unnumbered pages", 45),
        ("Washington, DC: Harbour Institute, 2021. 45 leaves", 45),
    ],
)
def test_page_counts_as_catalogues_print_them(imprint: str, count: int) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (*_HARBOUR_INSTITUTE_2021[:3], count)


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2nd edition, 2021. 45p.",
        "Washington, DC: Harbour Institute, 3rd ed., 2021. 45p.",
        "Washington, DC: Harbour Institute, Second edition, 2021. 45p.",
    ],
)
def test_an_edition_before_the_year(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.note is not None and "ed" in got.note


@pytest.mark.parametrize(
    "imprint",
    [
        "Geneva, Switzerland: Harbour Organization; 2021. Licence: CC BY-NC-SA 3.0 IGO.",
        "Geneva, Switzerland: Harbour Organization, 2021. 120p. License: CC BY 4.0",
        "Geneva, Switzerland: Harbour Organization, 2021. 120p. CC BY-NC 4.0.",
    ],
)
def test_a_licence_after_the_imprint_is_a_note(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places, got.year) == (
        ["Harbour Organization"],
        ["Geneva, Switzerland"],
        2021,
    )
    assert got.note is not None and "CC BY" in got.note


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour Liberties Union, 2017. 64o",
        "Harbour Union, 2017. 64o.",
        "Harbour Union, 2017. 64o,",
    ],
)
def test_a_page_count_typed_with_o_for_p_after_the_year(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.year, got.page_count) == ([imprint.split(",")[0]], 2017, 64)


@pytest.mark.parametrize(
    "imprint",
    [
        "DOI: 10.1234/abcd.5678. Washington, DC: Harbour Institute, 2021. 45p.",
        "doi:10.1234/abcd.5678 Washington, DC: Harbour Institute, 2021. 45p.",
        "https://doi.org/10.1234/abcd.5678 Washington, DC: Harbour Institute, 2021. 45p.",
        "Washington, DC: Harbour Institute, 2021. DOI: 10.1234/abcd.5678. 45p.",
    ],
)
def test_a_doi_anywhere_in_the_imprint_goes(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert "10.1234" not in (got.note or "") + "".join(got.publishers + got.places)


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("Appeal from the Harbour District Court for the Western District USDC No. 6:20-CV-1438. "
         "29p.", 29),
        ("On Appeal from the Harbour Court of Appeals, No. 21-1234", None),
        ("On Petition for Writ of Certiorari to the Harbour Court of Appeals for the Ninth "
         "Circuit. 45p.", 45),
    ],
)  # fmt: skip
def test_a_court_s_appeal_statement_is_no_publisher_or_series(
    imprint: str, count: int | None
) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places, got.series, got.page_count) == ([], [], None, count)
    assert got.note is not None and "Harbour" in got.note


def test_a_report_number_after_the_year_before_a_count_with_appendices() -> None:
    got = imprint_of("Vienna: Central Harbour Foundation. 1988. GAO-88-934. 307p + 12p. appendix")
    assert (got.publishers, got.year, got.page_count, got.report_id) == (
        ["Central Harbour Foundation"],
        1988,
        307,
        "GAO-88-934",
    )


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour Trust, Canberra 1986. pp. 366",
        "Harbour Trust. 2018.",
        "Canberra: Harbour Trust, November 1986.",
    ],
)
def test_a_report_number_line_under_any_imprint_is_the_report_id(imprint: str) -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Coast\n\nBy Ann Lee\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        f"{imprint}\n\nNCJ 914713\n\n"
        "Policing the Shore\n\nBy Bo Chan\n\nAn abstract about policing on the shore.\n\n"
        "London: Coastal Press, 2019. 120p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (list(first.publishers), first.report_id) == (["Harbour Trust"], "NCJ 914713")
    assert second.title == "Policing the Shore"


def test_a_report_number_line_is_no_title_where_bylines_follow_abstracts() -> None:
    page = (
        f"{PAGE_HEAD}Fraud on the Coast\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "By Ann Lee\n\nLondon: Harbour Institute. 1982. 351 pages\n\nNCJ 232723\n\n"
        "POLICING THE SHORE\n\n"
        "An abstract about policing. This publication examines the shore in detail.\n\n"
        "By Bo Chan\n\nLondon: Coastal Press, 2019. 120p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.report_id, second.title) == ("NCJ 232723", "Policing the Shore")
    assert [c.name for c in second.contributors] == ["Bo Chan"]
