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


def clean(value: str) -> tuple[str, int]:
    """The text without XML-illegal characters, and how many were removed."""
    # Every printable character is legal (tests/test_harvest_properties.py): a C loop over most
    # texts is cheaper than the pattern's character class.
    if value.isprintable():
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
    if not value.isprintable() and _ILLEGAL.search(value):  # printable: legal (see `clean`)
        value = _ILLEGAL.sub("", value)
    for char, escaped in _TEXT_ESCAPE_PAIRS:
        if char in value:
            value = value.replace(char, escaped)
    return value


def attribute(value: str) -> str:
    """A double-quoted attribute value, escaped so that a parser gives back the same text."""
    return _ILLEGAL.sub("", value).translate(_ATTRIBUTE_ESCAPES)
