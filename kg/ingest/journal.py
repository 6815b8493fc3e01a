"""Journal citations in their many shapes → journal name, volume, issue, pages and year.

The journal's name comes first and ends where the first locator starts: a volume (`Vol. 4`,
`Volume 26`, `12:301`, `54(1)`, `, 22(1),`), an issue, a page range, a year in brackets or
before a `;` (`(2023) 12:…`, `2019;54(1):…`), `Online First`, a DOI. The locators are then read
wherever they are. A line with no locator is a journal when its name says so (`Journal`,
`Review`, `Quarterly`…) or the periodical list knows it, and then only a year and a page count
may follow (`American Journal of Criminal Justice, 2022. 11p.`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.ingest.catalogue_forms import plain_catalogue_forms
from kg.ingest.gazetteer import names_a_known_place
from kg.ingest.locators import (
    ARTICLE,
    END_RANGE,
    ISSUE,
    LOCATOR,
    MONTH,
    PAGES,
    SEASON,
    STATUS,
    STATUS_WORDS,
    VOLUME,
    hints_a_journal,
    worded_locators,
)
from kg.ingest.names import HEAD_WORDS
from kg.ingest.tail import YEAR, read_tail
from kg.ingest.text import has_digit, holds_a_word
from kg.records import Journal

_YEARS = re.compile(rf"\b({YEAR})\b")
_YEAR_RANGE = re.compile(rf"{YEAR}\s*[-–]\s*(?:{YEAR}|\d\d)")
_COUNT = re.compile(r"\b(\d{1,5})\s*(?:p|pp|pg|pages?)\.?[\s.,]*$", re.IGNORECASE)
# `…, pp. 23` at the end: `pp.` is plural, so one number after it counts the pages (the page an
# article starts on is `p. 23`, or the first of a range).
_PP_COUNT = re.compile(r",\s*pp\.\s*(\d{1,5})[\s.]*$")
_DOI = re.compile(r"[.,;]?\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/)\S+", re.IGNORECASE)
# `Journal` in the languages of the journals the library lists.
_JOURNAL_IN_OTHER_LANGUAGES = (
    "Revista", "Revue", "Rivista", "Zeitschrift", "Tijdschrift", "Dergisi", "Cadernos", "Cuadernos",
    "Cahiers",
)  # fmt: skip
# Words that name a journal. `\b(?:Journal|Review|…)\b`, written so that every branch starts
# with its first letter (the `\b` before it is a look-behind after it), so that a search scans
# for those letters fast instead of trying every position.
_NAME_WORD_LIST = (
    "Journal", "Review", "Quarterly", "Annals", "Proceedings", "Letters", "Bulletin of",
    "Criminology", "Criminol", "Law Review", "Abuse & Neglect", *_JOURNAL_IN_OTHER_LANGUAGES,
)  # fmt: skip
_NAME_WORDS = re.compile(
    "(?:"
    + "|".join(rf"{word[0]}(?<!\w{word[0]}){re.escape(word[1:])}" for word in _NAME_WORD_LIST)
    + r")\b"
)
# A status only journals print (an article published online before its issue), anywhere in the
# line. `Forthcoming` and `in press` are books' too: alone, they make no journal
# (`Riverside Books Forthcoming. pp. 164`).
_JOURNALS_OWN = r"advance online publication|early view|early access|ahead of print|e-?first"
_JOURNALS_OWN_STATUS = re.compile(_JOURNALS_OWN, re.IGNORECASE)
# `_JOURNALS_OWN`'s words spelled out (`e-?first` is two), for `holds_a_word`.
_JOURNALS_OWN_WORDS = ("advance online publication", "early view", "early access",
                       "ahead of print", "efirst", "e-first")  # fmt: skip
_JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Quarterly|Annals|Proceedings|" + "|".join(_JOURNAL_IN_OTHER_LANGUAGES) + r")\b"
)
# Where a journal's name printed alone ends: before a year or a page count.
_NAME_END = re.compile(rf"[\s,.(]+(?={YEAR}\b|\d{{1,5}}\s*(?:p|pp|pages?)\b)")
_ONLY_YEAR_AND_COUNT = re.compile(
    rf"[\s,.]*(?:\(?(?P<year>{YEAR})\)?)?[\s,.]*(?:(?P<count>\d{{1,5}})\s*(?:p|pp|pages?)\.?)?"
    r"[\s,.]*$",
    re.IGNORECASE,
)
_MONTH_END = re.compile(
    r"[\s,]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*$", re.IGNORECASE
)
_SERIES_NUMBER = re.compile(r"\b(?:no|nr)\.?\s*\d", re.IGNORECASE)
_STATUS = re.compile(r"[\s,.]*" + STATUS, re.IGNORECASE)
_STATUS_PRINTED = re.compile(r"(?:[,.]\s*|\s+)\(?(" + STATUS_WORDS + r")\b", re.IGNORECASE)
# The issue alone after the name (perhaps after the year): `, No. 3`, `, 2022, n. 1`, `, fasc. 4`,
# `, 4/2020` (the issue of that year).
_ISSUE_FIRST = re.compile(
    rf",\s*(?:{YEAR},\s*)?(?:No\b|n[º°.]|núm\.|nr\.|fasc\.?|Heft|H\.|\d{{1,2}}/{YEAR}\b)",
    re.IGNORECASE,
)
_VOLUME_WORD = re.compile(r"[.,]?\s*Vol(?:ume|\.)?\s*\d", re.IGNORECASE)
_DASH_SPACES = re.compile(r"\s*([-–—])\s*")

Known = Callable[[str], str | None]


# A law review cited as lawyers cite it (`42 Colum. J. Gender & L. 183 (2022)`): volume, the
# journal's abbreviated name, first page, year.
_LEGAL = re.compile(
    r"(?P<volume>\d{1,4})\s+(?P<name>[A-Z][\w.&'’ ]*?\b[A-Z][a-z]{0,5}\.[\w.&'’ ]*?)\s+"
    rf"(?P<page>\d{{1,5}})(?:,\s*\d{{1,5}})?\s*\((?:[A-Z][a-z]*\.?\s+)?(?P<year>{YEAR})\)\.?"
)


def _legal(text: str) -> tuple[Journal, int | None, int | None] | None:
    """(journal, year, no count) of a law review's citation, else None."""
    m = _LEGAL.fullmatch(text) if text[:1].isdigit() else None
    if m is None:
        return None
    return Journal(m["name"].strip(), m["volume"], None, m["page"]), int(m["year"]), None


# The repository a copy was found in, before the journal's name (`Academia EDU. Polis …`).
_PLATFORM = re.compile(r"(?:Academia\.?\s*EDU|ResearchGate)[.:]\s+", re.IGNORECASE)
# The article's type after the journal's name, as some journals print it on the article.
_ARTICLE_TYPE = re.compile(
    r"[\s.,:]+(?:Open Access\s+)?(?:(?:Original|Review|Research|Systematic Review)\s+)+Article\b"
)
# The issue's date and volume(issue) or volume:issue before the journal's name (`February 2022
# 41:2 Health Affairs`).
_LOCATOR_FIRST = re.compile(
    rf"(?:(?:{MONTH}|{SEASON})\.?\s+)?(?P<year>{YEAR})[,.]?\s+(?P<volume>\d{{1,4}})\s*"
    r"(?::\s*(?P<issue>\d{1,3})|\((?P<bracketed>\d{1,3})\))[,.]?\s+(?P<name>[A-Z][^\d]+)"
)


def _locator_first(text: str, known: Known | None) -> tuple[Journal, int | None, int | None] | None:
    """(journal, year, no count) when the locator comes before the journal's name and the name
    is a journal's, else None."""
    m = _LOCATOR_FIRST.fullmatch(text.rstrip(" ."))
    if m is None:
        return None
    name = m["name"].strip(" ,.")
    if not _named_like_a_journal(name) and (known is None or known(name) is None):
        return None
    issue = m["issue"] or m["bracketed"]
    return Journal(name, m["volume"], issue, None), int(m["year"]), None


# Year, volume, issue and pages parted by spaces alone (`Journal of X 2021 12 3 45-67`).
_SPACED = re.compile(
    rf"(?P<name>[A-Z][^\d]+?)\s+(?P<year>{YEAR})\s+(?P<volume>\d{{1,4}})\s+(?P<issue>\d{{1,3}})\s+"
    r"(?P<pages>\d+\s*[-–]\s*\d+)\.?"
)


def _spaced(text: str, known: Known | None) -> tuple[Journal, int | None, int | None] | None:
    """(journal, year, no count) of a citation whose locators are parted by spaces alone, when
    the name is a journal's, else None."""
    m = _SPACED.fullmatch(text) if text[-1:].isdigit() or text[-1:] == "." else None
    if m is None or not _named_a_journal(m["name"], "", known):
        return None
    journal = Journal(m["name"], m["volume"], m["issue"], _DASH_SPACES.sub(r"\1", m["pages"]))
    return journal, int(m["year"]), None


def parse_journal(
    text: str, known: Known | None = None
) -> tuple[Journal, int | None, int | None] | None:
    """(journal, year, page count) of a citation line, or None when it cites no journal."""
    text = text.strip()
    platform = _PLATFORM.match(text) if text[:1] in "AR" else None
    if platform is not None:
        text = text[platform.end() :]
    if "Article" in text:
        text = _ARTICLE_TYPE.sub("", text)  # `Cureus Open Access Review Article 2021. 11p`
    if not _might_cite_a_journal(text, known):
        return None
    legal = _legal(text) or _locator_first(text, known) or _spaced(text, known)
    if legal is not None:
        return legal
    if "doi" in text or "DOI" in text:
        text = _DOI.sub("", text)
    text = text.rstrip(" .")
    m = LOCATOR.search(text)
    if m is None or m.start() == 0:
        return _name_only(text, known)
    name, tail = text[: m.start()].strip(" ,.;|"), text[m.start() :]
    if not _plausible_name(name, tail):
        return None
    if tail[:1] in ":," and names_a_known_place(name):
        return None  # `London: 12 (3)`: a place's colon
    volume = _first(VOLUME.search(tail))
    pages, page_marks = page_locators(tail)
    count = None
    if pages is None:
        article = ARTICLE.search(tail) or END_RANGE.search(tail)
        if article and not _YEARS.fullmatch(article[1]) and not _YEAR_RANGE.fullmatch(article[1]):
            pages = article[1]
    counted = _COUNT.search(tail) or (_PP_COUNT.search(tail) if pages and pages.isdigit() else None)
    if counted:
        count = int(counted[1]) or None
        if pages is not None and counted[1] in pages.split("-")[0]:
            pages = None  # `(2025), 23p`: an article's page count, not its first page
    issue = _first(ISSUE.search(tail))
    if issue is None and "Issue" in tail:
        issue = _first(re.search(r"Issue[^\d]*(\d+)", tail))
    years = _YEARS.findall(_without_pages(tail, page_marks))
    if (volume, pages, issue) == (None, None, None) and not years and not _ahead_of_issue(tail):
        return None
    if volume is None and _ISSUE_FIRST.match(tail) and not _issue_of_a_journal(name, pages, known):
        return None  # `Policy Notes, No. 3, 2021`: a series and its number
    if (volume, pages, issue) == (None, None, None) and not _named_a_journal(name, tail, known):
        return None  # `NY. Routledge (2016) 425 pages.`: a book's year in brackets
    pages = _DASH_SPACES.sub(r"\1", pages) if pages else None
    year = int(years[-1]) if years else None
    return Journal(name, volume, issue, pages), year, count


# Where the first part of an imprint ends: `[,.(]\s|\s\(|\s(?:19|20)\d\d\b`, written to start
# with a class of its first characters (each branch looks back at its own), so that a search
# scans for them fast instead of trying every position.
_FIRST_PART = re.compile(r"[,.(\s](?:(?<=[,.(])\s|(?<=\s)\(|(?<=\s)(?:19|20)\d\d\b)")


def _might_cite_a_journal(text: str, known: Known | None) -> bool:
    """A cheap test first: most imprints cite a book or a report, not a journal."""
    if hints_a_journal(text) or _NAME_WORDS.search(text) or worded_locators(text):
        return True
    if holds_a_word(text, _JOURNALS_OWN_STATUS, _JOURNALS_OWN_WORDS):
        return True  # `Harbour Policing Studies, 2022. Advance online publication.`
    if known is None:
        return False
    cut = _FIRST_PART.search(text)
    first = text[: cut.start()] if cut else text
    if known(first) is not None or (": " in first and known(first.rpartition(": ")[2])):
        return True
    # A listed name with commas (`Trauma, Violence, & Abuse, 2021.`): up to the year or count.
    end = _NAME_END.search(text) if cut is not None and text[cut.start()] == "," else None
    return end is not None and known(text[: end.start()].strip(" ,.;")) is not None


def page_locators(tail: str) -> tuple[str | None, list[re.Match[str]]]:
    """The pages a citation's locators give (`PAGES`' first match's) and all of `PAGES`'
    matches, found in one pass (the years are read without them)."""
    marks = list(PAGES.finditer(tail))
    return (_first(marks[0]) if marks else None), marks


def _without_pages(tail: str, page_marks: list[re.Match[str]]) -> str:
    """The locators without the pages they give (`1700-1760` is no year), the rest of each
    match (`page_marks`, `PAGES`' in `tail`) kept (`2021, 10(4), 123`: the year of MDPI's
    citation)."""
    out, end = [], 0
    for m in page_marks:
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        out.append(tail[end : m.start(group)])
        end = m.end(group)
    return " ".join([*out, tail[end:]])


def status_as_printed(text: str) -> str | None:
    """`in press`, `Forthcoming`, `Advance online publication` after a journal's name, as
    printed: the date of an article not in an issue yet."""
    found = _STATUS_PRINTED.search(text)
    return found[1] if found else None


def _ahead_of_issue(tail: str) -> bool:
    """`Online First`, `in press`, `forthcoming`: an article not in an issue yet."""
    return "Online First" in tail or _STATUS.match(tail) is not None


# The last word of a series' name (`Policy Notes`, `Briefing Papers`, `Occasional Series`).
_SERIES_NAME_END = re.compile(
    r"\b(?:Papers?|Reports?|Briefs?|Briefings?|Series|Bulletins?|Notes?|Monographs?|Studies)$",
    re.IGNORECASE,
)


def _issue_of_a_journal(name: str, pages: str | None, known: Known | None) -> bool:
    """The issue printed alone after the name is a journal's when the name says it is a journal
    or, with a range of pages, no series' word ends it (`Archives de X, n° 42, 2020, p.
    155-178`; not `Policy Notes, No. 3, 2021, pp. 45-67`)."""
    if _named_a_journal(name, "", known):
        return True
    ranged = pages is not None and ("-" in pages or "–" in pages)
    return ranged and _SERIES_NAME_END.search(name) is None


def _named_a_journal(name: str, tail: str, known: Known | None) -> bool:
    """A citation that locates nothing in its journal names one that says it is a journal or
    that the periodical list knows, or is published online ahead of its issue."""
    if _NAME_WORDS.search(name) or _ONLINE_STATUS.search(tail):
        return True
    return known is not None and known(name) is not None


# A status only a journal's article has (`Early view`, `Ahead of print`, `Online first`), unlike
# `in press` or `forthcoming`, which a book's imprint prints too.
_ONLINE_STATUS = re.compile(rf"online|{_JOURNALS_OWN}", re.IGNORECASE)


# Words that name a body, not a journal, unless a journal's word is there too (`RSF: The
# Russell Sage Foundation Journal of …`).
_BODY_WORD = re.compile(
    r"\b(?:Institute|Instituto|Institut|University|Universidad|Université|Centre|Center"
    r"|Foundation|Press|Council|Commission|Agency|Department|Ministry|Office)\b"
)
_STRONG_NAME_WORD = re.compile(
    r"\b(?:Journal|Review|Quarterly|Annals|Proceedings|Letters|Bulletin|Revista|Revue"
    r"|Zeitschrift)\b"
)


# A month and day ending a name (`2021March 3rd`): a date, not a journal's name.
_DATE_AS_NAME = re.compile(rf"(?:{MONTH})\.?\s\d{{1,2}}(?:st|nd|rd|th)?$", re.IGNORECASE)


def _plausible_name(name: str, tail: str) -> bool:
    """A journal's name: letters, no series number, no `Place:` before it."""
    if not name or not any(c.isalpha() for c in name) or _SERIES_NUMBER.search(name):
        return False
    if any(token.isdigit() for token in name.split()):
        return False  # `The Library of Ethics Book 12`: a series and its number
    if _DATE_AS_NAME.search(name):
        return False  # `March 3rd, 2021, …`: a date, not a journal's name
    if name.rsplit(None, 1)[-1].casefold() in ("no", "nr", "paper", "papers", "brief", "briefing"):
        # `Working Paper, 2022: 11`: a series and its number, not a journal's volume and pages;
        # `… USDC No. 6:20-CV-1438`: a case's number
        return False
    # `Place: Publisher`, unless `Policing: An International Journal`, or a title and subtitle
    # that no place starts before the journal's volume (`Forensic Science International:
    # Animals and Environments. Volume 3`).
    if _BODY_WORD.search(name) and not _STRONG_NAME_WORD.search(name):
        return False  # `Harbour Institute of Criminology`: a body, whatever its field
    if ":" not in name:
        return True
    before, _, after = name.partition(":")
    if _NAME_WORDS.search(after):
        return True
    return bool(_VOLUME_WORD.match(tail)) and "," not in before and not names_a_known_place(before)


def _name_only(text: str, known: Known | None) -> tuple[Journal, int | None, int | None] | None:
    """`Journal of X` alone, or followed only by a date and a page count (`Journal of X, 2022.
    11p.`; `…, May 2022. 11p.`, `…, 2022-05-12. pp. 11`)."""
    cut = _NAME_END.search(text)
    name = (text[: cut.start()] if cut else text).strip(" ,.;")
    plain = _ONLY_YEAR_AND_COUNT.match(text, len(name))
    if plain is not None and cut is not None:
        name = _MONTH_END.sub("", name)  # `Geopolitics, Feb. 2022.`: the issue's month
    before, colon, after = name.rpartition(": ")
    if colon and "," in before and _named_like_a_journal(after):
        name = after  # `Canterbury, UK: Journal of X, 2023.`: a city and its region first
    elif colon and known is not None and known(after) and names_a_known_place(before):
        name = after  # `Brazil: Oñati Socio-Legal Series, 2021.`: a known journal after a place
    if plain is not None:  # the common case, told without reading the tail
        year = int(plain["year"]) if plain["year"] else None
        count = int(plain["count"]) or None if plain["count"] else None
    else:
        tail = read_tail(plain_catalogue_forms(text))
        if tail.note:
            return None
        name, year, count = tail.rest.strip(" ,.;("), tail.year, tail.page_count or None
    if not name or has_digit(name):
        return None
    listed = known(name) if known is not None else None
    if listed is None and (":" in name or not _named_like_a_journal(name)):
        return None  # `Place: Publisher`, unless the periodical list knows the whole name
    return Journal(name), year, count


def named_like_a_journal(name: str) -> bool:
    """`Journal of …`, `… Review`, `… Quarterly`: a name a periodical has (a body's head word
    aside)."""
    return _named_like_a_journal(name)


def _named_like_a_journal(name: str) -> bool:
    """`Journal of …`, `… Review`: unless a body's head word says it publishes (`Review Panel`)."""
    if _JOURNAL_WORD.search(name):
        return True
    if not _NAME_WORDS.search(name):
        return False
    return not any(w.casefold().strip(".,") in HEAD_WORDS for w in name.split())


def _first(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return next((g for g in m.groups() if g), None)
