"""Text helpers shared by the ingest modules: whitespace and line handling."""

from __future__ import annotations

import html
import re
import unicodedata

# Invisible characters a copy of a web page carries: a zero-width space or a stray BOM between
# words (a space), a soft hyphen, a zero-width joiner or non-joiner or a word joiner inside one
# (nothing).
_INVISIBLE = str.maketrans(
    {"\u200b": " ", "\ufeff": " ", "\u00ad": None, "\u200c": None, "\u200d": None, "\u2060": None}
)
_INVISIBLE_CHARACTERS = frozenset(map(chr, _INVISIBLE))
# An HTML character reference (`&amp;`, `&#8217;`, `&#x201D;`), which a browser shows as the
# character it stands for: a copy of the page's source keeps it.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def is_clean(text: str) -> bool:
    """Whether `clean(text)` is `text`, told without splitting it.

    Printable text has no white space but the ASCII space (and no zero-width space or BOM);
    with single spaces and none at the ends it is clean.
    """
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return False
    if "&" in text and ";" in text and _REFERENCE.search(text):
        return False
    if text.isascii():
        return printable_ascii(text)
    return text.isprintable() and _SPACING_ACUTE not in text


def printable_ascii(text: str) -> bool:
    """`text.isprintable()` for ASCII text: no control character. A long line's bytes are
    tested in one pass of `bytes.translate` (less than half of `isprintable`'s cost per
    character, which looks each one up in the Unicode tables)."""
    if len(text) < _LONG_ASCII:
        return text.isprintable()
    return len(text.encode().translate(None, _ASCII_CONTROLS)) == len(text)


_ASCII_CONTROLS = bytes([*range(32), 127])  # the ASCII characters `isprintable` refuses
_LONG_ASCII = 80  # characters: below it the two bytes objects cost more than they save


def clean(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces too) to one space, and trim;
    HTML character references become their characters and invisible characters go."""
    if is_clean(text):
        return text
    if "&" in text:
        text = _REFERENCE.sub(_character, text)
    # str.split() splits on every Unicode space (U+00A0, U+2007, U+202F included) but not on
    # the zero-width space or a stray BOM, which are mapped to spaces first.
    if not text.isascii() and not _INVISIBLE_CHARACTERS.isdisjoint(text):
        text = text.translate(_INVISIBLE)
    if _SPACING_ACUTE in text:
        text = _ACUTE_BEFORE_VOWEL.sub(_composed, text)
    return " ".join(text.split())


# `Ren´e`: the accent a PDF's text layer prints beside the vowel it belongs on (`´t` in `Don´t`
# is an apostrophe, and stays).
_SPACING_ACUTE = "\u00b4"
_ACUTE_BEFORE_VOWEL = re.compile(r"(?<=[^\W\d_])\u00b4([AEIOUYaeiouy])")


def _composed(mark: re.Match[str]) -> str:
    """The vowel with its acute accent (`´e` → `é`)."""
    return unicodedata.normalize("NFC", mark[1] + "\u0301")


def _character(reference: re.Match[str]) -> str:
    """The character an HTML character reference stands for (an unknown name is kept)."""
    return html.unescape(reference[0])


# Words whose full stop marks the abbreviation, not the end of a field (`Kwame Nkrumah Jr.`,
# `Santa Monica, Calif.`: the abbreviations of US states, Australian states and Canadian
# provinces that imprints print).
_ABBREVIATED = tuple(
    f" {word}."
    for word in (
        "Jr", "Sr",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
        "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr",
        "Nev", "Okla", "Ore", "Oreg", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
        "Wisc", "Wyo", "Vic", "Qld", "Tas", "Ont", "Que", "Alta", "Sask",
    )
)  # fmt: skip


# A company's abbreviated form ends a publisher's name with its stop (`SAGE Publications, Inc.`,
# `University of California Press, Ltd.`).
_COMPANY = tuple(f" {word}." for word in ("Inc", "Ltd", "Co", "Corp", "Bros", "Pty", "Ltda", "Cia"))
_KEEPS_STOP = _ABBREVIATED + _COMPANY


def ends_with_abbreviation(text: str) -> bool:
    """`Washington D.C.`, `Santa Monica, Calif.`, `Ann Lee Jr.`: the final stop is the
    abbreviation's."""
    return ends_with_initial(text) or text.endswith(_ABBREVIATED)


def strip_trailing_period(text: str, keeps: tuple[str, ...] = _KEEPS_STOP) -> str:
    """`Drug Policy Alliance.` → `Drug Policy Alliance` (keeps `D.C.`-style abbreviations and
    the stops of the endings in `keeps`)."""
    text = text.strip()
    if text.endswith(".") and not ends_with_initial(text) and not text.endswith(keeps):
        text = text[:-1]
    return text.rstrip(" ,;:")


# A byline keeps the stop of an initial, `Jr.`/`Sr.` or a company's abbreviation, not a state's
# (`Jane La.` is a person, not `… La.` for Louisiana).
NAME_ENDS = (" Jr.", " Sr.", *_COMPANY)


def trim(text: str) -> str:
    """Separators (` ,.;:`) off both ends, but the full stop of a final initial kept
    (`Washington D.C.`, `U.S.`)."""
    trimmed = text.strip(" ,.;:")
    end = len(text.rstrip(" ,;:"))
    if text[end - 1 : end] == "." and (
        FINAL_INITIAL.search(trimmed + ".") or (trimmed + ".").endswith(_KEEPS_STOP)
    ):
        return trimmed + "."
    return trimmed


TAIL = 64
FINAL_INITIAL = re.compile(r"\b[A-Z]\.$")


def ends_with_initial(text: str) -> bool:
    """`… Washington D.C.`: a capital letter on its own and a full stop end the text."""
    return text.endswith((".", ".\n")) and search_end(FINAL_INITIAL, text) is not None


# Every character str.isspace() (and so the regex class \s) accepts, and the full stop.
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
SPACES += "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACES_AND_STOPS = SPACES + "."
_COUNT_ENDS = SPACES + ".,;"  # what may follow a page count at the end
# The last letters of `p`, `pp`, `pg`, `pgs`, `page`, `pages`, in any case (`ſ` is an `s` to re.I).
PAGE_WORD_ENDS = frozenset("pPgGeEsSſ")
_PAGE_LETTERS = "pPgGsSaAeEſ"  # the letters of those words


_SEPARATORS = frozenset(SPACES + ",:;.")


def search_end_led(led: re.Pattern[str], core: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`search_end(led, text)` where `led` is a run of separators (white space, `,:;.`, some
    of them only in places) then `core`, anchored at the end, and `core` never starts with a
    separator.

    The same match, found faster: a leading group repeated at each of the last characters is
    slow in Python's engine. The core's first match fixes where the run must end (see
    `extend_led`).
    """
    found = search_end(core, text)
    return None if found is None else extend_led(led, found, text)


def extend_led(led: re.Pattern[str], core: re.Match[str], text: str) -> re.Match[str] | None:
    """The match `search_end(led, text)` finds, given the first match of `led`'s core.

    The run of separators `led` may take ends where the core starts, so the leftmost start
    that `led` accepts is at most that run's length before it.
    """
    pos = max(0, len(text) - TAIL)
    start = lowest = core.start()
    while lowest > pos and text[lowest - 1] in _SEPARATORS:
        lowest -= 1
    for candidate in range(lowest, start + 1):
        m = led.match(text, candidate)
        if m is not None:
            return m
    return None  # not reached: `led` matches where `core` does, with an empty run


def page_count_start(text: str) -> int:
    """Where the number of a page count ending `text` (`… 40p.`, `12 pages`) starts, or -1.

    A pattern for such a count that starts with `\\b\\d+` can only match there: past the page
    word (`p`, `pp`, `pgs`, `page`, `pages`), spaces and full stops, the digits before it.
    """
    end = text.rstrip(_COUNT_ENDS)  # `… 46p,`, `… 12p.;`
    if end[-1:] not in PAGE_WORD_ENDS:
        return -1
    end = end.rstrip(_PAGE_LETTERS).rstrip(SPACES)
    start = len(end)
    while start and end[start - 1].isdecimal():  # what \\d matches
        start -= 1
    return start if start < len(end) else -1


def search_end_count(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`search_end(pattern, text)` for a pattern of a trailing page count (`\\b\\d+\\s*p…$`),
    tried only where the count's number starts."""
    start = page_count_start(text)
    if start < max(0, len(text) - TAIL):
        return None
    return pattern.match(text, start)


def match_count(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern of a page count that ends the text, tried only in
    the digits before the page word: from where they start, then at each later digit (a count
    glued to a year, `…, 202178p.`, starts inside them)."""
    start = page_count_start(text)
    if start < 0:
        return None
    while start < len(text) and text[start].isdecimal():
        found = pattern.match(text, start)
        if found is not None:
            return found
        start += 1
    return None


def last_mark(text: str) -> str:
    """The last character that is neither white space nor a full stop ('' if there is none).

    Patterns anchored at the end (`… 40p.$`) can only match when it is the right kind of
    character: testing it first spares most lines the regular expression.
    """
    return text.rstrip(_SPACES_AND_STOPS)[-1:]


def ends_like_page_count(text: str) -> bool:
    """Whether `text` may end in a page count (`40p.`, `12 pages`): false means it cannot."""
    return last_mark(text) in PAGE_WORD_ENDS


def ends_like_number(text: str) -> bool:
    """Whether `text` may end in a number (`2023.`, `(2021)`): false means it cannot."""
    mark = last_mark(text)
    return mark.isdigit() or mark == ")"


def sub_found(pattern: re.Pattern[str], template: str, text: str) -> str:
    """`pattern.sub(template, text)`, searched first: a substitution whose template has
    backreferences goes through Python code even where nothing matches."""
    return pattern.sub(template, text) if pattern.search(text) else text


def search_end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern anchored at the end (`…$`): only the last characters
    are tried as starting points, which keeps long lines cheap."""
    return pattern.search(text, max(0, len(text) - TAIL))


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether `text` has a digit (`\\d`: a decimal digit of any script), told in ASCII text by
    a substring test for each of `0`–`9`: ten scans of a short line cost less than one call of
    the pattern engine. The digits of years (`2`, `1`, `0`) go first: most lines have one."""
    if not text.isascii():
        return _DIGIT.search(text) is not None
    return (
        "2" in text
        or "1" in text
        or "0" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def holds_a_word(text: str, pattern: re.Pattern[str], words: tuple[str, ...]) -> bool:
    """`pattern.search(text)` for a pattern that ignores case and is an alternation of `words`
    (in lower case), told in ASCII text by a substring test for each word in the text in lower
    case. Such a pattern has no first letter to scan for, so the engine tries it at every
    position. Beyond ASCII the pattern decides: `ſ`, `ı`, `İ` and the Kelvin sign fold to ASCII
    letters when case is ignored."""
    if not text.isascii():
        return pattern.search(text) is not None
    return any(map(text.lower().__contains__, words))  # in C: no generator's frame
