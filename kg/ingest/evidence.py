"""What a line's shape says about its role in a record, as scores for each role.

A line of a listing page is a title, a junk line, a byline, an abstract paragraph or an imprint
(citation) line. Each is told apart by its shape, not by its position: a list of names, the marks
of a citation (place, publisher, year, page count, volume, series number), running text, a known
junk phrase. `segment.py` weighs these scores against the order a record's fields come in, so a
variant combined with another still reads.

Scores are log-odds-like integers: higher is more likely; None means the role is impossible.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.ingest.byline import looks_like_byline
from kg.ingest.citation_marks import (
    LONG,
    citation_marks,
)
from kg.ingest.imprint_notes import may_end_in_a_note
from kg.ingest.inside_abstract import (
    abstract_label,
    earlier_edition,
    heading_label,
    numbered_point,
)
from kg.ingest.junk import JUNK_MAX, is_junk, lead_alone
from kg.ingest.namelist import name_list
from kg.ingest.tail import (
    MONTH,
    YEAR,
)
from kg.ingest.text import has_digit

# Roles a line of a record can play, in the order a record prints them. A junk line is told
# apart by where it sits: after the title (before the byline), inside the abstract, or after
# the imprint (before the next record); the three share one score.
TITLE, JUNK, BYLINE, ABSTRACT, IMPRINT, JUNK_IN, JUNK_AFTER = range(7)
ROLES = 7
ROLE_NAMES = ("title", "junk", "byline", "abstract", "imprint", "junk", "junk")

Scores = tuple[int | None, ...]


def left_open(text: str, found: Scores) -> bool:
    """The line (scored `found`) stops where no field ends (`Policing the Harbour in the`,
    `By Ann Lee and`, `Making the Rounds:`): the field goes on on the next line. A citation is
    whole whatever ends it (`… 2021. 3 p,`)."""
    if found[IMPRINT] == CITATION:
        return False
    word = text[text.rfind(" ") + 1 :]
    # `ROSSI A`: a capital alone is an initial, not the article.
    open_word = word in _OPEN_WORDS or (len(word) > 1 and word.casefold() in _OPEN_WORDS)
    # `Edited by:` alone leads a byline, but is no part of it.
    return (text[-1:] in _OPEN_MARKS or open_word) and not lead_alone(text)


_OPEN_MARKS = frozenset(",:;&-–—/")
_OPEN_WORDS = frozenset(["and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "with",
                         "from", "by", "at", "into", "&"])  # fmt: skip


BULLET = re.compile(r"^[•●▪◦*-]\s")


class Shape(NamedTuple):
    """What the text of one line looks like."""

    by: bool  # starts with `By` (or `Edited by` …) and a name
    names: int  # a list of names without `By`: 0 no, 1 maybe, 2 clearly
    prose: bool  # running text
    bullet: bool
    junk: bool
    cite: int  # marks of a citation: 0 none, 1 some, 2 beyond doubt
    long: bool  # too long for a title or an imprint


_RUNNING_TEXT = (-3, None, None, 2, -8, None, None)  # the scores of a plain sentence
_LABELLED = (-8, None, None, 2, -8, None, None)  # a labelled line of the abstract: no title
HEADING_SCORES = (-4, None, None, 1, None, None, None)  # a heading of the abstract: hardly a title


def line_scores(text: str) -> Scores:
    """The score of each role for one cleaned, non-blank line."""
    found = _SCORED.get(text)
    if found is None:
        if len(_SCORED) >= SCORED_MEMO:
            _SCORED.clear()
        found = _SCORED[text] = _scored(text)
    return found


def _scored(text: str) -> Scores:
    """`line_scores`, worked out."""
    return adjusted(text, _line_scores(text))


def adjusted(text: str, found: Scores) -> Scores:
    """A line's scores by its shape, told apart further by what the shape does not hold: how
    running text ends, and a `By` line shaped like a title and its subtitle."""
    if found[0] == _PROSE_TITLE:
        if not ends_a_sentence(text):
            return unended(found)
        if two_sentences(text):
            return sentences(found)
    elif found is BY_LINE and ":" in text and _BY_AND_A_SUBTITLE.match(text):
        return BY_TITLE
    elif found[IMPRINT] == CITATION and len(text) <= 40 and _PLACE_AND_YEAR.fullmatch(text):
        return PLACE_AND_YEAR_SCORES  # `Warsaw: 1944`: a title as likely as an imprint
    elif len(text) <= _HEADING_MAX and heading_label(text):
        return HEADING_SCORES  # `Key findings`: a structured abstract's heading
    elif found[TITLE] == 0 and text[-1:].isalpha() and leads_into_a_list(text):
        return (HEADING_SCORES[TITLE], *found[1:ABSTRACT], 1, *found[IMPRINT:])  # `…, namely`
    elif text[:1].islower() and found[TITLE] == 0 and _LOWER_WORD.match(text) and text[-1:] == ".":
        # `…leader in 2021.`: a sentence's end, wrapped (a title's second line ends no sentence)
        return (_PROSE_TITLE, *found[1:])
    return found


_HEADING_MAX = 32


def leads_into_a_list(text: str) -> bool:
    """`It makes four recommendations, namely`, `…, such as`, `The main findings were`: an
    abstract's paragraph leading into a list without its colon, which no title ends with (a
    short one may end with a verb: `Who We Are`)."""
    last = text[text.rfind(" ") + 1 :].casefold()
    return last in _LEAD_ENDS or (last in _LEAD_VERBS and text.count(" ") >= _LEAD_VERB_WORDS - 1)


_LEAD_ENDS = frozenset(["namely", "including", "viz", "as", "follows", "following"])
_LEAD_VERBS = frozenset(["are", "were", "is", "was", "include", "includes"])
_LEAD_VERB_WORDS = 5  # words at least before a verb ends a lead
# A place, its colon and a year, and nothing else: an imprint lacking its publisher, or a
# title (`Warsaw: 1944`, `Chicago, IL: 1968`); which one, the lines around it tell.
_PLACE_AND_YEAR = re.compile(r"[A-Z][A-Za-z .,'’-]{1,30}:\s?(?:1[5-9]|20)\d\d\.?")
PLACE_AND_YEAR_SCORES = (-2, None, None, -5, 2, None, None)
# A word in small letters at a line's start (not `eBay`, `iPhone`): a sentence goes on.
_LOWER_WORD = re.compile(r"[a-z]+[\s,;.]")


# Lines a page prints again (a record cross-posted, its furniture), scored once; as many as
# page.py remembers the fields of.
_SCORED: dict[str, Scores] = {}
SCORED_MEMO = 65_536

_PROSE_TITLE = -3  # the title score of running text
# Running text that ends no sentence is a title in sentence case as often as an abstract
# paragraph (`Victims' experiences of the criminal justice system in England and Wales`).
UNENDED_TITLE = -1
_CLOSERS = "\"”’')] "
# Running text of two sentences or more is an abstract paragraph, hardly ever a title or part
# of an imprint: a line above it shaped like an imprint (`Berlin: 1933`, `Volume 3: Sentencing`)
# is its record's title, not more of the imprint before it.
_SENTENCES_TITLE = -10
_SENTENCES_IMPRINT = -14


def two_sentences(text: str) -> bool:
    """A full stop after a small letter or a digit, then a space and a capital: a sentence ends
    inside the text (`… decade. It finds …`; not `U.S. Department`)."""
    at = text.find(". ")  # in C: most lines have none, or their first is a sentence's end
    while at >= 0:
        before = text[at - 1 : at]
        if text[at + 2 : at + 3].isupper() and (before.islower() or before.isdigit()):
            return True
        at = text.find(". ", at + 2)
    return False


def sentences(found: Scores) -> Scores:
    """The scores of running text of two sentences or more."""
    imprint = found[IMPRINT]
    return (
        _SENTENCES_TITLE,
        *found[1:IMPRINT],
        imprint if imprint is None or imprint > _PROSE_IMPRINT else _SENTENCES_IMPRINT,
        *found[IMPRINT + 1 :],
    )


_PROSE_IMPRINT = -8  # the imprint score of running text with no citation mark


def ends_a_sentence(text: str) -> bool:
    """The text ends with a full stop, `?`, `!` or `…` (closing quotes and brackets aside)."""
    return text.rstrip(_CLOSERS)[-1:] in (".", "?", "!", "…")


def unended(found: Scores) -> Scores:
    """The scores of running text that ends no sentence."""
    return (UNENDED_TITLE, *found[1:])


# A date alone on its line, to the day: a blog's posting date before or under a title, under a
# byline or after a record (junk), or the end of an imprint broken before its date (`London:
# Home Office,` / `2019-05-12.`).
_DAY_DATE = re.compile(
    rf"^(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}\s+{MONTH}\.?,?\s+{YEAR}"
    rf"|{YEAR}-[01]\d-[0-3]\d)\.?$",
    re.IGNORECASE,
)
_DATE_ALONE = (-8, 2, None, -5, 2, 2, 2)
_DATE_MAX = 24


def _line_scores(text: str) -> Scores:
    if len(text) <= _DATE_MAX and text[-2:].rstrip(".")[-1:].isdigit() and _DAY_DATE.match(text):
        return _DATE_ALONE
    if text[:1] in _BULLETS and text[1:2].isspace() and len(text) > JUNK_MAX:
        return _BULLET_POINT  # `• …`: a point of the abstract, whatever it says
    if len(text) > LONG and not looks_like_byline(text):
        return _LONG_RUNNING_TEXT  # too long for a title or an imprint: abstract text
    if len(text) > 80 and text[:1].isupper() and text[:2] not in _BY_STARTS:
        # Most lines are abstract sentences: tell them without the other tests. No citation
        # mark ends without a digit or a bracket in its last characters, once a note after
        # its page count is taken off (`…, 100 pages, appendices`).
        tail = text[-16:]
        plain = not has_digit(tail) and not tail.rstrip(" .").endswith(")")
        plain = plain and not may_end_in_a_note(text)
        if plain and is_prose(text):
            return _RUNNING_TEXT
    if ":" in text[:32] and abstract_label(text):
        return _LABELLED  # `Keywords: …`, `Photo: …`: the abstract's, never a title
    if text[:1] == "(" and earlier_edition(text):
        return _LABELLED  # `(Originally published London: …, 1999.)`: a note of the abstract
    if looks_like_byline(text):  # a `By` line's scores, whatever else its shape says
        if is_junk(text):
            return _JUNK_SCORES
        if ": " in text and _statement_then_imprint(text):
            return scores(Shape(False, 0, False, False, False, 2, False))
        if _running_by_text(text):
            return BY_PROSE
        return BY_LINE
    return scores(shape(text))


# `Translated from the French by Ann Lee. London: Harbour Press, 2018. 220p.`: a translator's
# statement, then a place and its colon, a publisher and a year: an imprint, no byline.
_THEN_AN_IMPRINT = re.compile(r"\.\s+[A-Z][^.:]{1,40}:\s+[A-Z][^:]{2,80}\b(?:1[89]|20)\d\d\b")


def _statement_then_imprint(text: str) -> bool:
    """A byline led by a role (`Translated from the French by`), then an imprint after its stop."""
    return text[:2] not in ("By", "BY", "by") and _THEN_AN_IMPRINT.search(text) is not None


_BY_STARTS = frozenset(["By", "BY", "Ed", "ED", "Co", "Tr", "Se", "Fo", "In", "Pr", "Wr", "Au"])
_LONG_RUNNING_TEXT = (None, None, None, 2, None, None, None)
_BULLET_POINT = _LONG_RUNNING_TEXT


def shape(text: str) -> Shape:
    """The shape of one cleaned, non-blank line."""
    n = len(text)
    if is_junk(text):
        return Shape(False, 0, False, False, True, 0, False)
    bullet = (text[:1] in _BULLETS and BULLET.match(text) is not None) or (
        text[:1].isdigit() and numbered_point(text)
    )
    by = looks_like_byline(text)
    prose = _running_by_text(text) if by else is_prose(text) or _article_sentence(text)
    if n > LONG:  # an abstract paragraph (or a byline glued to one): no citation, no title
        return Shape(by, 0, prose, bullet, False, 0, True)
    if prose and not by and text.rstrip(" .")[-1:] in _PLAIN_ENDS:
        return Shape(False, 0, True, bullet, False, 0, False)  # a sentence: no citation marks
    cite = 0 if by else citation_marks(text, prose)
    prose = prose and cite < 2  # `Trends & issues in crime and criminal justice no. 251.`
    names = 0 if by or prose or bullet or cite == 2 else name_list(text)
    return Shape(by, names, prose, bullet, False, cite, False)


_BULLETS = frozenset("•●▪◦*-")


def _article_sentence(text: str) -> bool:
    """`A quarterly release of outcomes for each court.`: a sentence of five words or more,
    `A` or `An` then a word in lower case (no body's name reads so), too short for `is_prose`."""
    if text[:1] != "A" or text[-1:] != ".":
        return False
    words = text.split(None, 5)
    return len(words) > 5 and words[0] in ("A", "An") and words[1][:1].islower()


# Letters a sentence may end with that no citation mark ends with (`… harm.`): no page word
# (`p`, `pp`, `pages`), no digit, no bracket.
_PLAIN_ENDS = frozenset("abcdfhijklmnoqrtuvwxyzABCDFHIJKLMNOQRTUVWXYZ!?”\"'’")
_PROSE_WORDS = 40  # enough words to tell running text


def is_prose(text: str) -> bool:
    """Running text: ten or more words, at least half of them lower case (of the first 40)."""
    tokens = text.split(None, _PROSE_WORDS)
    if len(tokens) < 10:
        return False
    if len(tokens) > _PROSE_WORDS:
        tokens.pop()  # the rest of the line, unsplit
    return sum(map(str.islower, [t[0] for t in tokens])) * 2 >= len(tokens)


CITATION = 5  # the imprint score of a line that is a citation beyond doubt
# The scores of a `By` line: a byline, or a title that starts with `By` (`By the Numbers: …`)
# when a byline follows it.
BY_LINE: Scores = (-5, None, 6, None, None, None, None)


# `By Any Means: Policing Protest`: a few words after `By`, then a colon and a capital, as a
# title and its subtitle print; a byline's colon follows its lead (`By:`, `Authors:`). Right
# under a title it is still the byline; without a byline under it, it is the record's title.
BY_TITLE: Scores = (-1, None, 6, None, None, None, None)
_BY_AND_A_SUBTITLE = re.compile(r"(?i:by)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}:\s+[A-Z0-9]")


def _running_by_text(text: str) -> bool:
    """A `By` line that reads as running text: long, prose, a sentence's end."""
    return len(text) > 80 and ends_a_sentence(text) and is_prose(text)


# A `By` line that reads as running text (`By Ann Lee and Bo Chan, this report is the second
# …`): a byline right under a title, but abstract text under a byline or among sentences.
BY_PROSE: Scores = (-5, None, 2, 2, None, None, None)

_JUNK_SCORES: Scores = (None, 4, None, -3, None, 4, 4)


def scores(s: Shape) -> Scores:
    """The score of each role (title, junk, byline, abstract, imprint) for a line's shape."""
    found = _SCORES.get(s)
    if found is None:
        found = _SCORES[s] = _scores(s)
    return found


# The scores of each shape met: a few hundred shapes at most (the fields' values multiplied).
_SCORES: dict[Shape, Scores] = {}


def _scores(s: Shape) -> Scores:
    """`scores`, worked out."""
    if s.junk:
        return _JUNK_SCORES  # `download`, `USED BOOK`: never a title
    if s.by:
        return BY_PROSE if s.prose else BY_LINE
    title: int | None = None if s.bullet or s.long else (-3 if s.prose else 0)
    if title is not None and s.cite == 2:
        title = -8
    byline = {2: 4, 1: 2}.get(s.names)
    if s.names == 2 and title is not None:
        title -= 6  # a list of people's names is rarely a title
    abstract = 2 if s.prose or s.bullet or s.long else (-5 if s.cite == 2 else -1)
    imprint: int | None
    if s.bullet or s.long:
        imprint = None
    elif s.cite == 2:
        imprint = CITATION
    elif s.cite == 1:
        imprint = -4 if s.prose else 2  # running text that ends in a year is still text
    elif s.prose:
        imprint = -8
    else:
        imprint = -1
    return (title, None, byline, abstract, imprint, None, None)
