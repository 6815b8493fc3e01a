"""Bylines naming people in the forms catalogues and listing pages print: degrees, honours
and job titles after names, roles named after the names, inverted names without `By`, joiners
glued to names, names copied from a PDF."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.byline import parse_byline
from kg.records import Record
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text, record_with_byline

LEX: Lexicon = fixture_lexicon()


def _read_with(byline: str) -> Record:
    """The one record of a page whose record prints `byline`."""
    return record_with_byline(byline, LEX)


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
        f"{PAGE_HEAD}Guns in America\n\n{byline}\n\n"
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
        f"{PAGE_HEAD}Guns in America\n\n{byline}\n\n"
        "An abstract about guns. This publication examines the question in detail.\n\n"
        "Santa Barbara, CA: ABC-CLIO, 2012. 400p.\n"
    )
    (got,) = parse_page_text(page, LEX)
    assert [(c.name, c.role) for c in got.contributors] == [(e, "editor") for e in editors]
    assert "Santa" not in got.abstract and byline not in got.abstract


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


def test_affiliations_after_each_name_of_a_semicolon_list_are_no_authors() -> None:
    got = parse_byline("By Bo Chan, Urban Institute; Cy Diaz, RAND Corporation", LEX.authority)
    assert [(c.name, c.kind) for c in got] == [("Bo Chan", "person"), ("Cy Diaz", "person")]
    bodies = parse_byline("By Harbour Research Council; Northland Policy Centre", LEX.authority)
    assert [c.kind for c in bodies] == ["organization", "organization"]


def test_a_byline_left_open_by_its_last_joiner_names_no_joiner() -> None:
    assert [(c.name, c.kind) for c in parse_byline("By Ed Fox and", LEX.authority)] == [
        ("Ed Fox", "person")
    ]


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
    ("byline", "names"),
    [
        # what a PDF leaves of an accent and of a footnote mark
        ("By Ren´e Ropac , Richard Peterson , Stephen Koppel‖,",
         ["René Ropac", "Richard Peterson", "Stephen Koppel"]),
    ],
)  # fmt: skip
def test_bylines_copied_from_a_pdf(byline: str, names: list[str]) -> None:
    assert [c.name for c in _read_with(byline).contributors] == names


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


def test_a_role_label_inside_a_byline_group_is_no_name() -> None:
    got = _read_with("By Stefano Roe with Tristan Doe; Graphics: Samy Lee").contributors
    assert [c.name for c in got] == ["Stefano Roe", "Tristan Doe", "Samy Lee"]
