"""An article cited in full where the imprint goes: its authors, year and title printed before
the journal, as reference lists print them (APA `Roe, J., & Doe, K. (2021). Title. Journal,
9(1), 1–20.`, Chicago `Roe, Jane. 2021. "Title." Journal 9 (1): 1–20.`, Vancouver `Roe J, Doe
K. Title. Journal. 2021;9(1):1-20.`, MLA `Roe, Jane. "Title." Journal, vol. 9, no. 1, 2021,
pp. 1-20.`). What follows the record's own title (and a subtitle it leaves out) is the imprint."""

from __future__ import annotations

import re

_QUOTES = "‘’'\"“” "

# The year after the authors: `(2021).` (APA) or `2021.` (Chicago), a letter after it (`2021a`).
_YEAR_AFTER_AUTHORS = re.compile(
    r"\s(?:\((?P<bracketed>(?:19|20)\d\d)[a-z]?\)|(?P<plain>(?:19|20)\d\d)[a-z]?)[.,]?$"
)
# `Roe J`, `van Dijk KA`, `Roe-Doe J`: a family name, then the initials (Vancouver).
_FAMILY_INITIALS = re.compile(r"(?:[a-z]+ )?[A-Z][^\W\d_]+(?:[-'’ ][A-Z][^\W\d_]+)? [A-Z]{1,3}")


def without_authors_and_title(cited: str, title: str) -> tuple[str, int | None]:
    """(the citation after the record's title, the year printed before it) when the citation
    starts with its authors (and year) and the title; else (the citation, None)."""
    bare = title.strip(_QUOTES).rstrip(".?! ")
    if len(bare) < 12:
        return cited, None
    at = cited.casefold().find(bare.casefold(), 0, 240)
    if at <= 0:
        return cited, None
    rest = _after_title(cited[at + len(bare) :])
    if not rest[:1].isalpha():
        return cited, None  # nothing or a mark of the title's own follows: not the whole title
    head = cited[:at].rstrip(_QUOTES)
    found = _YEAR_AFTER_AUTHORS.search(head) if head[-1:] in ".)," else None
    if found is not None:
        year = found["bracketed"] or found["plain"]
        return (rest, int(year)) if _inverted_names(head[: found.start()]) else (cited, None)
    quoted = cited[at - 1] in _QUOTES[:-1]  # MLA: `Roe, Jane. "Title." Journal, vol. 9, …`
    if _vancouver_names(head) or (quoted and head[-1:] == "." and _inverted_names(head[:-1])):
        return rest, None
    return cited, None


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
