"""Text helpers shared by the ingest modules: whitespace and line handling."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")


def clean(text: str) -> str:
    """Collapse every run of whitespace (non-breaking spaces too) to one space, and trim."""
    return _SPACES.sub(" ", text).strip()


def is_blank(line: str) -> bool:
    """True for a line with nothing but (any kind of) whitespace."""
    return not clean(line)


def strip_trailing_period(text: str) -> str:
    """`Drug Policy Alliance.` → `Drug Policy Alliance` (keeps `D.C.`-style abbreviations)."""
    text = text.strip()
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    return text.rstrip(" ,;:")
