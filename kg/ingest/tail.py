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
_NOTE_AFTER_COUNT = re.compile(
    r"(?P<count>\b\d{1,5}\s*(?:p|pp|pgs?|pages?)\b\.?)\s+(?P<note>[A-Z][^\d]{2,80})$",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"(?=[\dJFMASONDWjfmasondw(c©])"  # what every match starts with (a fast test at each position)
    rf"(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{MONTH})\.?,?\s+"  # 2 MAY, 2024
    rf"|(?P<month2>{MONTH})\.?\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"  # Oct 23, 2002
    # (2024), c2019, 2020-2021, 2019: 6)
    rf"\(?(?:c|©\s?)?(?P<year>{YEAR})(?P<range>{_RANGE})?\)?(?:\s*[:,]\s*\d{{1,4}}\))?{_SEP}$",
    re.IGNORECASE,
)
_NO_YEAR = re.compile(
    r"(?P<printed>\bforthcoming|\bin press|\b[ns]\.\s?d\.?|\b(?:19|20)\d)\b\.?[\s.,;]*$",
    re.IGNORECASE,
)
_YEAR_TAIL = re.compile(rf"\(?{YEAR}(?:{_RANGE})?\)?(?:\s*[:,]\s*\d{{1,4}}\))?{_SEP}$")
_FRONT_MATTER_ENDS = frozenset(", +")
_NO_YEAR_ENDS = frozenset("gGsSdD0123456789")  # what _NO_YEAR's match can end with
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
_FRONT_MATTER = re.compile(r"(?:^|(?<=[\s.,;:]))[ivxlc]{1,7}\s*[,+]\s*$")
_BARE_COUNT = re.compile(rf"(?P<year>\b{YEAR}\)?)[.,]?\s+(?P<n>\d{{1,4}})\.?\s*$")


# Library catalogues' habits (ISBD, AACR2), rewritten to the plain forms read below: a supplied
# or corrected year in brackets (`[2019]`, `[c2019]`, `2019 [i.e. 2020]`, `2019 [2020]`), a
# copyright year after the year of publication (`2019, c2018`), a count in brackets (`[300] p.`,
# `300, [4] p.`), the dash before the extent (`2019. - 300 p.`) and the physical details after
# it (`300 p. : ill., maps ; 24 cm.`).
_CORRECTED_YEAR = re.compile(rf"\b{YEAR}\s*\[i\.\s?e\.,?\s*(?P<year>{YEAR})\]")
_SECOND_YEAR = re.compile(rf"(?P<year>\b{YEAR})\s*\[(?:c|©\s?)?{YEAR}\??\]")
# AACR2's copyright year after the year of publication, when they differ (`2019, c2018`).
_COPYRIGHT_YEAR = re.compile(
    rf"(?P<year>\b{YEAR}),?\s+(?:c|©\s?|copyright\s+)(?:{YEAR})\b", re.IGNORECASE
)
_SUPPLIED_YEAR = re.compile(rf"\[(?:c|©\s?|ca\.\s?|circa\s)?(?P<year>{YEAR})\??\]")
# A year a catalogue marks as approximate (`ca. 2020`, `circa 2020`, `c. 2020`) or as missing
# in brackets (`[n.d.]`, `[s.d.]`: no date, sine data).
_APPROXIMATE_YEAR = re.compile(rf"(?:(?<=[\s,])|^)(?:ca?\.|circa)\s?(?P<year>{YEAR})\b")
# An update after the year (`2020 (updated 2022)`, `2020 [revised March 2022]`).
_UPDATED = re.compile(
    rf"\s*[(\[](?:updated|revised|reprinted)\s+(?:[A-Z][a-z]+\.?\s+)?{YEAR}[)\]]", re.IGNORECASE
)
_NO_DATE_IN_BRACKETS = re.compile(r"\[(?P<printed>[ns]\.\s?d\.?)\]", re.IGNORECASE)
_BRACKETED_COUNT = re.compile(r"(?:\[(?P<n1>\d{1,5})\]|(?P<n2>\d{1,5}),\s*\[\d{1,4}\])(?=\s*p)")
# A web listing's habits: an ISO date (`2021-05-12`), a count after `pp.` (`2021. pp. 68`).
_ISO_DATE = re.compile(
    rf"\b(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"
)
_COUNT_AFTER_PP = re.compile(
    r"(?<=[\s.,;])pp?\.\s(?P<n>\d{1,5})\.?"
    r"(?=\s*(?:ISBN[\s:\dXx-]+)?(?:\([^()]{3,120}\))?\.?\s*$)"  # an ISBN, a series may follow
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_ISBD_DASH = re.compile(r"(?<=\.)\s+[-–—]\s+(?=[\divxlc\[])")
_DETAIL = (
    r"(?:col\.?\s*)?(?:ill(?:s|us)?\.?|illustrations?|maps?|charts?|tables?|figs?\.?|"
    r"facsims?\.?|ports?\.?|plates?|\d{1,3}\s*cm\.?)"
)
_PHYSICAL_DETAILS = re.compile(
    rf"(?<=[pP.s])\s*[:;]\s*{_DETAIL}(?:\s*[,:;]?\s*{_DETAIL})*[\s.]*$", re.IGNORECASE
)
_BRACKETED_END = re.compile(r"\s*\([^()]{3,120}\)\.?$")
_DETAIL_HINTS = ("ill", "cm", "map", "chart", "table", "fig", "facsim", "port", "plate")


# Where an imprint's marks end before a series or note in brackets: a page count, a year, an
# ISBN, a report number or the physical details (`… 300p. (Routledge Studies in X)`,
# `… 2019. GAO-19-1. (Y)`, `… 300 p. : ill. (Z)`).
_END_BEFORE_BRACKETS = re.compile(
    r"(?:\b\d{1,5}\s*(?:p|pp|pages?)\b|(?<!\d)(?:19|20)\d\d|ISBN[\s:\dXx-]*[\dXx]"
    rf"|\b{REPORT_NUMBER}|\bforthcoming|\bin press"
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


def plain_catalogue_forms(text: str) -> str:
    """The imprint with library catalogues' (and web listings') habits rewritten to the forms
    `read_tail` reads."""
    if text[:1] == "(" and text.rstrip(". ")[-1:] == ")":
        text = whole_in_brackets(text)
    if "-0" in text or "-1" in text:  # an ISO date's month
        text = _ISO_DATE.sub(_day_month_year, text)
    if "pp. " in text or " p. " in text:
        text = _COUNT_AFTER_PP.sub(r"\g<n>p.", text)
    if "ca" in text or "c." in text:
        text = _APPROXIMATE_YEAR.sub(r"\g<year>", text)
    if "[" in text:
        text = _NO_DATE_IN_BRACKETS.sub(r"\g<printed>", text)
        text = _CORRECTED_YEAR.sub(r"\g<year>", text)
        text = _SECOND_YEAR.sub(r"\g<year>", text)
        text = _SUPPLIED_YEAR.sub(r"\g<year>", text)
        text = _BRACKETED_COUNT.sub(lambda m: m["n1"] or m["n2"], text)
    if "c1" in text or "c2" in text or "©" in text or "opyright" in text:
        text = _COPYRIGHT_YEAR.sub(r"\g<year>", text)
    if " - " in text or " – " in text or " — " in text:
        text = _ISBD_DASH.sub(" ", text)
    if "pdated" in text or "evised" in text or "eprinted" in text:
        text = _UPDATED.sub("", text)  # the year of publication is the one before it
    end = text[-160:]
    if (" : " in end or " ; " in end) and any(hint in end.casefold() for hint in _DETAIL_HINTS):
        head, kept = _ends_aside(text)
        details = _end(_PHYSICAL_DETAILS, head)
        if details:
            text = f"{head[: details.start()].rstrip('.')}. {kept.strip()}".rstrip()
    return text


def whole_in_brackets(text: str) -> str:
    """`(London: Routledge, 2019. 300p.)` → the imprint inside; `(Studies in X)`, a series with
    no year, and `(2019) Journal of X (3)`, not wholly in brackets, as they are."""
    inside = text.rstrip(". ")[1:-1]
    depth = 0
    for char in inside:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return text  # the first bracket closes before the end
    if depth or not _CITATION_MARK.search(inside):
        return text
    # The bracket ended it, as a stop does (`… 1975-1976)`, `… 5p,)`).
    return inside if inside.endswith(".") else inside.rstrip(",;: ") + "."


_CITATION_MARK = re.compile(
    rf"(?<!\d){YEAR}\b|\b\d{{1,5}}\s*(?:p|pp|pages?)\b|forthcoming|in press", re.IGNORECASE
)


def _day_month_year(date: re.Match[str]) -> str:
    """`2021-05-12` → `12 May 2021`."""
    return f"{int(date['day'])} {_MONTHS[int(date['month']) - 1]} {date['year']}"


def _ends_aside(text: str) -> tuple[str, str]:
    """The text without the series in brackets and the ISBN that may follow the physical
    details (in either order), and those ends as printed."""
    start = len(text)
    for _ in range(2):
        found = _BRACKETED_END.search(text, max(0, start - 124), start)
        if found is None and has_standard_number(text[max(0, start - 40) : start]):
            found = ISBN_END.search(text, max(0, start - 40), start)
        if found is None:
            break
        start = found.start()
    return text[:start], text[start:]


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
        text = text[: note.start("note")].rstrip()
    m = match_count(_PAGE_COUNT, text)
    volumes = _end(_VOLUMES, text) if m is None and "vol" in text[-16:].casefold() else None
    if m:
        out.page_count = int(m["n"]) or None
        text = text[: m.start()]
        if text[-1:] in _FRONT_MATTER_ENDS:
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
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                "spring", "summer", "autumn", "fall", "winter")  # fmt: skip


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
        if not any(stem in window for stem in _MONTH_STEMS):
            start = max(start, year - 3)
    return _DATE.search(text, start)


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
    rf"(?:(?<={YEAR})|(?<=orthcoming))[.,]\s+"
    rf"(?P<id>{REPORT_NUMBER})\.?"
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


# `…, 2020. 17p. NCJ 255115`, `…, 2022. 65p. GAO-22-104512`, `…, 2021. 25p. R46711`: a
# report number after the page count, at the end (the US government's reports print so).
REPORT_AFTER_COUNT = re.compile(
    r"(?<=\d)\s?(?:p|pp|pages?)\.?(?P<cut>[.,]?\s+"
    rf"(?P<id>{REPORT_NUMBER}|NCJ[\s-]?\d{{5,7}}|[A-Z]{{1,3}}\d{{4,6}})\.?\s*)$"
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
    return _taken(text, REPORT_AFTER_YEAR, 96, "-" in text[-96:], "id")


def _taken(
    text: str, pattern: re.Pattern[str], window: int, hinted: bool, group: str
) -> tuple[str, str | None]:
    """The text without `pattern`'s match in its last `window` characters (where a year, what
    follows it and the page count end an imprint), and the match's `group`."""
    m = pattern.search(text, max(0, len(text) - window)) if hinted else None
    if m is None:
        return text, None
    return f"{text[: m.start()]}.{text[m.end() :]}", m[group]
