"""Fields glued on one line of a page: a title and its byline (`…seizuresBy Mark Shaw`), a byline
and the abstract's first sentence, an abstract and the imprint (`…practitioners.Geneva: …`), a junk
word and the next title (`Read-Me.OrgPrisons Without Walls`). Each is found by a pure function of
the line's text (page.py remembers the answers for lines a page prints again)."""

from __future__ import annotations

import re

from kg.ingest.byline import MID_ROLE, looks_like_byline
from kg.ingest.citation_marks import citation_marks
from kg.ingest.evidence import is_prose
from kg.ingest.inside_abstract import abstract_label
from kg.ingest.namelist import name_list
from kg.ingest.names import CONNECTORS, PARTICLES, has_org_word
from kg.ingest.tail import bracketed_end
from kg.ingest.text import has_digit

_JUNK_PREFIX = re.compile(
    r"^(?i:read-me\.org|guest\s+user|used\s+book\.?|may\s+contain\s+mark-?\s?up\.?|download)"
    r"\s*(?=[A-Z“\"‘'])"
)


_JUNK_STARTS = frozenset("RrGgUuMmDd")  # what _JUNK_PREFIX can start with


def glued_parts(text: str) -> tuple[str, ...] | None:
    """The fields glued on one line, in order, or None when it holds one."""
    found: list[str] = []
    junk = _JUNK_PREFIX.match(text) if text[:1] in _JUNK_STARTS else None
    if junk and len(text) - junk.end() >= 3:
        found.append(text[: junk.end()].rstrip())
        text = text[junk.end() :]
    # The cheap tests first: most lines are none of these (a `By` in the line; a length).
    parts = None
    if ("By" in text or "BY" in text or "Edited by" in text) and may_glue_a_byline(text):
        parts = _title_and_byline(text)
    if (
        parts is None
        and text[-1:] != "."  # sentences and imprints; no list of names ends so
        and len(text) <= _NAMES_GLUED_MAX
    ):
        if "by" in text:
            parts = _title_and_lower_by(text)
        if parts is None and b"aaaA" in text.encode().translate(_LETTER_CASES):
            parts = _title_and_names(text)
    if parts is not None:
        found.append(parts[0])
        text = parts[1]
    if len(text) >= 80 or (":" in text[:24] and abstract_label(text)):
        for split in (_byline_and_abstract, _abstract_and_imprint):
            parts = split(text)
            if parts is not None:
                found.append(parts[0])
                text = parts[1]
    if not found:
        return None
    found.append(text)
    return tuple(found)


# `By` glued to the end of a title, before a name (`seizuresBy Mark Shaw`, `EditionBy the U.S.
# Department…`, `REFORMBy: Ann Lee`, `vol. IEdited by Ann Lee`): found by a plain pattern, then
# told by the character before it (a pattern with look-behinds costs ten times as much).
_BY_BEFORE_NAME = re.compile(r"(?:By|BY|Edited by)(?=:?\s?[A-Z]|\sthe\s[A-Z])")
_CLOSING = frozenset(".?!)]”\"’'")
_MIXED_CASE_NAME = re.compile(r":?\s[A-Z][a-z]")
_AND_OTHERS = re.compile(r",?\s+(?:(?:AND|&)\s+OTHERS|ET\.?\s+AL)\.?$", re.IGNORECASE)


def _names_in_capitals(text: str) -> bool:
    """A list of people's names (`ANN LEE AND JO ROE`), or one name and `AND OTHERS`."""
    named = _AND_OTHERS.sub("", text)
    return name_list(named) >= (1 if named != text else 2)


def may_glue_a_byline(text: str) -> bool:
    """False only where `_title_and_byline` finds nothing: no `By` after the line's start (a
    `By` that starts the line glues nothing to it)."""
    return text.find("By", 1) > 0 or text.find("BY", 1) > 0 or text.find("Edited by", 1) > 0


def _title_and_byline(text: str) -> tuple[str, str] | None:
    for by in _BY_BEFORE_NAME.finditer(text, 1):  # `5By Ann Lee`: a wrapped title's last word
        before = text[by.start() - 1]
        if by[0] == "BY" and before.isupper():  # `ROBBERY`: only before a name in mixed case
            # or a list of people's names (`REFORMBY ANN LEE AND JO ROE`)
            glued = _MIXED_CASE_NAME.match(text, by.end()) is not None or _names_in_capitals(
                text[by.end() :].lstrip(": ")
            )
        else:
            glued = before.isalnum() or before in _CLOSING
        if glued:
            tail = text[by.start() :]
            if looks_like_byline(text) or not looks_like_byline(tail):
                return None
            return text[: by.start()].rstrip(), tail
    return None


# A word glued to the capital that starts a list of names without `By`
# (`…Perpetual ViolenceThe International Crisis Group`, `…in AprilHO, BIANCA; DOYLE, KIERAN`).
# Three lower-case letters before it: `McDonald`, `YouTube`, `LaGuardia` are names, not glue.
_GLUED_CAPITAL = re.compile(r"[a-z]{3}(?=[A-Z])")
_LOWER_BY = re.compile(r"(?<=[a-z])by:?\s(?=[A-Z])")
_NAMES_GLUED_MAX = 250  # characters: a title and a byline
# Each ASCII letter as its case (`a` or `A`), every other byte a space: a cheap test for
# `_GLUED_CAPITAL` (the pattern tries every position of every line).
_LETTER_CASES = bytes(97 if 97 <= b <= 122 else 65 if 65 <= b <= 90 else 32 for b in range(256))


def _title_and_names(text: str) -> tuple[str, str] | None:
    """A title glued to a byline without `By`: a list of people's names, or `The` and a
    body's name (`PowerPoint Presentations in Court` stays a title)."""
    for glued in _GLUED_CAPITAL.finditer(text, 6):
        head, tail = text[: glued.end()], text[glued.end() :]
        if " " not in head or name_list(head):
            continue
        names = name_list(tail)
        if names == 2 or (names == 1 and tail.startswith("The ") and has_org_word(tail)):
            return head, tail
    return None


def _title_and_lower_by(text: str) -> tuple[str, str] | None:
    """A title glued to `by` and a list of people's names (`Policing Reformby Ann Lee and Jo
    Roe`; `Derby` ends a title, since no list of names follows it)."""
    for by in _LOWER_BY.finditer(text, 6):
        if name_list(text[by.end() :]) == 2:
            return text[: by.start()], text[by.start() :]
    return None


def _byline_and_abstract(text: str) -> tuple[str, str] | None:
    if not looks_like_byline(text):
        return None
    head, glued = split_glued(text)
    return None if glued is None else (head, glued)


# A byline glued to the abstract's first words: the front matter's label after it, or a
# capitalised word, then two lower-case words that are no particles.
_OPENING = re.compile(r"\s(?=(?:From the (?:document|cover|report)|FROM THE [A-Z]+)\s*:)")
_NOT_PROSE = CONNECTORS | PARTICLES | {"with", "by", "from", "and"}


def split_glued(text: str) -> tuple[str, str | None]:
    """`By Jane Roe This report examines …` → (`By Jane Roe`, `This report examines …`)."""
    if len(text) < 80:
        return text, None
    opening = _OPENING.search(text) if "FROM THE" in text or "From the" in text else None
    if opening:
        return text[: opening.start()].rstrip(), text[opening.start() :].lstrip()
    tokens = text.split(" ")
    for i in range(2, len(tokens) - 3):
        word, nxt = tokens[i], tokens[i + 1 : i + 3]
        if (
            word[:1].isupper()
            and word[-1:] != ","  # `By Ann Lee, this report …`: a sentence, not two fields
            and all(n.isalpha() and n.islower() and n not in PARTICLES for n in nxt)
            and any(n not in _NOT_PROSE for n in nxt)
            and not tokens[i - 1].endswith(",")
        ):
            head, tail = " ".join(tokens[:i]), " ".join(tokens[i:])
            if MID_ROLE.match(" " + tail):
                continue  # `… With editorial assistance by Ann Lee`: more of the byline
            if len(tail) >= 40:
                return head, tail
            break
    return text, None


# The end of a sentence glued to the capital that starts the imprint (`practitioners.Geneva:`).
_SENTENCE_GLUED = re.compile(r"[a-z0-9)][.!?][”\"’)]?(?=[A-Z]|\([A-Z])")  # `…alone.(Perth: …)` too
# What every _SENTENCE_GLUED match holds from its stop on.
_STOP_BEFORE_CAPITAL = re.compile(r"[.!?][”\"’)]?[A-Z(]")


def _may_glue_a_sentence(text: str, start: int, stop: int) -> bool:
    """False when `_SENTENCE_GLUED` finds nothing in `text[start:stop]`, told by its stop and
    the capital after it: the stop is rarer than the letter before it, at which the pattern is
    tried (this test costs about a quarter of the pattern's search)."""
    return _STOP_BEFORE_CAPITAL.search(text, start + 1, stop) is not None


# An imprint's longest printing: a label, a DOI, a body in two languages, the count's
# details, an ISBN and a series in brackets can make one of 300 characters.
_IMPRINT_MAX = 320


def _abstract_and_imprint(text: str) -> tuple[str, str] | None:
    """Running text with an imprint glued to its end, as the imprint's last characters show."""
    # An imprint left open by a comma goes on in the next line (`…: Commission,` / `2024.`).
    open_imprint = text.endswith(",")
    # A series in brackets may follow the marks (`… Forthcoming. (Studies in X)`).
    cut = bracketed_end(text) if text[-1:] == ")" or text[-2:] == ")." else -1
    end = text[max(0, cut - 48) : cut] if cut >= 0 else text[-48:]
    if not (open_imprint or has_digit(end) or "orthcoming" in end or "n press" in end):
        return None  # no citation ends without a year, a count, a number or a status
    # The imprint is _IMPRINT_MAX characters at most: only the line's end is searched.
    start, stop = max(0, len(text) - _IMPRINT_MAX - 2), len(text) - 12
    if not _may_glue_a_sentence(text, start, stop):
        return None  # the common case: every sentence of the line followed by a space
    ends = _SENTENCE_GLUED.finditer(text, start, stop)
    for glued in reversed(list(ends)):
        head, tail = text[: glued.end()], text[glued.end() :]
        marks = citation_marks(tail, False) if len(tail) <= _IMPRINT_MAX else 0
        if (marks == 2 or (open_imprint and marks == 1)) and (
            is_prose(head) or abstract_label(head)  # `Results: Arrests fell.Vienna: …`
        ):
            return head, tail
    return None
