"""How labels and texts are compared: the same word tokens, whatever the case or spacing."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[‐‑‒–]")
_QUOTES = re.compile(r"[’‘`]")
# A word is letters/digits, possibly joined by hyphens or apostrophes ("cyber-crime",
# "children's"): a label never matches inside such a compound.
_WORD = re.compile(r"\w+(?:[-']\w+)*")


def tokens(text: str) -> tuple[str, ...]:
    """The lower-cased word tokens of a text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _QUOTES.sub("'", _DASHES.sub("-", text))
    return tuple(_WORD.findall(text))


def label_key(text: str) -> str:
    """The form in which two labels count as the same label."""
    return " ".join(tokens(text))
