"""Corrections a cataloguer makes without editing code or the page: `data/corrections.jsonl`.

One JSON object a line: the record's correction key (`kg parse --explain` prints it: a
fingerprint of the printed title and byline, so it survives the page being re-crawled and lines
moving) and the fields to set, with the `kg parse` names and values:

    {"key": "r-4k7q2m9x1c", "publishers": ["Drug Enforcement Administration"], "note": "…"}

The build applies them before mapping; the work keeps its IRI (its key is found from the record
as printed), provenance names the fields a person corrected, and a correction whose record is no
longer in the sources is reported at its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.assemble import Lexicon
from kg.ingest.printkey import KEY_PREFIX, print_key
from kg.ingest.structured import FieldError, record_from_fields
from kg.records import Record, Source

CORRECTIONS_FILE = "corrections.jsonl"  # in the data folder (kg.ingest.NOT_SOURCES)
CORRECTABLE = (
    "title", "contributors", "publishers", "places", "year", "page_count", "series", "journal",
    "report_id", "section", "abstract", "topics", "subject_places", "publisher_acronym",
    "publisher_unit", "edition_note",
)  # fmt: skip
_RECORD_FIELDS = {f.name for f in fields(Record)}


@dataclass(frozen=True, slots=True)
class Correction:
    """One line of the corrections file: which record, what to set, and why."""

    key: str
    values: dict[str, Any]
    source: Source
    note: str | None = None


def read_corrections(path: Path) -> list[Correction]:
    """The corrections of a file (none if it does not exist); a bad line is an InputError."""
    if not path.exists():
        return []
    out: list[Correction] = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.strip():
            out.append(_correction(text, Source(str(path), number)))
    return out


def _correction(text: str, source: Source) -> Correction:
    where = (source.file, source.line)
    try:
        row = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(*where, f"not valid JSON ({err.msg})", "write one JSON object") from err
    if not isinstance(row, dict):
        raise InputError(*where, "not a JSON object", 'write {"key": …, "field": value}')
    key = row.pop("key", None)
    if not isinstance(key, str) or not key.startswith(KEY_PREFIX):
        raise InputError(
            *where, "no correction key", "copy the key `kg parse --explain PAGE` prints"
        )
    note = row.pop("note", None)
    unknown = sorted(set(row) - set(CORRECTABLE))
    if unknown:
        raise InputError(
            *where, f"cannot correct {', '.join(unknown)}", f"use {', '.join(CORRECTABLE)}"
        )
    if not row:
        raise InputError(*where, "no field to correct", "add the fields to set")
    return Correction(key, row, source, note if isinstance(note, str) else None)


def record_key(record: Record) -> str:
    """The correction key of a record read from a page (or from JSON Lines and CSV)."""
    return print_key(record.as_printed.title or record.title, record.as_printed.byline)


def apply_corrections(
    records: Iterable[Record], corrections: list[Correction], lex: Lexicon
) -> Iterator[Record]:
    """The records, those a correction names corrected. Bad values raise InputError."""
    by_key = {c.key: c for c in corrections}
    for record in records:
        correction = by_key.get(record_key(record))
        yield record if correction is None else corrected(record, correction, lex)


def corrected(record: Record, correction: Correction, lex: Lexicon) -> Record:
    """The record with the correction's fields set; its work keeps its identity."""
    values = {"title": record.title, **correction.values}
    try:
        fixed = record_from_fields(values, record.source, lex)
    except FieldError as err:
        raise InputError(correction.source.file, correction.source.line, *_split(str(err))) from err
    changes = {name: getattr(fixed, name) for name in correction.values if name in _RECORD_FIELDS}
    return record.with_changes(
        **changes,
        corrected=tuple(sorted(correction.values)),
        identity=record.identity or record.printed_identity(),
    )


def unused(corrections: list[Correction], records: Iterable[Record]) -> list[Correction]:
    """The corrections whose record is in no source any more."""
    seen = {record_key(r) for r in records}
    return [c for c in corrections if c.key not in seen]


def _split(message: str) -> tuple[str, str]:
    what, _, fix = message.partition(" — ")
    return what, fix or "correct the value"
