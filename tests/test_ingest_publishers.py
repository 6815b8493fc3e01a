"""Who published a work, as research libraries' listings and report covers print it: a court's
case or docket number before its opinion's date, labels that name who a report was published
for or jointly with, several place–publisher pairs, a series glued after its publisher's name.
Every line is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.imprints import ReportRead, imprint_of, report_read

# --- a court's case or docket number: the report number, no publisher and no series


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("No. 23-30033. 2024. 28p.", ([], [], 2024, 28, "23-30033")),
        ("No. 23-30033, 2024. 28p.", ([], [], 2024, 28, "23-30033")),
        ("Case No. 1:22-cv-01234. 2023. 35p.", ([], [], 2023, 35, "1:22-cv-01234")),
        ("Docket No. 21-1234. 2021. 12p.", ([], [], 2021, 12, "21-1234")),
        (
            "Case No. CIV-2021-485-112. Wellington: Supreme Court of Northland, 2022. 40p.",
            (["Supreme Court of Northland"], ["Wellington"], 2022, 40, "CIV-2021-485-112"),
        ),
        ("Civil Action No. 3:19-cv-00456. 2020. 18p.", ([], [], 2020, 18, "3:19-cv-00456")),
    ],
)
def test_a_court_s_case_number_first_is_the_report_number(imprint: str, read: ReportRead) -> None:
    got = imprint_of(imprint)
    assert report_read(imprint) == read
    assert got.series is None


@given(
    label=st.sampled_from(["No.", "Case No.", "Docket No.", "Case no."]),
    year=st.integers(10, 29),
    number=st.integers(1, 99999),
    published=st.integers(2010, 2029),
    count=st.integers(1, 400),
)
def test_any_docket_number_before_a_date_and_count_is_the_report_number(
    label: str, year: int, number: int, published: int, count: int
) -> None:
    docket = f"{year}-{number}"
    assert report_read(f"{label} {docket}. {published}. {count}p.") == (
        [], [], published, count, docket,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("imprint", "series"),
    [
        # a series numbered `No.` stays a series; a number without a hyphen is no docket's
        ("Research Report No. 12. Canberra: Harbour Institute, 2021. 40p.", "Research Report"),
        ("Policy Brief No. 2021-05. Harbour Institute, 2021. 8p.", "Policy Brief"),
    ],
)
def test_a_series_numbered_with_no_stays_a_series(imprint: str, series: str) -> None:
    got = imprint_of(imprint)
    assert got.series is not None and got.series.name == series
    assert (got.publishers, got.report_id) == (["Harbour Institute"], None)


# --- a label naming who a report was published for, jointly or by whom it was printed


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        (
            "Published for the Northland Sentencing Council by Harbour Stationery Office. "
            "Belfast, 2018. 90p.",
            (["Harbour Stationery Office"], ["Belfast"], 2018, 90, None),
        ),
        (
            "Prepared for the Eastmoor Parole Board by Coastal Research Ltd., 2019. 30p.",
            (["Coastal Research Ltd."], [], 2019, 30, None),
        ),
        (
            "A joint report of the Harbour Commission for Children and the Northland "
            "Ombudsman. Wellington, 2022. 50p.",
            (["Harbour Commission for Children", "Northland Ombudsman"], ["Wellington"], 2022,
             50, None),
        ),
        (
            "A joint publication of Eastmoor Institute and Northland Policy Centre, 2020. 24p.",
            (["Eastmoor Institute", "Northland Policy Centre"], [], 2020, 24, None),
        ),
        (
            "Jointly published by Harbour Institute and Coastal Law Society. London, 2021. 36p.",
            (["Harbour Institute", "Coastal Law Society"], ["London"], 2021, 36, None),
        ),
        (
            "Printed by Harbour Print Works, Auckland, 2017. 48p.",
            (["Harbour Print Works"], ["Auckland"], 2017, 48, None),
        ),
    ],
)  # fmt: skip
def test_a_label_before_the_publisher_is_no_part_of_its_name(
    imprint: str, read: ReportRead
) -> None:
    assert report_read(imprint) == read


@pytest.mark.parametrize(
    "imprint",
    [
        # a body whose name starts like a label stays whole
        "London: Printed Matter Trust, 2021. 20p.",
        "Joint Research Centre, 2020. 40p.",
    ],
)
def test_a_body_named_like_a_label_keeps_its_name(imprint: str) -> None:
    got = imprint_of(imprint)
    assert got.publishers == [imprint.split(", ")[0].split(": ")[-1]]


# --- several place–publisher pairs; a world city printed without its accents


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        (
            "Ottawa: Eastmoor Centre for Justice Research / Montreal: Northland Institute of "
            "Criminology, 2020. 54p.",
            (["Eastmoor Centre for Justice Research", "Northland Institute of Criminology"],
             ["Ottawa", "Montreal"], 2020, 54, None),
        ),
        (
            "Bogota: Harbour Foundation; Sao Paulo: Eastmoor Institute, 2019. 80p.",
            (["Harbour Foundation", "Eastmoor Institute"], ["Bogota", "Sao Paulo"], 2019, 80,
             None),
        ),
        (
            "Washington, DC: Eastmoor Policy Institute, and Toronto: Northland Justice Lab, "
            "2022. 38p.",
            (["Eastmoor Policy Institute", "Northland Justice Lab"], ["Washington, DC",
             "Toronto"], 2022, 38, None),
        ),
        (
            "London: Harbour Press and New York: Northland Books, 2016. 310p.",
            (["Harbour Press", "Northland Books"], ["London", "New York"], 2016, 310, None),
        ),
    ],
)  # fmt: skip
def test_two_place_publisher_pairs_are_read_pair_by_pair(imprint: str, read: ReportRead) -> None:
    assert report_read(imprint) == read


@pytest.mark.parametrize("city", ["Montreal", "Zurich", "Medellin", "Dusseldorf", "Malmo"])
def test_a_world_city_without_its_accents_is_a_place(city: str) -> None:
    assert report_read(f"Harbour Institute, {city}, 2021. 20p.") == (
        ["Harbour Institute"], [city], 2021, 20, None,
    )  # fmt: skip


# --- a series glued after its publisher's name, no mark between


@pytest.mark.parametrize(
    ("imprint", "publisher", "place", "series"),
    [
        ("Oslo: Northland Academy of Social Sciences Acta 20, 2019. 120p.",
         "Northland Academy of Social Sciences", ["Oslo"], ("Acta", "20")),
        ("Vatican City, The Harbour Academy of Letters Acta 7, 2016. 300p.",
         "Harbour Academy of Letters", ["Vatican City"], ("Acta", "7")),
        ("Wellington: Harbour Institute Working Paper 17/08, 2017. 30p.",
         "Harbour Institute", ["Wellington"], ("Harbour Institute Working Paper", "17/08")),
        ("Toronto: Eastmoor Centre Discussion Paper No. 12, 2020. 25p.",
         "Eastmoor Centre", ["Toronto"], ("Eastmoor Centre Discussion Paper", "12")),
    ],
)  # fmt: skip
def test_a_series_glued_after_the_publisher_names_both(
    imprint: str, publisher: str, place: list[str], series: tuple[str, str]
) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places) == ([publisher], place)
    assert got.series is not None and (got.series.name, got.series.number) == series


def test_a_journal_named_acta_stays_a_journal() -> None:
    got = imprint_of("Acta Criminologica Harbourensis 34(2), 2021, 45-67.")
    assert got.journal is not None and got.journal.name == "Acta Criminologica Harbourensis"
    assert (got.series, got.publishers) == (None, [])


# --- the body a printer's acronym published for, a house's parent in brackets


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("London: HMSO for the Northland Home Office, 2019. 40p.",
         (["HMSO"], ["London"], 2019, 40, None)),
        ("Edinburgh: TSO for Eastmoor Justice Directorate, 2020. 22p.",
         (["TSO"], ["Edinburgh"], 2020, 22, None)),
        ("London: Harbour Press (an imprint of Eastmoor Books), 2019. 200p.",
         (["Harbour Press"], ["London"], 2019, 200, None)),
        ("Oxford: Northland Academic, an imprint of Harbour Publishing Group, 2021. 150p.",
         (["Northland Academic"], ["Oxford"], 2021, 150, None)),
    ],
)  # fmt: skip
def test_who_a_printer_published_for_and_a_house_s_parent_are_no_publishers(
    imprint: str, read: ReportRead
) -> None:
    assert report_read(imprint) == read


@pytest.mark.parametrize(
    "body",
    [
        # `for the` inside a body's name stays there
        "Harbour Institute for the Study of Violence",
        "Northland Office for the Coordination of Victim Services",
        "Centre for the Prevention of Crime",
    ],
)
def test_for_the_inside_a_body_s_name_stays(body: str) -> None:
    assert report_read(f"London: {body}, 2019. 40p.") == ([body], ["London"], 2019, 40, None)


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Geneva: Harbour Forum; Brussels: Eastmoor Institute; Paris: Northland Centre, 2020. "
         "60p.",
         (["Harbour Forum", "Eastmoor Institute", "Northland Centre"],
          ["Geneva", "Brussels", "Paris"], 2020, 60, None)),
        ("Sydney: Harbour Press; Auckland, NZ: Eastmoor Books; London: Northland House, 2018. "
         "200p.",
         (["Harbour Press", "Eastmoor Books", "Northland House"],
          ["Sydney", "Auckland, NZ", "London"], 2018, 200, None)),
    ],
)  # fmt: skip
def test_three_place_publisher_pairs_are_read_pair_by_pair(imprint: str, read: ReportRead) -> None:
    assert report_read(imprint) == read


# --- who distributed, commissioned or received the work, before its place and publisher


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Distributed by Eastmoor Books. London: Harbour Press, 2019. 200p.",
         (["Harbour Press"], ["London"], 2019, 200, None)),
        ("Commissioned by the Northland Ministry of Justice. Harbour Institute, 2020. 30p.",
         (["Harbour Institute"], [], 2020, 30, None)),
        ("Report to the Northland Parliament. Wellington: Harbour Audit Office, 2020. 60p.",
         (["Harbour Audit Office"], ["Wellington"], 2020, 60, None)),
        ("A submission to the Eastmoor Law Commission. Sydney: Coastal Legal Centre, 2021. 18p.",
         (["Coastal Legal Centre"], ["Sydney"], 2021, 18, None)),
    ],
)  # fmt: skip
def test_a_statement_before_the_place_is_the_note(imprint: str, read: ReportRead) -> None:
    got = imprint_of(imprint)
    assert report_read(imprint) == read
    assert got.note is not None and imprint.split(".")[0] in got.note


def test_a_series_named_report_stays_a_series() -> None:
    got = imprint_of("Report 12. Wellington: Harbour Institute, 2020. 30p.")
    assert got.series is not None and (got.series.name, got.series.number) == ("Report", "12")
    assert (got.publishers, got.places) == (["Harbour Institute"], ["Wellington"])
