"""Bylines that lead with another language's `by`, a court opinion's bylines, a body after `|`,
a part of a body before its parent, and roles and left-out names printed in other forms: read
as a careful cataloguer would. Every name is made up (bodies' real names are facts)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kg.ingest.byline import looks_like_byline, parse_byline
from kg.ingest.junk import is_junk
from tests.bylines import BODY, LEX, PERSON, byline_of, people
from tests.conftest import PAGE_HEAD, parse_page_text, record_with_byline


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Por Ana García y Luis Pérez", people("Ana García", "Luis Pérez")),
        ("Par Marie Dupont et Jean Martin", people("Marie Dupont", "Jean Martin")),
        ("Von Hans Müller und Eva Schmidt", people("Hans Müller", "Eva Schmidt")),
        ("Di Marco Rossi", people("Marco Rossi")),
        ("Door Jan de Vries", people("Jan de Vries")),
        ("Por Carmen Ruiz Ortega", people("Carmen Ruiz Ortega")),
        ("Par Sophie Lemaire, Luc Girard et Anne Roux",
         people("Sophie Lemaire", "Luc Girard", "Anne Roux")),
        ("Por el Instituto Nacional de Criminología",
         [("Instituto Nacional de Criminología", BODY, None)]),
        ("Par l'Institut National de Criminologie",
         [("Institut National de Criminologie", BODY, None)]),
        # a role in another language, then its `by`
        ("Editado por Ana García", people("Ana García", role="editor")),
        ("Herausgegeben von Hans Müller", people("Hans Müller", role="editor")),
        ("A cura di Giulia Neri e Paolo Conti",
         people("Giulia Neri", "Paolo Conti", role="editor")),
        ("Traduit par Jean Martin", people("Jean Martin", role="translator")),
        ("Übersetzt von Eva Schmidt", people("Eva Schmidt", role="translator")),
        ("Vertaald door Anke Visser", people("Anke Visser", role="translator")),
        ("Onder redactie van Pieter Bakker", people("Pieter Bakker", role="editor")),
    ],
)  # fmt: skip
def test_another_languages_by_leads_the_names(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        # family names that start with the word: one word after it, a particle after it, or an
        # English `By` before it
        ("Di Stefano, Anna", people("Anna Di Stefano")),
        ("Von Trapp, Maria", people("Maria Von Trapp")),
        ("Von Der Leyen, Ursula", people("Ursula Von Der Leyen")),
        ("By Di Marco Rossi", people("Di Marco Rossi")),
        ("Von der Leyen Foundation", [("Von der Leyen Foundation", BODY, None)]),
        # `Per` is a given name
        ("By Per Anders Berg and Ana Lee", people("Per Anders Berg", "Ana Lee")),
    ],
)  # fmt: skip
def test_a_family_name_that_starts_with_by_in_another_language(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    "title",
    ["Par for the Course", "Door to Door Sales Fraud", "Von Hayek and Crime",
     "Justice Delayed: Courts in Crisis", "Judge Dredd and Popular Justice",
     "Opinion Polls and Crime", "Von Neumann Machines", "Door Staff Training",
     "Di Stefano Lecture", "Par Excellence Policing", "Von Trapp Family Singers",
     "Par Excellence Policing and Crime Control"],
)  # fmt: skip
def test_a_title_that_starts_with_such_a_word_is_no_byline(title: str) -> None:
    assert not looks_like_byline(title)


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Justice Ann Lee delivered the opinion of the Court", people("Ann Lee")),
        ("Chief Justice Cy Diaz delivered the opinion of the Court", people("Cy Diaz")),
        ("Justice Ann Lee, dissenting", people("Ann Lee")),
        ("Judge Bo Chan, concurring in part and dissenting in part", people("Bo Chan")),
        ("Opinion by Judge Bo Chan", people("Bo Chan")),
        ("By Justice Ann Lee, No. 19-1234", people("Ann Lee")),
        # an unsigned opinion, and a docket number alone, name no one
        ("Per Curiam", []),
        ("Per Curiam.", []),
        ("Nos. 19-1234 and 19-1240", []),
        # guard: `Justice` alone may be a given name
        ("By Justice Amara Okafor", people("Justice Amara Okafor")),
    ],
)  # fmt: skip
def test_a_court_opinions_byline_names_its_judge(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    "byline",
    ["Por Ana García y Luis Pérez", "Par Marie Dupont et Jean Martin", "Door Jan de Vries",
     "Justice Ann Lee delivered the opinion of the Court", "Judge Bo Chan, concurring",
     "Editado por Ana García", "A cura di Giulia Neri", "Sous la direction de Claire Mauduit",
     "Édité par Marie Dupont", "Herausgegeben von Hans Müller", "Opinion by Judge Bo Chan",
     "Chief Justice Cy Diaz delivered the opinion of the Court", "POR ANA ROCHA Y TOMÁS IRIARTE",
     "Par Hélène Vasseur, avec la collaboration de Paul Girodet",
     "No. 21-0457, Justice Hollis Fenwick", "No. 23-118. Justice Corin Abernathy, concurring"],
)  # fmt: skip
def test_a_record_reads_such_a_byline_as_its_byline(byline: str) -> None:
    got = record_with_byline(byline, LEX)
    assert got.title == "Cyber Fraud Trends"
    assert list(got.contributors) == list(parse_byline(byline, LEX.authority))
    assert got.contributors


def test_a_record_reads_per_curiam_as_a_byline_of_no_one() -> None:
    got = record_with_byline("Per Curiam", LEX)
    assert (got.title, got.contributors) == ("Cyber Fraud Trends", ())
    assert got.abstract.startswith("An abstract about fraud.")


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe | Harbour Policy Institute", people("Jane Roe")),
        ("By Jane Roe · Harbour Policy Institute", people("Jane Roe")),
        ("Jane Roe | Harbour Policy Institute", people("Jane Roe")),
        ("By Ana Lee | Northland University | Bo Chan | Harbour College",
         people("Ana Lee", "Bo Chan")),
        ("By Ana Lee | Office of the Inspector General, Harbour Department of Justice",
         people("Ana Lee")),
        # guards: two people, and a body before a person (both authors)
        ("By Ana Lee · Bo Chan", people("Ana Lee", "Bo Chan")),
        ("By Harbour Policy Institute | Jane Roe",
         [("Harbour Policy Institute", BODY, None), ("Jane Roe", PERSON, None)]),
    ],
)  # fmt: skip
def test_a_body_after_a_bar_or_a_dot_is_where_the_person_works(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Office of the Inspector General, U.S. Department of Justice",
         "Office of the Inspector General, U.S. Department of Justice"),
        ("By the Research Division, Northland Department of Corrections",
         "Research Division, Northland Department of Corrections"),
        ("By Office of Juvenile Programs, Harbour Department of Justice",
         "Office of Juvenile Programs, Harbour Department of Justice"),
        ("By Statistics Unit, Northland Ministry of Justice",
         "Statistics Unit, Northland Ministry of Justice"),
        # guards: a body named by its own name, or a body and then one of its units
        ("By Blue Ribbon Panel on Fare Evasion, Northland Transit Authority",
         "Blue Ribbon Panel on Fare Evasion"),
        ("By the Office of the Inspector General, Office of Audits",
         "Office of the Inspector General"),
        ("By Harbour Department of Justice, Research Division", "Harbour Department of Justice"),
    ],
)  # fmt: skip
def test_a_part_named_as_a_part_keeps_its_parent(byline: str, want: str) -> None:
    assert byline_of(byline) == [(want, BODY, None)]


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By Jane Roe (trans.)", people("Jane Roe", role="translator")),
        ("By Jane Roe (ed.) and John Doe (trans.)",
         [("Jane Roe", PERSON, "editor"), ("John Doe", PERSON, "translator")]),
        ("Edited and with an introduction by Ana Lee", people("Ana Lee", role="editor")),
        ("Translated from the French by Ana Lee", people("Ana Lee", role="translator")),
        ("By Jane Roe, translated from the Spanish by John Doe",
         [("Jane Roe", PERSON, None), ("John Doe", PERSON, "translator")]),
        # names a listing left out
        ("By Jane Roe [and 3 others]", people("Jane Roe")),
        ("By Jane Roe, John Doe, and 5 others", people("Jane Roe", "John Doe")),
        ("By Jane Roe … and 12 more", people("Jane Roe")),
        ("By Jane Roe (and 2 others)", people("Jane Roe")),
    ],
)  # fmt: skip
def test_roles_and_left_out_names_in_other_forms(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By ZHANG Wei and LI Na", people("Zhang Wei", "Li Na")),
        ("By ZHANG Wei, LI Na and WU Lei", people("Zhang Wei", "Li Na", "Wu Lei")),
        # guard: without a family name printed first, two capitals are initials
        ("By JA Roe and Bo Chan", people("JA Roe", "Bo Chan")),
    ],
)  # fmt: skip
def test_a_short_family_name_printed_first_in_capitals(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


_GIVEN = st.sampled_from(["Ana", "Marie", "Hans", "Giulia", "Anke", "Jean-Luc", "Carmen"])
_FAMILY = st.sampled_from(["García", "Dupont", "Müller", "Neri", "de Vries", "Roux", "Visser"])
_LEAD_AND = st.sampled_from(
    [("Por", "y"), ("Par", "et"), ("Von", "und"), ("Di", "e"), ("Door", "en")]
)


@settings(max_examples=200, deadline=None)
@given(_GIVEN, _FAMILY, _LEAD_AND, _GIVEN, _FAMILY)
def test_another_languages_by_is_no_part_of_the_first_name(
    given1: str, family1: str, lead_and: tuple[str, str], given2: str, family2: str
) -> None:
    lead, joiner = lead_and
    first, second = f"{given1} {family1}", f"{given2} {family2}"
    assume(first != second)
    assert byline_of(f"{lead} {first}") == people(first)
    assert byline_of(f"{lead} {first} {joiner} {second}") == people(first, second)


@settings(max_examples=100, deadline=None)
@given(_GIVEN, _FAMILY, st.integers(1, 40), st.sampled_from(["others", "more"]))
def test_a_count_of_names_left_out_is_no_name(
    given1: str, family1: str, count: int, word: str
) -> None:
    name = f"{given1} {family1}"
    assert byline_of(f"By {name} and {count} {word}") == people(name)
    assert byline_of(f"By {name} [and {count} {word}]") == people(name)


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("POR ANA BELÉN ROCHA Y TOMÁS IRIARTE", people("Ana Belén Rocha", "Tomás Iriarte")),
        ("PAR MARIE DUPONT ET JEAN MARTIN", people("Marie Dupont", "Jean Martin")),
        # another language's `with the collaboration of`
        ("Par Hélène Vasseur, avec la collaboration de Paul Girodet",
         [("Hélène Vasseur", PERSON, None), ("Paul Girodet", PERSON, "contributor")]),
        ("Por Inés Albarrán, con la colaboración de Tomás Iriarte",
         [("Inés Albarrán", PERSON, None), ("Tomás Iriarte", PERSON, "contributor")]),
        ("Von Hans Müller unter Mitarbeit von Eva Schmidt",
         [("Hans Müller", PERSON, None), ("Eva Schmidt", PERSON, "contributor")]),
    ],
)  # fmt: skip
def test_another_languages_by_in_capitals_and_its_collaborators(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("By the Planning Section, Eastmoor Ministry of Public Safety",
         [("Planning Section, Eastmoor Ministry of Public Safety", BODY, None)]),
        ("By Evaluation Branch, Kestrel Department of Corrections",
         [("Evaluation Branch, Kestrel Department of Corrections", BODY, None)]),
        ("By the Sentencing Section", [("Sentencing Section", BODY, None)]),
        # guards: a family name that is a part's word
        ("By Taylor Branch", people("Taylor Branch")),
        ("By Ann Lee and Taylor Branch", people("Ann Lee", "Taylor Branch")),
    ],
)  # fmt: skip
def test_a_section_or_a_branch_named_by_what_it_does_is_a_body(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        ("Justice Ida Marchetti announced the judgment of the Court", people("Ida Marchetti")),
        # the judges who join an opinion sign it too
        ("Justice Ida Marchetti, with whom Justice Rolf Hagen joins, dissenting",
         people("Ida Marchetti", "Rolf Hagen")),
        ("Judge Kofi Amankwah, with whom Judges Ada Obi and Lars Berg join, concurring",
         people("Kofi Amankwah", "Ada Obi", "Lars Berg")),
        ("Per Curiam Opinion", []),
        # `tr.`: a translator
        ("By Ayo Bankole (tr.)", people("Ayo Bankole", role="translator")),
        ("By Ayo Bankole (transl.) and Esme Caldwell",
         [("Ayo Bankole", PERSON, "translator"), ("Esme Caldwell", PERSON, None)]),
        # guard: a body's acronym in brackets is no role
        ("By Harbour Transport Research (TR)", [("Harbour Transport Research", BODY, None)]),
    ],
)  # fmt: skip
def test_more_of_an_opinions_notes_and_a_translators_short_role(
    byline: str, want: list[object]
) -> None:
    assert byline_of(byline) == want


@pytest.mark.parametrize(
    ("byline", "want"),
    [
        # no person's family name is `Section`
        ("By Compliance Section, Northmere Department of Labor",
         [("Compliance Section, Northmere Department of Labor", BODY, None)]),
        # `with` and a role in the plural, without an article
        ("By Ravi Menon, with illustrations by Kit Arden",
         [("Ravi Menon", PERSON, None), ("Kit Arden", PERSON, "illustrator")]),
        ("By Ravi Menon, with photographs by Kit Arden",
         [("Ravi Menon", PERSON, None), ("Kit Arden", PERSON, "photographer")]),
    ],
)  # fmt: skip
def test_any_section_is_a_body_and_with_illustrations_by(byline: str, want: list[object]) -> None:
    assert byline_of(byline) == want


_OPINION_ABSTRACT = "An abstract about courts. This publication examines the question in detail."
_OPINION_IMPRINT = "Washington, DC: Harbour Court Press, 2021. 30p."


@pytest.mark.parametrize(
    "lines",
    [
        ["No. 19-1234", "Justice Ann Lee delivered the opinion of the Court"],
        ["Justice Ann Lee delivered the opinion of the Court", "No. 19-1234"],
        ["By Judge Ann Lee", "Docket No. 19-1234"],
        ["Nos. 19-1234 and 19-1240", "By Ann Lee"],
    ],
)
def test_a_docket_number_on_its_own_line_near_a_byline_is_no_field(lines: list[str]) -> None:
    page = "\n\n".join(["Harbour v. Northland", *lines, _OPINION_ABSTRACT, _OPINION_IMPRINT])
    (got,) = parse_page_text(f"{PAGE_HEAD}{page}\n", LEX)
    assert (got.title, [c.name for c in got.contributors]) == ("Harbour v. Northland", ["Ann Lee"])
    assert (got.publishers, got.year) == (("Harbour Court Press",), 2021)
    assert got.abstract == _OPINION_ABSTRACT


@pytest.mark.parametrize("line", ["No. 251", "No. 2021-05", "Research Report No. 19-12"])
def test_a_series_number_is_no_docket_number(line: str) -> None:
    assert not is_junk(line)
