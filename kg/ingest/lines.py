"""A page's non-blank lines, numbered, cleaned and kept as printed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from kg.ingest.text import clean, is_clean


class Unit(NamedTuple):
    """One non-blank line (or one part of a line that glues two fields): its 1-based number,
    the text as printed, and cleaned (a named tuple: one is made for every line of a
    catalogue, and a tuple is the cheapest to make)."""

    line: int
    raw: str
    text: str
    lead: str = ""  # a byline's lead printed alone on the line before (`Edited by`), if any

    @property
    def printed(self) -> str:
        """The text as printed, with the lead printed above it."""
        return f"{self.lead} {self.raw}" if self.lead else self.raw


def units(lines: Iterable[str]) -> Iterator[Unit]:
    """Every non-blank line with its number (a line of only white space is blank)."""
    for number, raw in enumerate(lines, start=1):
        if not raw:
            continue  # a blank line (the most common line), spared the call
        text = raw if is_clean(raw) else clean(raw)  # most lines are clean already
        if text:
            yield Unit(number, raw.rstrip("\r\n"), text)
