"""Shapes of bylines and imprints that the real pages kept here do not show but catalogues
print: bodies named in other languages, degrees after names, editors named after the names, a
city and its country, year ranges, volumes and ISBNs at an imprint's end."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import Lexicon, read_source
from kg.ingest.byline import parse_byline
from kg.ingest.imprint import parse_imprint
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()
_PAGE_HEAD = PAGE_HEAD


def _read_with(byline: str) -> Record:
    """The one record of a page whose record prints `byline`."""
    return record_with_byline(byline, LEX)


@pytest.mark.parametrize(
    "body",
    [
        "Instituto de Pesquisa Econômica Aplicada",
        "Fundación Paz y Reconciliación",
        "Ministerio de Justicia y Derechos Humanos",
        "Banco Interamericano de Desarrollo",
        "Observatório de Segurança Pública",
        "Fondation pour la Recherche Stratégique",
        "Universidad de los Andes",
        "Consejo Nacional de Política Criminal",
        "Bundeskriminalamt",
        "Universiteit Leiden",
        "Pew Charitable Trusts",
        "Prisoners Advice Clinic",
        "Koestler Charity",
        "Northland Consulting",
        "Harbour Associates",
    ],
)
def test_bodies_named_in_other_languages_or_with_rarer_words_are_organisations(body: str) -> None:
    got = parse_byline(f"By {body}", LEX.authority)
    assert [(c.name, c.kind) for c in got] == [(body, "organization")]


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Roe, Ph.D.; John Doe, M.A.; and Ann Lee, J.D.",
        "By Jane Roe, MBA, John Doe, Ed.D., and Ann Lee, Esq.",
        "By Jane Roe, M.S., John Doe, Psy.D. and Ann Lee, B.A.",
        "By Jane Roe, QC, John Doe, OBE, and Ann Lee",
        "By Jane Roe, MA, John Doe, M.P.H. and Ann Lee, BSc",
        "By Jane Roe, MS, John Doe, J.D., M.P.H., and Ann Lee, LL.M.",
    ],
)
def test_degrees_after_names_are_no_names(byline: str) -> None:
    got = parse_byline(byline, LEX.authority)
    assert [(c.name, c.kind) for c in got] == [
        (name, "person") for name in ("Jane Roe", "John Doe", "Ann Lee")
    ]


@pytest.mark.parametrize(
    ("byline", "contributors"),
    [
        ("Authors: Jane Roe and John Doe", [("Jane Roe", None), ("John Doe", None)]),
        ("Author: Jane Roe", [("Jane Roe", None)]),
        ("AUTHORS: JANE ROE; JOHN DOE", [("Jane Roe", None), ("John Doe", None)]),
        ("Editors: Jane Roe, John Doe", [("Jane Roe", "editor"), ("John Doe", "editor")]),
        ("Editor: Jane Roe", [("Jane Roe", "editor")]),
        ("Authors:\nJane Roe and John Doe", [("Jane Roe", None), ("John Doe", None)]),
        ("Editors:\n\nJane Roe, John Doe", [("Jane Roe", "editor"), ("John Doe", "editor")]),
    ],
)
def test_a_byline_labelled_authors_or_editors(
    byline: str, contributors: list[tuple[str, str | None]]
) -> None:
    # A label and a colon instead of `By`, on the names' line or alone above them.
    page = (
        f"{_PAGE_HEAD}Guns in America\n\n{byline}\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        "Santa Barbara, CA: ABC-CLIO, 2012. 400p.\n\n"
        "Editors: The Unsung Makers of Books\n\nBy Ann Lee\n\n"
        "An abstract about editors. This publication examines the question in detail.\n\n"
        "London: Home Office, 2019. 30p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert [(c.name, c.role) for c in first.contributors] == contributors
    assert first.abstract is not None and first.abstract.startswith("An abstract about guns.")
    assert (second.title, [c.name for c in second.contributors]) == (
        "Editors: The Unsung Makers of Books",
        ["Ann Lee"],
    )


@pytest.mark.parametrize(
    ("byline", "editors"),
    [
        ("Jane Roe, Editor", ["Jane Roe"]),
        ("Jane Roe, editor", ["Jane Roe"]),
        ("Jane Roe, ed.", ["Jane Roe"]),
        ("Jane Roe (Ed.)", ["Jane Roe"]),
        ("Jane Roe and John Doe, Editors", ["Jane Roe", "John Doe"]),
        ("Jane Roe and John Doe, eds.", ["Jane Roe", "John Doe"]),
    ],
)
def test_a_byline_without_by_that_ends_with_its_role_names_the_editors(
    byline: str, editors: list[str]
) -> None:
    page = (
        f"{_PAGE_HEAD}Guns in America\n\n{byline}\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        "Santa Barbara, CA: ABC-CLIO, 2012. 400p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert [(c.name, c.role) for c in got.contributors] == [(e, "editor") for e in editors]
    assert "Santa" not in got.abstract and byline not in got.abstract


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
    ("citation", "name", "volume", "issue", "pages", "year"),
    [
        # SAGE: the year before the volume, the pages after the issue's bracket
        ("Crime & Delinquency 2019, Vol. 65(3) 345–370", "Crime & Delinquency", "65", "3",
         "345–370", 2019),
        # a season and year, then the pages
        ("Juvenile and Family Court Journal, Spring 2019, pp. 5-22.",
         "Juvenile and Family Court Journal", None, None, "5-22", 2019),
        # Taylor & Francis: year, volume:issue, pages, DOI
        ("Global Crime, 2022, 23:4, 345-367, DOI: 10.1080/17440572.2022.2123456", "Global Crime",
         "23", "4", "345-367", 2022),
        # the year after the name, then volume(issue): pages, as many reference lists print it
        ("Journal of Crime and Justice, 2019, 42(3): 301-320", "Journal of Crime and Justice",
         "42", "3", "301-320", 2019),
        ("Journal of Crime and Justice, 2020, 15(2), 123-145", "Journal of Crime and Justice",
         "15", "2", "123-145", 2020),
        ("Annual Review of Criminology, 2023. 6:1-22", "Annual Review of Criminology", "6", None,
         "1-22", 2023),
        # an electronic article number for pages (PLOS), volume and article number (BMC)
        ("PLoS ONE 15(12): e0243823 (2020)", "PLoS ONE", "15", "12", "e0243823", 2020),
        ("Crime Science 9, 14 (2020). https://doi.org/10.1186/s40163-020-00124-1",
         "Crime Science", "9", None, "14", 2020),
        # Taylor & Francis without the year: volume:issue, pages
        ("Justice Quarterly, 38:5, 812-835, DOI: 10.1080/07418825.2019.1700298",
         "Justice Quarterly", "38", "5", "812-835", None),
        # the year between volume and pages; pages marked online
        # SAGE's pages of an article published online first
        ("Journal of Interpersonal Violence, 37(5-6), NP3045-NP3070",
         "Journal of Interpersonal Violence", "37", "5-6", "NP3045-NP3070", None),
        ("Youth Justice, 21(2), 2021, 179-198.", "Youth Justice", "21", "2", "179-198", 2021),
        ("Probation Journal 68(2) 2021, pp.150–168", "Probation Journal", "68", "2", "150–168",
         2021),
        ("Journal of Criminology, 2023, 56(1)", "Journal of Criminology", "56", "1", None, 2023),
        ("Journal of Policy Analysis and Management, Vol. 41, No. 1, 9–37 (2022)",
         "Journal of Policy Analysis and Management", "41", "1", "9–37", 2022),
        ("Victims & Offenders, 2023, Online ahead of print", "Victims & Offenders", None, None,
         None, 2023),
        # `pp.` after the issue, with or without the year after the pages
        ("Journal of Illicit Markets and Development, 5(3): pp. 1–17",
         "Journal of Illicit Markets and Development", "5", "3", "1–17", None),
        ("International Journal for Crime, Justice and Democracy, 9(1), pp. 139-149. 2020",
         "International Journal for Crime, Justice and Democracy", "9", "1", "139-149", 2020),
        # year, volume, pages, each after a comma (Oxford)
        ("Human Rights Law Review, 2023, 23, 1–25", "Human Rights Law Review", "23", None,
         "1–25", 2023),
        # `v.` for the volume, a page count in `pg`
        ("Annual Review of Criminology, v. 6. 2023, 24pg", "Annual Review of Criminology", "6",
         None, None, 2023),
        # an article number after the year; pages after the month of the issue
        ("Journal of Retailing and Consumer Services, Vol.70, 2023. 103145",
         "Journal of Retailing and Consumer Services", "70", None, "103145", 2023),
        ("CRIMINAL JUSTICE AND BEHAVIOR, 2022, Vol. 49, No. 7, July 2022, 951–970.",
         "CRIMINAL JUSTICE AND BEHAVIOR", "49", "7", "951–970", 2022),
        # an abbreviated name, the year, then volume:pages (Annual Reviews)
        ("Annu. Rev. Criminol. 2022. 5:299–320", "Annu. Rev. Criminol", "5", None, "299–320",
         2022),
    ],
)  # fmt: skip
def test_journal_citations_of_other_publishers(
    citation: str,
    name: str,
    volume: str | None,
    issue: str | None,
    pages: str | None,
    year: int | None,
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        name,
        volume,
        issue,
        pages,
    )
    assert (got.year, got.places, got.publishers) == (year, [], [])


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Roe and Others", ["Jane Roe"]),  # as `et al.`
        ("By Jane Roe, John Doe and others", ["Jane Roe", "John Doe"]),
        ("Jane Roe (Author), John Doe (Contributor)", ["Jane Roe", "John Doe"]),
        # the body a report was prepared for is its sponsor, not an author
        ("Prepared by Jane Roe and John Doe for the National Institute of Justice",
         ["Jane Roe", "John Doe"]),
        ("By Jane Roe for the Harbour Research Council", ["Jane Roe"]),
        ("By the Council for Criminal Justice", ["Council for Criminal Justice"]),
    ],
)  # fmt: skip
def test_bylines_with_others_bracketed_roles_and_sponsors(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


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
    ("byline", "names"),
    [
        ("By Jane Roe and John Doe, with Ann Lee", [("Jane Roe", None), ("John Doe", None),
                                                    ("Ann Lee", None)]),
        ("By Jane Roe, Ann Lee, & John Doe", [("Jane Roe", None), ("Ann Lee", None),
                                              ("John Doe", None)]),
        ("By Jane Roe; with a foreword by John Doe", [("Jane Roe", None),
                                                      ("John Doe", "foreword")]),
        ("Written by Jane Roe; Illustrated by John Doe", [("Jane Roe", None),
                                                          ("John Doe", "illustrator")]),
        # Vancouver style: family name, then initials
        ("By Roe J, Doe KA, Poe L", [("J. Roe", None), ("K. A. Doe", None), ("L. Poe", None)]),
        ("By Roe J., Doe K.A., Poe L.", [("J. Roe", None), ("K. A. Doe", None), ("L. Poe", None)]),
        ("By Jane ROE, John DOE", [("Jane Roe", None), ("John Doe", None)]),
    ],
)  # fmt: skip
def test_bylines_with_a_last_name_after_a_comma_a_later_role_or_initials_after_names(
    byline: str, names: list[tuple[str, str | None]]
) -> None:
    got = parse_byline(byline, LEX.authority)
    assert [(c.name, c.role) for c in got] == names
    assert {c.kind for c in got} == {"person"}


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


# Combinations of the shapes above that the generator's independent draws found (each failed
# before the reader learned it).
@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Li García, J.D.; Maria Brown", ["Li García", "Maria Brown"]),  # degrees, no `By`
        ("Jane Doe & Tomás A. Silva et al.", ["Jane Doe", "Tomás A. Silva"]),
        ("Ann Lee, PhD with Bo Chan and others", ["Ann Lee", "Bo Chan"]),
        ("ROE L, SILVA T, TANAKA A", ["L. Roe", "T. Silva", "A. Tanaka"]),
        ("By AMIR B. TANAKA, MPH; DAVID J. BERG, J.D.", ["Amir B. Tanaka", "David J. Berg"]),
    ],
)
def test_bylines_combining_degrees_others_capitals_and_no_by(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


def test_a_byline_of_others_and_its_role_keeps_its_record_apart_from_the_one_before() -> None:
    page = (
        f"{_PAGE_HEAD}Drugs Offenders in Context\n\nBy Lucía Doe | Anna Brown\n\n"
        "An abstract about drugs. This publication examines the question in detail.\n\n"
        "Research Report no. 201.\n\nLakeside Justice Institute, 2012. 395 p.\n\n"
        "Drugs Courts Reform in Context 2060\n\nJohn Novak and others (Ed.)\n\n"
        "An abstract about courts. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (list(first.publishers), first.year, first.page_count) == (
        ["Lakeside Justice Institute"],
        2012,
        395,
    )
    assert second.title == "Drugs Courts Reform in Context 2060"
    assert [(c.name, c.role) for c in second.contributors] == [("John Novak", "editor")]


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
        f"{_PAGE_HEAD}Harm Surveillance in Context\n\nBy Ann Lee\n\n"
        f"An abstract about harm. Survivors described the process as slow.{imprint}\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.abstract.endswith("as slow.")
    assert (list(got.publishers), got.year) == ([publisher], year)


@pytest.mark.parametrize(
    "imprint",
    ["Riverside Books, London, c1980.", "Harbour Policy Centre. 1982-1983.",
     "New York: Harbour Crime Commission 1989-1990.", "Bantam House, 2022-2023.",
     "Bantam House Forthcoming.", "NY. Harbour Press, Forthcoming."],
)  # fmt: skip
def test_an_imprint_without_a_page_count_ends_its_record_before_one_without_a_byline(
    imprint: str,
) -> None:
    page = (
        f"{_PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        f"{imprint}\n\nEvidence Risk in Context: A Review\n\n"
        "An abstract about risk. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.publishers and first.abstract.endswith("detail.")
    assert second.title == "Evidence Risk in Context: A Review"


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


def test_affiliations_after_each_name_of_a_semicolon_list_are_no_authors() -> None:
    got = parse_byline("By Bo Chan, Urban Institute; Cy Diaz, RAND Corporation", LEX.authority)
    assert [(c.name, c.kind) for c in got] == [("Bo Chan", "person"), ("Cy Diaz", "person")]
    bodies = parse_byline("By Harbour Research Council; Northland Policy Centre", LEX.authority)
    assert [c.kind for c in bodies] == ["organization", "organization"]


def test_titles_that_start_with_by_are_titles_when_a_byline_follows() -> None:
    page = (
        f"{_PAGE_HEAD}By the Numbers: Crime in Northland, 2020\n\nBy Ann Lee\n\n"
        "An abstract about numbers. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2021. 25p.\n\n"
        "By Design or By Default? Prison Architecture\n\nBy Bo Chan and Cy Diaz\n\n"
        "An abstract about architecture. This publication examines the question in detail.\n\n"
        "Oxford: Hart Publishing, 2020. 310p.\n\nBy Any Means Necessary\n\nDi Evans\n\n"
        "An abstract about means. This publication examines the question in detail.\n\n"
        "Bristol: Policy Press, 2018. 256p.\n"
    )
    got = parse_page_text(page, LEX)
    assert [(r.title, [c.name for c in r.contributors]) for r in got] == [
        ("By the Numbers: Crime in Northland, 2020", ["Ann Lee"]),
        ("By Design or By Default? Prison Architecture", ["Bo Chan", "Cy Diaz"]),
        ("By Any Means Necessary", ["Di Evans"]),
    ]


def test_a_place_after_a_body_in_a_byline_is_no_person() -> None:
    got = _read_with("By Center for Court Innovation, New York")
    assert [(c.name, c.kind) for c in got.contributors] == [
        ("Center for Court Innovation", "organization")
    ]


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


def test_two_place_and_publisher_pairs() -> None:
    got = parse_imprint(
        "London: Routledge; New York: Taylor & Francis, 2019. 300p.", LEX.authority, LEX.places
    )
    assert (got.places, got.publishers) == (
        ["London", "New York"],
        ["Routledge", "Taylor & Francis"],
    )


def test_a_byline_left_open_by_its_last_joiner_names_no_joiner() -> None:
    assert [(c.name, c.kind) for c in parse_byline("By Ed Fox and", LEX.authority)] == [
        ("Ed Fox", "person")
    ]


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


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_scope_line_with_any_dash_is_the_header(dash: str) -> None:
    scope = dash.join(["VICTIMIZATION", "ABUSE", "WITNESSES", "VICTIM SURVEYS"])
    page = (
        f"The Open Access Publisher and Free Library\n09-victimization.jpg\n\nVICTIMIZATION\n\n"
        f"{scope}\n\nPosts in Diversity\nFamily violence and sexual harm: research report 2023\n\n"
        "By Gemma Hamilton, Alexandra Ridgway\n\n"
        "An abstract about harm. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p,\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.title == "Family violence and sexual harm: research report 2023"
    assert [c.name for c in got.contributors] == ["Gemma Hamilton", "Alexandra Ridgway"]


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
    "link", ["Read the report", "Read the full report", "View the publication", "Full text"]
)
def test_a_link_to_the_report_after_a_record_is_junk(link: str) -> None:
    page = (
        f"{_PAGE_HEAD}Guns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p,\n\n{link}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        f"London: Home Office, 2019. 30p.\n\n{link}\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.year, first.page_count) == (("ABC-CLIO",), 2012, 400)
    assert (second.publishers, second.year, second.page_count) == (("Home Office",), 2019, 30)


@pytest.mark.parametrize(
    "furniture",
    [
        ["Older Posts", "Newer Posts"],
        ["Page 1 of 12", "Next →"],
        ["Load more"],
        ["Read More →"],
        ["Posted by admin"],
        ["Posted on March 3, 2024"],
        ["Back to top"],
        ["5 min read"],
        ["12 Likes"],
        ["« Previous", "Next »"],
    ],
)
def test_web_page_furniture_after_a_record_is_junk(furniture: list[str]) -> None:
    lines = "".join(f"\n\n{line}" for line in furniture)
    page = (
        f"{_PAGE_HEAD}Guns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p.{lines}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        f"London: Home Office, 2019. 30p.{lines}\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.publishers, first.year, first.page_count) == (("ABC-CLIO",), 2012, 400)
    assert (second.publishers, second.year, second.page_count) == (("Home Office",), 2019, 30)


@pytest.mark.parametrize("date", ["March 12, 2024", "12 March 2024", "2024-03-12", "Mar. 3, 2024"])
def test_a_posting_date_before_each_title_is_junk(date: str) -> None:
    page = (
        f"{_PAGE_HEAD}{date}\n\nGuns in America\n\nBy Ann Lee\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        f"Santa Barbara, CA: ABC-CLIO, 2012. 400p.\n\n{date}\n\n"
        "Courts in Crisis\n\nBy Jane Roe\n\n"
        "An abstract about the courts. This publication examines the question in detail.\n\n"
        "London: Home Office,\n\n2019-05-12.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.title, first.publishers, first.year) == ("Guns in America", ("ABC-CLIO",), 2012)
    assert (second.title, second.publishers, second.year) == (
        "Courts in Crisis",
        ("Home Office",),
        2019,
    )


@pytest.mark.parametrize(
    "body",
    ["Fair Trials", "Child Trends", "Revolving Doors", "Safer Streets", "Equal Justice Now",
     "Transform Justice", "Families Outside", "Innocence Network",
     # bodies the library lists: a capital inside one word, `&` or `and` inside the name, a
     # lower-case word no person's name has, a first word no given name is
     "StopWatch", "SafeLives", "Crest Advisory", "Policy Exchange", "Statistics Canada",
     "User Voice", "Leaders Unlocked", "UN Women", "HOPE not hate",
     "Equality and Human Rights Commission", "Rape Crisis England & Wales",
     "HM Inspectorate of Constabulary and Fire & Rescue Services", "Crime and Justice Institute",
     "Health and Safety Executive", "Bureau of Alcohol, Tobacco, Firearms and Explosives"],
)  # fmt: skip
def test_a_body_named_without_an_organisation_word_is_no_person(body: str) -> None:
    # Read whole, as one body, alone and after a person.
    assert [(c.name, c.kind) for c in parse_byline(f"By {body}", LEX.authority)] == [
        (body, "organization")
    ]
    assert [(c.name, c.kind) for c in parse_byline(f"By Ann Lee and {body}", LEX.authority)] == [
        ("Ann Lee", "person"),
        (body, "organization"),
    ]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ann Lee (Urban Institute) and Bo Chan (RAND)",
         [("Ann Lee", "person"), ("Bo Chan", "person")]),
        ("By Ann Lee of the Urban Institute", [("Ann Lee", "person")]),
        ("By the Sentencing Project and the ACLU",
         [("The Sentencing Project", "organization"), ("ACLU", "organization")]),
        ("By Human Rights Watch and Amnesty International",
         [("Human Rights Watch", "organization"), ("Amnesty International", "organization")]),
        ("By Jo Roe, Project Director, and Ann Lee, Research Associate",
         [("Jo Roe", "person"), ("Ann Lee", "person")]),
        ("By Ann Lee, Senior Fellow at the Brookings Institution", [("Ann Lee", "person")]),
        ("By Department of Health and Human Services",
         [("Department of Health and Human Services", "organization")]),
        ("By Ann Lee and Bo Chan, Urban Institute", [("Ann Lee", "person"), ("Bo Chan", "person")]),
        ("By Ann Lee, University of Cambridge, and Bo Chan, University of Oxford",
         [("Ann Lee", "person"), ("Bo Chan", "person")]),
        ("By Ann Lee and the Urban Institute",
         [("Ann Lee", "person"), ("Urban Institute", "organization")]),
        ("By Urban Institute, Ann Lee",
         [("Urban Institute", "organization"), ("Ann Lee", "person")]),
    ],
)  # fmt: skip
def test_affiliations_and_two_bodies_joined_by_and(
    byline: str, names: list[tuple[str, str]]
) -> None:
    assert [(c.name, c.kind) for c in parse_byline(byline, LEX.authority)] == names


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Katherine HoodDaniel Schneider", ["Katherine Hood", "Daniel Schneider"]),
        ("By Ann LeeBo Chan and Cy Diaz", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
    ],
)
def test_names_glued_between_two_people_are_two_people(byline: str, people: list[str]) -> None:
    assert [c.name for c in parse_byline(byline, LEX.authority)] == people


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
    ("byline", "names"),
    [
        ("By Brian A. Reaves, Ph.D., BJS Statistician", [("Brian A. Reaves", "person", None)]),
        ("By Dame Vera Baird DBE KC", [("Dame Vera Baird", "person", None)]),
        ("By Rt Hon David Lammy MP", [("David Lammy", "person", None)]),
        ("By Jane Roe, MSW, and John Doe, MPA",
         [("Jane Roe", "person", None), ("John Doe", "person", None)]),
        ("By Martin Luther King, Jr.", [("Martin Luther King Jr.", "person", None)]),
        ("By Lee, Ann, Jr.", [("Ann Lee Jr.", "person", None)]),
        ("By Kwame Nkrumah Jr.", [("Kwame Nkrumah Jr.", "person", None)]),
        ("By Roe MP, Doe KA", [("M. P. Roe", "person", None), ("K. A. Doe", "person", None)]),
        ("By Kwame Nkrumah Jr. and Ann Lee",
         [("Kwame Nkrumah Jr.", "person", None), ("Ann Lee", "person", None)]),
        ("By Committee on Causes of Incarceration; Jeremy Travis and Bruce Western, Editors",
         [("Committee on Causes of Incarceration", "organization", None),
          ("Jeremy Travis", "person", "editor"), ("Bruce Western", "person", "editor")]),
    ],
)  # fmt: skip
def test_titles_honours_and_generations_around_names(
    byline: str, names: list[tuple[str, str, str | None]]
) -> None:
    got = parse_byline(byline, LEX.authority)
    assert [(c.name, c.kind, c.role) for c in got] == names


def test_a_listing_s_result_count_and_sort_line_are_header_furniture() -> None:
    page = (
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Showing 1–20 of 345 results\n\nSort by: Newest\n\nPosts in punishment\n"
        "Prisons Today\n\nBy Ann Lee\n\nAn abstract about prisons. This publication examines "
        "the question in detail.\n\nLondon: Home Office, 2019. 45p.\n\nPage 1 of 18\n\n"
        "Showing 21–40 of 345\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, record.publishers) == ("Prisons Today", ("Home Office",))
    assert "Punishment" in record.topics  # the `Posts in` line is still the header's


def test_a_title_over_two_lines_below_the_header_is_read_whole_and_said(
    tmp_path: Path,
) -> None:
    # Right below the header, a title's first half and a line the header does not know
    # (`Latest publications`) look the same: the two are read as one title, and said.
    page = tmp_path / "p.txt"
    page.write_text(
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Making the Rounds: Illicit\nAmmunition in Ukraine\n\nBy Ann Lee\n\nAn abstract about "
        "arms. This publication examines the question in detail.\n\n"
        "Geneva: Small Arms Survey, 2021. 68p.\n",
        encoding="utf-8",
    )
    said: list[str] = []
    (record,) = read_source(page, LEX, said.append)
    assert isinstance(record, Record)
    assert record.title == "Making the Rounds: Illicit Ammunition in Ukraine"
    assert said == [
        f"{page}:6: a title printed over two lines is read as one — if its first line is no "
        "part of it, add a correction"
    ]


def test_a_wrapped_first_title_right_under_the_posts_line_is_one_title() -> None:
    page = (
        "Open Access Publisher and Free Library\n04-punishment.jpg\n\nPUNISHMENT\n\n"
        "Posts in punishment\nMaking the Rounds: Illicit\nAmmunition in Ukraine\n\n"
        "By Ann Lee\n\nAn abstract about arms. This publication examines the question in "
        "detail.\n\nGeneva: Small Arms Survey, 2021. 68p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.title == "Making the Rounds: Illicit Ammunition in Ukraine"


@pytest.mark.parametrize(
    ("citation", "journal", "year"),
    [
        ("Crime & Delinquency. 2021;67(6-7):1051-1078. doi:10.1177/0011128720950030",
         ("Crime & Delinquency", "67", "6-7", "1051-1078"), 2021),
        ("Feminist Criminology, first published online March 12, 2021",
         ("Feminist Criminology", None, None, None), 2021),
    ],
)  # fmt: skip
def test_a_double_issue_and_an_article_published_online_first(
    citation: str, journal: tuple[str, str | None, str | None, str | None], year: int
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == journal
    assert (got.year, got.publishers, got.places) == (year, [], [])


@pytest.mark.parametrize(
    ("printed", "title", "names"),
    [
        # a wrapped title whose last word is glued to the byline
        ("Risk in context\n10By Ann Lee and Bo Chan", "Risk in context 10", ["Ann Lee", "Bo Chan"]),
        ("Risk in context\n5By Ann Lee and Bo Chan", "Risk in context 5", ["Ann Lee", "Bo Chan"]),
        ("Risk in context\nReformBy Ann Lee", "Risk in context Reform", ["Ann Lee"]),
        # a title in capitals glued to `BY`, one name and `AND OTHERS`
        ("EVIDENCE SURVEILLANCE REFORMBY JANE MÜLLER AND OTHERS", "Evidence Surveillance Reform",
         ["Jane Müller"]),
    ],
)  # fmt: skip
def test_a_byline_glued_to_a_title_s_last_word(printed: str, title: str, names: list[str]) -> None:
    page = (
        f"{_PAGE_HEAD}{printed}\n\nAn abstract about risk. This publication examines the "
        "question in detail.\n\nLondon: Home Office, 2019. 45p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == (title, names)


@pytest.mark.parametrize(
    "sentence",
    ["The study covers the period 2010-2020.", "Data were collected in 2019.",
     "This report presents the figures for 2021."],
)  # fmt: skip
def test_an_abstract_of_one_short_sentence_ending_in_a_year_is_no_imprint(sentence: str) -> None:
    page = (
        f"{_PAGE_HEAD}Prisons Today\n\nBy Ann Lee\n\n{sentence}\n\n"
        "London: Home Office, 2019. 45p.\n\nCourts Today\n\nBy Bo Chan\n\n"
        "An abstract about courts. This publication examines the question in detail.\n\n"
        "Perth: Coastal Trust, 2021. 30p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.places, first.publishers, first.year) == (("London",), ("Home Office",), 2019)
    assert (second.title, second.places) == ("Courts Today", ("Perth",))


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("COVID-19 AND PRISONS IN THE USA: LESSONS FROM THE PANDEMIC",
         "COVID-19 and Prisons in the USA: Lessons from the Pandemic"),
        ("THE FBI AND DHS: IMMIGRATION ENFORCEMENT IN THE U.S.",
         "The FBI and DHS: Immigration Enforcement in the U.S."),
        ("WHAT WORKS? A REVIEW OF EVIDENCE ON REOFFENDING IN THE UK",
         "What Works? A Review of Evidence on Reoffending in the UK"),
        ("HIV/AIDS AND LGBTQ+ YOUTH IN CUSTODY", "HIV/AIDS and LGBTQ+ Youth in Custody"),
        ("POLICING IN THE 21ST CENTURY, PART II", "Policing in the 21st Century, Part II"),
        ("WHAT IT MEANS FOR US", "What It Means for Us"),
        ("MCDONALD'S, O'BRIEN AND I'LL", "McDonald's, O'Brien and I'll"),
    ],
)  # fmt: skip
def test_a_title_in_capitals_keeps_its_acronyms(printed: str, title: str) -> None:
    page = (
        f"{_PAGE_HEAD}{printed}\n\nBy Ann Lee\n\nAn abstract about the subject. This "
        "publication examines the question in detail.\n\nLondon: Home Office, 2019. 45p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, record.as_printed.title) == (title, printed)


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
        f"{_PAGE_HEAD}Courts in Crisis\n\nBy Jane Roe\n\nAn abstract about the "
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
    "byline",
    [
        "By Jane Roe; with contributions from John Doe and Ann Lee",
        "By Jane Roe, with contributions by John Doe and Ann Lee",
    ],
)
def test_contributions_from_names_contributors(byline: str) -> None:
    got = parse_byline(byline, LEX.authority)
    assert [(c.name, c.role) for c in got] == [
        ("Jane Roe", None),
        ("John Doe", "contributor"),
        ("Ann Lee", "contributor"),
    ]


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
        f"{_PAGE_HEAD}{title}\n\n{byline}\n\n"
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
    ("byline", "names"),
    [
        ("By Ana María García López", ["Ana María García López"]),
        ("By Juan Carlos Gonzalez Rodriguez", ["Juan Carlos Gonzalez Rodriguez"]),
        ("By João Pedro Conceição Santos", ["João Pedro Conceição Santos"]),
        ("By Jane Roe John Doe", ["Jane Roe", "John Doe"]),  # two names printed together
        ("By Ana García López and Juan Pérez", ["Ana García López", "Juan Pérez"]),
    ],
)
def test_a_spanish_or_portuguese_name_of_four_words_is_one_person(
    byline: str, names: list[str]
) -> None:
    # Two given names and two family names: four words without a separator, as two people
    # printed together are.
    assert [c.name for c in parse_byline(byline, LEX.authority)] == names


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Roe, Ph.D., Principal Investigator",
        "By Jane Roe, Lead Author",
        "By Jane Roe, Senior Research Scientist",
        "By Jane Roe, Chief Economist",
        "By Jane Roe, Independent Consultant",
    ],
)
def test_a_job_title_after_a_name_is_no_name(byline: str) -> None:
    assert [(c.name, c.kind) for c in parse_byline(byline, LEX.authority)] == [
        ("Jane Roe", "person")
    ]


@pytest.mark.parametrize(
    "citation",
    [
        "Justice Quarterly, 2022, 41(4), 680-689",
        "Justice Quarterly, 2022, 41(4): 680-689",
        "Justice Quarterly 15(12): e0243823 (2020)",
        "Crime Science 9, 14 (2020)",
    ],
)
def test_a_journal_citation_ends_its_record_before_one_without_a_byline(citation: str) -> None:
    page = (
        f"{_PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        f"{citation}\n\nEvidence Risk in Context: A Review\n\n"
        "An abstract about risk. This publication examines the question in detail.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.journal is not None and first.journal.name in (
        "Justice Quarterly",
        "Crime Science",
    )
    assert (second.title, second.publishers) == (
        "Evidence Risk in Context: A Review",
        ("Harbour Press",),
    )


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
        f"{_PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
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
    "title",
    ["Criminal Victimization, 2022", "Recorded Crime – Victims, 2022",
     "Hate crime, England and Wales, 2022 to 2023", "Trafficking in Persons Report, June 2023",
     "Crime in England and Wales, year ending March 2023"],
)  # fmt: skip
def test_a_title_that_ends_in_its_year_after_a_comma_starts_a_record_without_a_byline(
    title: str,
) -> None:
    # Statistical series name their year so (`Criminal Victimization, 2022`); a publisher and
    # a year (`Home Office, 2023.`) is an imprint only where it ends with a stop.
    page = (
        f"{_PAGE_HEAD}Violence in Context\n\nBy Chen Rossi\n\n"
        "An abstract about violence. This publication examines the question in detail.\n\n"
        "Washington, DC: Bureau of Justice Statistics, 2023. 30p.\n\n"
        f"{title}\n\n"
        "This report presents the latest figures, drawing on surveys and records.\n\n"
        "London: Home Office, 2023. 38p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert list(first.publishers) == ["Bureau of Justice Statistics"]
    assert second.title == title
    assert list(second.publishers) == ["Home Office"]


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


def test_a_title_wrapped_on_a_page_of_one_record_without_a_byline_is_one_title() -> None:
    # Four lines, one of them right under the line before: blank lines still part the fields.
    page = (
        f"{_PAGE_HEAD}VIOLENCE\nIN CONTEXT: A POLICING REVIEW, 1990-2021\n\n"
        "This report examines how local services respond to reports of harm.\n\n"
        "London: Harbour Press, 2019. 25p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.title == "Violence in Context: A Policing Review, 1990-2021"
    assert list(record.publishers) == ["Harbour Press"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ann Lee*, Bo Chan** and Cy Diaz†", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("By Ann Lee¹, Bo Chan² and Cy Diaz¹", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("By Ann Lee1, Bo Chan2, Cy Diaz1,3", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("By Ann Lee / Bo Chan / Cy Diaz", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("By Ann Lee on behalf of the Sentencing Council", ["Ann Lee"]),
        ("By the staff of The Sentencing Project", ["The Sentencing Project"]),
        ("By Staff of the Prison Policy Initiative", ["Prison Policy Initiative"]),
        ("By Article 19", ["Article 19"]),  # a body's number is no footnote mark
    ],
)
def test_footnote_marks_slashes_and_who_wrote_for_a_body(byline: str, names: list[str]) -> None:
    # Marks that point to affiliations are no part of a name; `on behalf of`, like `for`, names
    # the body a person wrote for; the staff of a body are that body.
    got = parse_byline(byline, LEX.authority)
    assert [c.name for c in got] == names


@pytest.mark.parametrize("line", ["Recent Posts", "Latest publications", "New Arrivals"])
def test_an_unknown_line_above_the_first_title_and_its_byline_is_no_title(line: str) -> None:
    # `Recent Posts` / `Knife Crime` / `By Ann Lee`: two short lines, then a byline. Read as a
    # title and a byline without `By`, the record's title became one of its authors.
    page = (
        f"{_PAGE_HEAD}{line}\n\nKnife Crime\n\nBy Ann Lee\n\n"
        "An abstract about knife crime. This publication examines the question in detail.\n\n"
        "London: Home Office, 2020. 30p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == ("Knife Crime", ["Ann Lee"])


def test_a_heading_in_capitals_that_names_the_pages_image_is_the_section() -> None:
    page = (
        "Open Access Publisher and Free Library\n11-policing.jpg\n\nPOLICING\n\nKnife Crime\n\n"
        "Ann Lee and Bo Chan\n\nAn abstract about knife crime. This publication examines the "
        "question in detail.\n\nLondon: Home Office, 2020. 30p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (record.title, [c.name for c in record.contributors]) == (
        "Knife Crime",
        ["Ann Lee", "Bo Chan"],
    )


@pytest.mark.parametrize(
    ("printed", "publishers"),
    [
        ("Penal Reform International and Thailand Institute of Justice, 2021. 60p.",
         ["Penal Reform International", "Thailand Institute of Justice"]),
        ("London: Policy Press and Bristol University Press, 2021. 60p.",
         ["Policy Press", "Bristol University Press"]),
        ("New York: Harper and Row, 1970. 60p.", ["Harper and Row"]),  # one house, two names
        ("London: Taylor & Francis, 2021. 60p.", ["Taylor & Francis"]),
        ("London: Centre for Crime and Justice Studies, 2021. 60p.",
         ["Centre for Crime and Justice Studies"]),
        ("Equality and Human Rights Commission, 2021. 60p.",
         ["Equality and Human Rights Commission"]),
    ],
)  # fmt: skip
def test_two_whole_bodies_joined_by_and_publish_together(
    printed: str, publishers: list[str]
) -> None:
    assert parse_imprint(printed, LEX.authority, LEX.places).publishers == publishers


def _known_journal(name: str) -> str | None:
    return name if name == "Fiat Iustitia" else None


@pytest.mark.parametrize(
    ("citation", "name", "volume", "issue", "count"),
    [
        ("Security Journal (2025), pp. 23", "Security Journal", None, None, 23),
        ("Journal of International Wildlife Law & Policy, Volume 26, 2023 - Issue 2, pp. 32",
         "Journal of International Wildlife Law & Policy", "26", "2", 32),
        ("Fiat Iustitia, Issue Year: 2/2023, pp. 16", "Fiat Iustitia", None, "2", 16),
    ],
)  # fmt: skip
def test_pp_and_one_number_at_the_end_of_a_citation_is_its_page_count(
    citation: str, name: str, volume: str | None, issue: str | None, count: int
) -> None:
    # `pp.` is plural: pages, not the page an article starts on (that is `p. 23` or a range).
    got = parse_imprint(citation, LEX.authority, LEX.places, _known_journal)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        name,
        volume,
        issue,
        None,
    )
    assert got.page_count == count


@pytest.mark.parametrize(
    "body",
    ["Department for Harbours, Fisheries and Coastal Affairs",
     "Ministry of Roads, Bridges and Transport Services"],
)  # fmt: skip
def test_a_body_that_lists_what_it_is_for_with_commas_and_and_is_one_author(body: str) -> None:
    # `Department for Environment, Food and Rural Affairs`: one word before `and` after a comma
    # goes on the body's name, as it does with no comma (`Equality and Human Rights Commission`).
    got = parse_byline(f"By {body}", LEX.authority)
    assert [(c.name, c.kind) for c in got] == [(body, "organization")]


def test_a_subtitle_in_a_paragraph_of_its_own_goes_on_the_title_not_the_imprint_before() -> None:
    # `Knife Crime` / `A Review of the Evidence` / `By Ann Lee`: two plain short paragraphs and
    # a byline after a whole record. The first was read as the end of the imprint before it
    # (and dropped from every field); it is the title's first part.
    page = (
        f"{_PAGE_HEAD}Prisons Today\n\nBy Bo Chan\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "London: Home Office, 2020. 30p.\n\nKnife Crime\n\nA Review of the Evidence\n\n"
        "By Ann Lee\n\nAn abstract about knife crime. This publication examines it in detail.\n\n"
        "London: Home Office, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.as_printed.imprint == "London: Home Office, 2020. 30p."
    assert second.title == "Knife Crime: A Review of the Evidence"
    assert [c.name for c in second.contributors] == ["Ann Lee"]


def test_a_title_in_sentence_case_left_open_by_a_comma_goes_on_after_a_junk_line() -> None:
    # Abstracts printed after their imprints, no bylines: `…review,` / `1990-2021` is one title
    # (a line left open by a comma goes on), not an abstract paragraph and a title after it.
    page = (
        f"{_PAGE_HEAD}Prisons in Context\n\nLondon: Harbour Press, 2019. 25p.\n\n"
        "This report examines how local services respond to reports of harm.\n\ndownload\n\n"
        "Violence policing victims courts prisons youth in context 2: violence policing review,\n"
        "1990-2021\n\nGeneva: Harbour Research Council, 2020. 30p.\n\n"
        "This report examines how local services respond to reports of harm.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert first.title == "Prisons in Context"
    assert second.title == (
        "Violence policing victims courts prisons youth in context 2: violence policing review, "
        "1990-2021"
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


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Marsh, Elena", ["Elena Marsh"]),  # one name, family name first, no `By`
        ("Okafor, Jonas HL", ["Jonas HL Okafor"]),
        ("van der Berg, Anna", ["Anna van der Berg"]),
    ],
)
def test_one_inverted_name_without_by_is_the_byline(byline: str, names: list[str]) -> None:
    got = _read_with(byline)
    assert [(c.name, c.kind) for c in got.contributors] == [(n, "person") for n in names]
    assert got.abstract is not None and byline not in got.abstract


def test_a_place_and_its_country_under_a_title_is_no_byline() -> None:
    assert _read_with("Geneva, Switzerland").contributors == ()


def test_an_eprints_citation_repeating_the_title_names_the_journal() -> None:
    title = "‘Harbour Clans: A Framework for Cross-Border Policing"
    page = (
        f"{_PAGE_HEAD}{title}\n\nMarsh, Elena\n\n"
        "An abstract about clans. This publication examines the question in detail.\n\n"
        f"{title[1:]}. Policing: A Journal of Policy and Practice, 15 (2). (2021) pp. 1522-1536.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        "Policing: A Journal of Policy and Practice",
        "15",
        "2",
        "1522-1536",
    )
    assert (got.year, list(got.places), list(got.publishers)) == (2021, [], [])
    assert [c.name for c in got.contributors] == ["Elena Marsh"]


@pytest.mark.parametrize(
    ("image", "heading", "scope"),
    [
        # the scope in title case, words hyphen-joined as the heading's terms are
        ("HARBOUR+CRIME.jpeg", "CRIME",
         "Violent-Non-Violent-Cyber-Organized-Policing-Crime Prevention-Victimization"),
        ("TERRORISM.jpeg", "TERRORISM", "Terrorism-Domestic-Radicalization-War-Mass Shootings"),
        # in capitals, some dashes spaced
        ("07-environmental crime.jpg", "ENVIRONMENTAL CRIME",
         "ENVIRONMENTAL HARM -WILDLIFE-TRAFFICKING-OVER FISHING - LOGGING"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("posts", ["", "Posts in Social Sciences\n"])
def test_a_scope_line_in_title_case_or_with_spaced_dashes_is_the_header(
    image: str, heading: str, scope: str, posts: str
) -> None:
    page = (
        f"Open Access Publisher and Free Library\n{image}\n\n{heading}\n\n{scope}\n\n"
        f"{posts}Rural Crime and Community Safety\n\nBy Gemma Hamilton.\n\n"
        "An abstract about harm. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)  # and no block of the header left as a reject
    assert got.title == "Rural Crime and Community Safety"
    assert [c.name for c in got.contributors] == ["Gemma Hamilton"]
    assert got.section == heading


def test_a_first_title_hyphenated_like_a_scope_line_keeps_its_byline() -> None:
    title = "Cross-Border Anti-Money-Laundering Co-Operation"
    page = f"Open Access Publisher and Free Library\n01-crime.jpg\n\nCRIME\n\n{title}\n\n" + (
        "By Gemma Hamilton\n\nAn abstract about harm. This publication examines the question.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, [c.name for c in got.contributors]) == (title, ["Gemma Hamilton"])


@pytest.mark.parametrize(
    ("under_heading", "posts"),
    [
        # the section described in a paragraph of its own
        ("Social sciences examine human behaviour, social structures and interactions. Fields "
         "such as sociology and economics study social relationships and cultural patterns.",
         "Posts in Criticism\n"),
        ("Social sciences examine human behaviour, social structures and interactions. Fields "
         "such as sociology and economics study social relationships and cultural patterns.", ""),
        # the scope line and a pointer to more of the collection
        ("PUNISHMENT-PRISON-HISTORY-PAROLE-ALTERNATIVES. MORE in the Harbour Library Collection",
         "Posts in rule of law\n"),
    ],
)  # fmt: skip
def test_a_section_described_under_its_heading_is_the_header(
    under_heading: str, posts: str
) -> None:
    page = (
        f"Open Access Publisher and Free Library\n13-punishment.jpg\n\nPUNISHMENT\n\n"
        f"{under_heading}\n\n{posts}Origins of Parole\n\nBy Robert C. Olby\n\n"
        "An abstract about parole. This publication examines the question in detail.\n\n"
        "Melbourne: RMIT University, 2023. 59p.\n"
    )
    (got,) = parse_page_text(page, LEX)  # and no block of the header left as a reject
    assert (got.title, [c.name for c in got.contributors]) == (
        "Origins of Parole",
        ["Robert C. Olby"],
    )


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        # `and`, `&` glued to the next name
        ("By Celia Roe, Kari Doe, Sandra Poe andTrisha Lee",
         ["Celia Roe", "Kari Doe", "Sandra Poe", "Trisha Lee"]),
        ("By Gilberto Ruiz &Virginia Lee", ["Gilberto Ruiz", "Virginia Lee"]),
        # `etc.` for the names left out, spaces before commas
        ("By Meredith L. Gore , Robert Mwinyi , Makaya Baku-Bumb , etc.",
         ["Meredith L. Gore", "Robert Mwinyi", "Makaya Baku-Bumb"]),
        # a footnote mark after a family name in capitals
        ("By Vedat KARĞIN*", ["Vedat KARĞIN"]),
        # a family name that is also an organisation word, after a middle initial
        ("By Anna O. Law", ["Anna O. Law"]),
    ],
)  # fmt: skip
def test_bylines_with_glued_joiners_etc_and_marks(byline: str, people: list[str]) -> None:
    got = _read_with(byline).contributors
    assert [(c.name, c.kind) for c in got] == [(p, "person") for p in people]


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


def test_bodies_listed_with_commas_each_starting_with_the_are_several_authors() -> None:
    got = _read_with("By the National Harbour Federation, The Loss Prevention Research Council")
    assert [(c.name, c.kind) for c in got.contributors] == [
        ("National Harbour Federation", "organization"),
        ("Loss Prevention Research Council", "organization"),
    ]


def test_parallel_departments_listed_with_commas_are_each_an_author_and_publisher() -> None:
    listed = (
        "Department of Education, Department of Health and Human Services, Department of "
        "Homeland Security and Department of Justice"
    )
    names = [
        "Department of Education",
        "Department of Health and Human Services",
        "Department of Homeland Security",
        "Department of Justice",
    ]
    assert [c.name for c in _read_with(f"By {listed}").contributors] == names
    got = parse_imprint(f"Washington, DC: {listed}, 2018. 180p.", LEX.authority, LEX.places)
    assert got.publishers == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # what a PDF leaves of an accent and of a footnote mark
        ("By Ren´e Ropac , Richard Peterson , Stephen Koppel‖,",
         ["René Ropac", "Richard Peterson", "Stephen Koppel"]),
    ],
)  # fmt: skip
def test_bylines_copied_from_a_pdf(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


def test_a_body_with_its_country_after_a_slash_is_a_body() -> None:
    got = _read_with("By The Harbour Office on Latin America and Guatemala Rights Commission/USA")
    assert [c.kind for c in got.contributors] == ["organization", "organization"]


def test_a_keyword_line_naming_the_site_by_its_domain_is_the_header() -> None:
    page = (
        "policing -- enforcement -- crime prevention -- arrest — Read-Me.Org -Open Access to "
        "All\nOpen Access Publisher and Free Library\n03-crime prevention.jpg\n\nCRIME "
        "PREVENTION\n\nPosts in Crime Prevention\nStreet Lighting and Crime\n\nBy Ann Lee\n\n"
        "An abstract about lighting. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2020. 30p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, got.section) == ("Street Lighting and Crime", "CRIME PREVENTION")


def test_a_single_post_in_its_mobile_form() -> None:
    page = (
        "Read-Me.Org\n\nView Original\n\nDrug Dealing in Open-Air Markets\n\n"
        "Open-air markets represent the lowest level of the drug distribution network. This "
        "guide examines the question in detail.\n\n"
        "Read more at the Center for Problem Oriented Policing\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.title, got.contributors) == ("Drug Dealing in Open-Air Markets", ())
    assert (got.publishers, got.year) == (("Center for Problem Oriented Policing",), None)


@pytest.mark.parametrize(
    ("byline", "publishers"),
    [
        ("By The Harbour Institute and the Northland Rights Commission",
         ("Harbour Institute", "Northland Rights Commission")),
        ("By Ann Lee and Bo Chan", ("Ann Lee", "Bo Chan")),
    ],
)  # fmt: skip
def test_the_authors_as_publisher_are_the_bylines_authors(
    byline: str, publishers: tuple[str, ...]
) -> None:
    page = (
        f"{_PAGE_HEAD}Cyber Fraud Trends\n\n{byline}\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Washington, DC: The Authors, 2022. 8p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.places) == (publishers, ("Washington, DC",))


@pytest.mark.parametrize(
    ("citation", "name", "volume", "pages", "year"),
    [
        ("42 Colum. J. Gender & L. 183 (2022).", "Colum. J. Gender & L.", "42", "183", 2022),
        ("75 Stan. L. Rev. 1021 (2023)", "Stan. L. Rev.", "75", "1021", 2023),
        ("110 J. Crim. L. & Criminology 1 (2020).", "J. Crim. L. & Criminology", "110", "1",
         2020),
    ],
)  # fmt: skip
def test_a_law_review_cited_as_lawyers_cite_it(
    citation: str, name: str, volume: str, pages: str, year: int
) -> None:
    got = parse_imprint(citation, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.pages, got.year) == (
        name,
        volume,
        pages,
        year,
    )
    assert (got.publishers, got.places) == ([], [])


@pytest.mark.parametrize(
    ("citation", "name", "year", "pages"),
    [
        ("Geopolitics, Feb. 2022.", "Geopolitics", 2022, None),
        ("Health Affairs, 2022. 10p.", "Health Affairs", 2022, 10),
        ("Oñati Socio-Legal Series, 2021. 22p.", "Oñati Socio-Legal Series", 2021, 22),
    ],
)
def test_real_journals_whose_names_do_not_say_so_are_known_by_name(
    citation: str, name: str, year: int, pages: int | None
) -> None:
    # The periodical list of vocab/, not the test fixtures': what a new user's reading knows.
    from kg.ingest import load_lexicon
    from tests.conftest import ROOT

    lex = load_lexicon(ROOT / "vocab", "http://example.org/id/")
    got = parse_imprint(citation, lex.authority, lex.places, lex.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.year, got.page_count, got.publishers) == (name, year, pages, [])


def test_a_case_number_is_no_journal_citation() -> None:
    imprint = "Appeal from the United States District Court USDC No. 6:20-CV-1438. 29p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.journal, got.page_count) == (None, 29)


def test_two_cities_alone_between_abstract_and_imprint_are_no_byline() -> None:
    # `Leiden, Boston` has the shape of `Sergi, Anna`; read as a byline it gave the record an
    # author `Boston Leiden` and turned the page's order, splitting the next record in two.
    page = (
        f"{_PAGE_HEAD}Captivity in Medieval Europe\n\nBy Jean Dunbabin\n\n"
        "A history of imprisonment. This publication examines the question in detail.\n\n"
        "Leiden, Boston\n\nBrill, 2020. 300p.\n\nPrisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Geneva, Switzerland\n\nSmall Arms Survey, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert [c.name for c in first.contributors] == ["Jean Dunbabin"]
    assert (second.title, list(second.publishers)) == (
        "Prisons of the North",
        ["Small Arms Survey"],
    )


def test_a_body_and_its_office_after_a_comma_stay_one_author() -> None:
    got = _read_with("By the Office of the Inspector General, Office of Audits")
    assert [(c.name, c.kind) for c in got.contributors] == [
        ("Office of the Inspector General", "organization")
    ]


def test_the_end_of_a_sentence_wrapped_onto_its_own_line_is_no_imprint() -> None:
    page = (
        f"{_PAGE_HEAD}Splinters at War\n\nBy International Harbour Group\n\n"
        "What happened? The two groups fought after the death of the first group's\n\n"
        "leader in 2021.\n\nWhy does it matter? In the last two years the groups have done more "
        "damage to each other than the army has done to either of them.\n\n"
        "Prisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2021. 40p.\n"
    )
    first, second = parse_page_text(page, LEX)
    assert (first.title, first.publishers, first.year) == ("Splinters at War", (), None)
    assert second.title == "Prisons of the North"


@pytest.mark.parametrize(
    ("byline", "names", "kind"),
    [
        # names with middle initials and no separators, no `By`
        ("Kiran M. Roe Sarah L. Doe Katie M. Cox", ["Kiran M. Roe", "Sarah L. Doe", "Katie M. Cox"],
         "person"),
        # a body with its acronym, no `By`; a body and a stop, no `By`
        ("European Monitoring Centre for Drugs and Drug Addiction (EMCDDA)",
         ["European Monitoring Centre for Drugs and Drug Addiction"], "organization"),
        ("Harbour Foundation.", ["Harbour Foundation"], "organization"),
        # a double family name alone after `and` is a person, not the end of a body's name
        ("By J. R. Nicolás-Carlock and  Luna-Pla", ["J. R. Nicolás-Carlock", "Luna-Pla"], "person"),
        # a chapter of the Appleseed network
        ("By Alabama Appleseed", ["Alabama Appleseed"], "organization"),
    ],
)  # fmt: skip
def test_bylines_without_by_or_separators(byline: str, names: list[str], kind: str) -> None:
    got = _read_with(byline).contributors
    assert [(c.name, c.kind) for c in got] == [(n, kind) for n in names]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # a body and its centre, `and` inside the centre's name
        ("By Harbour Law School, Wilson Center for Science and Justice",
         [("Harbour Law School, Wilson Center for Science and Justice", "organization")]),
        # no space after an initial
        ("By Ann Lee and Rose M. C.Kagawa",
         [("Ann Lee", "person"), ("Rose M. C. Kagawa", "person")]),
        # a stray comma after `and`
        ("By Joel Salvador Herrera and , Cesar B. Martinez-Alvarez",
         [("Joel Salvador Herrera", "person"), ("Cesar B. Martinez-Alvarez", "person")]),
    ],
)  # fmt: skip
def test_bylines_with_and_inside_a_unit_or_before_a_comma(
    byline: str, names: list[tuple[str, str]]
) -> None:
    assert [(c.name, c.kind) for c in _read_with(byline).contributors] == names


def test_a_vancouver_citation_without_a_space_before_the_year() -> None:
    got = parse_imprint(
        "American  Journal of   Public Health.2020;110:1546–1552. doi:10.2105/AJPH.2020.305822",
        LEX.authority,
        LEX.places,
        LEX.periodicals.lookup,
    )
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.pages, got.year) == (
        "American Journal of Public Health",
        "110",
        "1546–1552",
        2020,
    )


def test_a_listing_summary_of_a_title_and_its_abstract_is_a_record_said_twice() -> None:
    # A listing in summary view prints a post's title and the start of its abstract only; the
    # record is read (without authors, place, publisher and year) and both gaps are said.
    from kg.ingest import read_source

    page = (
        f"{_PAGE_HEAD}Homeless Encampments\n\nThis guide addresses homeless encampments, also "
        "known as transient camps. It begins by describing the problem and the factors that "
        "contribute to it.\n\nPrisons of the North\n\nBy Ann Lee\n\n"
        "An abstract about prisons. This publication examines the question in detail.\n\n"
        "Leeds: Harbour Press, 2021. 40p.\n"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.txt"
        path.write_text(page, encoding="utf-8")
        said: list[str] = []
        first, second = read_source(path, LEX, said.append)
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.title, first.contributors, first.publishers) == ("Homeless Encampments", (), ())
    assert second.title == "Prisons of the North"
    assert [m.split(": ", 1)[1][:28] for m in said] == [
        "a record with no byline — it",
        "a record with no imprint lin",
    ]


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


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # names glued after a family name with a particle
        ("By Marly van BruchemLaura HendriksHans Myhre SundeDon Weenink",
         ["Marly van Bruchem", "Laura Hendriks", "Hans Myhre Sunde", "Don Weenink"]),
        # a chain of roles, one of them a phrase (`With editorial assistance and commentary by`)
        ("By Oleg V. Roe. Translated by Vadim A. Doe. With editorial assistance and commentary by "
         "David J. Poe. Foreword by Robert Lee",
         ["Oleg V. Roe", "Vadim A. Doe", "David J. Poe", "Robert Lee"]),
    ],
)  # fmt: skip
def test_bylines_glued_after_a_particle_or_chained_by_roles(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


def test_a_vancouver_citation_with_the_month_and_day_of_the_issue() -> None:
    got = parse_imprint(
        "MMWR Morbidity and Mortality Weekly Report 2018 Nov 9;67(44):1233-1237",
        LEX.authority,
        LEX.places,
        LEX.periodicals.lookup,
    )
    assert got.journal is not None, got
    assert (got.journal.name, got.journal.volume, got.journal.issue, got.journal.pages) == (
        "MMWR Morbidity and Mortality Weekly Report",
        "67",
        "44",
        "1233-1237",
    )
    assert (got.year, got.publishers, got.places) == (2018, [], [])


def test_a_centre_then_its_department_after_a_comma_is_one_publisher() -> None:
    imprint = "Ottawa: Harbour Firearms Centre, Department of Justice Canada, 1998. 108p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert (got.places, got.publishers) == (
        ["Ottawa"],
        ["Harbour Firearms Centre, Department of Justice Canada"],
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # German `u.a.` (and others)
        ("By Chris Jones , Romain Roe , Yasha Doe u.a.",
         ["Chris Jones", "Romain Roe", "Yasha Doe"]),
        # a body's acronym after a comma
        ("By European Union Agency for Harbour Rights, EUAHR",
         ["European Union Agency for Harbour Rights"]),
    ],
)  # fmt: skip
def test_bylines_with_u_a_or_an_acronym_after_a_comma(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


def test_a_role_label_inside_a_byline_group_is_no_name() -> None:
    got = _read_with("By Stefano Roe with Tristan Doe; Graphics: Samy Lee").contributors
    assert [c.name for c in got] == ["Stefano Roe", "Tristan Doe", "Samy Lee"]


def test_a_journal_printed_as_a_book_imprint_after_a_city_and_region() -> None:
    imprint = "Canterbury, UK: Journal of Interpersonal Violence, 2023. 26p."
    got = parse_imprint(imprint, LEX.authority, LEX.places, LEX.periodicals.lookup)
    assert got.journal is not None, got
    assert (got.journal.name, got.year, got.page_count, got.publishers) == (
        "Journal of Interpersonal Violence",
        2023,
        26,
        [],
    )
