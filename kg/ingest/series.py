"""Series statements and report numbers inside an imprint.

A series is printed before the place (`Research Report no. 17. Canberra: …`), as a sentence of
its own (`Trends and Issues in Crime and Criminal Justice, no. 584.`), with the numero sign
(`Crisis Group Asia Briefing N°183`), as a report number alone (`GAO-24-107093 2024. 89p.`,
`WORKING PAPER No IDB-WP-1640, Washington, DC: …`), or in brackets after the imprint
(`… 2023. 15p. (Statistical Report no. 45)`).
"""

from __future__ import annotations

import re

from kg.ingest.names import HEAD_WORDS, has_head_word, title_case
from kg.ingest.tail import NUMBER_FIRST, REPORT_NUMBER, bracketed_end
from kg.ingest.text import clean, has_digit
from kg.records import Series

_NUMBER = r"(?P<number>(?=[\w./-]*\d)[A-Z0-9][\w./-]*|[IVXLC]{1,6}\b)"
_SERIES_NO = re.compile(
    rf"^(?P<name>[A-Z][^:;]*?)[,.]?\s+(?:no\.?|nr\.?|number|n°|№|#)\s*{_NUMBER}[.,:;]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SERIES_WORDS = (
    r"(?:Bulletin|Paper|Papers|Report|Reports|Brief|Briefs|Briefing|Series|Notes?|Monograph|"
    r"Book|Volume|Handbook|Issues?|Study|Studies|Acta)"
)
_SERIES_WORD = re.compile(
    rf"^(?P<name>(?:(?:[A-Z][\w&'’-]*,?|of|on|and|for|the|in|&)\s+){{0,9}}?{_SERIES_WORDS})"
    rf"\s+{_NUMBER}\b[.,:;]?\s*(?P<rest>.*)$"
)
# A paper numbered within its year (`Working Paper, 2022: 11`, `Discussion Paper 2021/07`).
_SERIES_YEAR_NO = re.compile(
    r"^(?P<name>(?:[A-Z][\w ]*?\s)?(?:Paper|Report|Series)s?),?\s+"
    r"(?P<number>(?:19|20)\d\d\s?[:/]\s?\d{1,3})\b[.,;]?\s*(?P<rest>.*)$"
)
_REPORT_ID = re.compile(rf"^(?P<id>{REPORT_NUMBER})\b[.,:;]?\s*(?P<rest>.*)$")
# A court's case or docket number first (`No. 23-30033`, `Case No. 1:22-cv-01234`, `Docket No.
# 21-1234`, `Case No. CIV-2021-485-112`): its opinion's report number, no series. Bare `No.`
# needs a docket's hyphen after two digits (`No. 2021-05` and `No. 251` are no docket numbers).
_CASE_NUMBER = re.compile(
    r"^(?:(?:Case|Docket|Civil\s+Action|Criminal\s+Action)\s+)?Nos?\.\s*"
    r"(?P<id>(?:\d{1,2}:)?\d{2}-(?:[A-Za-z]{2,4}-)?\d{1,6}|[A-Z]{2,5}-\d{2,4}-[\d-]*\d)"
    r"(?![\w/-])[.,:;]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A number first with no series' name, then a full stop and the rest (`No. 251. Canberra: …`,
# `No. 2021-05. Harbour Institute, …`): the report's number, no publisher's or place's part.
_BARE_NUMBER = re.compile(r"^Nos?\.\s*(?P<id>\d+(?:[-/]\d+)?)\.\s+(?P<rest>[A-Z].*)$")
_ISSN_AFTER = re.compile(r",?\s*e?ISSN:?\s*\d{4}-?\d{3}[\dXx]\s*$")
_BRACKETED = re.compile(r"\s*\((?P<inner>[^()]{3,80})\)\.?\s*$")
_INNER_START = re.compile(r"(?<=\S): |(?<=[a-z]), (?=[A-Z])")
_SERIES_NAME_END = re.compile(
    r"\b(?:Paper|Report|Brief|Briefing|Series|Bulletin|Notes?|Monograph)s?$|\bActa$"
)
_SERIES_NAME = re.compile(r"\b(?:Paper|Report|Brief|Briefing|Series|Bulletin|Notes?|Monograph)s?\b")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")
_NUMBER_HINT = re.compile(r"\d|\b[IVXLC]{1,6}\b", re.IGNORECASE)  # as _SERIES_NO reads numbers
# `\b[IVXLC]{1,6}\b` in any case, written to start with its letter (the `\b` before it is a
# look-behind after it; the letters as case folding finds them, the dotted and dotless `i`
# too), so that a search scans for them fast instead of trying every position.
_ROMAN_LETTER = "[IVXLCivxlc\u0130\u0131]"
_ROMAN_NUMBER = re.compile(rf"{_ROMAN_LETTER}(?<!\w{_ROMAN_LETTER}){_ROMAN_LETTER}{{0,5}}\b")
_LABEL = re.compile(r"\s+(?:Book|Volume)$")
_LANGUAGE = (
    r"(?:english|spanish|español|french|français|portuguese|português|german|deutsch|italian|"
    r"italiano|dutch|arabic|chinese|russian|japanese|korean|vietnamese|polish|turkish|greek|"
    r"hebrew|hindi|urdu|bengali|persian|farsi|swahili|indonesian|ukrainian|tagalog)"
)
# The language a work is printed in (`En español`, `French version`, `Version française`,
# `Also available in Spanish`): in brackets after a title or an imprint, no series.
# `(Originally published 1998)`, `(First published London, 1998)`, `(Reprint of the 1998
# edition)`: an earlier edition, no series.
REPRINT_NOTE = re.compile(r"^(?:(?:Originally|First)\s+published|Reprint(?:ed)?)\b", re.IGNORECASE)
LANGUAGE_NOTE = re.compile(
    rf"^(?:(?:also\s+)?(?:available\s+)?(?:en|in)\s+{_LANGUAGE}(?:\s*(?:,|and|or|&)\s*{_LANGUAGE})*"
    rf"|{_LANGUAGE}\s+(?:version|translation|edition|language(?:\s+version)?)"
    rf"|(?:version|versión|versão|édition|edición|edição)\s+(?:(?:en|in)\s+)?\w+)$",
    re.IGNORECASE,
)
# A series' name (two words or more, a capital first, no digit), perhaps its number after it.
# What a copy's status in brackets says (`(Out of print)`, `(Free download)`): a note.
_STATUS = re.compile(
    r"(?:out of print|draft|free|executive summary|summary|web only|online only|abridged|"
    r"unpublished|revised|reprint|pre-?print|open access)\b",
    re.IGNORECASE,
)
_PLAIN_SERIES = re.compile(r"(?P<name>[A-Z]\D*?\s\D+?)(?:\s+(?P<number>\d{1,4}[A-Za-z]?))?$")


def is_identifier(number: str) -> bool:
    """`IDB-WP-1640` is a report number; `17` or `I` only a position in a series."""
    return any(c.isalpha() for c in number) and any(c.isdigit() for c in number) and "-" in number


def take_bracketed_series(text: str) -> tuple[str, Series | None]:
    """`… 2023. 15p. (Statistical Report no. 45)` → (`… 2023. 15p.`, the series)."""
    bracketed = _BRACKETED.search(text) if text.endswith((")", ").")) else None
    if bracketed is None:
        return text, None
    inner = clean(bracketed["inner"]).rstrip(" ,.")
    if LANGUAGE_NOTE.match(inner) or REPRINT_NOTE.match(inner):
        return text, None  # `(French version)`, `(Originally published 1998)`: a note
    # `(Juristat, Catalogue no. 85-002-X, ISSN 1205-8882)`: the periodical's ISSN is no part of
    # the series statement.
    series = _series(_ISSN_AFTER.sub("", bracketed["inner"]))
    after_count = series is None and bracketed_end(text) == bracketed.start()
    plain = _PLAIN_SERIES.match(inner) if after_count and not _STATUS.match(inner) else None
    if plain:  # after the page count or year: `300p. (Routledge Studies in X)`, `(… Study 299)`
        series = Series(plain["name"].rstrip(" ,"), plain["number"])
    elif series is None and _SERIES_NAME.search(inner):
        series = Series(inner, None)  # `(Briefing Paper)`
    return (text[: bracketed.start()].rstrip(), series) if series else (text, None)


def take_bracketed_note(text: str) -> tuple[str, str | None]:
    """`… 2019. 300p. (2nd edition)` → (`… 2019. 300p.`, `2nd edition`): what is in brackets
    after the page count or year (no series) is a note, never a place or publisher."""
    start = bracketed_end(text)
    if start < 0:
        return text, None
    return text[:start], clean(text[start:].strip().rstrip(".")[1:-1])


# A series named `… Series` without a number, first, before a place and its colon.
_UNNUMBERED_FIRST = re.compile(
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:of|on|and|for|the|in|&|[A-Z][\w&'’-]*)){0,8}\s+Series)"
    r"\.\s+(?P<rest>[A-Z][\w .,'’-]{1,45}:\s*\S.*)"
)


def take_series(text: str) -> tuple[str, Series | None, str | None]:
    """(the text without the series statement, the series, a report number)."""
    case = (_CASE_NUMBER.match(text) or _BARE_NUMBER.match(text)) if text[:1] in "NCDnc" else None
    if case:
        rest = case["rest"]
        if rest[:1] == "(" and ")" not in rest.rstrip(" .)"):
            rest = rest.strip("(). ")  # `No. 19-1392 (Harbour Supreme Court, 2022).`
        return rest, None, case["id"]
    m = _REPORT_ID.match(text)
    if m is None and (text[:3] == "NCJ" or "/" in text[:8]):
        m = NUMBER_FIRST.match(text)
    if m:
        return m["rest"], None, m["id"]
    unnumbered = _UNNUMBERED_FIRST.match(text) if "Series. " in text[:120] else None
    if unnumbered is not None:  # `X Analytical Series. London: …`
        return unnumbered["rest"], Series(unnumbered["name"]), None
    if not _has_number(text):
        return text, None, None  # every other series statement has a number
    starts = _sentence_starts(text)
    found = _series_at(text, starts)
    return found if found is not None else _series_after_publisher(text)


def _has_number(text: str) -> bool:
    """`_NUMBER_HINT.search(text)`, its digit looked for alone first: a fast scan (the
    alternation is tried at every position)."""
    return has_digit(text) or _ROMAN_NUMBER.search(text) is not None


def _series_at(text: str, starts: list[int]) -> tuple[str, Series, str | None] | None:
    """The first series statement at one of `starts` (the text without it, the series, a
    report number), else None."""
    for i, start in enumerate(starts):
        head = text[start:]
        m = _SERIES_NO.match(head) or _SERIES_YEAR_NO.match(head) or _SERIES_WORD.match(head)
        if m and _SENTENCE_BREAK.search(m["name"]) and _matches_later(text, starts[i + 1 :]):
            continue  # `Melbourne. University of Melbourne. X Working Paper No. 17`: the last
        if m and not _looks_like_place_colon(m["name"]) and not _publisher_then_volume(m["name"]):
            name = _LABEL.sub("", clean(m["name"]).rstrip(" ,.")).rstrip(" ,")
            number = m["number"].rstrip(".,")
            series = Series(_series_name(name), number)
            report = number if is_identifier(number) else None
            rest = (text[:start] + " " + m["rest"]).strip()
            return rest, series, report
    return None


def _series_after_publisher(text: str) -> tuple[str, Series | None, str | None]:
    """A series right after a place's colon or a publisher's comma, named in one piece
    (`Washington, DC: Harbour Institution Working Paper No. 17`, `…: Harbour Institute, Research
    Report No. 5`), else the text as it is."""
    for m in _INNER_START.finditer(text):
        head = text[m.end() :]
        numbered = _SERIES_NO.match(head)
        series = numbered or _SERIES_WORD.match(head)
        if series and "," not in series["name"] and _named_as_a_series(series["name"], numbered):
            found = _series_at(head, [0])
            if found is not None:
                after, named, report = found
                before = text[: m.start()] + (":" if m[0] == ": " else "")
                return f"{before} {after}".strip(), named, report
    return text, None, None


def _named_as_a_series(name: str, numbered: re.Match[str] | None) -> bool:
    """A series' name after a publisher: a series word at its end (`Research Report`), or a
    few words before `no.` and a number (`Trends and issues no. 20`)."""
    return _SERIES_NAME_END.search(name) is not None or (
        numbered is not None and len(name.split()) <= _NUMBERED_NAME_WORDS
    )


_NUMBERED_NAME_WORDS = 5


def issuing_body(series: Series) -> str | None:
    """The body a series is named after, when its name starts with one (`CEPR Press Discussion
    Paper` → `CEPR Press`; `Crisis Group Asia Briefing` → `Crisis Group`), else None."""
    names = (series.name or "").split()
    for i in range(len(names) - 2, 0, -1):
        if names[i].casefold() in HEAD_WORDS:
            after = names[i + 1 :]
            if len(after) <= 3 and _SERIES_NAME_END.search(after[-1]):
                return " ".join(names[: i + 1])
            return None
    return None


# A learned body's series named in Latin after the body (`… Academy of Social Sciences Acta 20`).
_LATIN_SERIES = re.compile(r"\s+(?P<series>Acta|Studia|Scripta)$")


def body_and_series(series: Series) -> tuple[str | None, Series]:
    """The body a series is named after and the series: `CEPR Press Discussion Paper` → `CEPR
    Press` and the series as named; `Harbour Academy of Letters Acta` → `Harbour Academy of
    Letters` and `Acta`; else (None, the series)."""
    name = series.name or ""
    latin = _LATIN_SERIES.search(name)
    if latin is not None and has_head_word(name[: latin.start()]):
        return name[: latin.start()], Series(latin["series"], series.number)
    return issuing_body(series), series


def _matches_later(text: str, starts: list[int]) -> bool:
    """A series statement starts at one of these later sentence starts."""
    return any(_SERIES_NO.match(text[at:]) or _SERIES_WORD.match(text[at:]) for at in starts)


# `Juristat, Catalogue no. 85-002-X`: the periodical's catalogue number, as a statistics office
# numbers its publications, after the series' name.
_CATALOGUE = re.compile(r"[,.]?\s+(?:Catalogue|Catalog|Cat\.?)$", re.IGNORECASE)


def without_catalogue_number(series: Series) -> tuple[Series, str | None]:
    """(`Juristat`, `85-002-X`) for `Juristat, Catalogue` no. `85-002-X`: a catalogue number is
    a report number, not the work's number in the series; else (the series, None)."""
    found = _CATALOGUE.search(series.name or "") if series.number else None
    if found is None or series.name is None:
        return series, None
    return Series(series.name[: found.start()], None), series.number


def series_alone(text: str) -> Series | None:
    """The series when the text is nothing but a series statement (an imprint line of its own:
    `Library of Ethics and Law Book 21`, `Research Report no. 17.`)."""
    rest, series, _report = take_series(text.strip())
    return series if series is not None and not rest.strip(" .,;") else None


def series_within_its_year(text: str) -> Series | None:
    """The series when the text is nothing but a paper numbered within its year (`Report
    2021:4`, `Working Paper 2019/3`): a line of its own that reads like a journal's volume."""
    m = _SERIES_YEAR_NO.match(text.strip())
    return Series(m["name"], m["number"]) if m and not m["rest"] else None


def _series(text: str) -> Series | None:
    m = _SERIES_NO.match(text) or _SERIES_YEAR_NO.match(text) or _SERIES_WORD.match(text)
    if m is None or m["rest"]:
        return None
    return Series(_series_name(clean(m["name"]).rstrip(" ,.")), m["number"].rstrip(".,"))


def _series_name(name: str) -> str:
    """A name printed in capitals in title case (`RESEARCH REPORT` → `Research Report`), unless
    it is all acronyms (`IZA DP`, `NBER WP`)."""
    if not name.isupper() or all(len(word) <= 4 for word in name.split()):
        return name
    return title_case(name)


def _sentence_starts(text: str) -> list[int]:
    """Where a series statement may start: the start, and after each `. ` sentence break."""
    starts = [0]
    starts += [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    return starts


def _publisher_then_volume(name: str) -> bool:
    """`Taylor & Francis Group, Volume`: a publisher's name, then the volume of a book in
    several, not a series named with a comma (`… Ethics, Law and Technology, Book`)."""
    before, comma, label = name.rpartition(", ")
    return bool(comma) and label in _LABELS and has_head_word(before.rsplit(None, 1)[-1])


_LABELS = frozenset(["Volume", "Book", "Vol.", "Vol"])


def _looks_like_place_colon(name: str) -> bool:
    return ":" in name
