"""Text that is safe in XML 1.0: characters XML forbids removed, markup escaped.

XML 1.0 allows tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD and
U+10000–U+10FFFF. Anything else (C0 controls, lone surrogates, U+FFFE, U+FFFF) makes the whole
response unreadable for a harvester, so it is removed: by the mapping, which counts what it
removed so the build can report it, and again by every writer as the last line of defence.
"""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_ESCAPE_PAIRS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))  # & first
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def _printable(value: str) -> bool:
    """True when the text has printable characters only, newlines aside: then it holds nothing
    XML forbids (every printable character is legal, tests/test_harvest_properties.py). A C loop
    over most texts, or two over those with newlines (abstracts), costs less than the pattern's
    character class."""
    return value.isprintable() or ("\n" in value and value.replace("\n", "").isprintable())


def clean(value: str) -> tuple[str, int]:
    """The text without XML-illegal characters, and how many were removed."""
    if _printable(value):
        return value, 0
    cleaned, removed = _ILLEGAL.subn("", value)
    return cleaned, removed


def legal(value: str) -> str:
    """The text without XML-illegal characters."""
    return _ILLEGAL.sub("", value)


def text(value: str) -> str:
    """Element content: illegal characters removed, `& < >` (and CR, kept exact) escaped."""
    # Most text needs nothing: a search and a few `in` tests cost less than a translate,
    # which looks every character up (this runs for every field of every harvested record).
    if not _printable(value) and _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    for char, escaped in _TEXT_ESCAPE_PAIRS:
        if char in value:
            value = value.replace(char, escaped)
    return value


def attribute(value: str) -> str:
    """A double-quoted attribute value, escaped so that a parser gives back the same text."""
    return _ILLEGAL.sub("", value).translate(_ATTRIBUTE_ESCAPES)
