"""How labels and texts are compared: the same word tokens, whatever the case or spacing."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[‐‑‒–]")
_QUOTES = re.compile(r"[’‘`]")
# A word is letters/digits, possibly joined by hyphens or apostrophes ("cyber-crime",
# "children's"): a label never matches inside such a compound.
_WORD = re.compile(r"\w+(?:[-']\w+)*")
# The same words in lower-cased ASCII text, where \w is these: a fifth faster to find.
_ASCII_WORD = re.compile(r"[a-z0-9_]+(?:[-'][a-z0-9_]+)*")


def tokens(text: str) -> tuple[str, ...]:
    """The lower-cased word tokens of a text."""
    if text.isascii():
        # Most titles and abstracts: NFKC leaves ASCII as it is, casefold is lower, and of the
        # dashes and quotes only the backtick is ASCII (the regular expressions cost more).
        text = text.lower()
        return tuple(_ASCII_WORD.findall(text.replace("`", "'") if "`" in text else text))
    return plain_tokens(text)


def plain_tokens(text: str) -> tuple[str, ...]:
    """`tokens` without its shortcut for ASCII text (the definition it must agree with)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _QUOTES.sub("'", _DASHES.sub("-", text))
    return tuple(_WORD.findall(text))


def label_key(text: str) -> str:
    """The form in which two labels count as the same label."""
    return " ".join(tokens(text))
