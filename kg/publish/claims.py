"""Two live records, one work: which one the build publishes, and what it says about the other.

Cross-posts (the same record on several pages) are merged before keys are assigned. Two records
that still claim one work key differ: typically a corrected copy of a page beside the original.
The build publishes one and quarantines the other, naming both file:lines. The rule: the record
from the source file whose path, without its extension, sorts last is published — a copy named
`page-2.txt`, `page-v2.txt` or `page.corrected.txt` wins over `page.txt` (or remove the original).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from kg.mapping.fingerprints import record_work_fingerprint
from kg.records import Record, Rejected


def second_claims(
    records: Iterable[Record], count: int, keys: Mapping[tuple[str, str], str]
) -> dict[int, Rejected]:
    """The records to keep out, by position in `records` (`count` of them), with the reason:
    each claim to a work key but the one the rule publishes."""
    if len({key for (kind, _), key in keys.items() if kind == "work"}) == count:
        return {}  # as many work keys as records: every record has a work of its own

    def work_key(record: Record) -> str | None:
        return keys.get(("work", record_work_fingerprint(record)))

    claimed = Counter(work_key(r) for r in records)
    shared = {key for key, n in claimed.items() if key is not None and n > 1}
    claims: dict[str, list[tuple[int, Record]]] = {}
    for position, record in enumerate(records):
        key = work_key(record)
        if key in shared:
            claims.setdefault(key, []).append((position, record))
    dropped: dict[int, Rejected] = {}
    for key, claimants in claims.items():
        _, kept = max(claimants, key=lambda claim: _order(claim[1]))
        for position, record in claimants:
            if record is not kept:
                dropped[position] = _second_claim(record, kept, key)
    return dropped


def kept(records: Iterable[Record], dropped: Mapping[int, Rejected]) -> Iterator[Record]:
    """The records but those `dropped` (by position), in order."""
    for position, record in enumerate(records):
        if position not in dropped:
            yield record


def _order(record: Record) -> tuple[str, int]:
    """Where a record sorts: its file's path without the extension, then its line."""
    return Path(record.source.file).with_suffix("").as_posix(), record.source.line


def _second_claim(record: Record, kept: Record, key: str) -> Rejected:
    reason = (
        f"the same work (key {key}) as {kept.source}, which is published instead (the copy in "
        "the file named last wins) — remove the copy you do not want, or correct it"
    )
    printed = tuple(t for t in (record.as_printed.title, record.as_printed.byline) if t)
    return Rejected(record.source, reason, printed)
