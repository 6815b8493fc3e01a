"""A preprint's repository and identifier in an imprint: an arXiv identifier (`arXiv preprint
arXiv:2103.04567`, `arXiv:2101.01234 [cs.CY]`: the repository publishes it, the identifier is
its report number) and a copy `Available at SSRN: <link>` (the repository is the publisher; the
links go). What is left is read as any imprint.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# `arXiv:2101.01234v2 [cs.CY]`, the older `arXiv:math/0701123`, with `arXiv preprint`,
# `Preprint,`, `Working paper,` or `Preprint available at` before it (Google Scholar's and the
# publishers' forms).
_ARXIV = re.compile(
    r"(?:(?:arXiv\s+)?(?:preprint|working\s+paper|e-?print),?\s*)?"
    r"(?:available\s+(?:at|from|on|via)\s+)?arXiv:\s?"
    r"(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
    r"(?:\s*\[[\w.-]+\])?",
    re.IGNORECASE,
)
# `Available at SSRN: https://… or https://…`: the repository a copy is kept in.
_AVAILABLE_AT = re.compile(
    r"Available\s+(?:at|from|on|via|through)\s+(?:the\s+)?(?P<name>[A-Z][\w&.' -]{0,60}?)\s*:\s*"
    r"https?://\S+(?:\s+(?:or|and)\s+https?://\S+)*"
)


class Preprint(NamedTuple):
    """The imprint without its preprint's marks, the repository, the identifier."""

    rest: str
    repository: str | None = None
    identifier: str | None = None


def take_preprint(text: str) -> Preprint:
    """The repository and identifier a preprint's imprint names, taken off the text."""
    if "arXiv" in text or "arxiv" in text:
        found = _ARXIV.search(text)
        if found is not None:
            return Preprint(_without(text, found), "arXiv", f"arXiv:{found['id']}")
    if "Available" in text:
        found = _AVAILABLE_AT.search(text)
        if found is not None:
            return Preprint(_without(text, found), found["name"].strip(" ."))
    return Preprint(text)


def _without(text: str, found: re.Match[str]) -> str:
    """The text without the match, its separators trimmed (`arXiv:2103.04567, 2021.` →
    `2021.`)."""
    before, after = text[: found.start()].rstrip(" ,;."), text[found.end() :].lstrip(" ,;")
    if before and after:
        return f"{before}. {after}"
    return (before + "." if before else after).strip()
