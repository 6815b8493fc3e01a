"""Lines of an abstract shaped like another field: a numbered point (`1. Fund the courts.`) and a
heading before a colon (`Key recommendations:`, `Table of contents: …`), which a place's colon
would otherwise make the start of an imprint."""

from __future__ import annotations

import re


def heading_colon(text: str) -> bool:
    """`Key recommendations:`, `Table of contents: …`: words in lower case before the colon, as
    no place's name has them (`Newcastle upon Tyne`, `Rio de Janeiro`, `London and New York`
    aside)."""
    before = text[: text.index(":")] if ":" in text else text
    return any(w.islower() and len(w) >= 3 and w not in _PLACE_SMALL_WORDS for w in before.split())


_PLACE_SMALL_WORDS = frozenset(["and", "upon", "del", "des", "dos", "das", "sur", "aan", "bei"])


def numbered_point(text: str) -> bool:
    """`1. Fund the courts.`: a numbered point of the abstract (a sentence, words in lower case)."""
    return (
        _NUMBERED.match(text) is not None
        and text.rstrip()[-1:] in ".;!?"
        and sum(w.islower() for w in text.split()) >= 2
    )


_NUMBERED = re.compile(r"\d{1,2}[.)]\s+[A-Z][a-z]")
