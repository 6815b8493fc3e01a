"""JSON Lines input: one object per line with the `kg parse` keys (see README)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kg.ingest.assemble import Lexicon
from kg.ingest.structured import FieldError, record_from_fields
from kg.records import Record, Rejected, Source


def read_jsonl(lines: Iterable[str], file: str, lex: Lexicon) -> Iterator[Record | Rejected]:
    """A record (or a rejection) for every non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = Source(file, number)
        try:
            values = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejected(
                source, f"not valid JSON ({err.msg}) — write one JSON object per line", (line,)
            )
            continue
        if not isinstance(values, dict):
            yield Rejected(source, "not a JSON object — write one {…} object per line", (line,))
            continue
        try:
            yield record_from_fields(values, source, lex)
        except FieldError as err:
            yield Rejected(source, str(err), (line,))
