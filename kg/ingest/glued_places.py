"""Places glued to a publisher's name, either way round (`RAND Corporation, Santa Monica, CA`,
`Human Rights Watch New York`, `Southbank VIC 3006 Australia Coastal Institute`), and lists of
places (`Leiden; Boston`, `London and New York`)."""

from __future__ import annotations

import re

from kg.ingest.gazetteer import Gazetteer, names_a_country
from kg.ingest.names import CONNECTORS, HEAD_WORDS, has_org_word, is_org_like

_PLACE_LIST = re.compile(r"[;/·]")
_AND = re.compile(r"\s+(?:and|&)\s+")
# Marks printed between a body's name and its city.
_MARKS = frozenset(["/", "|", "-", "–", "—"])
# Parts of the world: a body's scope (`ENACT (Africa)`), not where it publishes.
WORLD_PARTS = frozenset(
    ["africa", "asia", "europe", "america", "americas", "oceania", "latin america",
     "north america", "south america", "middle east", "caribbean", "pacific", "balkans",
     "global", "international"]
)  # fmt: skip


def place_inside(segment: str, gazetteer: Gazetteer) -> tuple[list[str], str]:
    """(places, the rest) of a segment gluing places to a publisher's name, either way round:
    `Los Angeles, California University of California Press, Ltd`, `RAND Corporation, Santa
    Monica, CA`, `Human Rights Watch New York`, `Southbank VIC 3006 Australia Coastal Institute`."""
    pieces = [p.strip() for p in segment.split(",")]
    # A place made of the first comma pieces, then a publisher.
    for cut in range(len(pieces) - 1, 0, -1):
        head, tail = ", ".join(pieces[:cut]), ", ".join(pieces[cut:])
        if gazetteer.is_place(head) and _org_start(tail) and not _a_name(head, tail, gazetteer):
            region, rest = _leading_region(tail, gazetteer)
            if region:
                return [f"{head}, {region}"], rest
            return split_places(head, gazetteer), rest
    # A publisher, then a place in the last comma pieces.
    for cut in range(1, len(pieces)):
        head, tail = ", ".join(pieces[:cut]), ", ".join(pieces[cut:])
        named = is_org_like(head) or (cut == 1 and _publisher_name(head, gazetteer))
        if named and gazetteer.is_place(tail) and len(tail.split()) <= 5:
            return [tail], head
    words = segment.split()
    # Leading words that name a place, then a publisher (`Southbank VIC 3006 Australia X`).
    for cut in range(min(len(words) - 1, 6), 1, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        postcode = any(w.isdigit() and len(w) in (4, 5) for w in words[:cut])
        if (
            not has_org_word(head)
            and (postcode or gazetteer.is_known(head) or gazetteer.is_region(words[cut - 1]))
            and gazetteer.is_known(words[cut - 1])
            and _org_start(tail)
            and not _country_names_the_body(words, cut)
        ):
            return [head], tail
    # A publisher, then trailing words that name a place (`Human Rights Watch New York`), a mark
    # between them belonging to neither (`Harbour Books / Lisbon`).
    for cut in range(max(1, len(words) - 3), len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if words[cut - 1] in _MARKS and cut > 1:
            head = " ".join(words[: cut - 1])
        if (
            gazetteer.is_known(tail)
            and tail[:1].isalpha()  # `Network - Africa`: the part of the world it works in
            and tail.casefold() not in WORLD_PARTS
            and not has_org_word(tail)
            and (has_org_word(head) or head.casefold() in _HOUSES_WITH_CITY)
            and words[cut - 1].casefold() not in CONNECTORS
            and not _named_with_its_country(head, tail)
        ):
            return [tail], head
    return [], segment


def _a_name(head: str, tail: str, gazetteer: Gazetteer) -> bool:
    """`Garcia, Lisbon`: a name that is a city only when read without its accents (GeoNames'
    `García`), before a place as printed, is a publisher's or a person's name."""
    return gazetteer.known_by_its_accents_alone(head) and gazetteer.is_place(tail)


def _country_names_the_body(words: list[str], cut: int) -> bool:
    """`Washington D.C. US Department of Justice`: the country's code before a body's head word
    (`Department`, `Agency`) is the body's, not the place's, when a place is left before it."""
    return (
        cut > 2
        and words[cut - 1].replace(".", "") in _COUNTRY_CODES
        and words[cut].casefold().strip(".,") in HEAD_WORDS
    )


_COUNTRY_CODES = frozenset(["US", "USA", "UK"])


def _named_with_its_country(head: str, tail: str) -> bool:
    """`Statistics Canada`, `Police Scotland`, `Save the Children UK`: a body names the country
    it serves with no comma before it (a city glued on is where it is: `… Watch New York`)."""
    country = names_a_country(tail) or tail.casefold() in _NATIONS_OF_THE_UK
    return country and head.casefold() not in _HOUSES_WITH_CITY


_NATIONS_OF_THE_UK = frozenset(["england", "scotland", "wales", "northern ireland"])


# Academic publishers that print the city of the office after their name (`Springer Cham`,
# `Palgrave Macmillan Cham`, `Springer Singapore`), with no organisation word to tell them.
_HOUSES_WITH_CITY = frozenset(
    ["springer", "springer nature", "palgrave macmillan", "palgrave", "brill", "routledge"]
)


def _leading_region(text: str, gazetteer: Gazetteer) -> tuple[str, str]:
    """`California University of California Press` → (`California`, `University of …`)."""
    words = text.split()
    for cut in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:cut])
        if gazetteer.is_known(head) and _org_start(" ".join(words[cut:])):
            return head, " ".join(words[cut:])
    return "", text


def _org_start(text: str) -> bool:
    """The text starts a body's name: an organisation word soon, or a capitalised name."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and (is_org_like(text) or len(words) <= 4)


def _publisher_name(text: str, gazetteer: Gazetteer) -> bool:
    """A short name that is no place before a place (`Routledge, London`, `Brill, Leiden`)."""
    return (
        text[:1].isupper()
        and len(text.split()) <= 3
        and (not gazetteer.is_known(text) or gazetteer.known_by_its_accents_alone(text))
    )


def split_places(text: str, gazetteer: Gazetteer) -> list[str]:
    """`Leiden; Boston`, `Berlin/Boston`, `Leiden, Boston` (known cities, none a region)."""
    out: list[str] = []
    for part in re.split(r"\s*[;/·]\s*", text) if _PLACE_LIST.search(text) else [text]:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        joined = _AND.split(part) if " and " in part or " & " in part else []
        if len(joined) == 2 and all(gazetteer.is_place(p) for p in joined):
            out += joined  # `London and New York`
        elif (
            len(pieces) >= 2
            and not any(gazetteer.is_region(p) for p in pieces[1:])
            and all(gazetteer.is_known(p) for p in pieces)
        ):
            out += pieces  # `Leiden, Boston`, `New York, Berlin, London`
        elif part.strip():
            out.append(part.strip())
    return out


def named_as_a_town(name: str) -> bool:
    """`Port Kestrel`, `Glen Ora`, `Harbour City`, `Kestrel Bay`: two or three capitalised words,
    one of them a word towns are named with (first or last), and no body's word: a town that no
    list knows, not a second publisher's name (`Lowe Bayliss`, `Northland Books`)."""
    tokens = name.split()
    return (
        2 <= len(tokens) <= 3
        and all(t[:1].isupper() and t.isalpha() for t in tokens)
        and (tokens[0] in _TOWN_FIRST or tokens[-1] in _TOWN_LAST)
        and not has_org_word(name)
    )


# The words towns are named with, first (`Port Kestrel`) or last (`Kestrel Bay`).
_TOWN_FIRST = frozenset(["Port", "Fort", "Glen", "Mount", "Lake", "San", "Santa", "Saint"])
_TOWN_LAST = frozenset(["City", "Bay", "Heights", "Falls", "Springs", "Beach", "Harbour", "Harbor",
                        "Hills", "Valley", "Creek", "Island", "Cove", "Junction"])  # fmt: skip
