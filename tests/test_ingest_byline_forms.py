"""Bylines as listing pages print them, read as a careful cataloguer would: each name, its kind
(person or organisation) and its role. Every name is made up (bodies' real names are facts)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kg.ingest.byline import parse_byline
from tests.bylines import BODY, LEX, PERSON, byline_of, people
from tests.conftest import record_with_byline


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Ana Solís y Joaquín Ferrer", people("Ana Solís", "Joaquín Ferrer")),
        ("By Marie Dupré et Jean Lacombe", people("Marie Dupré", "Jean Lacombe")),
        ("By Hans Mühlbach und Eva Steiner", people("Hans Mühlbach", "Eva Steiner")),
        ("By Maria Tavares e João Quintela", people("Maria Tavares", "João Quintela")),
        ("By Giulia Fabbri e Marco Lodi", people("Giulia Fabbri", "Marco Lodi")),
        ("By Pieter de Wolde en Anke Visscher", people("Pieter de Wolde", "Anke Visscher")),
        ("By Jordi Vilaró i Marta Casals", people("Jordi Vilaró", "Marta Casals")),
        ("By Erik Lindqvast och Karin Sjöberg", people("Erik Lindqvast", "Karin Sjöberg")),
        ("By Lars Haugen og Ingrid Bakke", people("Lars Haugen", "Ingrid Bakke")),
        ("By Anne-Sophie Morel et Jean-Luc Perrin",
         people("Anne-Sophie Morel", "Jean-Luc Perrin")),
        # the last of a list
        ("By Ana Solís, Luis Roldán y Marta Ibarra",
         people("Ana Solís", "Luis Roldán", "Marta Ibarra")),
        ("By Hans Mühlbach, Eva Steiner und Karl Wendt",
         people("Hans Mühlbach", "Eva Steiner", "Karl Wendt")),
        ("By Joaquín Ferrer y Ana Solís, eds.",
         people("Joaquín Ferrer", "Ana Solís", role="editor")),
    ],
)  # fmt: skip
def test_and_in_other_languages_joins_two_people(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        # `y`, `e`, `i` inside one person's name: a double family name
        ("By Luis Roldán y Ibarra", people("Luis Roldán y Ibarra")),
        ("By Pedro da Cunha e Quintela", people("Pedro da Cunha e Quintela")),
        ("By Marta Casals i Vilaró", people("Marta Casals i Vilaró")),
        # and as initials, in capitals with a stop
        ("By Joaquín E. Ferrer and Ana I. Solís", people("Joaquín E. Ferrer", "Ana I. Solís")),
        # inside a body's name
        ("By Instituto Nacional de Pesquisa e Estatística",
         [("Instituto Nacional de Pesquisa e Estatística", BODY, None)]),
        ("By Ministère de la Justice et des Libertés",
         [("Ministère de la Justice et des Libertés", BODY, None)]),
    ],
)  # fmt: skip
def test_and_in_other_languages_inside_one_name(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        # the body a report was prepared for is no contributor (the one who prepared it is)
        ("Prepared for the National Institute of Justice by RTI International",
         [("RTI International", BODY, None)]),
        ("Prepared for the Harbour County Board of Supervisors, by Northland Research Associates",
         [("Northland Research Associates", BODY, None)]),
        ("Prepared for the Office of Justice Programs by Jane Roe and John Doe",
         people("Jane Roe", "John Doe")),
        ("Prepared by the Harbour Policy Institute for the Northland County Sheriff's Office",
         [("Harbour Policy Institute", BODY, None)]),
        # what the report is, then `by`
        ("Report by Ana Lee and Bo Chan", people("Ana Lee", "Bo Chan")),
        ("Report prepared by Ana Lee", people("Ana Lee")),
        ("Report by the Harbour Crime Commission", [("Harbour Crime Commission", BODY, None)]),
        ("Researched and written by Jane Roe", people("Jane Roe")),
        ("Researched by Jane Roe and John Doe", people("Jane Roe", "John Doe")),
        # a label and a colon
        ("Principal Investigator: Jane Roe", people("Jane Roe")),
        ("Principal Investigators: Jane Roe and John Doe", people("Jane Roe", "John Doe")),
        ("Principal Investigator(s): Jane Roe, Ph.D.; John Doe, Ph.D.",
         people("Jane Roe", "John Doe")),
        ("Co-Principal Investigators: Ana Lee and Bo Chan", people("Ana Lee", "Bo Chan")),
    ],
)  # fmt: skip
def test_what_a_byline_starts_with(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    "byline",
    [
        "Prepared for the National Institute of Justice by RTI International",
        "Report by Ana Lee and Bo Chan",
        "Researched and written by Jane Roe",
        "Principal Investigators: Jane Roe and John Doe",
    ],
)
def test_a_record_reads_its_byline_whatever_it_starts_with(byline: str) -> None:
    got = record_with_byline(byline, LEX)
    assert got.title == "Cyber Fraud Trends"
    assert list(got.contributors) == list(parse_byline(byline, LEX.authority))
    assert got.contributors
    assert not any(" by " in c.name or ":" in c.name for c in got.contributors)


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Siti binti Rahmat", people("Siti binti Rahmat")),
        ("By Farid bin Osman and Nur binte Halim", people("Farid bin Osman", "Nur binte Halim")),
        ("By Anna zur Lienen", people("Anna zur Lienen")),
        ("By Luca degli Sperti and Sara dei Franchi",
         people("Luca degli Sperti", "Sara dei Franchi")),
        ("By Marie-Claire des Aulnaies", people("Marie-Claire des Aulnaies")),
        ("By Hassan ould Meimoun", people("Hassan ould Meimoun")),
        ("By Otto ten Brinkel and Pieter ter Hoeve",
         people("Otto ten Brinkel", "Pieter ter Hoeve")),
        ("By Karin af Wettersten", people("Karin af Wettersten")),
    ],
)  # fmt: skip
def test_particles_inside_a_persons_name(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe https://orcid.org/0000-0002-1825-0097", people("Jane Roe")),
        ("By Jane Roe (ORCID: 0000-0002-1825-0097)", people("Jane Roe")),
        ("By Jane Roe, ORCID iD 0000-0002-1825-009X, and John Doe",
         people("Jane Roe", "John Doe")),
        ("By Jane Roe0000-0002-1825-0097 and John Doe0000-0001-5109-3700",
         people("Jane Roe", "John Doe")),
        ("By Jane Roe jane.roe@example.org", people("Jane Roe")),
        ("By Jane Roe (jroe@harbour.example.edu) and John Doe (jdoe@harbour.example.edu)",
         people("Jane Roe", "John Doe")),
        ("By Jane Roe <jane.roe@example.org>; John Doe <john.doe@example.org>",
         people("Jane Roe", "John Doe")),
        ("By Jane Roe, Harbour Policy Lab (www.harbourpolicylab.example.org)", people("Jane Roe")),
    ],
)  # fmt: skip
def test_identifiers_and_addresses_after_a_name_are_no_part_of_it(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe - Harbour University", people("Jane Roe")),
        ("By Jane Roe – Harbour University", people("Jane Roe")),
        ("By Jane Roe — Research Director, Northland Policy Institute", people("Jane Roe")),
        ("By Jane Roe - HPL", people("Jane Roe")),
        ("By Ana Lee – Harbour University, and Bo Chan – Northland College",
         people("Ana Lee", "Bo Chan")),
        # guards: a dash between two people, or a body and its acronym
        ("By Ana Lee – Bo Chan", people("Ana Lee", "Bo Chan")),
        ("By Ana Lee - Bo Chan", people("Ana Lee", "Bo Chan")),
        ("By Harbour Justice Mission – HJM", [("Harbour Justice Mission", BODY, None)]),
    ],
)  # fmt: skip
def test_a_body_after_a_dash_is_where_the_person_works(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Ana Lee & Associates", [("Ana Lee & Associates", BODY, None)]),
        ("By Ana Lee and Associates", [("Ana Lee and Associates", BODY, None)]),
        ("Prepared by Bo Chan & Company", [("Bo Chan & Company", BODY, None)]),
        ("By Bo Chan and Sons", [("Bo Chan and Sons", BODY, None)]),
        ("By Chan, Lee & Partners", [("Chan, Lee & Partners", BODY, None)]),
        ("By Jane Roe and Ana Lee & Associates",
         [("Jane Roe", PERSON, None), ("Ana Lee & Associates", BODY, None)]),
        # a job title in the plural is no firm
        ("By Jane Roe and John Doe, Research Associates", people("Jane Roe", "John Doe")),
    ],
)  # fmt: skip
def test_a_firm_named_after_its_founder(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By The Hon. Jane Roe", people("Jane Roe")),
        ("By Sen. Jane Roe and Rep. John Doe", people("Jane Roe", "John Doe")),
        ("By Sgt. Jane Roe and Lt. John Doe", people("Jane Roe", "John Doe")),
        ("By Ms. Jane Roe and Mr. John Doe", people("Jane Roe", "John Doe")),
        ("By Mrs Jane Roe", people("Jane Roe")),
        ("By Capt. Jane Roe, Det. John Doe and Gov. Ana Lee",
         people("Jane Roe", "John Doe", "Ana Lee")),
        ("By Dr. med. Hans Mühlbach", people("Hans Mühlbach")),
        ("By Chief Jane Roe", people("Jane Roe")),
        ("By Chief Justice Jane Roe", people("Jane Roe")),
        ("By Jane Roe, M.Ed.", people("Jane Roe")),
        ("By Jane Roe, MEd, and John Doe, M.Phil.", people("Jane Roe", "John Doe")),
        ("By Jane Roe, PhD candidate", people("Jane Roe")),
        ("By Jane Roe, doctoral student, and John Doe", people("Jane Roe", "John Doe")),
        # a given name that is also a title's short form: the title has its stop
        ("By Rep Lee and Sen Wong", people("Rep Lee", "Sen Wong")),
    ],
)  # fmt: skip
def test_titles_before_a_name_and_degrees_after_it_are_no_part_of_it(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe (Northland University, USA) and John Doe (Harbour College, UK)",
         people("Jane Roe", "John Doe")),
        ("By Jane Roe (Harbour Policy Lab, Northland) and John Doe",
         people("Jane Roe", "John Doe")),
        ("By Ana Lee of Harbour University", people("Ana Lee")),
        ("By Ana Lee of Harbour University and Bo Chan of Northland College",
         people("Ana Lee", "Bo Chan")),
        # guards: a body named after a person, `of` in a body's name
        ("By Jane Addley College of Social Work",
         [("Jane Addley College of Social Work", BODY, None)]),
        ("By Harbour Council of Chiefs of Police",
         [("Harbour Council of Chiefs of Police", BODY, None)]),
    ],
)  # fmt: skip
def test_where_a_person_works_in_brackets_or_after_of(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe, with assistance from John Doe",
         [("Jane Roe", PERSON, None), ("John Doe", PERSON, "contributor")]),
        ("By Jane Roe, with research assistance from John Doe and Ana Lee",
         [("Jane Roe", PERSON, None), ("John Doe", PERSON, "contributor"),
          ("Ana Lee", PERSON, "contributor")]),
        ("By Jane Roe and the Substance Abuse and Mental Health Services Administration",
         [("Jane Roe", PERSON, None),
          ("Substance Abuse and Mental Health Services Administration", BODY, None)]),
        ("By Ana Lee and the Harbour Office of Victims and Witnesses",
         [("Ana Lee", PERSON, None), ("Harbour Office of Victims and Witnesses", BODY, None)]),
    ],
)  # fmt: skip
def test_a_person_and_then_more(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe, Jr., and John Doe, III", people("Jane Roe Jr.", "John Doe III")),
        ("By John Doe, II and Ana Lee", people("John Doe II", "Ana Lee")),
        ("By Ana SOLÍS y Joaquín FERRER", people("Ana Solís", "Joaquín Ferrer")),
        ("By Jean DUPRÉ and Zoë ÅBERG", people("Jean Dupré", "Zoë Åberg")),
    ],
)  # fmt: skip
def test_a_generation_after_a_comma_and_family_names_in_capitals(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Edited by Ana Lee and Bo Chan, with a preface by Cy Diaz",
         [("Ana Lee", PERSON, "editor"), ("Bo Chan", PERSON, "editor"),
          ("Cy Diaz", PERSON, "preface")]),
        ("By Ana Lee; afterword by Bo Chan",
         [("Ana Lee", PERSON, None), ("Bo Chan", PERSON, "afterword")]),
        ("Preface by Cy Diaz", [("Cy Diaz", PERSON, "preface")]),
    ],
)  # fmt: skip
def test_a_preface_or_an_afterword_by(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Office of Inspector General, Harbour County",
         [("Office of Inspector General", BODY, None)]),
        ("By Harbour Policy Lab, Northland County", [("Harbour Policy Lab", BODY, None)]),
        ("By the Public Defender's Office, Harbour City, and Ana Lee",
         [("Public Defender's Office", BODY, None), ("Ana Lee", PERSON, None)]),
    ],
)  # fmt: skip
def test_a_county_or_city_after_a_body_is_where_it_is(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


_GIVEN = st.sampled_from(["Ana", "Joaquín", "Marie", "Hans", "Giulia", "Anne-Sophie", "Lars"])
_FAMILY = st.sampled_from(
    ["Solís", "Ferrer", "Dupré", "Mühlbach", "Quintela", "Visscher", "Haugen"]
)
_OTHER_AND = st.sampled_from(["y", "et", "und", "e", "en", "i", "och", "og", "és", "și"])


@settings(max_examples=200, deadline=None)
@given(_GIVEN, _FAMILY, _OTHER_AND, _GIVEN, _FAMILY)
def test_another_languages_and_parts_two_whole_names_only(
    given1: str, family1: str, joiner: str, given2: str, family2: str
) -> None:
    first, second = f"{given1} {family1}", f"{given2} {family2}"
    assume(first != second)
    assert byline_of(f"By {first} {joiner} {second}") == people(first, second)
    if joiner in ("y", "e", "i"):  # the languages that join two family names so
        # one word after it is the second half of a double family name
        assert byline_of(f"By {first} {joiner} {family2}") == people(f"{first} {joiner} {family2}")


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Ana Lee, Bo Chan and the Harbour Policy Lab team",
         [("Ana Lee", PERSON, None), ("Bo Chan", PERSON, None),
          ("Harbour Policy Lab", BODY, None)]),
        ("By the Harbour Crime Commission staff", [("Harbour Crime Commission", BODY, None)]),
        ("By the research team of the Northland Justice Center",
         [("Northland Justice Center", BODY, None)]),
    ],
)  # fmt: skip
def test_a_bodys_team_or_staff_is_the_body(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    "byline",
    ["By Harbour Policy Lab – Northland University", "By Northland Center — Harbour Office"],
)
def test_a_dash_after_a_body_parts_no_two_bodies(byline: str) -> None:
    assert [c.kind for c in parse_byline(byline, LEX.authority)] == [BODY]


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Authors: Jane Roe, PhD1; John Doe, MPH2", people("Jane Roe", "John Doe")),
        ("By Jane Roe, PhD, Harbour University, Northland, USA", people("Jane Roe")),
        ("By Jane Roe, Harbour Policy Lab, Northland, UK", people("Jane Roe")),
        # guard: a family name, then given names (not a place in capitals)
        ("By Roe, Jane, Doe, John", people("Jane Roe", "John Doe")),
        ("By Roe, P. M., Doe, R. H., Lee, J.", people("P. M. Roe", "R. H. Doe", "J. Lee")),
    ],
)  # fmt: skip
def test_a_footnote_after_a_degree_and_a_place_after_an_affiliation(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Ana Lee. Illustrations by Bo Chan",
         [("Ana Lee", PERSON, None), ("Bo Chan", PERSON, "illustrator")]),
        ("By Ana Lee; photos by Bo Chan",
         [("Ana Lee", PERSON, None), ("Bo Chan", PERSON, "photographer")]),
        ("Photographs by Bo Chan", [("Bo Chan", PERSON, "photographer")]),
    ],
)  # fmt: skip
def test_illustrations_and_photographs_by(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        # `Justice` before a person's whole name: a judge's title, or a given name
        ("By Justice Amara Okafor", people("Justice Amara Okafor")),
        ("By Justice Amara Okafor and Mercy Lee", people("Justice Amara Okafor", "Mercy Lee")),
        # guards: bodies that start with the word
        ("By Justice Policy Network", [("Justice Policy Network", BODY, None)]),
        ("By Justice Strategies", [("Justice Strategies", BODY, None)]),
        ("By Justice Reform Now", [("Justice Reform Now", BODY, None)]),
    ],
)  # fmt: skip
def test_a_person_named_after_justice(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


def test_romanian_and_joins_two_people() -> None:
    assert byline_of("By Ana-Maria Popescu și Ion Ionescu") == people(
        "Ana-Maria Popescu", "Ion Ionescu"
    )
