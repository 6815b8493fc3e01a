"""Cross-posted records (same title, first contributor and year on several pages) → one record.

The merged record keeps the first occurrence's fields (filling gaps from later ones), the union
of the topics and subject places, `source` = the first occurrence and `sources` = all of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import fields
from typing import TypeVar

from kg.records import Record

_UNIONED = {"topics", "subject_places", "sources", "source"}


def fold(text: str) -> str:
    """Lower case, accents, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.findall(r"\w+", text))


def merge_key(record: Record) -> tuple[str, str, int | None]:
    """What makes two records the same work: title, first contributor, year."""
    first = record.contributors[0].name if record.contributors else ""
    return fold(record.title), fold(first), record.year


# Fields two posts of one record print alike: when they differ, the records are two versions
# (a corrected copy beside the original), not cross-posts, and the build chooses one.
_SAME_IN_EVERY_POST = ("contributors", "publishers", "places", "page_count", "series",
                       "journal", "report_id", "edition_note")  # fmt: skip


def merge_records(records: Iterable[Record]) -> list[Record]:
    """Records with cross-posts merged, in order of first occurrence. Two records of one work
    that disagree on a field are both kept (the build publishes one of them and says why)."""
    merged: dict[tuple[str, str, int | None], Record] = {}
    versions: list[Record] = []
    for record in records:
        key = merge_key(record)
        seen = merged.get(key)
        if seen is None:
            merged[key] = record
        elif _disagree(seen, record):
            versions.append(record)
        else:
            merged[key] = merge_pair(seen, record)
    return [*merged.values(), *versions]


def _disagree(a: Record, b: Record) -> bool:
    for name in _SAME_IN_EVERY_POST:
        mine, theirs = getattr(a, name), getattr(b, name)
        if mine and theirs and mine != theirs:
            return True
    return False


def merge_pair(first: Record, other: Record) -> Record:
    """`first` with `other`'s topics, places and source added and its gaps filled."""
    gaps = {
        f.name: getattr(other, f.name)
        for f in fields(Record)
        if f.name not in _UNIONED
        and getattr(first, f.name) in (None, ())
        and getattr(other, f.name)
    }
    return first.with_changes(
        **gaps,
        topics=_union(first.topics, other.topics),
        subject_places=_union(first.subject_places, other.subject_places),
        sources=_union(first.sources or (first.source,), other.sources or (other.source,)),
    )


T = TypeVar("T")


def _union(a: tuple[T, ...], b: tuple[T, ...]) -> tuple[T, ...]:
    return tuple(dict.fromkeys((*a, *b)))
