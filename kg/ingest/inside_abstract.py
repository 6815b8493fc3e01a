"""Lines of an abstract shaped like another field: a numbered point (`1. Fund the courts.`), a
heading before a colon (`Key recommendations:`, `Table of contents: …`), which a place's colon
would otherwise make the start of an imprint, and a note of an earlier edition in brackets."""

from __future__ import annotations

import re

from kg.ingest.text import has_digit


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


def labelled_paragraph(text: str) -> bool:
    """`Conclusions: Police presence reduced crime.`, `Photo: Harbour Police`, `Washington: a
    city divided by crime.`: a structured abstract's part, a credit or a note, or a name and a
    sentence after its colon; no place and publisher."""
    colon = text.find(":")
    if colon < 0:
        return False
    if _LABEL.match(text) is not None:
        return True
    before, after = text[:colon], text[colon + 1 :]
    # A sentence ends it, and no number (a year, a count) is in it: no imprint is so printed.
    if "," in before or before.count(" ") > 2 or after.rstrip()[-1:] not in ".!?":
        return False
    if has_digit(after):
        return False
    tokens = [t for t in after.split() if t[:1].isalpha()]
    return len(tokens) >= 4 and sum(t[:1].islower() for t in tokens) * 2 > len(tokens)


def earlier_edition(text: str) -> bool:
    """`(Originally published London: Home Office, 1999.)`: a note in brackets of the work's
    earlier edition, a line of the abstract; never its record's imprint."""
    return text.rstrip(" .")[-1:] == ")" and _EARLIER_EDITION.match(text) is not None


_EARLIER_EDITION = re.compile(
    r"\((?:originally|first|previously|also)\s+(?:published|printed|issued)\b"
    r"|\(reprinted\s+(?:from|in|by)\b",
    re.IGNORECASE,
)


def abstract_label(text: str) -> bool:
    """`Conclusions: …`, `Photo: …`, `Keywords: …`: a line of the abstract, never a title."""
    head = text[:2]  # a cheap test first (beyond ASCII, case folding is the pattern's to decide)
    return (head.lower() in _LABEL_PAIRS or not head.isascii()) and (
        _ABSTRACT_LABEL.match(text) is not None
    )


def heading_label(text: str) -> bool:
    """`Methods`, `Key findings`, `RESULTS:`: a structured abstract's heading alone on its line,
    a line of the abstract, hardly a title."""
    head = text[:2].lower()  # a cheap test first: the first two letters of a heading
    return (
        len(text) <= _HEADING_MAX
        and (head in _HEADING_PAIRS or not head.isascii())
        and _HEADING_LABEL.fullmatch(text) is not None
    )


# The labels of a structured abstract's parts, and of credits and notes printed after it.
_ABSTRACT_LABELS = (
    r"background|context|objectives?|aims?|purpose|design|setting|participants|methods?"
    r"|methodology|interventions?|measures|outcomes?|results?|(?:key\s+)?findings|conclusions?"
    r"|implications|recommendations|limitations|discussion|introduction|note|notes|funding"
    r"|disclaimer|acknowledge?ments?|(?:photo|image|cover)(?:\s+credits?)?|credits?"
    r"|key\s?words|jel(?:\s+(?:codes?|classifications?))?|(?:table\s+of\s+)?contents"
)
_ABSTRACT_LABEL = re.compile(rf"(?:{_ABSTRACT_LABELS})\s*:", re.IGNORECASE)
_HEADING_LABEL = re.compile(
    rf"(?:{_ABSTRACT_LABELS}|key\s+(?:points|messages)|highlights|(?:executive\s+)?summary"
    r"|abstract)\s*:?",
    re.IGNORECASE,
)
_HEADING_MAX = 32
# The first two letters of each of those labels, in lower case.
_LABEL_PAIRS = frozenset(
    ["ba", "co", "ob", "ai", "pu", "de", "se", "pa", "me", "in", "ou", "re", "ke", "fi", "fu", "im",
     "li", "di", "no", "ac", "ph", "cr", "je"]
)  # fmt: skip
# The first two letters of each heading `_HEADING_LABEL` knows, in lower case.
_HEADING_PAIRS = _LABEL_PAIRS | frozenset(["ta", "hi", "ex", "su", "ab"])
# With a book's parts, which may also title a post (`Chapter 3: …`), but name no place.
_LABEL = re.compile(
    rf"(?:{_ABSTRACT_LABELS}|chapter\s+\d{{1,2}}|part\s+[ivx\d]{{1,4}})\s*:", re.IGNORECASE
)
