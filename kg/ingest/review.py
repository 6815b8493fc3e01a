"""Candidates for review: printed names not in the authority file that may be a known agent,
or another spelling of a name printed elsewhere. Reported, never merged.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from kg.ingest.authority import Authority, name_key
from kg.records import Record, Source

_DROP = frozenset(["the", "of", "for", "and", "on", "in"])
SIMILARITY = 0.88

# Patterns of the helpers below, compiled once.
_BRACKETS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """`name` (first printed at `source`) may be the same agent as `maybe`."""

    name: str
    source: Source
    maybe: str
    why: str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source.to_json(),
            "maybe": self.maybe,
            "why": self.why,
        }

    def __str__(self) -> str:
        return (
            f"{self.source}: '{self.name}' may be '{self.maybe}' ({self.why}) — add it to "
            "vocab/agents.ttl as a variant name, or leave the two apart"
        )


def loose_key(name: str) -> str:
    """A key that ignores middle initials, bracketed acronyms and joining words."""
    name = _BRACKETS.sub(" ", name)
    tokens = [t for t in name_key(name).split() if len(t) > 1 and t not in _DROP]
    return " ".join(tokens)


class Review:
    """Collects the unknown names of the records it sees and finds near-duplicates."""

    def __init__(self, authority: Authority) -> None:
        self.authority = authority
        self._known = {loose_key(label): agent.name for agent in authority.agents
                       for label in (agent.name, *agent.acronyms, *agent.variants)}  # fmt: skip
        # Known keys by first letter: a misprint rarely changes the first letter, and comparing
        # with every entry would make each unknown name cost as much as the authority file.
        self._by_initial: dict[str, list[str]] = {}
        for key in self._known:
            self._by_initial.setdefault(key[:1], []).append(key)
        self._seen: dict[str, str] = {}  # loose key → first exact name
        self._checked: set[str] = set()
        self.candidates: list[Candidate] = []

    def observe(self, record: Record) -> None:
        names = [c.name for c in record.contributors] + list(record.publishers)
        for name in names:
            if name not in self._checked:
                self._checked.add(name)
                self._check(name, record.source)

    def _check(self, name: str, source: Source) -> None:
        if self.authority.lookup(name) is not None:
            return
        key = loose_key(name)
        if not key:
            return
        known = self._known.get(key) or self._close_to_known(key)
        if known is not None and known != name:
            self.candidates.append(
                Candidate(name, source, known, "close to a name in the authority file")
            )
            return
        first = self._seen.setdefault(key, name)
        if first != name:
            self.candidates.append(
                Candidate(name, source, first, "the same name spelled differently")
            )

    def _close_to_known(self, key: str) -> str | None:
        match = closest(key, self._by_initial.get(key[:1], []))
        return self._known[match] if match is not None else None


def closest(key: str, keys: list[str]) -> str | None:
    """The one of `keys` most like `key`, if one is at least SIMILARITY alike: difflib's
    `get_close_matches` (ties go to the greater key), asked only about the keys whose length
    lets them be so alike (its own first test, which a third of the names fail for every key)."""
    near = [other for other in keys if _lengths_may_match(key, other)]
    match = difflib.get_close_matches(key, near, n=1, cutoff=SIMILARITY) if near else []
    return match[0] if match else None


def _lengths_may_match(key: str, other: str) -> bool:
    """`SequenceMatcher.real_quick_ratio` ≥ SIMILARITY: the best ratio of texts so long."""
    size = len(key) + len(other)
    return (2.0 * min(len(key), len(other)) / size if size else 1.0) >= SIMILARITY
