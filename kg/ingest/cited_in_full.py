"""An article cited in full where the imprint goes: its authors, year and title printed before
the journal, as reference lists print them (APA `Roe, J., & Doe, K. (2021). Title. Journal,
9(1), 1–20.`, Chicago `Roe, Jane. 2021. "Title." Journal 9 (1): 1–20.`, Vancouver `Roe J, Doe
K. Title. Journal. 2021;9(1):1-20.`, MLA `Roe, Jane. "Title." Journal, vol. 9, no. 1, 2021,
pp. 1-20.`), or a book's author or body before its title (`Roe, Jane. Title. Publisher, 2019.`,
`Harbour Institute. Title. London: …`). What follows the record's own title (and a subtitle it
leaves out) is the imprint."""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.ingest.gazetteer import names_a_known_place
from kg.ingest.names import is_org_like

_QUOTES = "‘’'\"“” "

# The year after the authors: `(2021).` (APA) or `2021.` (Chicago), a letter after it (`2021a`).
_YEAR_AFTER_AUTHORS = re.compile(
    r"\s(?:\((?P<bracketed>(?:19|20)\d\d)[a-z]?\)|(?P<plain>(?:19|20)\d\d)[a-z]?)[.,]?$"
)
# `Roe J`, `van Dijk KA`, `Roe-Doe J`: a family name, then the initials (Vancouver).
_FAMILY_INITIALS = re.compile(r"(?:[a-z]+ )?[A-Z][^\W\d_]+(?:[-'’ ][A-Z][^\W\d_]+)? [A-Z]{1,3}")


class Cut(NamedTuple):
    """A citation without the record's title and the authors printed before it."""

    rest: str
    year: int | None = None  # the year after the authors (`Roe, J. (2021). Title. …`)


def without_authors_and_title(cited: str, title: str) -> Cut:
    """The citation after the record's title, when the citation starts with its authors (and
    year) or a body's name, then the title; else the citation."""
    bare = title.strip(_QUOTES).rstrip(".?! ")
    if len(bare) < 12:
        return Cut(cited)
    at = cited.casefold().find(bare.casefold(), 0, 240)
    if at <= 0:
        return Cut(cited)
    rest = _after_title(cited[at + len(bare) :])
    if not rest[:1].isalpha():
        return Cut(cited)  # nothing or a mark of the title's own follows: not the whole title
    head = cited[:at].rstrip(_QUOTES)
    found = _YEAR_AFTER_AUTHORS.search(head) if head[-1:] in ".)," else None
    if found is not None:
        year = found["bracketed"] or found["plain"]
        return Cut(rest, int(year)) if _inverted_names(head[: found.start()]) else Cut(cited)
    if _vancouver_names(head):
        return Cut(rest)
    if head[-1:] != ".":
        return Cut(cited)
    # MLA, the title quoted or not (a book's): `Roe, Jane. "Title." Journal, vol. 9, …`, `Roe,
    # Jane. Title. Publisher, 2019.`; not a place and its region (`Wellington, NZ. Title. …`).
    name = head[:-1].strip()
    if _inverted_names(name) and not names_a_known_place(name.partition(",")[0]):
        return Cut(rest)
    if "." not in name and _plain_words(name) and is_org_like(name):
        # `Harbour Institute. Title. London: Harbour Institute, …`: the place and publisher
        # follow; else the body is the only publisher named (`… Title. Wellington, 2020.`).
        return Cut(rest if ":" in rest[:_PLACE_MAX] else f"{name}. {rest}")
    return Cut(cited)


_PLACE_MAX = 48  # characters: a place and its region before an imprint's colon


def _after_title(text: str) -> str:
    """What follows the title and its closing marks, a subtitle the listing's title leaves out
    too (`: a review. Journal …`)."""
    if text[:1] == ":":
        end = _SUBTITLE_END.search(text)
        text = text[end.end() :] if end else text
    return text.lstrip(_QUOTES + ".?!")


# A subtitle's end: a full stop (or `?`, `!`), its quotes, a space and the next capital.
_SUBTITLE_END = re.compile(r"[.?!][\"”’']?\s+(?=[A-Z])")


def _inverted_names(text: str) -> bool:
    """`Roe, J., & Doe, K.`, `van Dijk, Jane, and John Doe.`: persons' names, the first
    inverted (a body's name has no comma after its first word; a particle may come before)."""
    text = text.strip()
    first, comma, _given = text.partition(",")
    *particles, _family = first.split() or [""]
    return bool(comma) and _plain_words(text) and all(p.islower() for p in particles)


def _vancouver_names(text: str) -> bool:
    """`Roe J, Doe KA.`, `Roe J, Doe K, et al.`: a family name and its initials each."""
    text = text.strip()
    if text[-1:] != "." or not _plain_words(text):
        return False
    names = text[:-1].removesuffix(", et al").removesuffix(" et al").split(", ")
    return all(_FAMILY_INITIALS.fullmatch(n) for n in names)


def _plain_words(text: str) -> bool:
    """Short, without digits, a place's colon or a bracket: names only."""
    return 3 <= len(text) <= 200 and not any(c.isdigit() or c in ":;()[]" for c in text)
