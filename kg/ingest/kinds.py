"""A name's kind among the names beside it: a lone family name among people is a person, a
given name and a family name that is also an organisation word (`Paul House`) among people is
a person, and a body printed after a person with only a comma between is where the person
works, not an author."""

from __future__ import annotations

import re

from kg.ingest.authority import Authority
from kg.ingest.names import has_org_word
from kg.records import Contributor

# One word with a capital after three lower-case letters is a body's name (`StopWatch`,
# `SafeLives`), unless a family name's prefix comes first (`FitzGerald`, `VanderMeer`).
_CAMEL_CASE_BODY = re.compile(r"(?!(?i:fitz|vander|della))[A-Z][a-z]{3,}[A-Z][a-z]")


def kinds_in_context(out: list[Contributor], authority: Authority) -> list[Contributor]:
    """A lone family name among people is a person (`N Elbers; Fiodorova; A Grané`)."""
    people = sum(1 for c in out if c.kind == "person")
    if people == 0 or people == len(out):
        return out
    return [
        Contributor(c.name, "person", c.role)
        if c.kind == "organization" and _bare_surname(c.name, authority)
        else c
        for c in out
    ]


def _bare_surname(name: str, authority: Authority) -> bool:
    return (
        " " not in name
        and not _CAMEL_CASE_BODY.match(name)
        and name[:1].isupper()
        and not name.isupper()
        and not has_org_word(name)
        and authority.lookup(name) is None
    )


# Organisation words that are common family names too (`Paul House`, `Tom Court`).
_FAMILY_NAME_ORG_WORDS = frozenset(["house", "court", "bank", "banks", "church", "hall", "law"])


def _people_named_like_bodies(
    found: list[tuple[Contributor, str]], authority: Authority
) -> list[tuple[Contributor, str]]:
    """`Ann Lee, Tom Court and Mary Banks`: among two people or more, a given name and a family
    name that is also an organisation word is a person, not a body (nor an affiliation)."""
    if sum(c.kind == "person" for c, _sep in found) < 2:
        return found
    return [
        (Contributor(c.name, "person", c.role), sep)
        if _family_name_like_a_body(c) and authority.lookup(c.name) is None
        else (c, sep)
        for c, sep in found
    ]


def _family_name_like_a_body(c: Contributor) -> bool:
    if c.kind != "organization":
        return False
    parts = c.name.split()
    return (
        len(parts) == 2
        and parts[1].casefold() in _FAMILY_NAME_ORG_WORDS
        and parts[0][:1].isupper()
        and parts[0][1:].islower()
        and not has_org_word(parts[0])
    )


def without_comma_affiliations(found: list[tuple[Contributor, str]]) -> list[Contributor]:
    """`Ann Lee, Urban Institute`, `Ann Lee and Bo Chan, RAND Corporation`, `Ann Lee – Urban
    Institute`, `Ann Lee | Urban Institute`: a body printed after a person's name with only a
    comma, a dash, a bar or a middle dot between is where the person works, not an author
    (`Ann Lee and the Urban Institute` names two authors); a county or a city after a body's
    name and a comma is where the body is."""
    out: list[Contributor] = []
    for c, sep in found:
        after_person = bool(out) and out[-1].kind == "person"
        if c.kind == "organization" and sep in _AFFILIATION_SEPARATORS and after_person:
            continue
        if sep == "," and out and out[-1].kind == "organization" and _JURISDICTION.match(c.name):
            continue  # `Office of Inspector General, Harbour County`: where the body is
        out.append(c)
    return out


_AFFILIATION_SEPARATORS = frozenset([",", "-", "–", "—", "|", "·"])
# A county's or a city's name, which a body's name may be followed by.
_JURISDICTION = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}(?:County|City|Parish|Borough|Township)$")


def kinds_in_group(found: list[tuple[Contributor, str]], authority: Authority) -> list[Contributor]:
    """One `;` group's names (each with the separator before it), their kinds read together."""
    return without_comma_affiliations(_people_named_like_bodies(found, authority))
