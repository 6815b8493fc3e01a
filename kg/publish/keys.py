"""Keys for a build: read the ledger, resolve every record's entities, find merges, save it.

`assign_keys` is the pure step. The build runs it through `assign_spool_keys`, in a child
process over the spooled records: the key table (every entity's fingerprint and key) grows with
the catalogue, so the build process never holds it. The second claims to a work key are found
from that table in the child too. What the child leaves is the updated ledger and, for each
batch of the spooled records to map, the keys that batch names (what its mapping needs), as
files; and the tombstones, counts and second claims, in memory.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kg.config import Config
from kg.ingest.authority import Authority
from kg.ingest.periodicals import Periodicals
from kg.mapping.fingerprints import Ref, record_refs
from kg.mapping.ledger import EntityId, KeyTable, Ledger, Tombstone
from kg.publish.child import in_child
from kg.publish.claims import kept, second_claims
from kg.records import Record, Rejected

BatchKeys = dict[tuple[str, str], str]  # (type, fingerprint) → key, for one batch of records


@dataclass(frozen=True, slots=True)
class Keys:
    """The build's key table, the keys no record claims, and the updated ledger text."""

    table: KeyTable
    tombstones: tuple[Tombstone, ...]
    ledger_text: str
    minted: int


def ledger_path(config: Config) -> Path:
    return config.ledger_path()


def assign_keys(
    records: Iterable[Record],
    authority: Authority,
    ledger_text: str,
    where: str,
    periodicals: Periodicals | None = None,
) -> Keys:
    """Resolve the keys of every entity the records name against the ledger (pure)."""
    refs = (ref for record in records for ref in record_refs(record, authority, periodicals))
    return assign_ref_keys(refs, authority, ledger_text, where)


def assign_ref_keys(
    refs: Iterable[Ref], authority: Authority, ledger_text: str, where: str
) -> Keys:
    """`assign_keys` of the entities named (`record_refs` of every record, in order)."""
    ledger = Ledger.from_text(ledger_text, where)
    before = len(ledger.keys())
    table = ledger.resolve(refs)
    minted = len(ledger.keys()) - before

    def successor(type_: str, fingerprint: str) -> EntityId | None:
        # A name the authority file now resolves: the old key is merged into the entry's key.
        if type_ not in ("person", "organization"):
            return None
        agent = authority.lookup(fingerprint.split("|", 1)[-1])
        return (agent.kind, agent.key.removeprefix(f"{agent.kind}/")) if agent else None

    tombstones = tuple(ledger.retire(table, successor))
    return Keys(table, tombstones, ledger.to_text(), minted)


def read_ledger(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _learned(old_text: str, new_text: str) -> bool:
    """Whether the new ledger text holds rows the old one lacks (not only a new layout)."""
    if new_text == old_text:
        return False
    return Ledger.from_text(new_text).rows != Ledger.from_text(old_text).rows


@dataclass(frozen=True, slots=True)
class KeyFiles:
    """Keys assigned over a spool: the tombstones and counts, the second claims to a work key
    kept out of mapping, the updated ledger text in a file, and the keys of each batch of the
    records mapped in another (`batch_keys` reads them back)."""

    tombstones: tuple[Tombstone, ...]
    minted: int
    learned: bool  # the ledger gained rows (so it is saved)
    dropped: dict[int, Rejected]  # position in the spool → why the record is kept out
    ledger: Path
    batches: Path
    batch_size: int


def assign_spool_keys(
    records: Iterable[Record],
    authority: Authority,
    ledger_file: Path,
    folder: Path,
    batch_size: int,
    periodicals: Periodicals | None = None,
) -> KeyFiles:
    """`assign_keys` over `records` (a spool: read several times) in a child process, and the
    second claims to a work key found from the key table there (`claims.second_claims`); the
    updated ledger goes to `folder/ledger.tsv`, the keys of each `batch_size` records not
    dropped, in order, to `folder/batch-keys.pickle`."""
    step = _assign_into_files
    return in_child(step, records, authority, ledger_file, folder, batch_size, periodicals)


def _assign_into_files(
    records: Iterable[Record],
    authority: Authority,
    ledger_file: Path,
    folder: Path,
    batch_size: int,
    periodicals: Periodicals | None,
) -> KeyFiles:
    old = read_ledger(ledger_file)
    folder.mkdir(parents=True, exist_ok=True)
    # What each batch names is noted as the records are read for their keys: when no record
    # is kept out, the batches' keys come from it, without reading the records a second time.
    named = _Named(folder / "batch-refs.pickle", batch_size)
    with named:
        refs = (
            r for record in records for r in named.add(record_refs(record, authority, periodicals))
        )
        keys = assign_ref_keys(refs, authority, old, str(ledger_file))
    dropped = second_claims(records, named.count, keys.table)
    ledger, batches = folder / "ledger.tsv", folder / "batch-keys.pickle"
    ledger.write_text(keys.ledger_text, encoding="utf-8")
    with batches.open("wb") as out:
        if dropped:
            stream = kept(records, dropped)
            while batch := list(islice(stream, batch_size)):
                keyed = batch_keys_of(batch, keys.table, authority, periodicals)
                pickle.dump(keyed, out, pickle.HIGHEST_PROTOCOL)
        else:
            for pairs in _pickles(named.path):
                keyed = {pair: keys.table[pair] for pair in pairs if pair in keys.table}
                pickle.dump(keyed, out, pickle.HIGHEST_PROTOCOL)
    named.path.unlink()
    learned = _learned(old, keys.ledger_text)
    return KeyFiles(keys.tombstones, keys.minted, learned, dropped, ledger, batches, batch_size)


class _Named:
    """The (type, fingerprint) of every entity each batch of records names, written to a file
    batch by batch as the records' refs go by (`add`); `count`: the records seen."""

    def __init__(self, path: Path, batch_size: int) -> None:
        self.path, self.batch_size, self.count = path, batch_size, 0
        self._batch: list[tuple[str, str]] = []

    def __enter__(self) -> _Named:
        self._out = self.path.open("wb")
        return self

    def add(self, refs: list[Ref]) -> list[Ref]:
        """Note one record's refs; give them back."""
        self._batch += [(r.type, r.fingerprint) for r in refs]
        self.count += 1
        if self.count % self.batch_size == 0:
            self._flush()
        return refs

    def _flush(self) -> None:
        pickle.dump(self._batch, self._out, pickle.HIGHEST_PROTOCOL)
        self._batch = []

    def __exit__(self, *exc: object) -> None:
        if self._batch:
            self._flush()
        self._out.close()


def batch_keys_of(
    batch: Iterable[Record],
    table: Mapping[tuple[str, str], str],
    authority: Authority,
    periodicals: Periodicals | None = None,
) -> BatchKeys:
    """The keys of the entities a batch's records name."""
    named = (
        (r.type, r.fingerprint)
        for record in batch
        for r in record_refs(record, authority, periodicals)
    )
    return {pair: table[pair] for pair in named if pair in table}


def batch_keys(keys: KeyFiles) -> Iterator[BatchKeys]:
    """Each batch's keys, in spool order."""
    yield from _pickles(keys.batches)


def _pickles(path: Path) -> Iterator[Any]:
    with path.open("rb") as stream:
        while True:
            try:
                yield pickle.load(stream)
            except EOFError:
                return


def save_ledger_file(path: Path, keys: KeyFiles) -> None:
    """Write the updated ledger over the ledger file when it learned something."""
    if keys.learned:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(keys.ledger, path)
