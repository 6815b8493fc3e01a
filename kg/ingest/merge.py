"""Cross-posted records (same title, first contributor and year on several pages) → one record.

The merged record keeps the first occurrence's fields (filling gaps from later ones), the union
of the topics and subject places, `source` = the first occurrence and `sources` = all of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import astuple, fields
from functools import reduce
from typing import TypeVar

from kg.records import Contributor, Journal, Record, Series

_UNIONED = {"topics", "subject_places", "sources", "source"}


_WORDS = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case, accents, punctuation and spacing ignored."""
    if text.isascii():  # most titles and names: no decomposition, no accent, case folds to lower
        return " ".join(_WORDS.findall(text.lower()))
    return plain_fold(text)


def plain_fold(text: str) -> str:
    """`fold` for any text, character by character."""
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
    """Records with cross-posts merged, in order of first occurrence. A post of one work that
    disagrees with its first occurrence on a field is a version of its own, kept right after
    it (the build publishes one of them and says why)."""
    posts: dict[tuple[str, str, int | None], list[Record]] = {}
    for record in records:
        posts.setdefault(merge_key(record), []).append(record)
    out: list[Record] = []
    for first, *later in posts.values():
        out += merged_posts(first, later)
    return out


def merged_posts(first: Record, later: list[Record]) -> list[Record]:
    """The first post with the later posts that agree with it merged in, then those that
    disagree (each a version of its own)."""
    versions = [r for r in later if disagree(first, r)]
    agreeing = [r for r in later if not disagree(first, r)]
    return [reduce(merge_pair, agreeing, first), *versions]


def disagree(a: Record, b: Record) -> bool:
    """Whether two posts of one work print a field differently. One post printing more than the
    other (an issue number, a second author) is no disagreement; different values are."""
    for name in _SAME_IN_EVERY_POST:
        mine, theirs = getattr(a, name), getattr(b, name)
        if mine and theirs and not _compatible(mine, theirs):
            return True
    return False


def _compatible(mine: object, theirs: object) -> bool:
    if isinstance(mine, tuple) and isinstance(theirs, tuple):  # names, places
        ours, others = {_folded(x) for x in mine}, {_folded(x) for x in theirs}
        return ours <= others or others <= ours
    if isinstance(mine, Journal | Series) and isinstance(theirs, Journal | Series):
        pairs = zip(astuple(mine), astuple(theirs), strict=True)
        return all(x is None or y is None or fold(str(x)) == fold(str(y)) for x, y in pairs)
    return mine == theirs


def _folded(value: object) -> str:
    return fold(value.name if isinstance(value, Contributor) else str(value))


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
