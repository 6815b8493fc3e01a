"""Bylines and imprints naming bodies: in other languages or without an organisation word, two
bodies joined by `and`, departments listed with commas, a body's office or country after it."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.byline import parse_byline
from kg.ingest.imprint import parse_imprint
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()


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


def test_a_place_after_a_body_in_a_byline_is_no_person() -> None:
    got = _read_with("By Center for Court Innovation, New York")
    assert [(c.name, c.kind) for c in got.contributors] == [
        ("Center for Court Innovation", "organization")
    ]


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


def test_a_body_with_its_country_after_a_slash_is_a_body() -> None:
    got = _read_with("By The Harbour Office on Latin America and Guatemala Rights Commission/USA")
    assert [c.kind for c in got.contributors] == ["organization", "organization"]


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
        f"{PAGE_HEAD}Cyber Fraud Trends\n\n{byline}\n\n"
        "An abstract about fraud. This publication examines the question in detail.\n\n"
        "Washington, DC: The Authors, 2022. 8p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert (got.publishers, got.places) == (publishers, ("Washington, DC",))


def test_a_body_and_its_office_after_a_comma_stay_one_author() -> None:
    got = _read_with("By the Office of the Inspector General, Office of Audits")
    assert [(c.name, c.kind) for c in got.contributors] == [
        ("Office of the Inspector General", "organization")
    ]


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
