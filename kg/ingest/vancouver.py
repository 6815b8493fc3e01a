"""Names in the Vancouver style: a family name, then the initials (`Roe J, Doe KA`, `Roe J.,
Doe K.A.`), in natural order (`J. Roe`, `K. A. Doe`)."""

from __future__ import annotations

import re

from kg.ingest.names import title_case
from kg.ingest.pieces import SPLIT

# `Roe J, Doe KA` (Vancouver style): a family name, then the initials, without stops or with
# them (`Roe J., Doe K.A.`).
_FAMILY_THEN_INITIALS = re.compile(
    r"(?P<family>[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)?(?: [A-Z][^\W\d_]+)?)"
    r" (?P<initials>[A-Z]{1,2}|[A-Z]\.(?:[A-Z]\.)?)"
)


def vancouver(text: str) -> list[str] | None:
    """`Roe J, Doe KA` → `J. Roe`, `K. A. Doe`; None unless the text is such a list."""
    comma = text.find(",")  # `Roe J,`, `Roe KA,`: capitals alone before the first comma
    end = comma - 1 if text[comma - 1 : comma] == "." else comma  # `Roe J.,`
    if end < 3 or not text[end - 1].isupper():
        return None
    if text[end - 2] != " " and not (text[end - 2].isupper() and text[end - 3 : end - 2] == " "):
        return None
    if not _VANCOUVER_HINT.search(text):
        return None
    parts = SPLIT.split(text)  # not `_pieces`: `Roe MD` is initials here, not a degree
    return _vancouver([(p.strip(), "") for p in parts[::2] if p.strip()])


_VANCOUVER_HINT = re.compile(r"[^\W\d_] (?:[A-Z]{1,2}|[A-Z]\.(?:[A-Z]\.)?)(?:,|$)")


def _vancouver(pieces: list[tuple[str, str]]) -> list[str] | None:
    """`J. Roe`, `K. A. Doe` when every piece of two or more is a family name and initials."""
    if len(pieces) < 2:
        return None
    matches = [_FAMILY_THEN_INITIALS.fullmatch(p) for p, _sep in pieces]
    if not all(matches):
        return None
    return [
        " ".join([*(f"{c}." for c in m["initials"] if c != "."), _family(m["family"])])
        for m in matches
        if m
    ]


def _family(name: str) -> str:
    return title_case(name) if name.isupper() else name  # `ROE J`
