"""Mints every IRI kg publishes: `{base}id/{type}/{key}` and the matching documents.

Keys are opaque: Crockford base32 of a hash of the entity's fingerprint
(`kg/mapping/fingerprints.py`), kept stable across rebuilds by the minting ledger
(`kg/mapping/ledger.py`). Parts of an entity that have no
page of their own (a journal volume, a work's author list, a source line) get hash IRIs under
their entity, so that no blank node (and no random label) ever reaches a dump.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

from kg.resource_types import ENTITY_TYPES

__all__ = ["ENTITY_TYPES", "KEY_LENGTH", "Iris", "opaque_key"]
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
KEY_LENGTH = 10
# What `quote(text, safe="-._~")` leaves as it is: keys and fragments are mostly that already.
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch
_MEMO = 1 << 14  # entity IRIs remembered (agents, places, topics come back in many records)
_entities: dict[tuple[str, str, str], URIRef] = {}


def opaque_key(fingerprint: str, length: int = KEY_LENGTH, salt: int = 0) -> str:
    """A short Crockford base32 key derived from a fingerprint (a salt resolves collisions)."""
    text = fingerprint if salt == 0 else f"{fingerprint}#{salt}"
    digest = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    chars = []
    for _ in range(length):
        digest, index = divmod(digest, 32)
        chars.append(_CROCKFORD[index])
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Iris:
    """IRI factory for one base IRI (which ends with a slash)."""

    base: str

    @property
    def id_base(self) -> str:
        return self.base + "id/"

    def entity(self, type_: str, key: str) -> URIRef:
        """`{base}id/{type}/{key}` (remembered: the same entity is named in many records)."""
        found = _entities.get((self.base, type_, key))
        if found is None:
            if type_ not in ENTITY_TYPES and type_ != "dataset":
                raise ValueError(f"unknown entity type {type_!r}")
            if len(_entities) >= _MEMO:
                _entities.clear()
            made = URIRef(f"{self.id_base}{type_}/{_quoted(key)}")
            found = _entities[self.base, type_, key] = made
        return found

    def part(self, entity: URIRef, fragment: str) -> URIRef:
        """A part of an entity described on the entity's page: `{entity}#{fragment}`."""
        return URIRef(f"{entity}#{_quoted(fragment)}")

    def document(self, type_: str, key: str, suffix: str = "") -> str:
        return f"{self.base}doc/{type_}/{_quoted(key)}{suffix}"

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def build(self, build_id: str) -> URIRef:
        """The PROV activity of one build."""
        return URIRef(f"{self.base}build/{quote(build_id, safe='')}")

    def dump(self, name: str) -> URIRef:
        """A dump file served at `{base}dumps/{name}`."""
        return URIRef(f"{self.base}dumps/{quote(name, safe='-._~')}")

    def dataset(self) -> URIRef:
        return self.entity("dataset", "kg")


def _quoted(text: str) -> str:
    """`quote(text, safe="-._~")`, without its cost where it would change nothing."""
    return text if _UNQUOTED(text) else quote(text, safe="-._~")
