"""The marks of a citation in one line (a place and its colon, a year at the end, a page count,
a journal's locator, a series or report number), told as 2 (a citation beyond doubt), 1 (some of
the marks) or 0 (none): the imprint's evidence for `evidence.py`."""

from __future__ import annotations

import re

from kg.ingest.catalogue_forms import plain_catalogue_forms
from kg.ingest.imprint_notes import without_notes_at_end
from kg.ingest.inside_abstract import heading_colon, labelled_paragraph
from kg.ingest.locators import marked_locators
from kg.ingest.tail import (
    ISBN_END,
    bracketed_end,
    has_standard_number,
    report_number_alone,
    take_report_after_year,
)
from kg.ingest.text import SPACES, TAIL, has_digit, search_end, search_end_count

LONG = 400  # characters: longer than any title or imprint
PAGE_COUNT_END = re.compile(r"\b\d+\s*(?:p|pp|pgs?|pages?)\s*[.,]?$", re.IGNORECASE)
# A year: `\b(?:19|20)\d\d\b`, written to start with its digits (the look-behind is the `\b`
# before them) so that a search scans for them fast instead of trying every position.
_YEAR = re.compile(r"(?:19|20)(?<!\w(?:19|20))\d\d\b")
# A fiscal or a copyright year (`FY1987`, `c1987`, `©1987`), which `_YEAR` does not take.
_MARKED_YEAR = re.compile(r"(?:\bFY|\bc|©)(?:19|20)\d\d\b")
# A year at the end (not the end of a range: `…, 1200-1700` ends many titles), or a copyright
# year (`c1980`).
_YEAR_END = re.compile(r"(?<![-–])(?:\b|(?<=\bc)|(?<=©)|(?<=FY))(?:19|20)\d\d\b\)?[\s.,;]*$")
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


def _starts_with_a_report_number(text: str) -> bool:
    """`_REPORT_START.match(text)`, told first by the dash every report number has."""
    return "-" in text and _REPORT_START.match(text) is not None


_PAPER_HINT = re.compile(r"(?:C[Mm]|HC)\.?\s\d")  # `… 2002. Cm 1369.`: a parliamentary paper


def _may_end_in_a_paper(end: str) -> bool:
    """`_PAPER_HINT` in an imprint's last characters, its letters tested first (a cheap test)."""
    return "C" in end and _PAPER_HINT.search(end) is not None


_PAGE_RANGE = re.compile(r"\d\s*[-–]\s*\d")
# What a citation may start with in lower case: no place or date (`n.p.`, `s.l.`, `n.d.`), a
# copyright or circa year, a page or volume mark, `in` before a host, an `e`- or `i`- brand.
_LOWER_CASE_START = re.compile(
    r"(?:n\.\s?[pd]\.|s\.\s?[ln]\.|c\.?\s?\d|ca\.|circa\b|pp?\.|vol\.|in\b|[ei][A-Z-])"
)


def citation_marks(text: str, prose: bool) -> int:
    """2 when the line is a citation beyond doubt, 1 when it has some of the marks, else 0."""
    if len(text) > LONG:
        return 0
    if text[:1].islower() and not _LOWER_CASE_START.match(text):
        return 0  # `leader in 2021.`: the end of a sentence wrapped onto a line of its own
    if ":" in text and labelled_paragraph(text):
        return 0  # `Conclusions: Police presence reduced crime in 2021.`
    plain = _plain_citation(text)
    marks = _marks(plain, prose)
    if marks < 2 and plain != text:
        # What one form hid from another is uncovered: a catalogue's count word before an
        # ISBN and a series (`282 S. ISBN … (Studies in X)`), a note after it (`26 sider 12
        # slides.`, `5 S. $25.00`). Lines a form was rewritten in are read again unless they
        # are citations beyond doubt already.
        again = _plain_citation(plain)
        if again != plain:
            marks = _marks(again, prose)
    return marks


def _plain_citation(text: str) -> str:
    """The line without what an imprint may print after its end (notes, an ISBN, a series in
    brackets) and with catalogues' forms rewritten: the marks are read from what is left."""
    text = without_notes_at_end(text)  # `… 126p. Licence: CC BY 4.0.`
    in_brackets = text[:1] == "("
    text = plain_catalogue_forms(text)  # `[2019]`, `[48] p.`, `300 p. : ill. ; 24 cm.`
    if in_brackets:
        text = without_notes_at_end(text)  # `(… 160p. + 12p. appendix)`: out of its brackets
    if text[-1:] == ")" or text[-2:] == ").":
        text = _without_bracketed_end(text)
    if has_standard_number(text) or (
        ("-" in text[-24:] or _may_end_in_a_paper(text[-16:])) and text.rstrip(" .")[-1:].isalnum()
    ):
        text = _without_trailing_numbers(text)
    return text


# `Research Report 88`, `Crime and Justice Bulletin 231`: a series and its number without `no.`,
# a line of its own; a word before the series' word (`Study 2` alone is an abstract's).
_SERIES_LINE = re.compile(
    r"[A-Z][\w&'’-]*(?:\s+(?:and|of|on|for|the|in|&|[A-Z][\w&'’-]*)){0,6}\s+"
    r"(?:Report|Paper|Brief|Bulletin|Series|Monograph|Notes?|Briefing)\s+\d{1,4}(?:[/-]\d{1,4})?\.?"
)
_DIGIT_OR_STOP = frozenset("0123456789.")


def _marks(text: str, prose: bool) -> int:
    """`citation_marks` of a line's plain form."""
    if search_end_count(PAGE_COUNT_END, text) and (
        _YEAR.search(text) or len(text) < 120 or _MARKED_YEAR.search(text)
    ):
        return 2
    if _starts_with_a_report_number(text) or (len(text) < 160 and _series_end(text)):
        return 2
    if len(text) <= 24 and text[:1].isupper() and report_number_alone(text) is not None:
        return 2  # `NCJ 305102`, `A/76/123` on a line of their own
    if len(text) <= 64 and text[-1:] in _DIGIT_OR_STOP and _SERIES_LINE.fullmatch(text):
        return 2  # `Research Report 88` on a line of its own
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
    return take_report_after_year(text)[0]


def might_locate(text: str) -> bool:
    """False only where `_LOCATOR` cannot match: every locator has a digit or a word of its own
    (`doi`, `Online First`, `Forthcoming`), and in ASCII text each needs one of a few strings
    (a cheap test: the pattern tries every position)."""
    if not has_digit(text):
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
    if not has_digit(text[-24:]):
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
    if before == "Y" and text[start - 2 : start] == "FY":  # a fiscal year: `FY2021`
        return True
    return not before or not (before.isalnum() or before in "_-–")


_YEAR_TRAIL = SPACES + ".,;"  # what `[\s.,;]*$` takes after a year
