"""A line that lists names without `By`: people (`Roe, Jane; Doe, John`, `Jane Roe and John
Doe`, `Kiran M. Roe Sarah L. Doe`, `Sergi, Anna`) or bodies (`Arcus Foundation.`, `… Drug
Addiction (EMCDDA)`), told by its shape alone: one piece of evidence of a line's role."""

from __future__ import annotations

import re

from kg.ingest.contributor import SLOGAN_WORDS
from kg.ingest.gazetteer import names_a_known_place, names_a_region
from kg.ingest.names import has_org_word, is_person_like, is_shouting, title_case, words
from kg.ingest.pieces import DEGREES, people_with_initials
from kg.ingest.text import ends_with_initial, has_digit
from kg.ingest.vancouver import vancouver

_NAME_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|&|\||·|\s-\s|\bwith\b)\s*")
_ET_AL_OR_OTHERS = re.compile(r",?\s*(?:\bet\.?\s+al\b\.?|\b(?:and|&)\s+others)\s*$", re.IGNORECASE)
_ACRONYM_END = re.compile(r"\s*\([A-Z][A-Za-z&]{1,11}\)$")
_ROLE_NOTE = re.compile(
    r"\s*[(\[](?:eds?|editors?|authors?|compilers?|contributors?|translators?|illustrators?|"
    r"foreword|introduction)\.?[)\]]"
    r"|,\s*(?:eds?|editors?|compilers?)\.?$",  # `Jane Roe, Editor`, `…, eds.`
    re.IGNORECASE,
)


def name_list(text: str) -> int:
    """2 for a list of people's names (`Roe, Jane; Doe, John`), 1 for one name or body, else 0."""
    if len(text) > 250 or ":" in text or has_digit(text):
        return 0
    text = _ROLE_NOTE.sub("", text)
    last = text[-16:].casefold()  # `et al.` and `and others` end the line
    if "al" in last or "others" in last:
        end = _ET_AL_OR_OTHERS.search(text, max(0, len(text) - 20))
        text = text[: end.start()] if end else text
    if text.endswith((".", "?", "!")) and not ends_with_initial(text):
        if not (text[-1] == "." and len(text) < 80 and has_org_word(text) and " " in text):
            return 0
        text = text[:-1]  # `Arcus Foundation.`: a body and a stop
    if text.endswith(")"):
        text = _ACRONYM_END.sub("", text)  # `… Drug Addiction (EMCDDA)`
    if vancouver(text) is not None or people_with_initials(text) is not None:
        return 2  # `Roe J, Doe KA`, `Kiran M. Roe Sarah L. Doe`
    if is_shouting(text):
        text = title_case(text)  # `JANE ROE AND JOHN DOE`: separators are case-sensitive
    parts = [p for p in _NAME_SEPARATORS.split(text) if p and not _degree(p)]
    if not parts:
        return 0
    people = sum(1 for p in parts if is_person_like(p))
    bodies = sum(1 for p in parts if _body_like(p))
    if people + bodies < len(parts):
        return _inverted_list(text) or _one_inverted(text)
    return 2 if people >= 2 else 1


def _degree(part: str) -> bool:
    return len(part) <= 8 and DEGREES.fullmatch(part) is not None  # `Ph.D.`, `MPH`


def _body_like(part: str) -> bool:
    """A body's name: an organisation word, or a slogan (`Stop the Traffik`, `Walk Free`)."""
    tokens = words(part.removeprefix("The "))
    if not 1 <= len(tokens) <= 10 or not part[:1].isupper():
        return False
    return has_org_word(part) or tokens[0].casefold() in SLOGAN_WORDS


def _inverted_list(text: str) -> int:
    """`HO, BIANCA; DOYLE, KIERAN`: family name, given names, separated by `;`."""
    if ";" not in text:
        return 0
    for person in text.split(";"):
        family, comma, given = person.partition(",")
        if not comma or not family.strip() or not given.strip():
            return 0
        if not is_person_like(f"{given.strip()} {family.strip()}".title()):
            return 0
    return 2


_FAMILY_GIVEN = re.compile(
    r"(?:[a-z]+ ){0,2}[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
)


def _one_inverted(text: str) -> int:
    """`Sergi, Anna`, `van der Berg, Jan H.`: one person, family name first (a city and its
    region, `Geneva, Switzerland`, or two cities, `Leiden, Boston`, are no one)."""
    if not _FAMILY_GIVEN.fullmatch(text):
        return 0
    family, _, given = text.partition(", ")
    if names_a_region(given) or not is_person_like(f"{given} {family}"):
        return 0
    if names_a_known_place(family) and names_a_known_place(given):
        return 0  # `Leiden, Boston`: two cities (`Sergi, Anna`: Anna is a town, Sergi none)
    return 1
