"""Imprint statements beyond the page count in English: counts in other languages, fiscal
years, a report number after its label, a document's kind between the year and the count.
Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.imprints import imprint_of, main_fields

# What most imprints of these tables print besides the statement they test.
_HARBOUR_INSTITUTE_2021 = (["Harbour Institute"], ["Washington, DC"], 2021, 45)


@pytest.mark.parametrize(
    ("imprint", "publisher", "place", "count"),
    [
        ("Berlin: Harbour Verlag, 2020. 300 S.", "Harbour Verlag", "Berlin", 300),
        ("Berlin: Harbour Verlag, 2020. 300 Seiten.", "Harbour Verlag", "Berlin", 300),
        ("Wien: Harbour Verlag, 2020. XII, 300 S.", "Harbour Verlag", "Wien", 300),
        ("Buenos Aires: Ediciones Harbour, 2020. 210 págs.", "Ediciones Harbour", "Buenos Aires",
         210),
        ("Madrid: Ediciones Harbour, 2020. 210 páginas.", "Ediciones Harbour", "Madrid", 210),
        ("Den Haag: Harbour Instituut, 2020. 96 blz.", "Harbour Instituut", "Den Haag", 96),
        ("Stockholm: Harbour Rådet, 2020. 75 s.", "Harbour Rådet", "Stockholm", 75),
        ("Oslo: Harbour Forlag, 2020. 75 sider.", "Harbour Forlag", "Oslo", 75),
        ("Warszawa: Harbour Wydawnictwo, 2020. 120 str.", "Harbour Wydawnictwo", "Warszawa", 120),
        ("Roma: Harbour Editore, 2020. 245 pagine.", "Harbour Editore", "Roma", 245),
    ],
)  # fmt: skip
def test_a_page_count_in_other_languages(
    imprint: str, publisher: str, place: str, count: int
) -> None:
    assert main_fields(imprint_of(imprint)) == ([publisher], [place], 2020, count)


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, FY2021. 45p.",
        "Washington, DC: Harbour Institute, FY 2021. 45p.",
        "Washington, DC: Harbour Institute, FY2021-22. 45p.",
    ],
)
def test_a_fiscal_year_is_its_first_calendar_year(imprint: str) -> None:
    assert main_fields(imprint_of(imprint)) == _HARBOUR_INSTITUTE_2021


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2021. 45p. Report No. HI-2021-07.",
        "Washington, DC: Harbour Institute, 2021. Report No. HI-2021-07. 45p.",
        "Washington, DC: Harbour Institute, 2021. 45p. Report HI-2021-07.",
        "Washington, DC: Harbour Institute, 2021. 45p. Report Number HI-2021-07",
        "Washington, DC: Harbour Institute, 2021. 45p. (Report No. HI-2021-07)",
    ],
)
def test_a_report_number_after_its_label(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.report_id == "HI-2021-07"


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2021. Research Report. 45p.",
        "Washington, DC: Harbour Institute, 2021. Final report. 45p.",
        "Washington, DC: Harbour Institute, 2021. Policy Brief. 45p.",
        "Washington, DC: Harbour Institute, 2021. Executive Summary. 45p.",
        "Washington, DC: Harbour Institute, 2021. Technical report, 45p.",
        "Washington, DC: Harbour Institute, 2021. Research Bulletin. 45p.",
        "Washington, DC: Harbour Institute, 2021. White Paper. 45p.",
        "Washington, DC: Harbour Institute, 2021. Practice Guide. 45p.",
        "Washington, DC: Harbour Institute, 2021. Fact Sheet. 45p.",
    ],
)
def test_a_document_s_kind_between_the_year_and_the_count_is_a_note(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.note is not None
    assert got.note.rstrip(".") in imprint
    assert got.series is None


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2021. Policy brief.",
        "Washington, DC: Harbour Institute, 2021. Research Report.",
    ],
)
def test_a_document_s_kind_after_the_year_is_a_note(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (["Harbour Institute"], ["Washington, DC"], 2021, None)
    assert got.note is not None


@pytest.mark.parametrize(
    ("imprint", "series", "number"),
    [
        # a kind with a number is a series, as before
        ("Washington, DC: Harbour Institute, 2021. Research Report 12. 45p.", "Research Report",
         "12"),
        ("Washington, DC: Harbour Institute, 2021. Policy Brief no. 3. 45p.", "Policy Brief", "3"),
    ],
)  # fmt: skip
def test_a_numbered_kind_stays_a_series(imprint: str, series: str, number: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.series is not None
    assert (got.series.name, got.series.number) == (series, number)


@pytest.mark.parametrize(
    "imprint",
    [
        # guards: what reads right must stay so
        "Washington, DC: Harbour Institute, 2021. 45p.",
        "Washington, DC: Harbour Institute, 2021. 45 pages.",
        "Washington, DC: Harbour Institute, 2021. 45 pp.",
    ],
)
def test_english_counts_stay(imprint: str) -> None:
    assert main_fields(imprint_of(imprint)) == _HARBOUR_INSTITUTE_2021


_COUNT_WORDS = [
    "S.",
    "Seiten",
    "págs.",
    "páginas",
    "blz.",
    "s.",
    "sider",
    "sidor",
    "str.",
    "pagine",
]


@given(
    st.sampled_from(_COUNT_WORDS),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["Berlin: Harbour Verlag", "Madrid: Ediciones Harbour", "Harbour Council"]),
    st.sampled_from(["2020", "c2019", "March 2021", "2019-20"]),
    st.sampled_from(["", " ", "."]),
)
def test_a_count_in_another_language_reads_as_the_count_in_p(
    word: str, count: int, body: str, date: str, glue: str
) -> None:
    other = imprint_of(f"{body}, {date}.{glue} {count} {word}")
    english = imprint_of(f"{body}, {date}.{glue} {count}p.")
    assert main_fields(other) == main_fields(english)
    assert other.page_count == count


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("London: Harbour Ministry, 2021. (Analytical Series) 45p.", 45),
        ("London: Harbour Ministry, 2021. 1 v. (various pagings)", None),
        ("London: Harbour Ministry, 2021. PDF, 45p.", 45),
        ("London: Harbour Ministry, 2021. Online.", None),
        ("London: Harbour Ministry, 2021. 45p. $25.00", 45),
        ("London: Harbour Ministry, 2021. 45p. Reprint of 1995 edition.", 45),
        ("London: Harbour Ministry, 2021. 45p. Originally published 1995.", 45),
        ("London: Harbour Ministry, 2021. Vol. 2. 45p.", 45),
        ("London: Harbour Ministry, 2021. 45p. Executive summary: 8p.", 45),
        ("London: Harbour Ministry, 2021. 45p. and 12p.", 45),
        ("London: Harbour Ministry, 2021. 2 v. (45, 60 p.)", None),
        ("London: Harbour Ministry, 2021. ca. 45p.", 45),
        ("London: Harbour Ministry, 2021. approx. 45 pages", 45),
        ("London: Harbour Ministry, 2021. 45 slides.", None),
        ("London: Harbour Ministry, 2021. 12 min. video.", None),
        ("London: Harbour Ministry, 2021. Podcast, 35 min.", None),
        ("London: Harbour Ministry, March 3, 2021. Webinar recording, 58 min.", None),
    ],
)  # fmt: skip
def test_what_the_tail_does_not_know_after_the_year_is_the_note_never_the_publisher(
    imprint: str, count: int | None
) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (["Harbour Ministry"], ["London"], 2021, count)
    assert got.note, got
    assert got.series is None


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2021. 45p. Grant no. 2019-IJ-CX-0001",
        "Washington, DC: Harbour Institute, 2021. 45p. Award no. 2018-R2-CX-0033.",
        "Washington, DC: Harbour Institute, 2021. 45p. NCJ 301234. Grant 2019-IJ-CX-0001.",
    ],
)
def test_a_grant_number_is_a_note_not_a_series_or_report_number(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.series is None
    assert got.report_id in (None, "NCJ 301234")
    assert got.note is not None
    assert "CX" in got.note


@pytest.mark.parametrize(
    ("imprint", "publishers"),
    [
        ("Washington, DC: Harbour Institute, with support from the Coastal Foundation, 2021. 45p.",
         ["Harbour Institute"]),
        ("Washington, DC: Harbour Institute, with funding from Coastal Trust, 2021. 45p.",
         ["Harbour Institute"]),
        ("Washington, DC: Harbour Institute, funded by the Coastal Foundation, 2021. 45p.",
         ["Harbour Institute"]),
        ("Washington, DC: Harbour Institute on behalf of the Coastal Ministry, 2021. 45p.",
         ["Harbour Institute"]),
        ("Washington, DC: Harbour Institute in partnership with Coastal Lab, 2021. 45p.",
         ["Harbour Institute", "Coastal Lab"]),
        ("Washington, DC: Harbour Institute, in collaboration with Coastal Lab, 2021. 45p.",
         ["Harbour Institute", "Coastal Lab"]),
        ("Washington, DC: Harbour Institute; in association with Coastal Lab, 2021. 45p.",
         ["Harbour Institute", "Coastal Lab"]),
        ("Washington, DC: Harbour Institute in cooperation with Coastal Lab, 2021. 45p.",
         ["Harbour Institute", "Coastal Lab"]),
    ],
)  # fmt: skip
def test_a_sponsor_is_no_publisher_and_a_partner_is_one(
    imprint: str, publishers: list[str]
) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (publishers, ["Washington, DC"], 2021, 45)


_AFTER_THE_YEAR = st.lists(
    st.sampled_from(
        ["45p.", "PDF,", "Online.", "$25.00", "(various pagings)", "Vol. 2.", "ca.", "video.",
         "12", "min.", "Grant", "no.", "2019-IJ-CX-0001", "and", "slides.", "Reprint", "of",
         "1995", "edition."]
    ),
    min_size=1,
    max_size=6,
)  # fmt: skip


@given(_AFTER_THE_YEAR)
def test_what_follows_the_year_never_ends_in_the_publisher(words: list[str]) -> None:
    got = imprint_of(f"London: Harbour Ministry, 2021. {' '.join(words)}")
    assert got.places == ["London"]
    assert all("2021" not in name for name in got.publishers), got


@pytest.mark.parametrize(
    ("imprint", "count"),
    [
        ("Köln: Harbour Verlag, 2017. 180 S. : Ill.", 180),
        ("Helsinki: Harbour Institute, 2017. 85 s. (Research Reports 12)", 85),
        ("Wien: Harbour Verlag, 2017. 180 Seiten ; 24 cm", 180),
    ],
)
def test_a_count_in_another_language_before_more_statements(imprint: str, count: int) -> None:
    got = imprint_of(imprint)
    assert (got.year, got.page_count) == (2017, count)
    assert len(got.publishers) == 1
    assert "2017" not in got.publishers[0]


@pytest.mark.parametrize(
    "status", ["Out of print", "Draft", "Free download", "Executive summary", "Web only"]
)
def test_a_status_in_brackets_after_the_count_is_no_series(status: str) -> None:
    got = imprint_of(f"Washington, DC: Harbour Institute, 2021. 45p. ({status})")
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.series is None
    assert got.note == status


def test_a_series_number_after_a_comma_in_brackets_leaves_the_comma() -> None:
    got = imprint_of("Bruxelles: Harbour Éditions, 2021. 95 p. (Collection Crimes et Peines, 12)")
    assert got.series is not None
    assert (got.series.name, got.series.number) == ("Collection Crimes et Peines", "12")


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour Institute | Washington, DC | 2021. 45p.",
        "Washington, DC | Harbour Institute | 2021 | 45p.",
        "2021, Washington, DC: Harbour Institute. 45p.",
        "Washington, DC: Harbour Institute, 2021 (45p.)",
        "Washington, DC: Harbour Institute, 2021 (45 pages).",
        "Washington, DC: HI (Harbour Institute), 2021. 45p.",
    ],
)
def test_separators_brackets_and_orders_of_other_sites(imprint: str) -> None:
    assert main_fields(imprint_of(imprint)) == _HARBOUR_INSTITUTE_2021


def test_a_body_s_acronym_before_its_name_in_brackets() -> None:
    got = imprint_of("Washington, DC: HI (Harbour Institute), 2021. 45p.")
    assert (got.publishers, got.publisher_acronym) == (["Harbour Institute"], "HI")


@pytest.mark.parametrize(
    "imprint",
    [
        "Washington, DC: Harbour Institute, 2021. – 45 p. – (Research Series ; 7)",
        "Washington, DC: Harbour Institute, 2021. 45 p. (Research Series ; 7)",
        "Washington, DC: Harbour Institute, 2021. 45 p. (Research Series; no. 7)",
    ],
)
def test_a_series_as_library_catalogues_print_it(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert got.series is not None
    assert (got.series.name, got.series.number) == ("Research Series", "7")


@pytest.mark.parametrize(
    ("imprint", "series", "report_id"),
    [
        ("Washington, DC: Harbour Institute, 2021. 45p. Harbour Working Paper No. 28123",
         ("Harbour Working Paper", "28123"), None),
        ("Washington, DC: Harbour Institute, 2021. 45p. HI DP No. 14123",
         ("HI DP", "14123"), None),
        ("Washington, DC: Harbour Institute, 2021. 45p. Report 2021:4.", ("Report", "2021:4"),
         None),
        ("Washington, DC: Harbour Institute, 2021. 45p. Working Paper 2021/3.",
         ("Working Paper", "2021/3"), None),
        ("Washington, DC: Harbour Institute, 2021. 45p. A/76/123", None, "A/76/123"),
        ("Washington, DC: Harbour Institute, 2021. 45p. E/CN.15/2021/5", None, "E/CN.15/2021/5"),
        ("Washington, DC: Harbour Institute, 2021. 45p. HI NCJ 300123", None, "NCJ 300123"),
        ("Washington, DC: Harbour Institute, 2021. 45p. COM(2021) 123 final", None,
         "COM(2021) 123 final"),
        ("Washington, DC: Harbour Institute, 2021. 45p. Cm 9876.", None, "Cm 9876"),
        ("Washington, DC: Harbour Institute, 2021. 45p. HC 123.", None, "HC 123"),
        ("Washington, DC: Harbour Institute, 2021. 45p. HC 456-I.", None, "HC 456-I"),
    ],
)  # fmt: skip
def test_a_series_or_report_number_after_the_count_is_kept_with_the_publisher_right(
    imprint: str, series: tuple[str, str] | None, report_id: str | None
) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == _HARBOUR_INSTITUTE_2021
    assert ((got.series.name, got.series.number) if got.series else None) == series
    assert got.report_id == report_id


@pytest.mark.parametrize(
    ("imprint", "places", "count"),
    [
        ("2021, Harbour Institute. 45p.", [], 45),
        ("2021. Harbour Institute. 45p.", [], 45),
        ("2021. Harbour Institute.", [], None),
        ("2021, Harbour Institute, Washington, DC. 45p.", ["Washington, DC"], 45),
    ],
)
def test_the_year_first_before_a_body_without_a_place_before_it(
    imprint: str, places: list[str], count: int | None
) -> None:
    assert main_fields(imprint_of(imprint)) == (["Harbour Institute"], places, 2021, count)


def test_a_year_first_and_another_year_later_is_no_lead_year() -> None:
    got = imprint_of("2019. Harbour Institute, 2021. 45p.")
    assert got.year == 2021
