"""Keys for a build: read the ledger, resolve every record's entities, find merges, save it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.config import Config
from kg.ingest.authority import Authority
from kg.ingest.periodicals import Periodicals
from kg.mapping.fingerprints import record_refs
from kg.mapping.ledger import EntityId, KeyTable, Ledger, Tombstone
from kg.records import Record


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
    ledger = Ledger.from_text(ledger_text, where)
    before = len(ledger.keys())
    refs = (ref for record in records for ref in record_refs(record, authority, periodicals))
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


def save_ledger(path: Path, old_text: str, new_text: str) -> None:
    """Write the ledger only when it learned something (keeps the working tree clean)."""
    if new_text != old_text and Ledger.from_text(new_text).rows != Ledger.from_text(old_text).rows:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_text, encoding="utf-8")
