"""Imprints' places, publishers and years as catalogues print them: a city and its country,
states and their abbreviations, two place and publisher pairs, copyright statements, approximate
years, imprints glued to the abstract."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.imprint import parse_imprint
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()


@pytest.mark.parametrize(
    ("printed", "places"),
    [
        ("Geneva, Switzerland", ["Geneva, Switzerland"]),  # a city and its country: one place
        ("Bogotá, Colombia", ["Bogotá, Colombia"]),
        ("Nairobi, Kenya", ["Nairobi, Kenya"]),
        ("The Hague, Netherlands", ["The Hague, Netherlands"]),
        ("Leiden, Boston", ["Leiden", "Boston"]),  # two cities: two places
        ("New York, London", ["New York", "London"]),
        ("London, Singapore", ["London", "Singapore"]),  # a city-state is a city
    ],
)
def test_a_city_and_its_country_are_one_place(printed: str, places: list[str]) -> None:
    got = parse_imprint(f"{printed}: Harbour Press, 2019. 25p.", LEX.authority, LEX.places)
    assert (got.places, got.publishers) == (places, ["Harbour Press"])


@pytest.mark.parametrize(
    ("imprint", "places", "publishers"),
    [
        ("Published by the Urban Institute, Washington DC, 2020. 12p.", ["Washington DC"],
         ["Urban Institute"]),
        ("Urban Institute (Washington, DC), 2020. 12p.", ["Washington, DC"], ["Urban Institute"]),
        ("[Washington, DC]: Urban Institute, 2020. 12p.", ["Washington, DC"], ["Urban Institute"]),
        ("Online: Urban Institute, 2020. 12p.", [], ["Urban Institute"]),
    ],
)  # fmt: skip
def test_publishers_printed_with_published_by_a_bracketed_place_or_online(
    imprint: str, places: list[str], publishers: list[str]
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count) == (places, publishers, 2020, 12)


@pytest.mark.parametrize(
    ("imprint", "publisher", "year"),
    [("Brussels: Northland Press, 2022. GAO-22-108.", "Northland Press", 2022),
     ("London. Northland Law Society, 2005. 48p. ISBN 978-1-65755-469-1",
      "Northland Law Society", 2005),
     ("Canberra: Northland Press, 1975. RR-100-OSD. (Routledge Studies in Crime and Society)",
      "Northland Press", 1975),
     ("(Northland Press, 1996. 392p)", "Northland Press", 1996)],
)  # fmt: skip
def test_an_imprint_glued_to_the_abstract_is_found_whatever_number_ends_it(
    imprint: str, publisher: str, year: int
) -> None:
    page = (
        f"{PAGE_HEAD}Harm Surveillance in Context\n\nBy Ann Lee\n\n"
        f"An abstract about harm. Survivors described the process as slow.{imprint}\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.abstract.endswith("as slow.")
    assert (list(got.publishers), got.year) == ([publisher], year)


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "note"),
    [
        ("LONDON: PRISON REFORM TRUST, 2022. 60P.", ["London"], ["Prison Reform Trust"], None),
        ("WASHINGTON, DC: URBAN INSTITUTE, 2022. 60P.", ["Washington, DC"], ["Urban Institute"],
         None),
        ("New York: Routledge, 2022. 2nd ed. 60p.", ["New York"], ["Routledge"], "2nd ed."),
    ],
)  # fmt: skip
def test_imprints_in_capitals_and_with_an_edition_after_the_year(
    imprint: str, places: list[str], publishers: list[str], note: str | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year, got.page_count, got.note) == (
        places,
        publishers,
        2022,
        60,
        note,
    )


def test_two_place_and_publisher_pairs() -> None:
    got = parse_imprint(
        "London: Routledge; New York: Taylor & Francis, 2019. 300p.", LEX.authority, LEX.places
    )
    assert (got.places, got.publishers) == (
        ["London", "New York"],
        ["Routledge", "Taylor & Francis"],
    )


@pytest.mark.parametrize(
    ("imprint", "publishers", "journal"),
    [
        ("Published by Harbour Press, London, 2019. 25p.", ["Harbour Press"], None),
        ("Publisher: Harbour Press, 2019. 25p.", ["Harbour Press"], None),
        ("Published by: Harbour Press, 2019. 25p.", ["Harbour Press"], None),
        ("Published in Security Journal, 2019. 25p.", [], "Security Journal"),
    ],
)
def test_an_imprint_that_says_it_names_its_publisher(
    imprint: str, publishers: list[str], journal: str | None
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.publishers, got.year, got.page_count) == (publishers, 2019, 25)
    assert (got.journal.name if got.journal else None) == journal


@pytest.mark.parametrize(
    ("imprint", "places"),
    [
        ("Santa Monica, Calif.: RAND Corporation, 2020. 120p.", ["Santa Monica, Calif."]),
        ("Melbourne, Vic.: RAND Corporation, 2020. 120p.", ["Melbourne, Vic."]),
        ("Oxford; Portland, Oregon: RAND Corporation, 2020. 120p.", ["Oxford", "Portland, Oregon"]),
        ("London and New York: RAND Corporation, 2020. 120p.", ["London", "New York"]),
        ("Berlin & Boston: RAND Corporation, 2020. 120p.", ["Berlin", "Boston"]),
    ],
)  # fmt: skip
def test_places_with_state_names_and_abbreviations_and_joined_by_and(
    imprint: str, places: list[str]
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.year) == (places, ["RAND Corporation"], 2020)


@pytest.mark.parametrize(
    ("imprint", "year", "year_as_printed"),
    [
        ("(Canberra: Harbour Press, 1975-1976)", 1975, "1975-1976"),
        ("(Published by Harbour Press, Canberra, Forthcoming. - 5p,)", None, "Forthcoming"),
        ("(Harbour Press. 2011. pp. 176 ISBN 978-1-12094-658-1)", 2011, "2011"),
    ],
)
def test_an_imprint_in_brackets_glued_to_the_abstract_ends_its_record(
    imprint: str, year: int | None, year_as_printed: str
) -> None:
    # Found by the line-per-role property: a year range ends no citation without a stop, but a
    # closing bracket ends it as a stop does.
    page = (
        f"{PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        f"An abstract about violence. This publication examines the question in detail.{imprint}"
        "\n\nEvidence Risk in Context: A Review\n\n"
        "An abstract about risk. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.year, first.year_as_printed) == (
        ("Harbour Press",),
        year,
        year_as_printed,
    )
    assert second.title == "Evidence Risk in Context: A Review"


@pytest.mark.parametrize(
    ("printed", "publisher"),
    [
        ("Thousand Oaks, CA: SAGE Publications, Inc., 2018. 400p.", "SAGE Publications, Inc."),
        ("Berkeley: University of California Press, Ltd., 2020. 300p.",
         "University of California Press, Ltd."),
        ("New York: Basic Books, Inc. 2018. 300p.", "Basic Books, Inc."),
        ("Sydney: Federation Press Pty. Ltd., 2019. 200p.", "Federation Press Pty. Ltd."),
        ("New York: Harper & Bros., 1925. 120p.", "Harper & Bros."),
    ],
)  # fmt: skip
def test_a_company_abbreviation_keeps_its_stop_before_the_year(
    printed: str, publisher: str
) -> None:
    # As printed before a year without a comma (`University of California Press, Ltd. 1985.`).
    got = parse_imprint(printed, LEX.authority, LEX.places)
    assert (got.publisher_as_printed, got.year) == (publisher, int(printed.split()[-2][:4]))


@pytest.mark.parametrize(
    ("end", "year", "year_as_printed"),
    [("ca. 2020. 30p.", 2020, "2020"), ("circa 2020. 30p.", 2020, "2020"),
     ("c. 2020. 30p.", 2020, "2020"), ("[ca. 2020]. 30p.", 2020, "2020"),
     ("[n.d.]. 30p.", None, "n.d"), ("n.d. 30p.", None, "n.d"), ("[s.d.]. 30p.", None, "s.d")],
)  # fmt: skip
def test_an_approximate_year_or_none_printed_as_catalogues_do(
    end: str, year: int | None, year_as_printed: str | None
) -> None:
    got = parse_imprint(f"London: Home Office, {end}", LEX.authority, LEX.places)
    assert (got.places, got.publishers, got.page_count) == (["London"], ["Home Office"], 30)
    assert (got.year, got.year_as_printed) == (year, year_as_printed)


@pytest.mark.parametrize(
    ("imprint", "places", "publishers", "year", "pages"),
    [
        # a country in brackets after a publisher that has its place before a colon
        ("Canberra: Department of the Prime Minister and Cabinet (Australia), 2024. 97p.",
         ["Canberra"], ["Department of the Prime Minister and Cabinet"], 2024, 97),
        ("Oxford: Harbour Press (UK), 2020. 30p.", ["Oxford"], ["Harbour Press"], 2020, 30),
        # a stray bracket after the last publisher
        ("Leeds: The Centre for Justice and the Centre for Care), 2025. 39p.", ["Leeds"],
         ["Centre for Justice", "Centre for Care"], 2025, 39),
        # a government's body and its units, each after a full stop, no place (in capitals,
        # read as names in capitals are)
        ("UNITED STATES. DRUG ENFORCEMENT ADMINISTRATION. 2024. 117p.", [],
         ["United States. Drug Enforcement Administration"], 2024, 117),
        ("Canada. Department Of Justice. Office Of Community Policing Services . 2024. 62p.",
         [], ["Canada. Department Of Justice. Office Of Community Policing Services"], 2024, 62),
        ("LIBRARY OF CONGRESS. CONGRESSIONAL RESEARCH SERVICE. 26 JUL, 2024.. 3p.", [],
         ["Library of Congress. Congressional Research Service"], 2024, 3),
        # but a country and a body that is no part of a government are a place and a publisher
        ("Switzerland. Small Arms Survey. 2020. 30p.", ["Switzerland"], ["Small Arms Survey"],
         2020, 30),
        # the place after the year in brackets and the count in words; no journal
        ("NY. Routledge (2016) 425 pages.", ["New York"], ["Routledge"], 2016, 425),
        # the publisher first, a stop spaced from it, then the place
        ("CHARLES C. THOMAS . Springfield, Illinois. 1967. 530p.", ["Springfield, Illinois"],
         ["Charles C. Thomas"], 1967, 530),
        # three cities before the colon
        ("New York, Berlin, London : Counter-Extremism Project, 2024. 7p.",
         ["New York", "Berlin", "London"], ["Counter-Extremism Project"], 2024, 7),
        # a body, then the body it belongs to, after a comma (one publisher, `and` inside)
        ("Geneva: Small Arms Survey, Graduate Institute of International and Development "
         "Studies, 2017. 12p.", ["Geneva"],
         ["Small Arms Survey, Graduate Institute of International and Development Studies"],
         2017, 12),
        # a council and its subcommittee, in capitals, each after a stop
        ("HOMELAND SECURITY ADVISORY COUNCIL. ONLINE CHILD SAFETY SUBCOMMITTEE. 2024. 23p.", [],
         ["Homeland Security Advisory Council. Online Child Safety Subcommittee"], 2024, 23),
        # a series glued after the page count; a bracket typed inside the count
        ("Birmingham, UK: University of Birmingham, 2023. 44p.SOC Evidence Review Paper 4.",
         ["Birmingham, UK"], ["University of Birmingham"], 2023, 44),
        ("Geneva: Small Arms Survey, 2019. 100[p.", ["Geneva"], ["Small Arms Survey"], 2019, 100),
        # a city and its state's abbreviation without a comma, then the publisher after a stop
        ("Cambridge Mass. National Bureau Of Economic Research. 2022. 36p.", ["Cambridge Mass"],
         ["National Bureau Of Economic Research"], 2022, 36),
        # two place-and-publisher pairs joined by a comma
        ("Brussels: Flemish Peace Institute, Geneva: Small Arms Survey, 2023. 18p.",
         ["Brussels", "Geneva"], ["Flemish Peace Institute", "Small Arms Survey"], 2023, 18),
        # an edition statement where the publisher goes
        ("4th Edition: 2021-01-31 30p.", [], [], 2021, 30),
        ("Revised edition, 2020. 12p.", [], [], 2020, 12),
        # a body and the part of the world it works in, after a dash
        ("Urban Safety Network - Africa, 2019. 44p.", [], ["Urban Safety Network - Africa"],
         2019, 44),
        # a stop between the count and its `p`; no space after the colons of a city and country
        ("Ibadan:Nigeria: IFRA-Nigeria. 2017, 18.p.", ["Ibadan, Nigeria"], ["IFRA-Nigeria"], 2017,
         18),
        # three bodies listed with commas and `and`
        ("Geneva: International Labour Organization (ILO), Walk Free, and International "
         "Organization for Migration, 2022. 144p.", ["Geneva"],
         ["International Labour Organization", "Walk Free",
          "International Organization for Migration"], 2022, 144),
        # an academic publisher and the city it prints after its name
        ("Springer Cham, 2023. 208p.", ["Cham"], ["Springer"], 2023, 208),
        ("Palgrave Macmillan Cham, 2023. 208p.", ["Cham"], ["Palgrave Macmillan"], 2023, 208),
        ("Springer Singapore, 2021. 150p.", ["Singapore"], ["Springer"], 2021, 150),
    ],
)  # fmt: skip
def test_imprints_of_the_sites_own_pages(
    imprint: str, places: list[str], publishers: list[str], year: int, pages: int
) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, got.publishers, got.year, got.page_count, got.journal) == (
        places,
        publishers,
        year,
        pages,
        None,
    )


@pytest.mark.parametrize(
    "imprint", ["NY. Harbour Crime Commission. 2019. 30p.", "New York. Bantam House. 2019. 30p."]
)
def test_a_state_before_a_body_after_a_stop_is_its_place(imprint: str) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, len(got.publishers)) == (["New York"], 1)


@pytest.mark.parametrize(
    "imprint",
    [
        "Copyright © 1966, 1966 by Robert C. Olby. Harbour Books. 1967. 209p.",
        "© 1966 by Robert Olby. Harbour Books. 1967. 209p.",
        "Copyright 1966 by R. C. Olby. Harbour Books. 1967. 209p.",
    ],
)
def test_a_copyright_statement_before_the_imprint_is_no_publisher(imprint: str) -> None:
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, got.publishers, got.year, got.page_count) == (
        [],
        ["Harbour Books"],
        1967,
        209,
    )


def test_a_centre_then_its_department_after_a_comma_is_one_publisher() -> None:
    imprint = "Ottawa: Harbour Firearms Centre, Department of Justice Canada, 1998. 108p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, got.publishers) == (
        ["Ottawa"],
        ["Harbour Firearms Centre, Department of Justice Canada"],
    )
