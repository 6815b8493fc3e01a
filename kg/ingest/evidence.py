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
from kg.ingest.catalogue_forms import plain_catalogue_forms
from kg.ingest.imprint_notes import without_notes_at_end
from kg.ingest.inside_abstract import (
    abstract_label,
    heading_colon,
    labelled_paragraph,
    numbered_point,
)
from kg.ingest.junk import JUNK_MAX, is_junk, lead_alone
from kg.ingest.locators import marked_locators
from kg.ingest.namelist import name_list
from kg.ingest.tail import (
    ISBN_END,
    MONTH,
    YEAR,
    bracketed_end,
    has_standard_number,
    report_number_alone,
    take_report_after_year,
)
from kg.ingest.text import (
    SPACES,
    TAIL,
    search_end,
    search_end_count,
)

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
PAGE_COUNT_END = re.compile(r"\b\d+\s*(?:p|pp|pgs?|pages?)\s*[.,]?$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A year at the end (not the end of a range: `…, 1200-1700` ends many titles), or a copyright
# year (`c1980`).
_YEAR_END = re.compile(r"(?<![-–])(?:\b|(?<=\bc)|(?<=©))(?:19|20)\d\d\b\)?[\s.,;]*$")
# An imprint's end without a page count that no title has: a year range or a publication
# status, then a full stop (titles end with ranges, `Trends 1991-2007`, but not with a stop).
_DATED_END = re.compile(
    r"[\s.,;:](?:(?:19|20)\d\d\s?[-–/]\s?(?:(?:19|20)\d\d|\d\d)|Forthcoming|In press)\.$"
)
# `Place: Publisher`, `Place; Place: …`, or the place alone on its line (`Geneva:`, the rest of
# the imprint on the next).
_PLACE_COLON = re.compile(r"^[A-Z][\w .,;'’<()-]{1,45}[:<](?:\s*\S|$)")
_OPENING = re.compile(
    r"^(?:from the (?:document|cover|report|introduction|summary|preface)|abstract|summary)\b",
    re.IGNORECASE,
)
_LOCATOR = re.compile(
    r"(?=[VvPpIiDdOoFfNn\d])"  # what every branch starts with (a fast test at each position)
    r"(?:\bVol(?:ume|\.)\s*\d|\b\d+\s*(?:\(\d+(?:[-–/]\d+)?\))?\s*:\s*\d+\s*[-–]|\bpp\.\s*\d|"
    r"\bPages?\s+\d|\bIssue\s+\d|\bdoi\b|\b\d{4}\s*;\s*\d+\s*\(|\bOnline First\b|"
    r"\bpublished online\b|\bForthcoming\b|"
    r"\b(?:no|nr)\.?\s*[\w-]*\d[\w-]*\b|\bN°\s*\d|"
    # `41(4), 680-689` (a reference list), `15(12): e0243823` (PLOS), `9, 14 (2020)` (BMC)
    r"\b\d+\s*\(\d+(?:[-–/]\d+)?\)\s*,\s*\d+\s*[-–]\s*\d|\b\d+\s*(?:\(\d+(?:[-–/]\d+)?\))?\s*:\s*e\d{4,}|"
    r"\b\d{1,4},\s*\d{1,6}\s*\((?:19|20)\d\d\)$)",
    re.IGNORECASE,
)
_SERIES_END = re.compile(r"\b(?:no|nr|n°|№)\.?\s*[A-Z]{0,6}-?\d[\w-]*\.?$", re.IGNORECASE)
_REPORT_START = re.compile(r"^[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b")
_DIGIT = re.compile(r"\d")
_PAGE_RANGE = re.compile(r"\d\s*[-–]\s*\d")


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
    found = _line_scores(text)
    if found[0] == _PROSE_TITLE and not ends_a_sentence(text):
        return unended(found)
    return found


# Lines a page prints again (a record cross-posted, its furniture), scored once.
_SCORED: dict[str, Scores] = {}
SCORED_MEMO = 4_096

_PROSE_TITLE = -3  # the title score of running text
# Running text that ends no sentence is a title in sentence case as often as an abstract
# paragraph (`Victims' experiences of the criminal justice system in England and Wales`).
UNENDED_TITLE = -1
_CLOSERS = "\"”’')] "


def ends_a_sentence(text: str) -> bool:
    """The text ends with a full stop, `?`, `!` or `…` (closing quotes and brackets aside)."""
    return text.rstrip(_CLOSERS)[-1:] in (".", "?", "!", "…")


def unended(found: Scores) -> Scores:
    """The scores of running text that ends no sentence."""
    return (UNENDED_TITLE, *found[1:])


# A date alone on its line, to the day: a blog's posting date before a title or after a record
# (junk), or the end of an imprint broken before its date (`London: Home Office,` / `2019-05-12.`).
_DAY_DATE = re.compile(
    rf"^(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}\s+{MONTH}\.?,?\s+{YEAR}"
    rf"|{YEAR}-[01]\d-[0-3]\d)\.?$",
    re.IGNORECASE,
)
_DATE_ALONE = (-8, None, None, -5, 2, None, 2)
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
        # mark ends without a digit or a bracket in its last characters.
        tail = text[-16:]
        plain = not _DIGIT.search(tail) and not tail.rstrip(" .").endswith(")")
        if plain and is_prose(text):
            return _RUNNING_TEXT
    if ":" in text[:32] and abstract_label(text):
        return _LABELLED  # `Keywords: …`, `Photo: …`: the abstract's, never a title
    if looks_like_byline(text):  # a `By` line's scores, whatever else its shape says
        return _JUNK_SCORES if is_junk(text) else BY_LINE
    return scores(shape(text))


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
    prose = is_prose(text)
    by = looks_like_byline(text)
    if n > LONG:  # an abstract paragraph (or a byline glued to one): no citation, no title
        return Shape(by, 0, prose, bullet, False, 0, True)
    if prose and not by and text.rstrip(" .")[-1:] in _PLAIN_ENDS:
        return Shape(False, 0, True, bullet, False, 0, False)  # a sentence: no citation marks
    cite = 0 if by else citation_marks(text, prose)
    prose = prose and cite < 2  # `Trends & issues in crime and criminal justice no. 251.`
    names = 0 if by or prose or bullet or cite == 2 else name_list(text)
    return Shape(by, names, prose, bullet, False, cite, False)


_BULLETS = frozenset("•●▪◦*-")
LONG = 400  # characters: longer than any title or imprint
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


def citation_marks(text: str, prose: bool) -> int:
    """2 when the line is a citation beyond doubt, 1 when it has some of the marks, else 0."""
    if len(text) > LONG:
        return 0
    if text[:1].islower() and not _LOWER_CASE_START.match(text):
        return 0  # `leader in 2021.`: the end of a sentence wrapped onto a line of its own
    if ":" in text and labelled_paragraph(text):
        return 0  # `Conclusions: Police presence reduced crime in 2021.`
    text = without_notes_at_end(text)  # `… 126p. Licence: CC BY 4.0.`
    in_brackets = text[:1] == "("
    text = plain_catalogue_forms(text)  # `[2019]`, `[48] p.`, `300 p. : ill. ; 24 cm.`
    if in_brackets:
        text = without_notes_at_end(text)  # `(… 160p. + 12p. appendix)`: out of its brackets
    if text[-1:] == ")" or text[-2:] == ").":
        text = _without_bracketed_end(text)
    if has_standard_number(text) or ("-" in text[-24:] and text.rstrip(" .")[-1:].isalnum()):
        text = _without_trailing_numbers(text)
    if search_end_count(PAGE_COUNT_END, text) and (_YEAR.search(text) or len(text) < 120):
        return 2
    if _REPORT_START.match(text) or (len(text) < 160 and _series_end(text)):
        return 2
    if len(text) <= 24 and text[:1].isupper() and report_number_alone(text) is not None:
        return 2  # `NCJ 305102`, `A/76/123` on a line of their own
    if text[-1:] == "." and ":" not in text and "," not in text and _short_sentence(text):
        return 0  # `Data were collected in 2019.`: an abstract of one sentence
    year_end = year_at_end(text)
    if year_end and (":" in text or "," in text or "." in text) and _year_closes(text, prose):
        return 1 if prose else 2
    if prose:  # running text: only the marks at its end count, or a journal's every locator
        return 2 if len(text) < 160 and marked_locators(text) else 0
    if len(text) < 120 and text.endswith(".") and _DATED_END.search(text):
        return 2  # `Harbour Policy Centre. 1982-1983.`, `Bantam House Forthcoming.`
    if might_locate(text) and _LOCATOR.search(text) is not None:
        strong = _YEAR.search(text) or _PAGE_RANGE.search(text) or place_colon(text)
        return 2 if strong else 1
    if place_colon(text) and not _OPENING.match(text) and not heading_colon(text):
        return 1
    # A line left open by a comma (`ENACT (Africa),`, the year on the next line) goes on.
    return 1 if year_end or text.endswith(",") else 0


def _year_closes(text: str, prose: bool) -> bool:
    """The year at the end is the end of running text or of a citation: after it a stop, or
    before it a place and its colon or pages. A statistical series names its year after a
    comma (`Criminal Victimization, 2022`): a title as often as an imprint (a journal's locator,
    `12(10): e0000237 (1999)`, is told apart later)."""
    return prose or text[-1:] == "." or place_colon(text) or bool(_PAGE_RANGE.search(text))


def _short_sentence(text: str) -> bool:
    """A sentence too short to be told as running text: a capital, then four words or more,
    most of them in lower case (a publisher's or a series' name is capitalised)."""
    tokens = text.split()
    lower = sum(1 for t in tokens if t[0].islower())
    return text[:1].isupper() and len(tokens) >= 4 and lower * 2 > len(tokens)


def _without_bracketed_end(text: str) -> str:
    """The line without what is in brackets after its page count or year (`… 300p. (Routledge
    Studies in Crime)`): a series or a note, which tells nothing the count does not."""
    start = bracketed_end(text)
    return text[:start] if start >= 0 else text


def _without_trailing_numbers(text: str) -> str:
    """The line without the ISBN and the report number printed at its end, which tell nothing
    its year and page count do not (`…, 2022. GAO-22-108.`, `… 48p. ISBN 978-…`)."""
    isbn = ISBN_END.search(text) if has_standard_number(text) else None
    text = text[: isbn.start()] if isbn else text
    return take_report_after_year(text)[0] if "-" in text else text


def might_locate(text: str) -> bool:
    """False only where `_LOCATOR` cannot match: every locator has a digit or a word of its own
    (`doi`, `Online First`, `Forthcoming`), and in ASCII text each needs one of a few strings
    (a cheap test: the pattern tries every position)."""
    if not _DIGIT.search(text):
        lower = text.lower()
        return "doi" in lower or "online first" in lower or "forthcoming" in lower
    if not text.isascii():
        return True  # case folding beyond ASCII (`ſ` is an `s`): let the pattern decide
    lower = text.lower()
    return _LOCATOR_KEY.search(lower) is not None


# A string each locator needs: `Vol. 3`, `12(3): 45-67`, `pp. 4`, `Page 7`, `Issue 2`, `doi`,
# `2019; 12(`, `Online First`, `Forthcoming`, `no. 5`, `nr 5`, `41(4), 680-689`, `14 (2020)`.
_LOCATOR_KEYS = ("vol", ":", "pp.", "page", "issue", "doi", ";", "online first", "forthcoming",
                 "no", "nr", "(")  # fmt: skip
_LOCATOR_KEY = re.compile("|".join(map(re.escape, _LOCATOR_KEYS)))  # any of them, in one pass


def place_colon(text: str) -> bool:
    """`_PLACE_COLON.match(text)`, told first by its colon (or `<`), which is among the first 47
    characters."""
    head = text[:47]
    return (":" in head or "<" in head) and _PLACE_COLON.match(text) is not None


def _series_end(text: str) -> bool:
    """`… no. 251.`, `N°183` at the end (a digit and the number word in the last characters
    first: a cheap test)."""
    if not _DIGIT.search(text[-24:]):
        return False
    tail = text[-TAIL:].lower()
    if "no" not in tail and "nr" not in tail and "n°" not in tail and "№" not in tail:
        return False  # no letter folds to `n`, `o` or `r` but these
    return search_end(_SERIES_END, text) is not None


def year_at_end(text: str) -> bool:
    """`search_end(_YEAR_END, text)`, told without the pattern: a year (not the end of a range)
    ends the text, then perhaps `)` and separators."""
    end = len(text.rstrip(_YEAR_TRAIL))
    if text[end - 1 : end] == ")":
        end -= 1
    start = end - 4
    if start < max(0, len(text) - TAIL) or text[start : start + 2] not in ("19", "20"):
        return False
    if not (text[start + 2].isdecimal() and text[start + 3].isdecimal()):
        return False
    before = text[start - 1 : start]
    if before in ("c", "©"):  # a copyright year: `c1980`
        ahead = text[start - 2 : start - 1]
        return before == "©" or not ahead or not (ahead.isalnum() or ahead == "_")
    return not before or not (before.isalnum() or before in "_-–")


_YEAR_TRAIL = SPACES + ".,;"  # what `[\s.,;]*$` takes after a year


# What a citation may start with in lower case: no place or date (`n.p.`, `s.l.`, `n.d.`), a
# copyright or circa year, a page or volume mark, `in` before a host, an `e`- or `i`- brand.
_LOWER_CASE_START = re.compile(
    r"(?:n\.\s?[pd]\.|s\.\s?[ln]\.|c\.?\s?\d|ca\.|circa\b|pp?\.|vol\.|in\b|[ei][A-Z-])"
)
CITATION = 5  # the imprint score of a line that is a citation beyond doubt
# The scores of a `By` line: a byline, or a title that starts with `By` (`By the Numbers: …`)
# when a byline follows it.
BY_LINE: Scores = (-5, None, 6, None, None, None, None)


_JUNK_SCORES: Scores = (None, 4, None, -3, None, 4, 4)


def scores(s: Shape) -> Scores:
    """The score of each role (title, junk, byline, abstract, imprint) for a line's shape."""
    if s.junk:
        return _JUNK_SCORES  # `download`, `USED BOOK`: never a title
    if s.by:
        return BY_LINE
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
