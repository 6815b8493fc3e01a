"""Bylines read with the test authority file, as the byline tests read them: (name, kind,
role) of each contributor."""

from __future__ import annotations

from kg.ingest import Lexicon
from kg.ingest.byline import parse_byline
from tests.conftest import fixture_lexicon

LEX: Lexicon = fixture_lexicon()
PERSON, BODY = "person", "organization"
Read = list[tuple[str, str, str | None]]


def byline_of(byline: str) -> Read:
    """Each contributor of the byline as (name, kind, role)."""
    return [(c.name, c.kind, c.role) for c in parse_byline(byline, LEX.authority)]


def people(*names: str, role: str | None = None) -> Read:
    """What a byline of these people reads as."""
    return [(name, PERSON, role) for name in names]
