"""Forms the ninth session's reading rounds left unread, as a listing prints them: one body's
name joining two topics with `and`, a review named for what it reviews, a city printed with
`City` after its name, a town after the publisher's stop, a body's name or an author's before
the record's title repeated in the imprint. Every name is made up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.byline import parse_byline
from kg.records import Record
from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, imprint_of, main_fields, report_read


def _kinds(byline: str) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in parse_byline(byline, LEX.authority)]


@pytest.mark.parametrize(
    "byline",
    [
        "By Eastmoor Crime and Justice Statistics Agency",
        "By Northland Crime and Misconduct Commission",
        "By Harbour Police and Crime Commissioner",
        "By Westvale Drugs and Alcohol Research Unit",
        "By Eastmoor Custody Review",
        "By Northland Prison Review",
        "By Harbour Bail Review",
    ],
)
def test_a_bodys_name_joining_two_topics_or_naming_what_it_reviews_is_one_body(
    byline: str,
) -> None:
    assert _kinds(byline) == [(byline.removeprefix("By "), "organization")]


_PLACES = ["Eastmoor", "Northland", "Harbour", "Westvale", "Kestrel Bay", "Southern"]
# topics that are no body's word (`Justice` is one: `Eastmoor Justice` may be a body's name)
_TOPICS = ["Crime", "Misconduct", "Custody", "Drugs", "Prevention", "Sentencing", "Alcohol"]
# head words that are no unit's (`… Commission and Crime Unit`: a body and its unit)
_HEADS = ["Commission", "Agency", "Council", "Institute", "Board", "Commissioner"]


@given(
    place=st.sampled_from(_PLACES),
    first=st.sampled_from(_TOPICS),
    topics=st.lists(st.sampled_from([*_TOPICS, "Justice"]), min_size=1, max_size=2),
    head=st.sampled_from([*_HEADS, "Unit"]),
    other=st.sampled_from([*_PLACES, "Tessa Imrie", "Take Back"]),
    heads=st.lists(st.sampled_from(_HEADS), min_size=2, max_size=2),
)
def test_and_joins_two_topics_of_one_body_never_two_bodies_each_named(
    place: str, first: str, topics: list[str], head: str, other: str, heads: list[str]
) -> None:
    one = f"{place} {first} and {' '.join(topics)} {head}"
    assert _kinds(f"By {one}") == [(one, "organization")]
    # the right side named by a place or a person's name, or the left by a body's head word
    two = [f"{place} {first}", f"{other} {' '.join(topics)} {head}"]
    assert [n for n, _k in _kinds(f"By {two[0]} and {two[1]}")] == two
    two = [f"{place} {first} {heads[0]}", f"{' '.join(topics)} {heads[1]}"]
    assert [n for n, _k in _kinds(f"By {two[0]} and {two[1]}")] == two


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # each side stands alone: a body's head word on the left, a name before the right's
        ("By Take Back Safety and Southern Institute", ["Take Back Safety", "Southern Institute"]),
        ("By Harbour Institute and Crime Statistics Agency",
         ["Harbour Institute", "Crime Statistics Agency"]),
        ("By Northland Ministry of Justice and Youth Justice Board",
         ["Northland Ministry of Justice", "Youth Justice Board"]),
        ("By Eastmoor Crime and Harbour Institute", ["Eastmoor Crime", "Harbour Institute"]),
        ("By Ann Lee and Justice Research Unit", ["Ann Lee", "Justice Research Unit"]),
    ],
)  # fmt: skip
def test_two_bodies_joined_by_and_stay_two(byline: str, names: list[str]) -> None:
    assert [n for n, _kind in _kinds(byline)] == names


@pytest.mark.parametrize(
    "byline", ["By Ann Review", "By Tomas Review and Ann Lee", "By Ruth Custody"]
)
def test_a_person_named_like_a_review_stays_a_person(byline: str) -> None:
    assert {kind for _n, kind in _kinds(byline)} == {"person"}


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Lyon: Westvale Institute; Quebec City: Northland Books, 2019.",
         (["Westvale Institute", "Northland Books"], ["Lyon", "Quebec City"], 2019, None)),
        ("Ottawa: Harbour Press / Quebec City: Northland Books, 2020.",
         (["Harbour Press", "Northland Books"], ["Ottawa", "Quebec City"], 2020, None)),
        ("Harbour Press. Quebec City, 2020. 40p.", (["Harbour Press"], ["Quebec City"], 2020, 40)),
        ("Harbour Press. Kuwait City, 2018.", (["Harbour Press"], ["Kuwait City"], 2018, None)),
    ],
)  # fmt: skip
def test_a_world_city_printed_with_city_after_its_name_is_a_place(
    imprint: str, read: tuple[list[str], list[str], int | None, int | None]
) -> None:
    assert main_fields(imprint_of(imprint)) == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Harbour State Department of Corrections, Office of Research. Harbour City, 2020.",
         (["Harbour State Department of Corrections, Office of Research"], ["Harbour City"])),
        ("Harbour Press. Port Kestrel, 2021.", (["Harbour Press"], ["Port Kestrel"])),
        ("Harbour Press. Glen Ora, 2021. 30p.", (["Harbour Press"], ["Glen Ora"])),
        ("Northland Sentencing Council. Kestrel Bay, 2019.",
         (["Northland Sentencing Council"], ["Kestrel Bay"])),
        ("Harbour Institute. Eastmoor Heights, 2022.",
         (["Harbour Institute"], ["Eastmoor Heights"])),
    ],
)  # fmt: skip
def test_a_town_named_as_a_town_after_the_publishers_stop_is_the_place(
    imprint: str, read: tuple[list[str], list[str]]
) -> None:
    assert main_fields(imprint_of(imprint))[:2] == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Harbour Institute. Northland Books, 2021.",
         (["Harbour Institute", "Northland Books"], [])),
        ("Harbour Institute. Lowe Bayliss, 2021.", (["Harbour Institute", "Lowe Bayliss"], [])),
        ("London. Longmans Green. 1906. 152p.", (["Longmans Green"], ["London"])),
        ("Harbour Press. Eastmoor, 2021.", (["Harbour Press"], ["Eastmoor"])),
        ("Port Kestrel, 2021.", (["Port Kestrel"], [])),
    ],
)  # fmt: skip
def test_a_second_name_after_the_publishers_stop_reads_as_before(
    imprint: str, read: tuple[list[str], list[str]]
) -> None:
    assert main_fields(imprint_of(imprint))[:2] == read


def _one(title: str, imprint: str) -> Record:
    """The one record of a page printing `title`, a byline, an abstract and `imprint`."""
    page = (
        f"{PAGE_HEAD}{title}\n\nBy Tessa Imrie\n\nA study of bail in island courts. It draws on"
        f" court files from ten years.\n\n{imprint}\n"
    )
    (got,) = parse_page_text(page, LEX)
    return got


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("Harbour Institute. Bail in the Islands. London: Harbour Institute, 2020.",
         (("Harbour Institute",), ("London",), 2020)),
        ("Northland Sentencing Council. Bail in the Islands. Wellington: Harbour Press, 2019. 30p.",
         (("Harbour Press",), ("Wellington",), 2019)),
        # the body is the only publisher named: it stays the publisher
        ("Harbour Institute. Bail in the Islands. Wellington, 2020.",
         (("Harbour Institute",), ("Wellington",), 2020)),
        # an MLA book: the author inverted, the title unquoted, the year after the publisher
        ("Imrie, Tessa. Bail in the Islands. Harbour Press, 2019.", (("Harbour Press",), (), 2019)),
        ("Imrie, Tessa, and Ruth Lowe. Bail in the Islands. London: Harbour Press, 2019.",
         (("Harbour Press",), ("London",), 2019)),
        ("Imrie, Tessa. Bail in the Islands. Harbour Press.", (("Harbour Press",), (), None)),
    ],
)  # fmt: skip
def test_a_body_or_an_author_before_the_records_title_is_no_part_of_the_imprint(
    imprint: str, read: tuple[tuple[str, ...], tuple[str, ...], int | None]
) -> None:
    got = _one("Bail in the Islands", imprint)
    assert (got.publishers, got.places, got.year) == read


def test_a_bodys_name_before_a_title_and_a_date_stays_its_publisher() -> None:
    # what follows the title is a date and a count: the body is the only publisher named
    got = _one("Annual Report 2021", "Harbour Commission. Annual Report 2021. 2022. 40p.")
    assert (got.publishers[:1], got.year) == (("Harbour Commission",), 2022)


def test_a_place_and_its_region_before_the_title_stays_the_place() -> None:
    got = _one("Bail in the Islands", "Wellington, NZ. Bail in the Islands. Harbour Press, 2019.")
    assert (got.places, got.year) == (("Wellington, NZ",), 2019)


# --- risks the ninth session took, tightened where a made-up case showed harm


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        # a name that is a world city only without its accents (GeoNames' `García`), then a place
        ("Garcia, Lisbon, 2019.", (["Garcia"], ["Lisbon"])),
        ("Fatima, Porto, 2020.", (["Fatima"], ["Porto"])),
        # guards: such a city before a publisher, after a colon, or paired, stays a place
        ("Montreal, Harbour Press, 2020.", (["Harbour Press"], ["Montreal"])),
        ("Montreal: Harbour Press, 2020.", (["Harbour Press"], ["Montreal"])),
        ("Ottawa: Harbour Press / Montreal: Northland Books, 2020.",
         (["Harbour Press", "Northland Books"], ["Ottawa", "Montreal"])),
        ("Westmark, Lisbon, 2019.", (["Westmark"], ["Lisbon"])),
    ],
)  # fmt: skip
def test_a_name_spelled_like_a_city_without_its_accents_before_a_place_is_the_publisher(
    imprint: str, read: tuple[list[str], list[str]]
) -> None:
    assert main_fields(imprint_of(imprint))[:2] == read


@pytest.mark.parametrize(
    ("imprint", "read"),
    [
        ("No. 251. Canberra: Harbour Institute, 2019.",
         (["Harbour Institute"], ["Canberra"], 2019, None, "251")),
        ("No. 2021-05. Harbour Institute, 2021. 12p.",
         (["Harbour Institute"], [], 2021, 12, "2021-05")),
        ("No. 19-1392 (Harbour Supreme Court, 2022).",
         (["Harbour Supreme Court"], [], 2022, None, "19-1392")),
        # read so before: a docket's number first, then the body
        ("No. 21-05. Harbour Institute, 2021. 12p.",
         (["Harbour Institute"], [], 2021, 12, "21-05")),
    ],
)  # fmt: skip
def test_a_bare_number_first_in_the_imprint_is_the_report_number(
    imprint: str, read: tuple[list[str], list[str], int | None, int | None, str | None]
) -> None:
    assert report_read(imprint) == read


@pytest.mark.parametrize(
    ("imprint", "series"),
    [("Research Report No. 12. Canberra: Harbour Institute, 2019.", ("Research Report", "12")),
     ("Harbour Institute, No. 251, 2019.", ("Harbour Institute", "251"))],
)  # fmt: skip
def test_a_number_after_a_series_name_stays_the_series(
    imprint: str, series: tuple[str, str]
) -> None:
    got = imprint_of(imprint).series
    assert got is not None and (got.name, got.number) == series
