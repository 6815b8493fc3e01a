"""Name shapes shared by bylines and imprints: person-like, organisation-like, acronyms, casing.

The tests are pure functions of the text and names recur across a catalogue, so they are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.org_words import ORG_WORDS
from kg.ingest.topic_nouns import has_nominal_ending as has_nominal_ending
from kg.ingest.topic_nouns import names_a_topic

# Organisation words that head a body's name: a piece with one is a body of its own.
HEAD_WORDS = ORG_WORDS - frozenset(
    ["justice", "research", "international", "united", "nations", "police", "government",
     "watch", "books", "publishing", "publishers", "inc", "ltd", "llc", "co", "system", "systems"]
)  # fmt: skip
UNIT_WORDS = frozenset(["division", "unit", "section", "branch", "department", "office"])
# Lower-case words allowed inside a person's name.
PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dal",
        "dos",
        "du",
        "la",
        "le",
        "von",
        "zu",
        "y",
        "bin",
        "ibn",
        "al",
        "el",
        # Dutch, German, Italian, French, Malay, Arabic and Swedish particles (`ten` too, but
        # prose has it: a glued abstract is split at `ten years`; contributor.py allows it)
        "ter",
        "zur",
        "zum",
        "degli",
        "dei",
        "delle",
        "des",
        "binti",
        "binte",
        "bint",
        "ould",
        "af",
        # Spanish and Portuguese plural articles after `de` (`María de los Ángeles Ruiz`,
        # `Carmen de las Heras`, `Ana das Neves`)
        "los",
        "las",
        "das",
    ]
)
# Lower-case words that join an organisation's name ("Office of", "Alliance for").
CONNECTORS = frozenset(
    ["of", "for", "and", "on", "in", "the", "to", "at", "against", "&", "a", "an"]
)
SMALL_WORDS = frozenset(
    ["of", "for", "and", "on", "in", "the", "to", "at", "a", "an", "by", "with", "from"]
)
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]{1,3}$|^[A-Z]\.?-[A-Z]\.?$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{0,2}[A-Z&]{1,8}s?$")

# Patterns of the helpers below, compiled once.
_OF_NAME = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:of|for|on|against)\s+[A-Z]")
_THE_NAME = re.compile(r"^The\s+[A-Z]")


def words(name: str) -> list[str]:
    """The name's words: str.split() splits on the white space the regex class \\s names."""
    return name.split()


@lru_cache(maxsize=65_536)
def has_org_word(name: str) -> bool:
    return any(w.casefold().strip(".,()'’") in ORG_WORDS for w in words(name))


@lru_cache(maxsize=65_536)
def has_head_word(name: str) -> bool:
    return any(w.casefold().strip(".,()'’") in HEAD_WORDS for w in words(name))


@lru_cache(maxsize=65_536)
def has_unit_word(name: str) -> bool:
    return any(w.casefold().strip(".,()'’") in UNIT_WORDS for w in words(name))


@lru_cache(maxsize=65_536)
def is_acronym(text: str) -> bool:
    """`OSCE`, `NatCen`, `CSA`: a short mostly-capital token."""
    return bool(_ACRONYM.match(text.strip(".")))


@lru_cache(maxsize=65_536)
def is_person_like(name: str) -> bool:
    """2–5 capitalised tokens (initials and particles allowed), no organisation word."""
    tokens = words(name.replace(",", " "))
    if not 2 <= len(tokens) <= 5 or has_org_word(name):
        return False
    capitals = 0
    for token in tokens:
        bare = token.strip(".,'’")
        if not bare or bare.startswith("("):
            return False
        if bare.casefold() in PARTICLES and bare[0].islower():
            continue
        if not (bare[0].isupper() and not any(ch.isdigit() for ch in bare)):
            return False
        capitals += 1
    return capitals >= 2


@lru_cache(maxsize=65_536)
def is_org_like(name: str) -> bool:
    """An organisation word, a name starting `The …`, `X of Y` (`National Academies of …`), or
    a body's part named by what it does (`Planning Section`)."""
    if has_org_word(name) or _THE_NAME.match(name) or _OF_NAME.search(name):
        return True
    return names_a_part(name)


# `Review`: a body reviewing what it is named for (`Policing Review`), and a family name.
_PART_ENDS = frozenset(["section", "branch", "division", "unit", "office", "review"])


@lru_cache(maxsize=65_536)
def names_a_part(name: str) -> bool:
    """`Evaluation Branch`, `Compliance Section`: a part's word after a word for what the part
    does (an abstract noun, a verb's noun in `-ing`, a body's word), which no person's given
    name is (`Taylor Branch` is a person's name), or `Section`, which no family name is."""
    tokens = name.split()
    last = tokens[-1].casefold().strip(".,") if len(tokens) >= 2 else ""
    if last not in _PART_ENDS:
        return False
    if last == "section":
        return True  # no person's family name
    before = tokens[-2].casefold().strip(".,")
    return before.endswith("ing") or before in ORG_WORDS or names_a_topic(before)


def title_case(text: str) -> str:
    """`NORTHLAND MINISTRY OF JUSTICE` → `Northland Ministry of Justice`; `(ACR)`, the acronyms
    no word is (`FBI`, `USA`, `U.S.`, `HIV/AIDS`) and Roman numerals kept."""
    out: list[str] = []
    for i, word in enumerate(text.split(" ")):
        lower = word.lower()
        if i and lower in SMALL_WORDS and not out[-1].endswith((":", "—", "-", "?", "!")):
            out.append(lower)
        elif word.startswith("(") and word.endswith(")"):
            out.append(word)
        else:
            out.append("/".join(_word_case(part) for part in word.split("/")))
    return " ".join(out)


def _word_case(word: str) -> str:
    bare = word.strip(",.;:?!'’\"“”")
    if bare.upper() in KEPT_CAPITALS or _DOTTED_ACRONYM.match(bare):
        return word.upper()
    return "-".join(_part_case(part) for part in word.split("-"))


def _part_case(part: str) -> str:
    """`MCDONALD'S` → `McDonald's`, `O'BRIEN` → `O'Brien` (`I'LL` → `I'll`), else `Word`."""
    lower = part.lower()
    if lower.startswith("mc") and len(part) >= 5 and part[2].isalpha():
        return "Mc" + part[2].upper() + lower[3:]
    if len(part) >= 5 and part[1] in "'’" and part[2:5].isalpha():
        return part[0].upper() + part[1] + part[2].upper() + lower[3:]
    return part[:1].upper() + lower[1:]


# Acronyms that are no English word, kept in capitals when a title or a name printed in
# capitals is title-cased (`US`, `IT`, `WHO` are words too, and are left to the title case).
KEPT_CAPITALS = frozenset(
    ["USA", "UK", "EU", "UN", "FBI", "CIA", "DHS", "DOJ", "BJS", "NIJ", "OJJDP", "ATF", "DEA",
     "HIV", "AIDS", "LGBT", "LGBTQ", "LGBTQ+", "LGBTQI", "LGBTQIA+", "COVID-19", "COVID", "NGO",
     "NGOS", "ISIS", "ISIL", "MS-13", "DNA", "CCTV", "ASBO", "GPS", "PTSD", "ADHD", "OECD",
     "UNODC", "UNICEF", "UNHCR", "ICC", "NATO", "IRA", "KKK", "ACLU", "NAACP", "NYPD", "LAPD",
     "FARC", "MI5", "MI6", "GCHQ", "NHS", "IOPC", "BAME", "BME", "DUI", "DWI", "IPV", "GBV",
     "VAWG", "FGM", "ICT", "USSR", "UAE", "RCMP", "NYC", "HMPPS", "OSCE", "INTERPOL",
     "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "WWI", "WWII"]
)  # fmt: skip
_DOTTED_ACRONYM = re.compile(r"^[A-Za-z](?:\.[A-Za-z])+\.?$")  # `U.S.`, `U.K.`


def is_shouting(text: str) -> bool:
    """ALL CAPS text with at least two words of letters."""
    return text.isupper() and " " in text.strip() and sum(ch.isalpha() for ch in text) > 4


def looks_like_initials(token: str) -> bool:
    return bool(_INITIALS.match(token))
