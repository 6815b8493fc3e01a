"""Library catalogues' and web listings' habits in an imprint, rewritten to the plain forms
`tail.read_tail` reads (`[2019]`, `2019 [i.e. 2020]`, `[300] p.`, `2019. - 300 p. : ill. ; 24 cm.`,
`2021-05-12`, `2021. pp. 68`)."""

from __future__ import annotations

import re

from kg.ingest.tail import ISBN_END, WINDOW, YEAR, has_standard_number
from kg.ingest.text import sub_found

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
# `(?:(?<=[\s,])|^)(?:ca?\.|circa)…`, written to start with its `c` (the look-behind after it
# stands for the one before it), so that a search scans for it fast instead of trying every
# position.
_APPROXIMATE_YEAR = re.compile(rf"c(?<![^\s,]c)(?:a?\.|irca)\s?(?P<year>{YEAR})\b")
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
# Counts as catalogues print them: `1 online resource (45 pages)`, `45 unnumbered pages`,
# `45 leaves`.
_ONLINE_RESOURCE = re.compile(
    r"\b1\s+online\s+resource\s*\((?P<n>\d{1,5})\s*(?:pages?|p\.?)\)", re.IGNORECASE
)
_UNNUMBERED = re.compile(r"\b(?P<n>\d{1,5})\s+(?:unnumbered\s+pages?|leaves)\b\.?", re.IGNORECASE)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_ISBD_DASH = re.compile(r"(?<=\.)\s+[-–—]\s+(?=[\divxlc\[(])")
_DETAIL = (
    r"(?:col\.?\s*)?(?:ill(?:s|us)?\.?|illustrations?|maps?|charts?|tables?|figs?\.?|"
    r"facsims?\.?|ports?\.?|plates?|\d{1,3}\s*cm\.?)"
)
_PHYSICAL_DETAILS = re.compile(
    rf"(?<=[pP.s])\s*[:;]\s*{_DETAIL}(?:\s*[,:;]?\s*{_DETAIL})*[\s.]*$", re.IGNORECASE
)
_BRACKETED_END = re.compile(r"\s*\([^()]{3,120}\)\.?$")
_DETAIL_HINTS = ("ill", "cm", "map", "chart", "table", "fig", "facsim", "port", "plate")


# The count's word in German, Spanish, Portuguese, Dutch, the Nordic languages, Polish and
# Italian, at the end (`300 S.`, `210 págs.`, `96 blz.`, `75 s.`, `120 str.`, `245 pagine`).
_OTHER_LANGUAGES_COUNT = re.compile(
    r"(?<=\d)\s?(?:[Ss]\.|Seiten|p[áa]gs?\.?|p[áa]ginas|blz\.?|sider|sidor|str\.?|stron|pagine)"
    # at the end, or before brackets, a catalogue's `: Ill.` or `; 24 cm`, or another statement
    r"(?=[\s.,;]*$|\.?\s*[(:;]|\.?\s+[A-Z$\d+])"
)
# What each such count has: `\d\s?(?:[Ss]\.|Seiten|p[áa]g|blz|sider|sidor|str|stron|pagine)`,
# written to start with the word (the digit and space before it are looked back at), so that a
# search scans for the words' first letters fast instead of testing every digit.
_COUNT_WORDS = ("S.", "s.", "Seiten", "pág", "pag", "blz", "sider", "sidor", "str")
_COUNT_WORD = re.compile(
    "|".join(
        rf"{re.escape(w)}(?:(?<=\d{re.escape(w)})|(?<=\d\s{re.escape(w)}))" for w in _COUNT_WORDS
    )
)


def count_words_as_p(text: str) -> str:
    """The imprint with a page count in another language written `45p.` (`300 S.`, `210 págs.`)."""
    if _COUNT_WORD.search(text[-60:]) is None:  # the count's digit among the last 60 characters
        return text
    m = _OTHER_LANGUAGES_COUNT.search(text, max(0, len(text) - 60))
    return text if m is None else f"{text[: m.start()]}p.{text[m.end() :]}"


def plain_catalogue_forms(text: str) -> str:
    """The imprint with library catalogues' (and web listings') habits rewritten to the forms
    `read_tail` reads (remembered: a citation's line is rewritten when it is scored and again
    when its record is read)."""
    found = _PLAIN_FORMS.get(text)
    if found is None:
        if len(_PLAIN_FORMS) >= PLAIN_FORMS_MEMO:
            _PLAIN_FORMS.clear()
        found = _PLAIN_FORMS[text] = _plain_catalogue_forms(text)
    return found


# The lines of a window of lines are scored before its records are read: a few hundred lines.
_PLAIN_FORMS: dict[str, str] = {}
PLAIN_FORMS_MEMO = 8_192


def _plain_catalogue_forms(text: str) -> str:
    """`plain_catalogue_forms`, worked out."""
    if text[:1] == "(" and text.rstrip(". ")[-1:] == ")":
        text = whole_in_brackets(text)
    text = count_words_as_p(text)
    if "-0" in text or "-1" in text:  # an ISO date's month
        text = _ISO_DATE.sub(_day_month_year, text)
    if "pp. " in text or " p. " in text:
        text = sub_found(_COUNT_AFTER_PP, r"\g<n>p.", text)
    if "online resource" in text:
        text = sub_found(_ONLINE_RESOURCE, r"\g<n>p.", text)
    if "unnumbered" in text or "leaves" in text:
        text = sub_found(_UNNUMBERED, r"\g<n>p.", text)
    if "ca" in text or "c." in text:
        text = sub_found(_APPROXIMATE_YEAR, r"\g<year>", text)
    if "[" in text:
        text = sub_found(_NO_DATE_IN_BRACKETS, r"\g<printed>", text)
        text = sub_found(_CORRECTED_YEAR, r"\g<year>", text)
        text = sub_found(_SECOND_YEAR, r"\g<year>", text)
        text = sub_found(_SUPPLIED_YEAR, r"\g<year>", text)
        text = _BRACKETED_COUNT.sub(lambda m: m["n1"] or m["n2"], text)
    if "c1" in text or "c2" in text or "©" in text or "opyright" in text:
        text = sub_found(_COPYRIGHT_YEAR, r"\g<year>", text)
    if " - " in text or " – " in text or " — " in text:
        text = _ISBD_DASH.sub(" ", text)
    if "pdated" in text or "evised" in text or "eprinted" in text:
        text = _UPDATED.sub("", text)  # the year of publication is the one before it
    end = text[-160:]
    if (" : " in end or " ; " in end) and any(hint in end.casefold() for hint in _DETAIL_HINTS):
        head, kept = _ends_aside(text)
        details = _PHYSICAL_DETAILS.search(head, max(0, len(head) - WINDOW))
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
