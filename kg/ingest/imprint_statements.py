"""Statements near an imprint's end printed in forms the tail's patterns do not know, rewritten
into forms they do or taken off as notes: a page count in another language (`300 S.`, `210
págs.`), a fiscal year (`FY2021`), a report number after its label (`Report No. HI-2021-07`), a
document's kind between the year and the count (`2021. Research Report. 45p.`)."""

from __future__ import annotations

import re

from kg.ingest.catalogue_forms import count_words_as_p
from kg.ingest.series import series_alone, series_within_its_year
from kg.ingest.tail import MONTH, REPORT_NUMBER, YEAR, report_number_alone
from kg.records import Series

# `FY2021`, `FY 2021-22`: a fiscal year is its first calendar year for the catalogue.
_FISCAL_YEAR = re.compile(rf"\bFY\s?(?={YEAR})")
# `Report No. HI-2021-07`, `Report HI-2021-07`, `No. HI-2021-07`: the label before a report
# number, which the tail reads without it.
_REPORT_LABEL = re.compile(
    rf"(?<=[.,] )(?:Report(?:\s(?:No\.?|Number|Nr\.?))?|No\.?|Number)\s?(?={REPORT_NUMBER}\b)"
)
# `UN Doc. A/HRC/48/12`, `U.N. Doc. E/CN.15/2020/4`: the label before a United Nations
# document symbol, which the tail reads without it.
_DOC_LABEL = re.compile(r"(?<=[.,] )(?:U\.?N\.?\s?)?Doc\.\s?(?=[A-Z]{1,3}(?:/[A-Z0-9.]+){2,})")
# `2021. Research Report. 45p.`, `2021. Policy brief.`: the document's kind, with no number
# (a numbered one is a series), between the year and the count or after the year at the end.
_KIND_AFTER_YEAR = re.compile(
    rf"(?<={YEAR})[.,]\s+(?P<kind>(?:[A-Z][a-z]+\s){{0,2}}"
    r"(?:[Rr]eport|[Bb]rief|[Ss]ummary|[Pp]aper|[Bb]ulletin|[Ff]act [Ss]heet|[Gg]uide"
    # a recording, a website or a data set: `2021. Dataset.`, `2022. Podcast episode.`
    r"|(?:Video|Podcast|Webinar|Website|Dataset|Film)(?:\s(?:episode|recording))?))"
    r"[.,]?(?=\s+\d{1,5}\s*(?:p|pp|pages?)\b[.,]?\s*$|\s*$)"
)


# `2021 (45p.)`, `2021 (45 pages).`: the count in brackets at the end.
_COUNT_IN_BRACKETS = re.compile(
    r"(?:(?<=\d\s)|(?<=\d[.,]\s))\((?P<n>\d{1,5})\s?(?:p|pp|pages?)\.?\)\.?$"
)  # after the year: `1 online resource (45 pages)` is a catalogue's form, read as such
# `(Research Series ; 7)`, `(Research Series; no. 7)`: a series as library catalogues print it.
_CATALOGUE_SERIES = re.compile(
    r"\((?P<name>[^();]{3,80}?)\s?;\s(?P<number>(?:no\.\s?)?\d[\w/:.-]*)\)"
)


def plain_statements(text: str) -> str:
    """The imprint with a count in another language or in brackets written `45p.`, a fiscal year
    as its year, a report number's label dropped, a catalogue's series `(Name ; 7)` as `(Name
    7)` and pipes between its parts as full stops."""
    if text.count(" | ") >= 2:  # `Body | Place | 2021`; one pipe may join a name and its acronym
        text = text.replace(" | ", ". ")
    if text[-2:].rstrip(".")[-1:] == ")":
        text = _COUNT_IN_BRACKETS.sub(lambda m: f"{m['n']}p.", text)
        if ";" in text:
            text = _CATALOGUE_SERIES.sub(lambda m: f"({m['name']} {m['number']})", text)
    text = count_words_as_p(text)
    if "FY" in text:
        text = _FISCAL_YEAR.sub("", text)
    if "Doc" in text[-40:]:
        text = _DOC_LABEL.sub("", text)
    if "No" in text[-60:] or "Report" in text[-60:]:
        start = max(0, len(text) - 60)
        text = text[:start] + _REPORT_LABEL.sub("", text[start:])
    return text


def take_kind_after_year(text: str) -> tuple[str, str | None]:
    """The imprint without a document's kind printed after its year, and the kind."""
    end = text[-60:]
    if not (  # a cheap test: a kind's word is printed (no generator: this runs on every imprint)
        "eport" in end or "rief" in end or "ummary" in end or "aper" in end
        or "ulletin" in end or "heet" in end or "uide" in end or "ataset" in end
        or "ideo" in end or "odcast" in end or "ebinar" in end or "ebsite" in end or "Film" in end
    ):  # fmt: skip
        return text, None
    m = _KIND_AFTER_YEAR.search(text, max(0, len(text) - 60))
    if m is None:
        return text, None
    return f"{text[: m.start()]}.{text[m.end() :]}", m["kind"]


# A date the publisher's name swallowed (`Harbour Institute, 2021. 45p. $25.00`): the tail did
# not know what follows it.
_DATE = (
    rf"(?:{MONTH}\.?\s(?:\d{{1,2}},?\s)?|\d{{1,2}}/)?\[?(?:c|FY)?{YEAR}\]?"
    rf"(?:-[01]\d-[0-3]\d|[-–/](?:{YEAR}|\d\d))?"  # `2025-07-25`, `1995-1996`, `1995/96`
    rf"(?:\s\[i\.\s?e\.,?\s*{YEAR}\])?"  # `2007 [i.e. 2008]`
)
_DATE_INSIDE = re.compile(rf"(?:^|[,.;]\s|\s){_DATE}(?:[.,;]\s|[.,]?$|\s\()")
_DATE_AFTER_BODY = re.compile(rf"(?:[,.;]\s|\s){_DATE}[.,;]?(?=\s)")
_COUNT = re.compile(
    r"(?<![\w.])(?:(?P<n>\d{1,5})\]?\s?(?:p|pp|pages?)\b\.?|pp\.\s?(?P<after>\d{1,5})\b)"
)
_BRACKETED = re.compile(r"\([^()]*\)")
_COUNT_ALONE_IN_BRACKETS = re.compile(r"\((?P<n>\d{1,5})\s?(?:p|pp|pages?)\.?\)\.?")


def swallowed_a_date(names: list[str]) -> bool:
    """Whether a publisher's or series' name, or the publisher as printed, holds the imprint's
    date and what followed it."""
    # Every date has a year, which starts with `1` or `2`: a cheap test before the pattern,
    # which is tried at every position.
    return any(("1" in name or "2" in name) and _DATE_INSIDE.search(name) for name in names)


def splits_before_its_end(text: str) -> list[tuple[str, str]]:
    """Where an imprint may end before statements the reader does not know, latest first: after
    its last page count outside brackets (`…, 2001. 72, [4] p.` | `Grant no. …`), after the date
    after its body (`…, 2021.` | `PDF, 45p.`)."""
    if text[:1] == "(" and text.rstrip(". ")[-1:] == ")":
        text = text.strip(" .")[1:-1]  # `(Perth: Harbour Books, 2001. Cm 5510)`
    text = count_words_as_p(text)
    splits = []
    counts = list(_COUNT.finditer(_BRACKETED.sub(lambda b: " " * len(b.group()), text)))
    if counts and counts[-1].end() < len(text.rstrip(" .,;")):
        splits.append((text[: counts[-1].end()], text[counts[-1].end() :].strip()))
    colon = text.find(":")  # the date is after the place's colon
    if text[colon + 1 : colon + 3] == "//":
        colon = -1  # a link's (`…, 2023. Dataset, version 3. https://…`): no place before it
    m = _DATE_AFTER_BODY.search(text, colon + 1)
    if m is not None:
        splits.append((text[: m.end()], text[m.end() :].strip()))
    return splits


def count_and_rest(after: str) -> tuple[int | None, str]:
    """The first page count outside brackets in what followed the date, and the rest (`PDF,
    45p.` → 45, `PDF`; `2 v. (45, 60 p.)` → no count)."""
    after = _COUNT_ALONE_IN_BRACKETS.sub(r"\g<n>p. ", after)  # `(48 pp.). $15.00`
    m = _COUNT.search(_BRACKETED.sub(lambda b: " " * len(b.group()), after))
    if m is None:
        return None, after.strip(" .,;")
    return int(m["n"] or m["after"]), f"{after[: m.start()]} {after[m.end() :]}".strip(" .,;")


# Who paid for the work (`Grant no. 2019-IJ-CX-0001`, `Cooperative agreement …`) is no series.
_FUNDING = re.compile(r"(?:.*\s)?(?:[Gg]rant|[Aa]ward|[Aa]greement|[Cc]ontract)s?$")
_AGENCY_FIRST = re.compile(r"[A-Z]{2,6}\s(?=\S)")  # `BJS NCJ 300123`: the agency, then the number


def series_or_report_after_count(rest: str) -> tuple[Series | None, str | None]:
    """What follows the count when it is a series statement or a report number alone."""
    number = report_number_alone(rest)
    agency = _AGENCY_FIRST.match(rest) if number is None else None
    if agency is not None:
        number = report_number_alone(rest[agency.end() :])
    if number is not None:
        return None, number
    series = series_within_its_year(rest) or series_alone(rest)
    if series is None or _FUNDING.fullmatch(series.name or ""):
        return None, None
    return series, None
