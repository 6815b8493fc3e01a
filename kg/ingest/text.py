"""Text helpers shared by the ingest modules: whitespace and line handling."""

from __future__ import annotations

import re

_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " "})


def clean(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces too) to one space, and trim."""
    # str.split() splits on every Unicode space (U+00A0, U+2007, U+202F included) but not on
    # the zero-width space or a stray BOM, which are mapped to spaces first.
    if "\u200b" in text or "\ufeff" in text:
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def strip_trailing_period(text: str) -> str:
    """`Drug Policy Alliance.` → `Drug Policy Alliance` (keeps `D.C.`-style abbreviations)."""
    text = text.strip()
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    return text.rstrip(" ,;:")


TAIL = 64


def search_end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern anchored at the end (`…$`): only the last characters
    are tried as starting points, which keeps long lines cheap."""
    return pattern.search(text, max(0, len(text) - TAIL))
