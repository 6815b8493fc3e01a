"""The minting ledger: every key kg ever issued, and the fingerprints that identify it.

The ledger is append-only text under version control (`data/ledger.tsv`), one sorted row per
fact: `type  key  fingerprint  {fingerprint}` or `type  key  replaced_by  {type}/{key}`. Keys are
never reused. A fingerprint seen before keeps its key; a new fingerprint takes the key of a
vanished one when they are near enough (a corrected title or name); otherwise a new key is minted
from its hash. This module is pure: the build reads and writes the file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from kg.iris import opaque_key
from kg.mapping.fingerprints import Ref

HEADER = (
    "# kg minting ledger: every key ever issued. Rows are only added; commit it with the data.\n"
    "# type\tkey\tevent\tvalue  (event: fingerprint | replaced_by {type}/{key})\n"
)
FINGERPRINT, REPLACED_BY = "fingerprint", "replaced_by"
# How alike a new title (or name) must be to a vanished one to inherit its key.
WORK_TITLE_SIMILARITY = 0.8
NAME_SIMILARITY = 0.9
_SCALAR_TYPES = frozenset({"person", "organization", "place", "topic", "series", "periodical"})

Row = tuple[str, str, str, str]
EntityId = tuple[str, str]  # (type, key)
KeyTable = dict[tuple[str, str], str]  # (type, fingerprint) → key


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A key no current record claims: merged into a successor, or withdrawn."""

    type: str
    key: str
    replaced_by: EntityId | None


@dataclass
class Ledger:
    """The ledger in memory; `rows` grows as keys are minted and fingerprints learned."""

    rows: set[Row] = field(default_factory=set)
    _by_fingerprint: dict[tuple[str, str], str] = field(default_factory=dict)
    _fingerprints: dict[EntityId, list[str]] = field(default_factory=lambda: defaultdict(list))
    _successor: dict[EntityId, EntityId] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in sorted(self.rows):
            self._index(row)

    @classmethod
    def from_text(cls, text: str, where: str = "ledger") -> Ledger:
        rows: set[Row] = set()
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4 or parts[2] not in (FINGERPRINT, REPLACED_BY):
                from kg.errors import InputError

                raise InputError(
                    where, number, "not a ledger row", "restore it from version control"
                )
            rows.add((parts[0], parts[1], parts[2], _unescape(parts[3])))
        return cls(rows)

    def to_text(self) -> str:
        body = "".join(f"{t}\t{k}\t{e}\t{_escape(v)}\n" for t, k, e, v in sorted(self.rows))
        return HEADER + body

    def _index(self, row: Row) -> None:
        type_, key, event, value = row
        if event == FINGERPRINT:
            self._by_fingerprint.setdefault((type_, value), key)
            self._fingerprints[(type_, key)].append(value)
        else:
            succ_type, _, succ_key = value.partition("/")
            self._successor[(type_, key)] = (succ_type, succ_key)

    def _add(self, row: Row) -> None:
        if row not in self.rows:
            self.rows.add(row)
            self._index(row)

    def keys(self) -> set[EntityId]:
        return set(self._fingerprints)

    def successor(self, entity: EntityId) -> EntityId:
        """Follow recorded merges to the entity that now stands for `entity`."""
        seen = {entity}
        while entity in self._successor and self._successor[entity] not in seen:
            entity = self._successor[entity]
            seen.add(entity)
        return entity

    def resolve(self, refs: Iterable[Ref]) -> KeyTable:
        """The key of every referenced entity, minting and learning as needed."""
        wanted = {(r.type, r.fingerprint): r for r in refs}
        table: KeyTable = {}
        pending: list[Ref] = []
        for ident in sorted(wanted):
            ref = wanted[ident]
            if ref.fixed_key is not None:
                self._add((ref.type, ref.fixed_key, FINGERPRINT, ref.fingerprint))
                table[ident] = ref.fixed_key
            elif ident in self._by_fingerprint:
                table[ident] = self.successor((ref.type, self._by_fingerprint[ident]))[1]
            elif (known := self._alias(ref)) is not None:
                self._add((ref.type, known, FINGERPRINT, ref.fingerprint))
                table[ident] = known
            else:
                pending.append(ref)
        claimed = {(t, k) for (t, _), k in table.items()}
        vanished = _Vanished(self, claimed)
        taken = {k for _, k in self.keys()}
        for ref in pending:
            key = vanished.take(ref) or _mint(ref.fingerprint, taken)
            taken.add(key)
            self._add((ref.type, key, FINGERPRINT, ref.fingerprint))
            table[(ref.type, ref.fingerprint)] = key
        return table

    def _alias(self, ref: Ref) -> str | None:
        """The key one of the entity's other fingerprints already has."""
        for alias in ref.aliases:
            key = self._by_fingerprint.get((ref.type, alias))
            if key is not None:
                return self.successor((ref.type, key))[1]
        return None

    def retire(
        self, table: KeyTable, successor_of: Callable[[str, str], EntityId | None]
    ) -> list[Tombstone]:
        """Tombstones for keys no record claims; `successor_of(type, fingerprint)` finds merges."""
        claimed = {(t, k) for (t, _), k in table.items()}
        out: list[Tombstone] = []
        for entity in sorted(self.keys() - claimed):
            if entity not in self._successor:
                for fingerprint in self._fingerprints[entity]:
                    found = successor_of(entity[0], fingerprint)
                    if found is not None and found != entity:
                        self._add((*entity, REPLACED_BY, f"{found[0]}/{found[1]}"))
                        break
            succ = self.successor(entity)
            out.append(Tombstone(entity[0], entity[1], succ if succ != entity else None))
        return out


class _Vanished:
    """Keys in the ledger that no current record claims: candidates for corrections.

    Bucketed so that a new fingerprint is only compared with old ones that could match
    (a work: same year and first contributor; a name: same type, scope and first letter).
    """

    def __init__(self, ledger: Ledger, claimed: set[EntityId]) -> None:
        self._ledger = ledger
        self._open: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for type_, key in ledger.keys() - claimed:
            if (type_, key) in ledger._successor:
                continue
            for old in ledger._fingerprints[(type_, key)]:
                self._open[_bucket(type_, old)].add(key)

    def take(self, ref: Ref) -> str | None:
        candidates = self._open.get(_bucket(ref.type, ref.fingerprint))
        if not candidates:
            return None
        best: tuple[float, str] | None = None
        for key in sorted(candidates):
            for old in self._ledger._fingerprints[(ref.type, key)]:
                score = _likeness(ref.type, old, ref.fingerprint)
                if score is not None and (best is None or score > best[0]):
                    best = (score, key)
        if best is None:
            return None
        for bucket in self._open.values():
            bucket.discard(best[1])
        return best[1]


def _bucket(type_: str, fingerprint: str) -> tuple[str, ...]:
    parts = fingerprint.split("|")
    if type_ == "work":
        return (type_, *parts[2:])
    return (type_, *parts[1:-1], parts[-1][:1])


def _likeness(type_: str, old: str, new: str) -> float | None:
    """How alike two fingerprints are, or None when they cannot be the same entity."""
    old_parts, new_parts = old.split("|"), new.split("|")
    if type_ == "work":
        if len(old_parts) != 4 or len(new_parts) != 4 or old_parts[2:] != new_parts[2:]:
            return None
        threshold = WORK_TITLE_SIMILARITY
    elif type_ in _SCALAR_TYPES:
        if len(old_parts) != len(new_parts) or old_parts[:-1] != new_parts[:-1]:
            return None
        if "@" in old_parts[-1] or "@" in new_parts[-1]:
            return None
        threshold = NAME_SIMILARITY
    else:
        return None
    index = 1 if type_ == "work" else -1
    matcher = SequenceMatcher(None, old_parts[index], new_parts[index])
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    score = matcher.ratio()
    return score if score >= threshold else None


def _mint(fingerprint: str, taken: set[str]) -> str:
    salt = 0
    while (key := opaque_key(fingerprint, salt=salt)) in taken:
        salt += 1
    return key


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(value: str) -> str:
    out, chars = [], iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append({"t": "\t", "n": "\n"}.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)
