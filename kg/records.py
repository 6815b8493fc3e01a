"""The typed hand-off between ingest and mapping: one frozen Record per catalogue entry.

`Record.to_json()` produces the public `kg parse` contract: the keys listed in the Foundation
issue never change name; later stages may only add keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


def pickled_as_tuple(cls: type[_T]) -> type[_T]:
    """Pickle a frozen dataclass as its class called with its field values, in order.

    What dataclasses give a slotted class instead is a Python `__setstate__` looping over the
    fields: records cross process boundaries three times in a build (spool, workers), each
    record's verdict once (kg/publish/stream.py), and that loop cost more than the unpickling
    itself.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)  # two fields or more: a tuple

    def __reduce__(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    assert len(names) > 1, "attrgetter gives a lone field's value, not a tuple"
    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


AgentKind = Literal["person", "organization"]
AGENT_KINDS: tuple[AgentKind, ...] = ("person", "organization")


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: the file and the 1-based line of its title."""

    file: str
    line: int

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line}

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Contributor:
    """A printed author: a person or an organisation, in byline order."""

    name: str
    kind: AgentKind
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.role:
            out["role"] = self.role
        return out


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Series:
    """A publisher's series and the work's number in it."""

    name: str | None
    number: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "number": self.number}


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Journal:
    """The periodical an article appeared in, with volume, issue and pages."""

    name: str
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "volume": self.volume, "issue": self.issue, "pages": self.pages}


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class AsPrinted:
    """The record's lines exactly as printed on the page (whitespace kept)."""

    title: str | None = None
    byline: str | None = None
    imprint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "byline": self.byline, "imprint": self.imprint}


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Record:
    """One catalogue entry, cleaned, with what was printed and where it came from."""

    title: str
    source: Source
    contributors: tuple[Contributor, ...] = ()
    publishers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    year: int | None = None
    page_count: int | None = None
    series: Series | None = None
    journal: Journal | None = None
    report_id: str | None = None
    section: str | None = None
    abstract: str | None = None
    topics: tuple[str, ...] = ()
    subject_places: tuple[str, ...] = ()
    publisher_acronym: str | None = None
    publisher_unit: str | None = None
    edition_note: str | None = None
    year_as_printed: str | None = None
    publisher_as_printed: str | None = None
    as_printed: AsPrinted = field(default_factory=AsPrinted)
    sources: tuple[Source, ...] = ()
    # Set by a cataloguer's correction: the fields it set, and what identified the work before
    # (title, year, first contributor), so the work keeps its key.
    corrected: tuple[str, ...] = ()
    identity: tuple[str, int | None, str | None] | None = None

    def printed_identity(self) -> tuple[str, int | None, str | None]:
        """What identifies the work: its title, year and first contributor."""
        first = self.contributors[0].name if self.contributors else None
        return self.title, self.year, first

    def with_changes(self, **changes: Any) -> Record:
        """A copy with some fields replaced (records are immutable)."""
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The `kg parse` JSON object: contract keys first, then kg's own additions."""
        return {
            "title": self.title,
            "contributors": [c.to_json() for c in self.contributors],
            "publishers": list(self.publishers),
            "places": list(self.places),
            "year": self.year,
            "page_count": self.page_count,
            "series": self.series.to_json() if self.series else None,
            "journal": self.journal.to_json() if self.journal else None,
            "report_id": self.report_id,
            "section": self.section,
            "source": self.source.to_json(),
            "abstract": self.abstract,
            "topics": list(self.topics),
            "subject_places": list(self.subject_places),
            "publisher_acronym": self.publisher_acronym,
            "publisher_unit": self.publisher_unit,
            "edition_note": self.edition_note,
            "year_as_printed": self.year_as_printed,
            "publisher_as_printed": self.publisher_as_printed,
            "title_as_printed": _collapse(self.as_printed.title),
            "as_printed": self.as_printed.to_json(),
            "sources": [s.to_json() for s in (self.sources or (self.source,))],
        }


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that was read but could not be parsed, with the reason and what was printed."""

    source: Source
    reason: str
    printed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.to_json(),
            "reason": self.reason,
            "printed": list(self.printed),
        }

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def _collapse(text: str | None) -> str | None:
    """Whitespace (non-breaking spaces too) collapsed to single spaces."""
    return " ".join(text.split()) if text is not None else None
