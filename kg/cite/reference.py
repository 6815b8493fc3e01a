"""What a citation of one work needs, as plain values: the hand-off between the web layer
(which reads it from the graph) and the citation writers (CSL, RIS, BibTeX, meta tags)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["article", "book", "report", "work"]

# Lower-case words that start a family name in natural order ("Jane van der Berg"), and the
# capitalised ones that do so only before a last word ("Giulia La Mattina").
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dei",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "ten",
        "ter",
        "te",
        "zu",
        "vom",
        "op",
    ]
)
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name in parts, or an organisation's whole name (`literal`)."""

    family: str = ""
    given: str = ""
    particle: str = ""  # "van der", "La": kept with the family name when sorting
    suffix: str = ""
    literal: str = ""

    @property
    def is_organization(self) -> bool:
        return bool(self.literal)

    @property
    def full_family(self) -> str:
        """The family name with its particle ("La Mattina", "van der Berg")."""
        return f"{self.particle} {self.family}".strip()

    def inverted(self) -> str:
        """ "Family, Given" ("La Mattina, Giulia"; "King, Martin, Jr."), or the literal."""
        if self.literal:
            return self.literal
        out = self.full_family
        if self.given:
            out += f", {self.given}"
        if self.suffix:
            out += f", {self.suffix}"
        return out

    def natural(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.full_family, self.suffix) if p)


def person_name(text: str) -> Name:
    """Split a person's name printed in natural order ("Michael J. Rosenfeld")."""
    words = _SPACES.sub(" ", text.strip().replace(" ,", ",")).split(" ")
    words = [w for w in words if w]
    suffix = ""
    if len(words) > 2 and words[-1].casefold().rstrip(",") in _SUFFIXES:
        suffix = words.pop()
    words = [w.rstrip(",") for w in words]
    if len(words) < 2:
        return Name(family=" ".join(words), suffix=suffix)
    start = len(words) - 1  # where the family name (with its particles) starts
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    particle = " ".join(words[start : len(words) - 1])
    return Name(family=words[-1], given=" ".join(words[:start]), particle=particle, suffix=suffix)


def organization_name(text: str) -> Name:
    return Name(literal=_SPACES.sub(" ", text.strip()))


@dataclass(frozen=True, slots=True)
class Reference:
    """One work, ready to cite. Strings as the catalogue holds them; None when unknown."""

    key: str
    kind: Kind
    title: str
    url: str  # the work's permanent IRI
    page_url: str  # the HTML page that describes it
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: str | None = None
    publishers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None  # an article's page range as printed ("1483–1508")
    series: str | None = None
    series_number: str | None = None
    report_number: str | None = None
    page_count: int | None = None
    edition: str | None = None
    abstract: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()

    @property
    def first_page(self) -> str | None:
        return _page_range(self.pages)[0]

    @property
    def last_page(self) -> str | None:
        return _page_range(self.pages)[1]

    @property
    def number(self) -> str | None:
        """The report's number: its own report number, else its number in the series."""
        return self.report_number or (self.series_number if self.kind == "report" else None)


_RANGE = re.compile(r"^\s*([^\s‐‑‒–—―-]+)\s*[‐‑‒–—―-]+\s*([^\s‐‑‒–—―-]+)\s*$")


def _page_range(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    found = _RANGE.match(pages)
    if found:
        return found.group(1), found.group(2)
    return pages.strip(), None
