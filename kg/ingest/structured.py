"""Structured inputs (JSON Lines, CSV) → Records: one mapping of field values to a Record.

Values are checked and cleaned like page values (whitespace collapsed, names resolved against the
authority file, places expanded), so the same work read from a page, JSONL or CSV is one record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.ingest.assemble import Lexicon
from kg.ingest.contributor import agent_kind
from kg.ingest.text import clean
from kg.records import AGENT_KINDS, Contributor, Journal, Record, Series, Source


class FieldError(ValueError):
    """A field value that cannot be read; the message says what is wrong and what to do."""


def record_from_fields(values: Mapping[str, Any], source: Source, lex: Lexicon) -> Record:
    """A Record from `kg parse`-style keys; raises FieldError on a missing title or a bad value."""
    title = _text(values.get("title"), "title")
    if not title:
        raise FieldError("no title — every record needs a title")
    series = values.get("series")
    journal = values.get("journal")
    return Record(
        title=title,
        source=source,
        contributors=tuple(_contributor(c, lex) for c in _list(values, "contributors")),
        publishers=tuple(_publisher(p, lex) for p in _texts(values, "publishers")),
        places=tuple(lex.places.expand(p) for p in _texts(values, "places")),
        year=_int(values.get("year"), "year"),
        page_count=_int(values.get("page_count"), "page_count"),
        series=_series(series) if series else None,
        journal=_journal(journal) if journal else None,
        report_id=_text(values.get("report_id"), "report_id"),
        section=_text(values.get("section"), "section"),
        abstract=_paragraphs(values.get("abstract")),
        topics=tuple(_texts(values, "topics")),
        subject_places=tuple(_texts(values, "subject_places")),
        publisher_acronym=_text(values.get("publisher_acronym"), "publisher_acronym"),
        publisher_unit=_text(values.get("publisher_unit"), "publisher_unit"),
        edition_note=_text(values.get("edition_note"), "edition_note"),
    )


def _text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"'{key}' is not text — write it as a string")
    return clean(value) or None


def _paragraphs(value: Any) -> str | None:
    """An abstract: paragraphs (separated by a blank line) cleaned one by one."""
    text = _text(value, "abstract") and str(value)
    if not text:
        return None
    return "\n\n".join(p for p in (clean(p) for p in text.split("\n\n")) if p) or None


def _int(value: Any, key: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise FieldError(
        f"'{key}' is {value!r}, not a whole number — write digits only or leave it empty"
    )


def _list(values: Mapping[str, Any], key: str) -> list[Any]:
    value = values.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError(f"'{key}' is not a list — write a JSON array")
    return value


def _texts(values: Mapping[str, Any], key: str) -> list[str]:
    return [t for t in (_text(v, key) for v in _list(values, key)) if t]


def _contributor(value: Any, lex: Lexicon) -> Contributor:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise FieldError('a contributor is not an object — write {"name": …, "kind": …}')
    name = _text(value.get("name"), "contributors.name")
    if not name:
        raise FieldError("a contributor has no name — give every contributor a name")
    known = lex.authority.lookup(name)
    kind = value.get("kind") or (known.kind if known else agent_kind(name, lex.authority))
    if kind not in AGENT_KINDS:
        raise FieldError(f"contributor kind {kind!r} — use 'person' or 'organization'")
    role = _text(value.get("role"), "contributors.role")
    return Contributor(known.name if known else name, known.kind if known else kind, role)


def _publisher(name: str, lex: Lexicon) -> str:
    known = lex.authority.lookup(name)
    return known.name if known else name


def _series(value: Any) -> Series:
    if not isinstance(value, dict):
        raise FieldError('\'series\' is not an object — write {"name": …, "number": …}')
    return Series(_text(value.get("name"), "series.name"), _text(value.get("number"), "series"))


def _journal(value: Any) -> Journal:
    if not isinstance(value, dict) or not value.get("name"):
        raise FieldError('\'journal\' needs a name — write {"name": …, "volume": …}')
    return Journal(
        name=_text(value["name"], "journal.name") or "",
        volume=_text(value.get("volume"), "journal.volume"),
        issue=_text(value.get("issue"), "journal.issue"),
        pages=_text(value.get("pages"), "journal.pages"),
    )
