"""The end of an imprint: page count, date (year, month, day) and what trails them.

Imprints end in the same few marks whatever comes before them (`… 2021. 68p.`, `… 2020, 45p.`,
`… Oct 23, 2002, 207 pages`, `… 2 MAY, 2024. 5p.`, `… (2024)`, `… 2003, 57`), with defects:
no space (`2020.17p.`), a comma for the final full stop (`46p,`), a note after the count
(`152p. Read-Me.Org classic reprint.`), a leaked reference (`2019: 6)`). Each is taken off the end
in turn and what is left is the place, publisher and series part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.text import SPACES, match_count, trim

YEAR = r"(?:1[5-9]|20)\d\d"
# A report number: a prefix in capitals, then numbers (`GAO-21-123`, `RR-2889-OSD`, `RR-A1234-1`).
REPORT_NUMBER = r"[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-\d+[A-Z]?(?:-[A-Z]{1,6})?"
# A parliament's paper as printed after the year: `HC 123`, `HC 456-I`, `Cm 9876`.
_PARLIAMENTARY_PAPER_AFTER_YEAR = r"HC\s\d{1,4}(?:-[IVX]+)?|C[Mm]\.?\s\d{3,5}"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall|Winter)"
)
_SEP = r"[\s.,;:]*"
_RANGE = rf"\s?[-–/]\s?(?:{YEAR}|\d\d)"  # `2020-2021`, `2019–20`, `2019/20`
_PAGE_COUNT = re.compile(
    rf"(?:^|(?<=[\s.,;:)])|(?<={YEAR}))(?P<n>\d{{1,5}})\s*(?:p|pp|pgs?|pages?)\b\.?[\s.,;]*$",
    re.IGNORECASE,
)
# `… 152p. Read-Me.Org classic reprint.`, `… 30p., appendices`, `… 30p. + 12p. appendix`
_NOTE_AFTER_COUNT = re.compile(
    r"(?P<count>\b\d{1,5}\s*(?:p|pp|pgs?|pages?)\b\.?)(?:[,;]?\s+\+\s*|[,;]\s*|\s+)"
    r"(?P<note>[A-Z][^\d]{2,80}|\d{1,4}\s*(?:p|pp|pages?)\b\.?\s+[A-Z][^\d]{2,60})$",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?=[\dJFMASONDWjfmasondw(c©])"  # what every match starts with (a fast test at each position)
    rf"(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{MONTH})\.?,?\s+"  # 2 MAY, 2024
    # Oct 23, 2002; two months or seasons: Fall/Winter 2021, Jan.–Feb. 2021
    rf"|(?P<month2>{MONTH})\.?(?:[/–-]{MONTH}\.?)?\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?"
    r"|(?:0?[1-9]|1[0-2])/)?"  # 12/2021
    # (2024), c2019, 2020-2021, 2019: 6)
    rf"\(?(?:c|©\s?)?(?P<year>{YEAR})(?P<range>{_RANGE})?\)?(?:\s*[:,]\s*\d{{1,4}}\))?{_SEP}$",
    re.IGNORECASE,
)
_NO_YEAR = re.compile(
    r"\(?(?P<printed>\bforthcoming|\bin press|\b[ns]\.\s?d\.?|\b(?:19|20)\d)\b\.?\)?[\s.,;]*$",
    re.IGNORECASE,
)
# `\(?{YEAR}…`, the bracket's and the year's first characters written as one alternation
# (`(`, `1`, `2`), so that a search scans for them fast instead of trying every position.
_YEAR_TAIL = re.compile(
    rf"(?:\((?:1[5-9]|20)|1[5-9]|20)\d\d(?:{_RANGE})?\)?(?:\s*[:,]\s*\d{{1,4}}\))?{_SEP}$"
)
_FRONT_MATTER_ENDS = frozenset(", +")
_NO_YEAR_ENDS = frozenset("gGsSdD0123456789)")  # what _NO_YEAR's match can end with
# What may follow the count: an ISBN; or stand for it: a number of volumes. Front matter in
# roman numerals goes before it (`vi, 45p.`, `xii + 230 pp.`).
ISBN_END = re.compile(
    r"\s*\(?(?P<isbn>(?:e-?)?ISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,16}[\dXx]"
    r"|e?ISSN:?\s*\d{4}-?\d{3}[\dXx])\)?\.?$"
)


def has_standard_number(text: str) -> bool:
    """An ISBN or ISSN is printed in the text (a cheap test before `ISBN_END`)."""
    return "ISBN" in text or "ISSN" in text


_LINK_END = re.compile(r"\s*(?:https?://|www\.|doi:\s*)\S+$", re.IGNORECASE)
_VOLUMES = re.compile(
    r"(?:^|(?<=[\s.,;:]))(?P<volumes>\d{1,3}\s*(?:vols?|volumes?)\b)\.?[\s.,;]*$", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"(?:^|(?<=[\s.,;:]))(?:[ivxlc]{1,7}|[IVXLC]{1,7})\s*[,+]\s*$")
_BARE_COUNT = re.compile(rf"(?P<year>\b{YEAR}\)?)[.,]?\s+(?P<n>\d{{1,4}})\.?\s*$")


# Where an imprint's marks end before a series or note in brackets: a page count, a year, an
# ISBN, a report number or the physical details (`… 300p. (Routledge Studies in X)`,
# `… 2019. GAO-19-1. (Y)`, `… 300 p. : ill. (Z)`).
_END_BEFORE_BRACKETS = re.compile(
    r"(?:\b\d{1,5}\s*(?:p|pp|pages?)\b|(?<!\d)(?:19|20)\d\d|ISBN[\s:\dXx-]*[\dXx]"
    rf"|\b{REPORT_NUMBER}|\b(?:{_PARLIAMENTARY_PAPER_AFTER_YEAR})|\bforthcoming|\bin press"
    r"|[:;,]\s*(?:col\.\s*)?(?:ill(?:us)?|illustrations|maps?|charts|tables|\d{1,3}\s*cm))"
    r"[.,]?\s*$",
    re.IGNORECASE,
)


def bracketed_end(text: str) -> int:
    """Where a series or note in brackets after an imprint's marks starts (`… 300p. (Studies
    in X)`: the space before the bracket), or -1."""
    if not text.endswith((")", ").")):
        return -1
    opening = text.rfind("(", max(0, len(text) - 124))
    if opening < 0 or text.count(")", opening) != 1:
        return -1
    start = len(text[:opening].rstrip())
    if text[start - 1 : start] not in _BEFORE_BRACKETS_ENDS:
        return -1  # `… a survey (n=4,210).`: no mark ends with a letter of a word
    return start if _END_BEFORE_BRACKETS.search(text, max(0, start - 40), start) else -1


# What _END_BEFORE_BRACKETS ends with (a report number: any capital).
_BEFORE_BRACKETS_ENDS = frozenset(".,0123456789psgxlmABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(slots=True)
class Tail:
    """What the end of an imprint says."""

    rest: str
    page_count: int | None = None
    year: int | None = None
    year_as_printed: str | None = None
    month: str | None = None
    note: str | None = None


def read_tail(text: str) -> Tail:
    """Take the page count, date and a trailing note off the end of an imprint."""
    out = Tail(text)
    link = _end(_LINK_END, text) if _may_link(text) else None
    if link:  # `… 350p. https://doi.org/…`: the link goes, the marks before it are read
        text = text[: link.start()]
    isbn = _end(ISBN_END, text) if has_standard_number(text) else None
    if isbn:
        out.note = isbn["isbn"]
        text = text[: isbn.start()]
    # `… 152p. Read-Me.Org classic reprint.`
    note = _end(_NOTE_AFTER_COUNT, text) if may_end_in_a_note(text) else None
    if note and not _DATE.search(note["note"]):
        out.note = note["note"].strip(" .")
        text = text[: note.end("count")]
    m = match_count(_PAGE_COUNT, text)
    volumes = _end(_VOLUMES, text) if m is None and "vol" in text[-16:].casefold() else None
    if m:
        out.page_count = int(m["n"]) or None
        text = text[: m.start()]
        if may_end_in_front_matter(text):
            front = _end(_FRONT_MATTER, text)
            text = text[: front.start()] if front else text
    elif volumes:
        out.note = volumes["volumes"]
        text = text[: volumes.start()]
    else:
        bare = _end(_BARE_COUNT, text)
        if bare:  # `2003, 57`: a bare number after the year is the page count
            out.page_count = int(bare["n"]) or None
            text = text[: bare.start("n")]
    mark = _last(text)
    year = _end(_YEAR_TAIL, text) if mark.isdigit() or mark == ")" else None
    # A month and day go at most 30 characters before the year (`September 23rd, 2002`).
    date = search_date(text, year.start()) if year else None
    if date and _starts_word(text, date.start()):
        out.year = int(date["year"])
        out.year_as_printed = date["year"] + (date["range"] or "")
        out.month = date["month1"] or date["month2"]
        text = text[: date.start()]
    else:
        missing = _end(_NO_YEAR, text) if _last(text) in _NO_YEAR_ENDS else None
        if missing:
            out.year_as_printed = missing["printed"]
            text = text[: missing.start()]
    out.rest = _trim(text)
    return out


# What every month's name in `MONTH` starts with, in lower case.
_MONTH_STEM = re.compile(
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter"
)


def search_date(text: str, year: int) -> re.Match[str] | None:
    """`_DATE.search(text, max(0, year - 30))`, where `year` is where `_YEAR_TAIL` found the
    year ending `text`: a date starts at most 30 characters before it.

    Without a month's name after the window's start, a date is its year alone, which starts
    at most three characters before `year` (`(c2019`, `© 2019`): the positions before are
    spared the pattern. That holds where `_YEAR_TAIL` looked at the whole window (it found the
    leftmost year that may end the text), and in ASCII, where case is what `lower` says.
    """
    start = max(0, year - 30)
    if start >= len(text) - WINDOW and text.isascii():
        window = text[start:].lower()
        if _MONTH_STEM.search(window) is None:
            start = max(start, year - 3)
    return _DATE.search(text, start)


def may_end_in_front_matter(text: str) -> bool:
    """False only where `_FRONT_MATTER` cannot match (it ends in `,` or `+` and white space)
    or a space does not end the text as the count left it."""
    return text[-1:] in _FRONT_MATTER_ENDS and text.rstrip()[-1:] in ",+"


def _may_link(text: str) -> bool:
    return "http" in text or "doi" in text or "DOI" in text or "www." in text


def may_end_in_a_note(text: str) -> bool:
    """False only where `_NOTE_AFTER_COUNT` cannot match, told without the pattern: a note has
    no digit, so the page count's digits are the last of the text, and what follows them (a
    page word, a space, a capital and two more characters) is at least five characters long.
    Where a character beyond Latin-1 stops the cheap scan, the pattern decides."""
    end = len(text.rstrip(_LATIN1_NOT_DIGITS))
    if end == 0:
        return False  # no digit at all: no page count
    if not text[end - 1].isdecimal():
        return True  # stopped by a character the scan does not know
    return len(text) - end >= 5


# What `\d` does not match among the first 256 characters (`²` is no decimal digit).
_LATIN1_NOT_DIGITS = "".join(c for c in map(chr, range(256)) if not c.isdecimal())


def _last(text: str) -> str:
    """The last character that is no separator: what an end pattern can end with."""
    return text.rstrip(_SEPARATORS)[-1:]


_SEPARATORS = SPACES + ".,;:"
WINDOW = 120  # longer than any match of the patterns anchored at the end


def _end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern anchored at the end whose matches are shorter than
    WINDOW: only the last characters are tried as starts (long imprints stay cheap)."""
    return pattern.search(text, max(0, len(text) - WINDOW))


def _trim(text: str) -> str:
    return trim(text)


def _starts_word(text: str, start: int) -> bool:
    """A date starts a word: `C4ADS 2020` has one, `ABC-2020` does not."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")


# `…, 2021. GAO-21-123. 60p.`: a report number between the year (or `Forthcoming`) and the
# page count, or at the end.
REPORT_AFTER_YEAR = re.compile(
    rf"(?:(?<={YEAR})|(?<={YEAR}\])|(?<=orthcoming))[.,]\s+"
    rf"(?P<id>{REPORT_NUMBER}|{_PARLIAMENTARY_PAPER_AFTER_YEAR})\.?"
    r"(?=\s+(?:[ivxlc]{1,7}\s*[,+]\s*)?\d{1,5}\s*(?:p|pp|pages?)\b[.,]?(?:\s+ISBN.*)?\s*$|\s*$)"
)


# `…, 2021. 2nd ed. 280p.`: an edition statement between the year and the page count.
EDITION_AFTER_YEAR = re.compile(
    rf"(?<={YEAR})[.,]\s+(?P<edition>\d{{1,2}}(?:st|nd|rd|th)\s+(?:ed\.|edn\.?|edition))\.?"
    r"(?=\s+\d{1,5}\s*(?:p|pp|pages?)\b[.,]?\s*$|\s*$)",
    re.IGNORECASE,
)


def take_edition_after_year(text: str) -> tuple[str, str | None]:
    """The imprint without an edition statement printed after its year, and the statement."""
    hinted = " ed" in text[-48:].casefold()
    return _taken(text, EDITION_AFTER_YEAR, 48, hinted, "edition")


# `…, 2018. Statistical Report no. 45. 20p.`: a series statement between the year and the
# page count.
_SERIES_NOUN = r"(?:Report|Study|Paper|Series|Brief|Bulletin|Reports|Studies|Papers|Briefs)"
SERIES_AFTER_YEAR = re.compile(
    rf"(?<={YEAR})[.,]\s+(?P<series>[A-Z][^.:;]{{2,80}}?\s(?:no\.?|No\.?|Number|nr\.?)\s*\d+[A-Za-z]?"
    rf"|[A-Z][^.:;\d]{{0,80}}?{_SERIES_NOUN}\s\d{{1,4}})"  # `Research Report 120`: no `no.`
    r"\.?(?=\s+\d{1,5}\s*(?:p|pp|pages?)\b[.,]?\s*$|\s*$)"
)
_SERIES_NOUN_NUMBER = re.compile(rf"{_SERIES_NOUN}\s\d")


def take_series_after_year(text: str) -> tuple[str, str | None]:
    """The imprint without a series statement printed after its year, and the statement."""
    end = text[-120:]
    hinted = "no" in end.casefold() or _SERIES_NOUN_NUMBER.search(end) is not None
    return _taken(text, SERIES_AFTER_YEAR, 120, hinted, "series")


# A United Nations document symbol: `A/76/123`, `S/2021/1040`, `E/CN.15/2021/5`, `A/RES/75/1`.
_UN_SYMBOL = r"[A-Z]{1,3}(?:/[A-Z]{1,5}(?:\.\d{1,3})?)*(?:/\d{1,4}){2,}"
# A document symbol with its year in brackets, as the Council of Europe prints them: a body's
# letters with a slash or a capital inside (`MRO/Inf`, `HarbDH`, `CDL-AD`), then `(2021)` and a
# number: `MRO/Inf(2021)12`, `HRB/Inf (2021) 12`, `HarbDH(2021)5`.
_SYMBOL_WITH_YEAR = (
    r"(?:[A-Z][A-Za-z]{0,6}/[A-Z][A-Za-z]{1,5}|[A-Z][a-z]{0,5}[A-Z]{1,3})(?:-[A-Z]{1,3})?"
    r"\s?\((?:19|20)\d\d\)\s?\d{1,4}"
)
# A report number as printed after a page count: `GAO-22-104512`, `NCJ 255115`, `R46711`,
# `PE 729.123`, `MRO/Inf(2021)12`, `A/HRC/48/12`.
_COUNTED_REPORT_NUMBER = (
    rf"{REPORT_NUMBER}|NCJ[\s-]?\d{{5,7}}|[A-Z]{{1,3}}\d{{4,6}}|PE\s\d{{3}}\.\d{{3}}"
    rf"|{_SYMBOL_WITH_YEAR}|{_UN_SYMBOL}"
)
# A parliament's or the European Commission's paper: `HC 123`, `Cm 9876`, `COM(2021) 123 final`.
_PARLIAMENTARY_PAPER = (
    r"HC\s\d{1,4}(?:-[IVX]+)?|C[Mm]\.?\s\d{3,5}|(?:COM|SWD)\(\d{4}\)\s?\d{1,4}(?:\sfinal)?"
)
# Any report number as printed alone: those, a UN document symbol or a parliamentary paper.
_REPORT_NUMBER_ALONE = re.compile(
    rf"(?:{_COUNTED_REPORT_NUMBER}|{_UN_SYMBOL}|{_PARLIAMENTARY_PAPER})\.?"
)


# `NCJ 301234. Washington, DC: …`, `A/HRC/48/12. Geneva: …`: a report number first, then a stop
# and the rest of the imprint (a hyphenated one, `GAO-21-123. …`, is read with the series).
NUMBER_FIRST = re.compile(
    rf"^(?P<id>NCJ[\s-]?\d{{5,7}}|{_UN_SYMBOL}|{_SYMBOL_WITH_YEAR})\.\s+(?P<rest>[A-Z].*)$"
)


def report_number_alone(text: str) -> str | None:
    """The report number when `text` is nothing else (`NCJ 305102`, `(A/76/123)`'s inside)."""
    m = _REPORT_NUMBER_ALONE.fullmatch(text.strip())
    return m.group().rstrip(".") if m else None


# `…, 2020. 17p. NCJ 255115`, `…, 2022. 65p. GAO-22-104512`, `…, 2021. 25p. R46711`: a
# report number after the page count, at the end (the US government's reports print so).
REPORT_AFTER_COUNT = re.compile(
    r"(?<=\d)\s?(?:p|pp|pages?)\.?(?P<cut>[.,]?\s+"
    rf"(?P<id>{_COUNTED_REPORT_NUMBER})\.?\s*)$"
)


def take_report_after_count(text: str) -> tuple[str, str | None]:
    """The imprint without a report number printed after its page count, and the number."""
    tail = text[-40:]
    if not (tail[-1:].isdigit() or tail[-2:-1].isdigit()):
        return text, None  # a cheap test: the number ends the imprint
    m = REPORT_AFTER_COUNT.search(text, max(0, len(text) - 40))
    if m is None:
        return text, None
    return text[: m.start("cut")] + ".", m["id"]


# `… 44p. (MRO/Inf(2021)12)`: a document symbol with its year in brackets, itself in brackets
# at the end, after the count or the year (its inner brackets hide it from `bracketed_end`).
_SYMBOL_IN_BRACKETS = re.compile(rf"(?<=[\dp.])\s+\((?P<id>{_SYMBOL_WITH_YEAR})\)\.?$")


def take_symbol_in_brackets(text: str) -> tuple[str, str | None]:
    """The imprint without a bracketed document symbol with its year (`(HRB/Inf (2021) 12)`),
    and the symbol."""
    if text.rstrip(".")[-1:] != ")" or ")" not in text[-8:-1]:
        return text, None  # a cheap test: two closing brackets end the line
    m = _SYMBOL_IN_BRACKETS.search(text, max(0, len(text) - 48))
    if m is None:
        return text, None
    return text[: m.start()], m["id"]


# `…, 2020. 30p. Research Report 120.`: a series and its number after the page count, at the end.
SERIES_AFTER_COUNT = re.compile(
    r"(?<=\d)\s?(?:p|pp|pages?)\.?(?P<cut>[.,]?\s+(?P<series>[A-Z][^.:;\d]{2,80}?"
    r"(?:\s(?:no\.?|No\.?|Number|nr\.?)\s*|\s)\d{1,4}[A-Za-z]?)\.?\s*)$"
)


def take_series_after_count(text: str) -> tuple[str, str | None]:
    """The imprint without a series statement printed after its page count, and the statement
    (to be read by `series.series_alone`, which may refuse it)."""
    if not text[-3:].strip(". ")[-1:].isdigit():
        return text, None  # a cheap test: a number ends the statement
    m = SERIES_AFTER_COUNT.search(text, max(0, len(text) - 100))
    if m is None:
        return text, None
    return text[: m.start("cut")] + ".", m["series"]


def take_report_after_year(text: str) -> tuple[str, str | None]:
    """The imprint without a report number printed after its year, and the number."""
    end = text[-96:]
    hinted = "-" in end or "Cm" in end or "CM" in end or "HC " in end
    return _taken(text, REPORT_AFTER_YEAR, 96, hinted, "id")


def _taken(
    text: str, pattern: re.Pattern[str], window: int, hinted: bool, group: str
) -> tuple[str, str | None]:
    """The text without `pattern`'s match in its last `window` characters (where a year, what
    follows it and the page count end an imprint), and the match's `group`."""
    m = pattern.search(text, max(0, len(text) - window)) if hinted else None
    if m is None:
        return text, None
    return f"{text[: m.start()]}.{text[m.end() :]}", m[group]
