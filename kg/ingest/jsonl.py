"""JSON Lines input: one object per line with the `kg parse` keys (docs/inputs.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kg.ingest.assemble import Lexicon
from kg.ingest.structured import FieldError, record_from_fields
from kg.records import Record, Rejected, Source

LONE_SURROGATE = (
    "a \\u escape of half a surrogate pair (\\ud800–\\udfff) that is no character — "
    "write the character itself or its full pair"
)


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
        if "\\u" in line and _has_lone_surrogate(values):
            yield Rejected(source, LONE_SURROGATE, (line,))
            continue
        try:
            yield record_from_fields(values, source, lex)
        except FieldError as err:
            yield Rejected(source, str(err), (line,))


def _has_lone_surrogate(value: object) -> bool:
    """Whether a decoded JSON value holds text no encoder can write (`"\\ud800"` alone)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False
