"""Shapes left over from the eighth session's reading rounds, as a listing prints them: a body
named by a word such as `Archive` in a byline; a thesis with its university's town; a paper in
a conference's proceedings; a statement after a copyright year; records that lack a byline and
an imprint, or an abstract, between whole records. Every line is made up."""

from __future__ import annotations

import pytest

from kg.ingest.byline import parse_byline
from tests.imprints import LEX


def _kinds(byline: str) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in parse_byline(byline, LEX.authority)]


@pytest.mark.parametrize(
    "byline",
    [
        "By Northland Data Archive",
        "By Northland Sound Archives",
        "By Eastmoor Policing Labs",
        "By Westland Data Commons",
        "By Harbour Prison Museum",
        "By Northland Offender Registry",
        "By Coastal Crime Clearinghouse",
        "By Eastmoor Data Platform",
        "By Harbour Housing Cooperative",
        "By Northland Youth Initiatives",
    ],
)
def test_a_byline_ending_in_a_bodys_word_is_a_body(byline: str) -> None:
    name = byline.removeprefix("By ")
    assert _kinds(byline) == [(name, "organization")]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Tom Archer", ["Tom Archer"]),
        ("By Ann Lee and Ruth Archer", ["Ann Lee", "Ruth Archer"]),
        ("By Mara Chambers", ["Mara Chambers"]),
        ("By Ivo Museum-Vale", ["Ivo Museum-Vale"]),
    ],
)
def test_a_person_whose_name_is_near_a_bodys_word_stays_a_person(
    byline: str, names: list[str]
) -> None:
    assert _kinds(byline) == [(n, "person") for n in names]
